import type { Page } from '@playwright/test';
import type { DayReport, DrawerState } from '../shared/closing-types';
import { formatMoney } from '../shared/money';
import type { LedgerCheck, TabDetail } from '../shared/types';
import { ApprovalDialog } from './pages/approval-dialog';
import { createStaff } from './pages/commands';
import { openDrawerByBackDoor } from './pages/drawer-page';
import { RefundPage, RefundReceiptPage } from './pages/refund-page';
import { ReportsPage } from './pages/reports-page';
import { SettlePage } from './pages/settle-page';
import { openApp } from './pages/sign-in-page';
import { CommandClient, openTabScreen, TabPage } from './pages/tab-page';
import { expect, test } from './fixtures';

const sizes = [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
] as const;

/** The screen at the counter's two tablet sizes, for a look at the layout. */
async function shoot(page: Page, name: string): Promise<void> {
  const before = page.viewportSize();
  for (const size of sizes) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screenshots/${name}-${size.width}x${size.height}.png`, fullPage: true });
  }
  if (before) await page.setViewportSize(before);
}

test('a settled tab paid by cash and card: a latte refunded by line, then an amount by card, with receipts, and the X and the drawer agree with the ledger', async ({
  page,
  request,
  webHost,
  appUrl,
}) => {
  await openDrawerByBackDoor(request, webHost, 5000);
  const { api, opened, tab } = await openTabScreen(page, request, { ...webHost, appUrl });
  await tab.addItem('Latte');
  await expect(tab.qtyField('Latte')).toHaveValue('1');
  await tab.addItem('Latte');
  await expect(tab.qtyField('Latte')).toHaveValue('2');
  await tab.addItem('Croissant');
  await expect(tab.total('Due')).toHaveText('€12.00');

  // Settled in two halves: cash, then card.
  await tab.settleButton.click();
  const settle = new SettlePage(page);
  await settle.splitEvenly(2);
  await expect(settle.payPanel).toContainText('Part 1: take payment of €6.00');
  await settle.method('Cash');
  await settle.tipPayNone();
  await settle.confirm();
  await expect(settle.outcome).toContainText('Paid €6.00 by Cash.');
  await expect(settle.payPanel).toContainText('Part 2: take payment of €6.00');
  await settle.method('Card');
  await settle.tipPayNone();
  await settle.confirm();
  await expect(page.getByText(`Settled. Token ${opened.token} is free again.`)).toBeVisible();
  const settled = await api.tab(opened.id);
  expect(settled.receiptNumber).not.toBeNull();
  await settle.toReceipt();

  // One latte of the two back: as paid, the cash half (the two halves tie) gives it back from the drawer.
  await page.getByRole('link', { name: 'Refund…' }).click();
  const refund = new RefundPage(page);
  await expect(refund.form).toContainText(`Receipt no. ${settled.receiptNumber} · paid €12.00 · refunded so far €0.00 · left €12.00`);
  await refund.mode('Some items');
  await refund.more('Latte');
  await expect(refund.units('Latte')).toHaveText('1');
  await expect(refund.figure('Cash out of the drawer')).toHaveText('€4.40');
  await expect(refund.figure('Of the bill, tax included')).toHaveText('€4.40');
  await expect(refund.preview).toContainText('Left to refund after this: €7.60');
  await shoot(page, 'refund-lines');
  await refund.reason.fill('Cold latte');
  await refund.confirmButton.click();

  const receipt = new RefundReceiptPage(page);
  await expect(receipt.number).toHaveText('Refund no. 1');
  await expect(receipt.of).toHaveText(`Refund of receipt no. ${settled.receiptNumber}`);
  await expect(receipt.paper).toContainText('1 × Latte€4.40');
  await expect(receipt.paper).toContainText('Cash given back€4.40');
  await expect(receipt.paper).toContainText('Reason: Cold latte');
  await shoot(page, 'refund-receipt');

  // Found again from the board by its receipt number (R), then an amount back on the card terminal.
  await page.getByRole('navigation').getByRole('link', { name: 'Tabs' }).click();
  await page.keyboard.press('r');
  await page.getByRole('textbox', { name: 'Receipt number' }).fill(String(settled.receiptNumber));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Settled today' })).toContainText(`Token ${opened.token}`);
  await shoot(page, 'find-receipt');
  await page
    .getByRole('region', { name: 'Found' })
    .getByRole('link', { name: `Open the tab on token ${opened.token}` })
    .click();
  const onTab = new TabPage(page);
  await expect(onTab.heading()).toHaveText(`Token ${opened.token}`);
  await expect(onTab.history).toContainText('Refunded €4.40: Cold latte');
  await page.keyboard.press('r');
  await refund.mode('An amount');
  await refund.amount.fill('3');
  await refund.tender(/^Card \(up to /);
  await expect(refund.figure('Refund on the card terminal')).toHaveText('€3.00');
  await refund.reason.fill('Slow service');
  await refund.reason.press('Enter');
  await expect(receipt.number).toHaveText('Refund no. 2');
  await expect(receipt.paper).toContainText('Refund on the card terminal€3.00');
  await receipt.backToTab();
  await expect(page.getByRole('region', { name: 'Refunds' })).toContainText('Refund no. 2: €3.00 · Slow service');
  await expect(onTab.history).toContainText('Refunded €3.00: Slow service');

  // The X: refunds by reason and by tender, as the ledger has them.
  const reports = new ReportsPage(page);
  await reports.openFromNav();
  await expect(reports.figure('Refunds', 'Given back in all')).toHaveText('€7.40');
  expect(await reports.rows('Refunds by reason')).toEqual([
    ['Cold latte', '1', '€4.40', '€0.00'],
    ['Slow service', '1', '€3.00', '€0.00'],
  ]);
  expect(await reports.rows('Refunds by tender')).toEqual([
    ['Cash', '1', '€4.40', '€0.00', '€4.40'],
    ['Card', '1', '€3.00', '€0.00', '€3.00'],
  ]);
  await shoot(page, 'refund-x-report');
  const x = await api.call<DayReport>('report.x');
  const check = await api.call<LedgerCheck>('ledger.check');
  expect(check).toMatchObject({ balanced: true, problems: [] });
  const balance = (account: string) => check.accounts.find((a) => a.account === account)?.balanceMinor ?? 0;
  expect(x.refunds).toMatchObject({ count: 2, amountMinor: 740, givenMinor: 740, netMinor: balance('refunds') });
  expect(x.sales.refundsMinor).toBe(balance('refunds'));
  await expect(reports.figure('Sales', 'Refunds')).toHaveText(`−${formatMoney(balance('refunds'), 'EUR', 'en-IE')}`);
  expect(x.payments.map((p) => [p.method, p.takenMinor, p.refundedMinor])).toEqual([
    ['cash', 600, 440],
    ['card', 600, 300],
    ['other', 0, 0],
  ]);
  expect(balance('card_clearing')).toBe(600 - 300);

  // The drawer expects its float and the cash half, less the cash refund: the ledger's cash_drawer.
  await api.call('drawer.count', { count: { kind: 'total', totalMinor: 5160 } });
  const drawer = await api.call<DrawerState>('drawer.get');
  expect(drawer.session).toMatchObject({ floatMinor: 5000, cashInMinor: 600, refundsOutMinor: 440, expectedMinor: 5160, varianceMinor: 0 });
  expect(balance('cash_drawer')).toBe(5160);
});

test('a staff member refunds only with a manager’s PIN, and the receipt names who approved it', async ({ page, request, webHost, appUrl }) => {
  const api = new CommandClient(request, webHost);
  await createStaff(request, webHost, 'Sam', 'staff', '2222');
  await createStaff(request, webHost, 'Mia', 'manager', '3333');
  const items = await api.seedCafe();
  const opened = await api.openTabWith(items, ['Latte']);
  await api.call('settle.pay', { tabId: opened.id, method: 'card', tipMinor: 50 });

  await openApp(page, appUrl, { name: 'Sam', pin: '2222' });
  await page.goto(`${webHost.url}#/tab/${opened.id}/refund`);
  const refund = new RefundPage(page);
  await expect(refund.figure('Refund on the card terminal')).toHaveText('€4.40');
  // Tips stay unless ticked.
  await refund.tips.check();
  await expect(refund.figure('Refund on the card terminal')).toHaveText('€4.90');
  await expect(refund.figure('Tips')).toHaveText('Owner: €0.50');
  await refund.reason.fill('Charged twice');
  await refund.confirmButton.click();

  const approval = new ApprovalDialog(page);
  await expect(approval.dialog).toBeVisible();
  await approval.approveAs('Mia', '3333');
  const receipt = new RefundReceiptPage(page);
  await expect(receipt.number).toHaveText('Refund no. 1');
  await expect(receipt.paper).toContainText('Refunded by Sam');
  await expect(receipt.paper).toContainText('Approved by Mia');
  await expect(receipt.paper).toContainText('Tips given back€0.50');
  const after = await api.call<TabDetail>('tab.get', { tabId: opened.id });
  expect(after.refunds).toEqual([expect.objectContaining({ amountMinor: 440, tipMinor: 50, staffName: 'Sam', reason: 'Charged twice' })]);
  expect(await api.call<LedgerCheck>('ledger.check')).toMatchObject({ balanced: true, problems: [] });
});
