import { expect, test } from './fixtures';
import { CatalogPage } from './pages/catalog-page';

test('the catalog from a starter to an archived item', async ({ page, appUrl }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const catalog = new CatalogPage(page);
  await catalog.goto(appUrl);

  // An empty catalog offers the starters as the first step.
  await expect(catalog.emptyState).toBeVisible();
  await catalog.loadCafeButton.click();
  await expect(catalog.group('Coffee')).toBeVisible();
  await expect(catalog.group('Food')).toBeVisible();
  await expect(catalog.group('Coffee').getByRole('listitem', { name: 'Latte' })).toContainText('€4.40');
  await expect(catalog.item('Latte')).toContainText('Standard 10%');
  await expect(catalog.emptyState).toBeHidden();

  await catalog.addCategory('Specials');
  await expect(catalog.categories.getByRole('listitem', { name: 'Specials' })).toBeVisible();
  await expect(catalog.newCategoryName).toHaveValue('');

  await catalog.addItemButton.click();
  await catalog.fillForm({ name: 'Iced latte', category: 'Specials', price: '3.90' });
  await catalog.priceField().press('Enter');
  await expect(catalog.form).toBeHidden();
  await expect(catalog.group('Specials').getByRole('listitem', { name: 'Iced latte' })).toContainText('€3.90');

  await catalog.editItem('Iced latte');
  await expect(catalog.priceField()).toHaveValue('3.90');
  await catalog.fillForm({ price: '4.15' });
  await catalog.priceField().press('Enter');
  await expect(catalog.form).toBeHidden();
  await expect(catalog.item('Iced latte')).toContainText('€4.15');

  await catalog.archiveItem('Iced latte');
  await expect(catalog.item('Iced latte')).toHaveCount(0);
  await expect(catalog.archived).toContainText('Archived (1)');
  await catalog.archived.getByText('Archived (1)').click();
  await expect(catalog.archivedItem('Iced latte')).toContainText('€4.15');
  await expect(catalog.archived.getByRole('button', { name: 'Restore Iced latte' })).toBeVisible();

  // The ledger refuses a second "Coffee"; the words appear under the name field.
  await catalog.addCategory('coffee');
  const refusal = catalog.categories.getByRole('alert');
  await expect(refusal).toHaveText('A category called "coffee" already exists');
  await expect(catalog.newCategoryName).toHaveAttribute('aria-invalid', 'true');
  await expect(catalog.newCategoryName).toHaveAccessibleDescription('A category called "coffee" already exists');

  await page.screenshot({ path: 'test-results/screenshots/catalog.png', fullPage: true });
});

test('a bad price is refused in the form, Esc closes it, then Esc goes back to the board', async ({ page, appUrl }) => {
  const catalog = new CatalogPage(page);
  await catalog.goto(appUrl);
  await catalog.loadSalonButton.click();
  await expect(catalog.group('Cuts')).toBeVisible();

  await catalog.addItemButton.click();
  await catalog.fillForm({ name: 'Fringe trim', price: '4.404' });
  await catalog.priceField().press('Enter');
  await expect(catalog.form.getByRole('alert')).toHaveText('"4.404" has more than 2 decimals');
  await expect(catalog.form).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(catalog.form).toBeHidden();
  await expect(catalog.onSale.getByText('Fringe trim')).toHaveCount(0);

  // "/" jumps to the search; typing filters the list.
  await page.keyboard.press('/');
  await expect(catalog.search).toBeFocused();
  await page.keyboard.type('colour');
  await expect(catalog.group('Cuts')).toHaveCount(0);
  await expect(catalog.group('Colour')).toBeVisible();

  // Esc first leaves the search (a search field clears itself on Esc, showing every group again), then goes back.
  await page.keyboard.press('Escape');
  await expect(catalog.search).not.toBeFocused();
  await expect(catalog.search).toHaveValue('');
  await expect(catalog.group('Cuts')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Catalog' })).toBeHidden();
  await expect(page).toHaveURL(/#\/$/);
});
