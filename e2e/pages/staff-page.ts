import { expect, type Locator, type Page } from '@playwright/test';
import type { Role } from '../../shared/permissions';

const ROLE_LABEL: Record<Role, string> = { owner: 'Owner', manager: 'Manager', staff: 'Staff' };

/** The Staff screen (owner and manager): who works here, their role and PIN, by roles and visible words. */
export class StaffPage {
  readonly heading: Locator;
  readonly addButton: Locator;
  readonly active: Locator;
  /** The add or edit form, a dialog named by its title. */
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Staff' });
    this.addButton = page.getByRole('button', { name: 'Add a person', exact: true });
    this.active = page.getByRole('list', { name: 'Active staff' });
    this.form = page.getByRole('dialog', { name: 'Add a person' });
  }

  async openFromNav(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Staff', exact: true }).click();
    await this.heading.waitFor();
  }

  /** One person's row in the list of active staff. */
  person(name: string): Locator {
    return this.active.getByRole('listitem', { name, exact: true });
  }

  /** Adds a person as a manager would: name, role, the PIN twice, then Add person. */
  async add(name: string, role: Role, pin: string): Promise<void> {
    await this.addButton.click();
    await expect(this.form).toBeVisible();
    await this.form.getByLabel('Name', { exact: true }).fill(name);
    await this.form.getByRole('radio', { name: ROLE_LABEL[role], exact: true }).check();
    await this.form.getByLabel('PIN', { exact: true }).fill(pin);
    await this.form.getByLabel('PIN again', { exact: true }).fill(pin);
    await this.form.getByRole('button', { name: 'Add person', exact: true }).click();
    await expect(this.form).toBeHidden();
  }
}
