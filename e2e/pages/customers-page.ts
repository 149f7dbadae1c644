import { expect, type Locator, type Page } from '@playwright/test';

/** The Customers screen and a customer's page, by roles and visible words. */
export class CustomersPage {
  readonly search: Locator;
  readonly visits: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByRole('searchbox', { name: 'Find a customer' });
    this.visits = page.getByTestId('customer-visit');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
    await expect(this.page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
    await expect(this.search).toBeFocused();
  }

  /** Adds a customer through the New customer form; lands on their page. */
  async create(fields: { name: string; phone?: string; email?: string; notes?: string; contactOk?: boolean }): Promise<void> {
    await this.page.getByRole('button', { name: 'New customer' }).click();
    const form = this.form('New customer');
    await form.getByLabel('Name').fill(fields.name);
    if (fields.phone) await form.getByLabel('Phone').fill(fields.phone);
    if (fields.email) await form.getByLabel('E-mail').fill(fields.email);
    if (fields.notes) await form.getByLabel('Notes (preferences, allergies)').fill(fields.notes);
    if (fields.contactOk) await form.getByLabel('Agreed to be contacted').check();
    await form.getByRole('button', { name: 'Add customer' }).click();
  }

  form(title: string): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  /** Finds a customer from the one search field and opens their page. */
  async openProfile(query: string, name: string): Promise<void> {
    await this.search.fill(query);
    await this.page.getByRole('link', { name: new RegExp(`^${name}`) }).click();
    await expect(this.heading()).toHaveText(name);
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  visitTotals(): Promise<string[]> {
    return this.visits.locator('td.customer-visits__amount').allTextContents();
  }
}

/** The tab screen's customer control. */
export class TabCustomerControl {
  readonly name: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByTestId('tab-customer-name');
  }

  async attach(query: string, name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Attach a customer' }).click();
    await this.page.getByRole('searchbox', { name: 'Find a customer to attach' }).fill(query);
    await this.page.getByRole('button', { name: `Attach ${name}` }).click();
    await expect(this.name).toHaveText(name);
  }
}
