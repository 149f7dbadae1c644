import { cuts, decodeEscPos, printedText, pulses } from '../electron/test-support/escpos-decoder';
import { startFakePrinter, type FakePrinter } from '../electron/test-support/fake-printer';
import { openDrawerByBackDoor } from './pages/drawer-page';
import { SettlePage } from './pages/settle-page';
import { SettingsPage } from './pages/settings-page';
import { openApp } from './pages/sign-in-page';
import { CommandClient, TabPage } from './pages/tab-page';
import { expect, test } from './fixtures';

let printer: FakePrinter;
test.beforeEach(async () => {
  // A network receipt printer's raw port on 127.0.0.1 that keeps every byte it is sent.
  printer = await startFakePrinter();
});
test.afterEach(async () => {
  await printer.close();
});

test('a receipt printer on the network: set up on This PC, a test print, the drawer on a cash payment, and a receipt that prints as its preview showed', async ({
  page,
  request,
  webHost,
  appUrl,
}) => {
  const api = new CommandClient(request, webHost);
  const items = await api.seedCafe();
  await openDrawerByBackDoor(request, webHost);
  // Paper in the store's German, this PC's screens in English: the receipt carries ü, ö and €.
  await api.call('store.update', { language: 'de' });
  await api.call('device.update', { language: 'en' });

  // Settings → This PC: the printer on the network, its roll, and the drawer it drives.
  const settings = new SettingsPage(page);
  await settings.goto(appUrl);
  await page.getByLabel('How this PC prints').selectOption('escpos-network');
  await page.getByLabel('Paper').selectOption('58mm');
  await page.getByLabel("Printer's address (IP or host name)").fill(printer.host);
  await page.getByLabel('Port', { exact: true }).fill(String(printer.port));
  await page.getByLabel('The printer drives the cash drawer: open it on a cash payment').check();
  await page.getByRole('button', { name: 'Test print' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Printed on the printer at 127.0.0.1, port ${printer.port}.` })).toBeVisible();
  const test = decodeEscPos((await printer.job(0)).bytes);
  expect(printedText(test)).toContain('12345678901234567890123456789012');
  expect(printedText(test)).toContain(`Drucker: 127.0.0.1, Port ${printer.port}`);
  expect([cuts(test), pulses(test), test.unknown]).toEqual([1, 0, []]);
  await page.getByRole('group', { name: 'Receipt printer' }).screenshot({ path: 'test-results/screenshots/printer-settings.png' });

  // A tab paid in cash: the drawer's pulse arrives once the payment is committed.
  const opened = await api.openTabWith(items, ['Latte', 'Croissant']);
  const tab = new TabPage(page);
  await tab.goto(webHost.url, opened.id);
  await tab.settleButton.click();
  const settle = new SettlePage(page);
  await settle.method('Cash');
  await settle.quickTender('€10.00');
  await settle.confirm();
  await expect(page.getByText(`Settled. Token ${opened.token} is free again.`)).toBeVisible();
  const kick = decodeEscPos((await printer.job(1)).bytes);
  expect(kick.commands.filter((c) => c.kind === 'pulse')).toEqual([{ kind: 'pulse', pin: 2, onMs: 100, offMs: 500 }]);
  expect([cuts(kick), printedText(kick)]).toEqual([0, []]);

  // The receipt: Print shows the roll as it will print; the bytes that arrive read back as exactly those lines.
  await settle.toReceipt();
  // Ctrl+P is the receipt's Print once the receipt is on the screen.
  await expect(page.getByRole('button', { name: 'Print', exact: true })).toBeVisible();
  await page.keyboard.press('Control+P');
  const dialog = page.getByRole('dialog', { name: 'Print preview' });
  const paper = dialog.getByTestId('paper-preview');
  await expect(paper).toContainText('Rückgeld');
  await expect(dialog.getByText('58 mm roll, 32 characters a line, as it prints')).toBeVisible();
  const shown = await paper.locator('.paper-view__line').allTextContents();
  await page.screenshot({ path: 'test-results/screenshots/printer-preview.png', fullPage: true });
  await dialog.getByRole('button', { name: 'Print', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `Printed on the printer at 127.0.0.1, port ${printer.port}.` })).toBeVisible();
  await expect(dialog).toHaveCount(0);

  const receipt = decodeEscPos((await printer.job(2)).bytes);
  expect(printedText(receipt)).toEqual(shown.map((line) => line.replace(/\s+$/, '')));
  expect(shown).toContain(`Marke ${opened.token}`);
  expect(shown.some((line) => line.includes('€') && line.startsWith('  Rückgeld'))).toBe(true);
  expect([cuts(receipt), pulses(receipt), receipt.unknown]).toEqual([1, 0, []]);
  expect(printer.jobs).toHaveLength(3);
});

test('a printer that is off: the payment stands, and the screen says the drawer did not open', async ({ page, request, webHost, appUrl }) => {
  const api = new CommandClient(request, webHost);
  const items = await api.seedCafe();
  await openDrawerByBackDoor(request, webHost);
  const port = printer.port;
  await printer.close();
  await api.call('device.update', { printer: { kind: 'escpos-network', paper: '80mm', host: '127.0.0.1', port, drawer: true } });

  await openApp(page, appUrl);
  const opened = await api.openTabWith(items, ['Latte']);
  const tab = new TabPage(page);
  await tab.goto(webHost.url, opened.id);
  await tab.settleButton.click();
  const settle = new SettlePage(page);
  await settle.method('Cash');
  await settle.confirm();
  await expect(page.getByText(`Settled. Token ${opened.token} is free again.`)).toBeVisible();
  const warning = page.getByRole('alert').filter({ hasText: 'The payment is taken, but the cash drawer did not open.' });
  await expect(warning).toContainText(`The printer at 127.0.0.1, port ${port} refused the connection`);
  expect((await api.tab(opened.id)).status).toBe('settled');
  await warning.getByRole('button', { name: 'OK' }).click();
  await expect(warning).toHaveCount(0);
  // Reopened for the next test's clean-up.
  printer = await startFakePrinter();
});
