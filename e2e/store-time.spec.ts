import type { BackupInfo } from '../shared/closing-types';
import type { PaymentResult, StoreSettings } from '../shared/types';
import { BackupPage } from './pages/backup-page';
import { ReceiptPage } from './pages/settle-page';
import { openApp } from './pages/sign-in-page';
import { SlipPage } from './pages/slip-page';
import { CommandClient, TabPage } from './pages/tab-page';
import { expect, test } from './fixtures';

const STORE_ZONE = 'Pacific/Auckland';
const COMPUTER_ZONE = 'America/New_York';

// The counter PC's clock is set to New York; the store (and its business days) is in Auckland.
test.use({ timezoneId: COMPUTER_ZONE });

test('the slip, the tab’s history, the receipt and the backups list show the store’s time, not this computer’s', async ({ page, request, webHost, appUrl }) => {
  const api = new CommandClient(request, webHost);
  const store = await api.call<StoreSettings>('store.update', { timeZone: STORE_ZONE });
  const items = await api.seedCafe();
  const opened = await api.openTabWith(items, ['Latte']);
  const clock = (iso: string, timeZone: string, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(store.locale, { ...options, timeZone }).format(new Date(iso));
  const dateTime = (iso: string, zone = STORE_ZONE) => clock(iso, zone, { dateStyle: 'medium', timeStyle: 'short' });
  // New York and Auckland are 16 to 18 hours apart, so the two wall clocks never read the same.
  expect(dateTime(opened.openedAt)).not.toBe(dateTime(opened.openedAt, COMPUTER_ZONE));
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(COMPUTER_ZONE);

  await openApp(page, appUrl);
  await page.goto(`${webHost.url}#/slip/${opened.id}`);
  const slip = new SlipPage(page);
  await expect(slip.slip).toContainText(dateTime(opened.openedAt));
  await expect(slip.slip).not.toContainText(dateTime(opened.openedAt, COMPUTER_ZONE));

  const tab = new TabPage(page);
  await tab.goto(webHost.url, opened.id);
  const added = opened.history.find((entry) => entry.action === 'tab.addLine');
  if (!added) throw new Error('the tab has no line added in its history');
  await expect(tab.history).toContainText(`${clock(added.at, STORE_ZONE, { timeStyle: 'short' })} · `);

  const paid = await api.call<PaymentResult>('settle.pay', { tabId: opened.id, method: 'card' });
  expect(paid.settled).toBe(true);
  const { closedAt } = await api.tab(opened.id);
  if (!closedAt) throw new Error('paying in full did not close the tab');
  await page.goto(`${webHost.url}#/tab/${opened.id}/receipt`);
  const receipt = new ReceiptPage(page);
  await expect(receipt.receipt).toContainText(`Opened ${dateTime(opened.openedAt)}`);
  await expect(receipt.receipt).toContainText(`Closed ${dateTime(closedAt)}`);
  await page.screenshot({ path: 'test-results/screenshots/store-time-receipt.png', fullPage: true });

  const backup = await api.call<BackupInfo>('backup.now');
  const backups = new BackupPage(page);
  await page.goto(`${webHost.url}#/backups`);
  await expect(backups.row('made by hand')).toContainText(dateTime(backup.at));
});
