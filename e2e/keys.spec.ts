import { expect, test } from './fixtures';
import { CatalogPage } from './pages/catalog-page';
import { SettingsPage } from './pages/settings-page';
import { openApp } from './pages/sign-in-page';
import { CommandClient, openTabScreen } from './pages/tab-page';
import { TokensPage } from './pages/tokens-page';
import type { StoreSettings } from '../shared/types';

test('Esc closes an open panel first, leaves a field next, and only then goes back', async ({ page, appUrl, request, webHost }) => {
  const { api: ledger, opened: tab, tab: tabPage } = await openTabScreen(page, request, { ...webHost, appUrl }, ['Latte']);
  await tabPage.lines.first().getByRole('button', { name: 'Remove', exact: true }).click();
  const reason = page.getByRole('form', { name: 'Remove Latte' }).getByRole('textbox', { name: 'Why is it removed?' });
  await reason.fill('half typed');
  await page.keyboard.press('Escape');
  await expect(reason).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`#/tab/${tab.id}$`));
  // In the search: the first Esc clears it, the next leaves the field, the next the screen.
  await tabPage.search.fill('lat');
  await page.keyboard.press('Escape');
  await expect(tabPage.search).toHaveValue('');
  await expect(tabPage.search).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(tabPage.search).not.toBeFocused();
  await expect(page).toHaveURL(new RegExp(`#/tab/${tab.id}$`));
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/#\/$/);
  expect((await ledger.tab(tab.id)).lines.map((line) => line.state)).toEqual(['active']);
});

test('Esc does not throw away unsaved settings without a warning', async ({ page, appUrl, request, webHost }) => {
  const ledger = new CommandClient(request, webHost);
  const settings = new SettingsPage(page);
  await settings.goto(appUrl);
  await settings.name.fill('Half-typed name');
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/#\/settings$/);
  await page.keyboard.press('Escape');
  await expect(page.getByText('You have unsaved changes.')).toBeVisible();
  await expect(page).toHaveURL(/#\/settings$/);
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/#\/$/);
  expect((await ledger.call<StoreSettings>('store.get')).name).toBe('My café');
});

test('Enter right after tapping a token opens the tab on it', async ({ page, appUrl }) => {
  const tokens = new TokensPage(page);
  await openApp(page, appUrl);
  await page
    .getByRole('link', { name: 'Choose token' })
    .or(page.getByRole('button', { name: 'Choose token' }))
    .click();
  await tokens.token(7).click();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/slip\/\d+$/);
  await expect(page.getByText('7', { exact: true }).first()).toBeVisible();
});

test('in a comma locale a price typed with a dot is read as cents', async ({ page, appUrl, request, webHost }) => {
  const ledger = new CommandClient(request, webHost);
  await ledger.call('store.update', { locale: 'de-DE' });
  const catalog = new CatalogPage(page);
  await catalog.goto(appUrl);
  await catalog.addItemButton.click();
  await catalog.fillForm({ name: 'Chai', price: '4.40' });
  await catalog.form.getByRole('button', { name: /save/i }).click();
  await expect(catalog.item('Chai')).toContainText('4,40\u00a0€');
  const stored = await ledger.call<{ items: { name: string; priceMinor: number }[] }>('catalog.list');
  expect(stored.items.find((item) => item.name === 'Chai')?.priceMinor).toBe(440);
});
