import type { Locator, Page } from '@playwright/test';
import { openApp } from './sign-in-page';

/** The catalog screen by roles and visible words. */
export class CatalogPage {
  readonly addItemButton: Locator;
  readonly loadCafeButton: Locator;
  readonly loadSalonButton: Locator;
  readonly emptyState: Locator;
  readonly search: Locator;
  readonly onSale: Locator;
  readonly archived: Locator;
  readonly newCategoryName: Locator;
  readonly addCategoryButton: Locator;
  readonly categories: Locator;
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.addItemButton = page.getByRole('button', { name: 'Add an item' });
    this.loadCafeButton = page.getByRole('button', { name: 'Load café starter' });
    this.loadSalonButton = page.getByRole('button', { name: 'Load salon starter' });
    this.emptyState = page.getByText('The catalog is empty.');
    this.search = page.getByRole('searchbox', { name: 'Search items' });
    this.onSale = page.getByRole('region', { name: 'Items on sale' });
    this.archived = page.getByRole('group', { name: /^Archived/ });
    this.newCategoryName = page.getByLabel('New category name');
    this.addCategoryButton = page.getByRole('button', { name: 'Add category' });
    this.categories = page.getByRole('region', { name: 'Categories' });
    this.form = page.getByRole('dialog');
  }

  /** Opens the app from its link, signs in as the owner, then the catalog from the nav bar, as a person would. */
  async goto(appUrl: string): Promise<void> {
    await openApp(this.page, appUrl);
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Catalog' }).waitFor();
  }

  group(category: string): Locator {
    return this.onSale.getByRole('region', { name: category, exact: true });
  }

  item(name: string): Locator {
    return this.onSale.getByRole('listitem', { name, exact: true });
  }

  archivedItem(name: string): Locator {
    return this.archived.getByRole('listitem', { name, exact: true });
  }

  async addCategory(name: string): Promise<void> {
    await this.newCategoryName.fill(name);
    await this.addCategoryButton.click();
  }

  /** Fills the open item form; fields left undefined keep what they hold. */
  async fillForm(fields: { name?: string; category?: string; price?: string; expect?: string; minutes?: string; kind?: 'Product' | 'Service' }): Promise<void> {
    if (fields.name !== undefined) await this.form.getByLabel('Name').fill(fields.name);
    if (fields.category !== undefined) await this.form.getByLabel('Category').selectOption({ label: fields.category });
    // A service's duration and words are shown only once the kind is a service.
    if (fields.kind !== undefined) await this.form.getByLabel(fields.kind).check();
    if (fields.minutes !== undefined) await this.form.getByLabel('Duration (minutes)').fill(fields.minutes);
    if (fields.expect !== undefined) await this.form.getByLabel('What to expect').fill(fields.expect);
    if (fields.price !== undefined) await this.priceField().fill(fields.price);
  }

  priceField(): Locator {
    return this.form.getByLabel(/^Price/);
  }

  async editItem(name: string): Promise<void> {
    await this.onSale.getByRole('button', { name: `Edit ${name}`, exact: true }).click();
  }

  async archiveItem(name: string): Promise<void> {
    await this.onSale.getByRole('button', { name: `Archive ${name}`, exact: true }).click();
  }
}
