import type { StoreSettings } from '../shared/types';
import { expect, test } from './fixtures';
import { CatalogPage } from './pages/catalog-page';
import { SettingsPage } from './pages/settings-page';
import { must, sendCommand } from './pages/commands';

test('a new store name shows in the nav bar as soon as it is saved', async ({ page, appUrl }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const settings = new SettingsPage(page);
  await settings.goto(appUrl);
  await expect(settings.navStoreName).toHaveText('My café');

  await settings.name.fill('Corner Café');
  await expect(settings.status).toHaveText('1 change not saved yet');
  await settings.name.press('Enter');
  await expect(settings.status).toHaveText('Saved');
  await expect(settings.navStoreName).toHaveText('Corner Café');
  await expect(settings.name).toHaveValue('Corner Café');

  await page.screenshot({ path: 'test-results/screenshots/settings.png', fullPage: true });
});

test('colour thresholds and pay-after terms survive a reload', async ({ page, appUrl, request, webHost }) => {
  const settings = new SettingsPage(page);
  await settings.goto(appUrl);
  await settings.amber.fill('20');
  await settings.red.fill('40');
  await settings.terms.fill('Pay when you leave. Not happy? Tell us and we will fix it.');
  await settings.save();
  await expect(settings.status).toHaveText('Saved');

  await page.reload();
  await expect(settings.amber).toHaveValue('20');
  await expect(settings.red).toHaveValue('40');
  await expect(settings.terms).toHaveValue('Pay when you leave. Not happy? Tell us and we will fix it.');
  const stored = await must<StoreSettings>(request, webHost, 'store.get', {});
  expect(stored).toMatchObject({ amberMinutes: 20, redMinutes: 40, name: 'My café' });
});

test('amber at or after red is refused next to the field and nothing is saved', async ({ page, appUrl, request, webHost }) => {
  const settings = new SettingsPage(page);
  await settings.goto(appUrl);
  const before = await must<StoreSettings>(request, webHost, 'store.get', {});

  await settings.amber.fill('120');
  await settings.save();
  await expect(settings.alert('The amber warning must come before the red one')).toBeVisible();
  await expect(settings.amber).toHaveAttribute('aria-invalid', 'true');
  await expect(settings.amber).toHaveAccessibleDescription('The amber warning must come before the red one');
  await expect(settings.status).toHaveText('1 change not saved yet');
  expect(await must<StoreSettings>(request, webHost, 'store.get', {})).toEqual(before);

  // Typing again clears the refusal; a sensible value then saves.
  await settings.amber.fill('60');
  await expect(settings.alert('The amber warning')).toHaveCount(0);
  await settings.save();
  await expect(settings.status).toHaveText('Saved');
});

test('a fresh store can switch to yen, and the catalog then shows whole yen', async ({ page, appUrl, request, webHost }) => {
  const settings = new SettingsPage(page);
  await settings.goto(appUrl);
  await settings.currency.selectOption('JPY');
  // en-IE writes yen as "JP¥" (CLDR tells it from the yuan); either way whole yen, no decimals.
  // Only the steps yen coins make: ¥1 (no rounding), ¥5, ¥10; never ¥25.
  await expect(settings.cashRounding.locator('option')).toHaveText(['No rounding', /^Round cash to (JP)?¥5$/, /^Round cash to (JP)?¥10$/]);
  await settings.save();
  await expect(settings.status).toHaveText('Saved');
  expect(await must<StoreSettings>(request, webHost, 'store.get', {})).toMatchObject({ currency: 'JPY', exponent: 0 });

  const catalog = new CatalogPage(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).click();
  await catalog.loadCafeButton.click();
  await expect(catalog.item('Latte').getByText(/^(JP)?¥440$/)).toBeVisible();

  await catalog.addItemButton.click();
  await expect(catalog.priceField()).toHaveAccessibleName('Price (JPY)');
  await catalog.fillForm({ name: 'Matcha', price: '450.5' });
  await catalog.priceField().press('Enter');
  await expect(catalog.form.getByRole('alert')).toHaveText('"450.5" cannot have decimals in this currency');
  await catalog.fillForm({ price: '450' });
  await catalog.priceField().press('Enter');
  await expect(catalog.item('Matcha').getByText(/^(JP)?¥450$/)).toBeVisible();
});

test('cash rounding follows the coins: francs round to 5 or 10 centimes, and a step no coin makes is refused', async ({ page, appUrl, request, webHost }) => {
  const settings = new SettingsPage(page);
  await settings.goto(appUrl);
  await settings.currency.selectOption('CHF');
  await expect(settings.cashRounding.locator('option')).toHaveText([/^Round cash to CHF.0\.05$/, /^Round cash to CHF.0\.10$/]);
  await expect(settings.cashRounding).toHaveValue('5');
  for (const size of [
    { width: 1024, height: 768 },
    { width: 768, height: 1024 },
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screenshots/settings-rounding-chf-${size.width}x${size.height}.png`, fullPage: true });
  }
  await settings.save();
  await expect(settings.status).toHaveText('Saved');
  expect(await must<StoreSettings>(request, webHost, 'store.get', {})).toMatchObject({ currency: 'CHF', cashRoundingMinor: 5 });

  // The ledger holds the same line for any caller: no 25-centime step, nothing changed.
  const refused = await sendCommand(request, webHost, 'store.update', { cashRoundingMinor: 25 });
  expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'cashRoundingMinor' } });
  expect(refused.ok ? '' : refused.error.message).toMatch(/^cash in CHF can be rounded only to a step its coins make: /);
  expect(await must<StoreSettings>(request, webHost, 'store.get', {})).toMatchObject({ currency: 'CHF', cashRoundingMinor: 5 });
});

test('once a sale is recorded the currency control is locked and says why up front', async ({ page, appUrl, request, webHost }) => {
  const starter = await must<{ items: { id: number; name: string }[] }>(request, webHost, 'catalog.loadStarter', { kind: 'cafe' });
  const latte = starter.items.find((i) => i.name === 'Latte');
  if (!latte) throw new Error('the café starter has no Latte');
  const tab = await must<{ id: number }>(request, webHost, 'tab.open', {});
  await must(request, webHost, 'tab.addLine', { tabId: tab.id, itemId: latte.id });
  await must(request, webHost, 'settle.pay', { tabId: tab.id, method: 'card' });

  const settings = new SettingsPage(page);
  await settings.goto(appUrl);
  // The server still refuses a currency change (covered by its unit tests); the screen says so before anyone tries.
  const hint = 'The currency is fixed now that sales are recorded.';
  await expect(settings.currency).toBeDisabled();
  await expect(settings.currency).toHaveValue('EUR');
  await expect(page.getByText(hint, { exact: true })).toBeVisible();
  await expect(settings.currency).toHaveAccessibleDescription(hint);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(await must<StoreSettings>(request, webHost, 'store.get', {})).toMatchObject({ currency: 'EUR' });
});

test('an error under Last token leaves First token beside it in line', async ({ page, appUrl }) => {
  const settings = new SettingsPage(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await settings.goto(appUrl);
  const first = page.getByLabel('First token');
  const last = page.getByLabel('Last token');
  await last.fill('abc');
  await settings.save();
  await expect(last).toHaveAttribute('aria-invalid', 'true');
  await expect(last).toHaveAccessibleDescription('Enter a whole number from 0 to 9999');
  const [firstBox, lastBox] = [await first.boundingBox(), await last.boundingBox()];
  expect(firstBox?.y).toBe(lastBox?.y);
  expect(firstBox?.height).toBe(lastBox?.height);
  // Past the sticky save bar, so the pair and the error show in the picture.
  await page.getByRole('heading', { name: 'Tokens' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: 'test-results/screenshots/settings-token-error.png' });
});
