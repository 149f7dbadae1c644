import type { Locator, Page } from '@playwright/test';
import { openApp } from './sign-in-page';

/** The store settings screen by labels and visible words. */
export class SettingsPage {
  readonly name: Locator;
  readonly currency: Locator;
  readonly locale: Locator;
  readonly cashRounding: Locator;
  readonly amber: Locator;
  readonly red: Locator;
  readonly tipConfirmPercent: Locator;
  readonly terms: Locator;
  readonly saveButton: Locator;
  readonly status: Locator;
  readonly navStoreName: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByLabel('Store name');
    this.currency = page.getByLabel('Currency', { exact: true });
    this.locale = page.getByLabel('Number and date format');
    this.cashRounding = page.getByLabel('Cash rounding');
    this.amber = page.getByLabel('Amber after (minutes)');
    this.red = page.getByLabel('Red after (minutes)');
    this.tipConfirmPercent = page.getByLabel('Ask to confirm a tip above (% of the bill)');
    this.terms = page.getByLabel('Pay-after terms printed on every slip');
    this.saveButton = page.getByRole('button', { name: 'Save', exact: true });
    this.status = page.getByRole('status');
    this.navStoreName = page.getByRole('navigation', { name: 'Main' }).locator('.nav__store');
  }

  /** Opens the app from its link, signs in as the owner, then Settings from the nav bar. */
  async goto(appUrl: string): Promise<void> {
    await openApp(this.page, appUrl);
    await this.openFromNav();
  }

  async openFromNav(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Store settings' }).waitFor();
  }

  /** A refusal shown by the Save button rather than by one field. */
  alert(text: string | RegExp): Locator {
    return this.page.getByRole('alert').filter({ hasText: text });
  }

  async save(): Promise<void> {
    await this.saveButton.click();
  }
}
