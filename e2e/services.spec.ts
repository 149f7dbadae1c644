import type { Catalog } from '../shared/types';
import { expect, test } from './fixtures';
import { BoardPage } from './pages/board-page';
import { CatalogPage } from './pages/catalog-page';
import { ReceiptPage, SettlePage } from './pages/settle-page';
import { SlipPage } from './pages/slip-page';
import { CommandClient, TabPage } from './pages/tab-page';

const VIEWPORTS = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 768, height: 1024 },
  { width: 1920, height: 1080 },
];

test('a salon service tells the client what to expect, on the slip and on the receipt after settling', async ({ page, request, webHost, appUrl }) => {
  const api = new CommandClient(request, webHost);
  const catalog = new CatalogPage(page);
  await catalog.goto(appUrl);

  // The salon starter: every service with its minutes and its words.
  await catalog.loadSalonButton.click();
  await expect(catalog.item('Men’s cut')).toContainText('30 min');
  await expect(catalog.item('Men’s cut')).toContainText('Free touch-up of the neckline within 7 days.');
  await expect(catalog.item('Styling cream')).not.toContainText('min');
  const starter = await api.call<Catalog>('catalog.list');
  const words = starter.items.find((i) => i.name === 'Men’s cut')!.expectText;

  // The form offers the duration and the words only for a service, and keeps the starter's.
  await catalog.editItem('Men’s cut');
  await expect(catalog.form.getByLabel('Duration (minutes)')).toHaveValue('30');
  await expect(catalog.form.getByLabel('What to expect')).toHaveValue(words);
  await catalog.fillForm({ minutes: '32' });
  await catalog.form.getByLabel('Duration (minutes)').press('Enter');
  await expect(catalog.form.getByRole('alert')).toHaveText('A service takes 5 to 600 minutes, in steps of 5');
  await page.keyboard.press('Escape');
  await catalog.editItem('Styling cream');
  await expect(catalog.form.getByLabel('Duration (minutes)')).toHaveCount(0);
  await expect(catalog.form.getByLabel('What to expect')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // A client in the chair: a token, a cut and a cream to take home.
  await api.call('drawer.open', { float: { kind: 'total', totalMinor: 0 } });
  const board = new BoardPage(page);
  const tab = new TabPage(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Tabs' }).click();
  await board.openTabButton.click();
  await expect(page).toHaveURL(/#\/slip\/\d+$/);
  const slip = new SlipPage(page);
  await slip.goToTab.click();
  await tab.addItem('Men’s cut');
  await expect(tab.line('Men’s cut')).toBeVisible();
  await tab.addItem('Styling cream');
  await expect(tab.line('Styling cream')).toBeVisible();

  await page.getByRole('link', { name: 'Slip', exact: true }).click();
  const expectations = slip.slip.getByRole('region', { name: 'What to expect' });
  await expect(expectations.getByRole('listitem')).toHaveCount(1);
  await expect(expectations).toContainText('Men’s cut');
  await expect(expectations).toContainText(words);
  await expect(slip.slip).not.toContainText('Styling cream');
  for (const size of VIEWPORTS) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screenshots/services-slip-${size.width}.png`, fullPage: true });
  }

  // Settled by card; the receipt carries the words under the cut and nothing under the cream.
  await slip.goToTab.click();
  await tab.settleButton.click();
  const settle = new SettlePage(page);
  await settle.method('Card');
  await settle.confirm();
  await expect(page.getByText(/^Settled\./)).toBeVisible();
  await page.getByRole('button', { name: 'Go to the receipt' }).click();
  const receipt = new ReceiptPage(page);
  const [cut, cream] = [
    receipt.receipt.locator('.receipt__line').filter({ hasText: 'Men’s cut' }),
    receipt.receipt.locator('.receipt__line').filter({ hasText: 'Styling cream' }),
  ];
  await expect(cut).toContainText(words);
  await expect(cream).not.toContainText(words);
  await expect(receipt.receipt.getByText(words)).toHaveCount(1);
  for (const size of VIEWPORTS) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screenshots/services-receipt-${size.width}.png`, fullPage: true });
  }

  // The catalog's words change later; the settled tab's paper does not.
  const item = starter.items.find((i) => i.name === 'Men’s cut')!;
  await api.call('catalog.updateItem', { itemId: item.id, expectText: 'Different words now.' });
  await page.reload();
  await expect(cut).toContainText(words);
  await expect(receipt.receipt).not.toContainText('Different words now.');
  expect(await api.call('ledger.check')).toMatchObject({ balanced: true, problems: [] });
});

test('the item form at both screen sizes, for a new service', async ({ page, appUrl }) => {
  const catalog = new CatalogPage(page);
  await catalog.goto(appUrl);
  await catalog.addItemButton.click();
  await catalog.fillForm({ name: 'Fringe trim', price: '8', kind: 'Service' });
  await catalog.priceField().press('Enter');
  const minutes = catalog.form.getByLabel('Duration (minutes)');
  await expect(catalog.form.getByRole('alert')).toHaveText('A service needs its duration in minutes');
  await expect(minutes).toHaveAttribute('aria-invalid', 'true');
  for (const size of VIEWPORTS) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screenshots/services-form-${size.width}.png`, fullPage: true });
  }
  await catalog.fillForm({ minutes: '15', expect: 'A tidy fringe, dry cut. Free re-trim within 7 days.' });
  await minutes.press('Enter');
  await expect(catalog.form).toBeHidden();
  await expect(catalog.item('Fringe trim')).toContainText('15 min');
  await expect(catalog.item('Fringe trim')).toContainText('A tidy fringe, dry cut.');
});
