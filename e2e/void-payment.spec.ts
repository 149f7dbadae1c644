import type { Page } from '@playwright/test';
import type { TabSummary } from '../shared/types';
import { BoardPage } from './pages/board-page';
import { openDrawerByBackDoor } from './pages/drawer-page';
import { expectUncovered, sizeName, tablets, type Size } from './pages/layout';
import { ReportsPage } from './pages/reports-page';
import { ReceiptPage } from './pages/settle-page';
import { openApp } from './pages/sign-in-page';
import { CommandClient, openSettleScene, TabPage } from './pages/tab-page';
import { VoidPaymentPanel } from './pages/void-payment-page';
import { expect, test } from './fixtures';

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}

test('settled by card by mistake: the manager voids it with a reason, the tab is back on the board with its due, and it is paid again in cash', async ({
  page,
  request,
  webHost,
  appUrl,
}) => {
  const { api, opened, tab, settle } = await openSettleScene(page, request, { ...webHost, appUrl }, ['Latte', 'Croissant']);
  const voiding = new VoidPaymentPanel(page);
  await expect(settle.due).toHaveText('€7.60');
  await settle.method('Card');
  await settle.tipPayNone();
  await settle.confirm();
  await expect(page.getByText(`Settled. Token ${opened.token} is free again.`)).toBeVisible();
  await settle.toReceipt();
  await expect(new ReceiptPage(page).payment('Card')).toContainText('€7.60');

  // No reason: refused beside the field, nothing voided.
  await voiding.action.click();
  await expect(voiding.panel).toContainText(`The tab goes back on the board on token ${opened.token}, owing €7.60 again.`);
  await voiding.confirmButton.click();
  await expect(voiding.reasonError()).toHaveText('A reason is required');
  expect((await api.tab(opened.id)).status).toBe('settled');

  await voiding.reason.fill('Customer wanted to pay cash');
  await shoot(page, 'void-payment-receipt');
  await voiding.reason.press('Enter');
  await expect(tab.heading()).toHaveText(`Token ${opened.token}`);
  await expect(page.locator('.tab-detail__status')).toHaveText('Open');
  await expect(tab.total('Due')).toHaveText('€7.60');
  await expect(tab.history).toContainText('Payment of €7.60 by Card voided: Customer wanted to pay cash');
  await shoot(page, 'void-payment-reopened');

  const board = new BoardPage(page);
  await tab.toBoard();
  await expect(board.tabCard(opened.token)).toContainText('€7.60');
  await tab.openFromBoard(opened.token);
  await tab.settleButton.click();
  await expect(settle.due).toHaveText('€7.60');
  await settle.method('Cash');
  await settle.tipPayNone();
  await settle.confirm();
  await expect(settle.outcome).toContainText('Paid €7.60 by Cash.');
  await expect(page.getByText(`Settled. Token ${opened.token} is free again.`)).toBeVisible();

  const after = await api.tab(opened.id);
  expect(after).toMatchObject({ status: 'settled', dueMinor: 0, paidMinor: 760 });
  expect(after.payments.map((p) => p.method)).toEqual(['cash']);
  expect(after.voidedPayments).toEqual([expect.objectContaining({ method: 'card', amountMinor: 760, voidReason: 'Customer wanted to pay cash' })]);
  const x = await api.call<{ payments: { method: string; count: number; takenMinor: number; voidedCount: number }[] }>('report.x');
  expect(x.payments.slice(0, 2)).toEqual([
    expect.objectContaining({ method: 'cash', count: 1, takenMinor: 760, voidedCount: 0 }),
    expect.objectContaining({ method: 'card', count: 1, takenMinor: 0, voidedCount: 1 }),
  ]);
  expect(await api.call('ledger.check')).toMatchObject({ balanced: true, problems: [] });
});

test('a refusal from the ledger shows beside the confirm button: the token went to another tab meanwhile', async ({ page, request, webHost, appUrl }) => {
  const api = new CommandClient(request, webHost);
  const items = await api.seedCafe();
  const opened = await api.openTabWith(items, ['Latte']);
  await api.call('settle.pay', { tabId: opened.id, method: 'card' });
  const next = await api.call<TabSummary>('tab.open', {});
  expect(next.token).toBe(opened.token);
  const tab = new TabPage(page);
  const voiding = new VoidPaymentPanel(page);
  await openApp(page, appUrl);
  await tab.goto(webHost.url, opened.id);
  await voiding.voidWith('Wrong tab');
  await expect(voiding.otherError()).toHaveText(
    `Token ${opened.token} is held by another open tab now, so this tab cannot reopen on it; settle or void that tab first`,
  );
  expect((await api.tab(opened.id)).status).toBe('settled');
  await shoot(page, 'void-payment-refused');
});

const sizes: readonly Size[] = [...tablets, { width: 1280, height: 800 }, { width: 1920, height: 1080 }];

for (const size of sizes) {
  test(`void panel at ${sizeName(size)}: the reason field and the confirm button are in view and uncovered, on the receipt and on the tab`, async ({
    page,
    request,
    webHost,
    appUrl,
  }) => {
    const api = new CommandClient(request, webHost);
    const items = await api.seedCafe();
    const opened = await api.openTabWith(items, ['Latte', 'Croissant', 'Cappuccino']);
    await api.call('settle.pay', { tabId: opened.id, method: 'card', tipMinor: 100 });
    const voiding = new VoidPaymentPanel(page);
    await page.setViewportSize(size);
    await openApp(page, appUrl);
    await page.goto(`${webHost.url}#/tab/${opened.id}/receipt`);
    await voiding.action.click();
    await expect(voiding.reason).toBeFocused();
    await expectUncovered(voiding.reason);
    await expectUncovered(voiding.confirmButton);
    await shoot(page, `void-payment-receipt-${sizeName(size)}`);

    await new TabPage(page).goto(webHost.url, opened.id);
    await voiding.action.click();
    await expect(voiding.reason).toBeFocused();
    await expectUncovered(voiding.reason);
    await expectUncovered(voiding.confirmButton);
    await shoot(page, `void-payment-tab-${sizeName(size)}`);
  });
}

for (const size of sizes) {
  test(`the X report at ${sizeName(size)} lists the voided card payment under the methods, net in the table`, async ({ page, request, webHost, appUrl }) => {
    const api = new CommandClient(request, webHost);
    const items = await api.seedCafe();
    await openDrawerByBackDoor(request, webHost);
    const opened = await api.openTabWith(items, ['Latte', 'Croissant']);
    const card = await api.call<{ payment: { id: number } }>('settle.pay', { tabId: opened.id, method: 'card', tipMinor: 100 });
    await api.call('settle.voidLastPayment', { tabId: opened.id, paymentId: card.payment.id, reason: 'Wrong card' });
    await api.call('settle.pay', { tabId: opened.id, method: 'cash' });
    await page.setViewportSize(size);
    await openApp(page, appUrl);
    const reports = new ReportsPage(page);
    await reports.openFromNav();
    // The report loads after the screen: poll until its rows are there.
    await expect
      .poll(() => reports.rows('Payments by method'))
      .toEqual([
        ['Cash', '1', '€7.60', '€0.00', '€7.60'],
        ['Card', '1', '€0.00', '€0.00', '€0.00'],
        ['Other', '0', '€0.00', '€0.00', '€0.00'],
      ]);
    await expect(reports.figure('Voided payments', 'Card: 1 voided')).toHaveText('−€8.60');
    const section = reports.section('Payments by method');
    const [outer, inner] = [await section.boundingBox(), await page.getByRole('table', { name: 'Payments by method', exact: true }).boundingBox()];
    if (!outer || !inner) throw new Error('no box for the payments section or its table');
    expect(inner.x + inner.width).toBeLessThanOrEqual(outer.x + outer.width);
    await section.scrollIntoViewIfNeeded();
    await shoot(page, `void-payment-report-${sizeName(size)}`);
  });
}
