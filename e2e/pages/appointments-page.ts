import { expect, type Locator, type Page } from '@playwright/test';

/** The Appointments screen: the day grid, the booking form, an appointment's panel and its confirmation. */
export class AppointmentsPage {
  readonly bookButton: Locator;
  readonly form: Locator;
  readonly panel: Locator;
  readonly confirmation: Locator;

  constructor(readonly page: Page) {
    this.bookButton = page.getByRole('button', { name: /^Book/ }).first();
    this.form = page.getByRole('dialog', { name: /Book an appointment|Change the appointment/ });
    // The appointment's panel is named by its customer; the form has its own title.
    this.panel = page.locator('.appointment-panel');
    this.confirmation = page.getByRole('article', { name: 'Booking confirmation' });
  }

  async openFromNav(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Diary', exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Appointments' }).waitFor();
  }

  /** Shows a day by typing it in the date field, as a person picking a date would. */
  async showDay(date: string): Promise<void> {
    await this.page.locator('input.salon__date').fill(date);
    await expect(this.page).toHaveURL(new RegExp(`date=${date}`));
    await this.page
      .getByRole('group', { name: /^Appointments on / })
      .or(this.page.getByText(/The store is closed on/))
      .first()
      .waitFor();
  }

  /**
   * Books through the form: the customer found by name, who does it, when, the services tapped in
   * order, and how the deposit is paid.
   */
  async book(b: {
    customer: string;
    staff: string;
    date: string;
    time: string;
    services: string[];
    deposit: 'Cash' | 'Card' | 'Other' | 'Take later';
  }): Promise<void> {
    await this.bookButton.click();
    await expect(this.form).toBeVisible();
    await this.form.getByRole('searchbox', { name: 'Find by name or phone' }).fill(b.customer);
    await this.form.getByRole('button', { name: `Book for ${b.customer}` }).click();
    await this.form.getByRole('combobox', { name: 'With' }).selectOption({ label: b.staff });
    await this.form.getByLabel('Date', { exact: true }).fill(b.date);
    for (const s of b.services) await this.form.getByRole('button', { name: new RegExp(`^${s}`) }).click();
    await this.form.getByRole('combobox', { name: 'Start' }).selectOption({ label: b.time });
    await this.form.getByRole('radio', { name: b.deposit, exact: true }).check();
    await this.form.getByRole('button', { name: 'Book', exact: true }).click();
    await expect(this.form).toBeHidden();
    // The new appointment's panel opens; Esc closes it, back to the day.
    await expect(this.panel.getByRole('heading', { level: 2 })).toContainText(b.customer);
    await this.page.keyboard.press('Escape');
    await expect(this.panel).toBeHidden();
  }

  card(customer: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`${customer}:`) });
  }

  async open(customer: string): Promise<void> {
    await this.card(customer).click();
    await expect(this.panel.getByRole('heading', { level: 2 })).toContainText(customer);
  }

  action(name: string): Locator {
    return this.panel.getByRole('button', { name, exact: true });
  }
}
