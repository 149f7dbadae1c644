import type { DayReport, DayStatus } from '../shared/closing-types';
import type { CatalogItem, LineAdded, TabSummary, TokenState } from '../shared/types';
import { openDrawerByBackDoor } from './pages/drawer-page';
import { expectUncovered } from './pages/layout';
import { MovePanels } from './pages/move-page';
import { SettlePage } from './pages/settle-page';
import { RefundPage, RefundReceiptPage } from './pages/refund-page';
import { openApp } from './pages/sign-in-page';
import { CommandClient, TabPage } from './pages/tab-page';
import { expect, test } from './fixtures';

/*
 * The day, worked out by hand. Prices include 10 % tax and are multiples of 1.10, so every tab's tax
 * is exact wherever the lines end up (each tab rounds its own tax):
 *   token 1  Latte 4.40 × 3 + Scone 3.30            = 16.50
 *   token 2  Juice 5.50                             =  5.50
 *   token 3  Scone 3.30 × 2                          =  6.60, 2.00 paid by card before anything moves
 * Through the screens: 2 of the 3 lattes go from token 1 to token 2 (part of a line); token 3 is
 * merged into token 2 (its 2.00 comes along); token 2's tab gets token 9; it is settled on screen,
 * then refunded whole on screen (its 2.00 paid on token 3 goes back with the rest).
 *   token 1  Latte 4.40 + Scone 3.30 = 7.70, paid by card
 *   token 9  Juice 5.50 + Latte 4.40 × 2 + Scone 3.30 × 2 = 20.90, 2.00 paid before, 18.90 by card
 *   rung up 28.60 = net 26.00 + tax 2.60; no comps, no removals, no void, no walkout; card 2.00 + 7.70 + 18.90;
 *   refunded 20.90 (net 19.00, tax 1.90) by card, so the day's net is 7.00 and its tax 0.70.
 */
test('a part of a line moved, a partly paid tab merged and a token changed through the screens; the Z agrees with what was rung up', async ({
  page,
  request,
  webHost,
  appUrl,
}) => {
  test.setTimeout(90_000);
  const api = new CommandClient(request, webHost);
  await openDrawerByBackDoor(request, webHost);
  const item = (name: string, priceMinor: number) =>
    api.call<CatalogItem>('catalog.createItem', { categoryId: null, name, kind: 'product', priceMinor, rateMilli: 10_000, expectText: '' });
  const [latte, scone, juice] = [await item('Latte', 440), await item('Scone', 330), await item('Juice', 550)];
  const open = async (name: string, lines: [CatalogItem, number][]): Promise<TabSummary> => {
    let tab = await api.call<TabSummary>('tab.open', { name });
    for (const [what, qty] of lines) tab = await api.call<LineAdded>('tab.addLine', { tabId: tab.id, itemId: what.id, qty });
    return tab;
  };
  const one = await open('Ana', [
    [latte, 3],
    [scone, 1],
  ]);
  const two = await open('Ben', [[juice, 1]]);
  const three = await open('Cleo', [[scone, 2]]);
  expect([one.token, two.token, three.token]).toEqual([1, 2, 3]);
  await api.call('settle.pay', { tabId: three.id, method: 'card', amountMinor: 200 });

  const tab = new TabPage(page);
  const panels = new MovePanels(page);
  await openApp(page, appUrl);
  await tab.goto(webHost.url, one.id);

  // Move two of the three lattes: M opens the panel, + twice, the target typed as its token.
  await panels.press('m');
  await expect(panels.move).toBeVisible();
  await panels.pick('Latte', 2);
  await panels.typeToken(2);
  await expect(panels.tabButton(panels.move, 2)).toHaveAttribute('aria-pressed', 'true');
  await page.screenshot({ path: 'test-results/screenshots/tab-move-panel.png', fullPage: true });
  await panels.move.getByRole('button', { name: 'Move 2 items to token 2' }).click();
  await expect(panels.notice).toContainText('Moved 2 items to token 2.');
  await expect(tab.qtyField('Latte')).toHaveValue('1');
  await expect(tab.total('Due')).toHaveText('€7.70');
  await expect(tab.history).toContainText('Moved Latte × 2 to token 2');
  await panels.notice.getByRole('link', { name: 'Open token 2' }).click();
  await expect(tab.heading()).toHaveText('Token 2');
  await expect(tab.total('Due')).toHaveText('€14.30');
  await expect(tab.history).toContainText('Latte × 2 moved here from token 1');

  // Merge the partly paid token 3 into token 2: G, then a tap on token 2's button.
  await tab.goto(webHost.url, three.id);
  await panels.press('g');
  await expect(panels.merge).toContainText('Everything on token 3 moves to the tab you pick, with €2.00 already paid on it; token 3 goes back to the pool.');
  await panels.tabButton(panels.merge, 2).click();
  await page.screenshot({ path: 'test-results/screenshots/tab-merge-panel.png', fullPage: true });
  await panels.merge.getByRole('button', { name: 'Merge into token 2' }).click();
  await expect(tab.heading()).toHaveText('Token 2');
  await expect(tab.total('Paid')).toHaveText('€2.00');
  await expect(tab.total('Due')).toHaveText('€18.90');
  await expect(tab.history).toContainText('Token 3 merged in: Scone × 2; €2.00 already paid came along');
  const merged = await api.tab(three.id);
  expect(merged).toMatchObject({ status: 'voided', mergedInto: { tabId: two.id, token: 2 } });

  // Change token 2's tab to token 9: K, type 9, Enter.
  await panels.press('k');
  await expect(panels.changeToken).toBeVisible();
  await panels.typeToken(9);
  await panels.press('Enter');
  await expect(tab.heading()).toHaveText('Token 9');
  await expect(tab.history).toContainText('Token changed from 2 to 9');
  const pool = await api.call<TokenState[]>('token.pool');
  expect(pool.filter((t) => t.state === 'held').map((t) => t.token)).toEqual([1, 9]);

  // Settle token 9 on its screen, and token 1 by the back door.
  await tab.settleButton.click();
  const settle = new SettlePage(page);
  await expect(settle.due).toHaveText('€18.90');
  await settle.method('Card');
  await settle.tipPayNone();
  await settle.confirm();
  await expect(page.getByText('Settled. Token 9 is free again.')).toBeVisible();
  await api.call('settle.pay', { tabId: one.id, method: 'card' });

  // Token 9 refunded whole on its screen: the 2.00 taken on token 3 before the merge goes back too, by card.
  await page.goto(`${webHost.url}#/tab/${two.id}/refund`);
  const refund = new RefundPage(page);
  await expect(refund.figure('Refund on the card terminal')).toHaveText('€20.90');
  await refund.reason.fill('Wrong order');
  await refund.confirmButton.click();
  await expect(new RefundReceiptPage(page).number).toHaveText('Refund no. 1');

  // Close the day and read the Z through the back door.
  await api.call('drawer.count', { count: { kind: 'total', totalMinor: 0 } });
  await api.call('drawer.close', {});
  const day = await api.call<DayStatus>('day.status');
  const z = await api.call<DayReport>('day.close', { businessDate: day.currentBusinessDate });
  // The refund (20.90: 19.00 net and 1.90 tax) comes off the day's sales, and goes back by card.
  expect(z.sales).toMatchObject({
    rungUpMinor: 2600,
    removedMinor: 0,
    removedCount: 0,
    grossMinor: 2600,
    compsMinor: 0,
    refundsMinor: 1900,
    netMinor: 700,
    taxMinor: 70,
    totalMinor: 770,
  });
  expect(z.taxes).toEqual([{ rateMilli: 10_000, netMinor: 700, taxMinor: 70 }]);
  expect(z.payments.find((p) => p.method === 'card')).toMatchObject({ count: 3, amountMinor: 2860, voidedCount: 0, refundedCount: 1, refundedMinor: 2090 });
  expect(z.refunds?.byMethod).toEqual([{ method: 'card', count: 1, amountMinor: 2090, tipMinor: 0, givenMinor: 2090 }]);
  expect(z.staff?.map((p) => [p.salesMinor, p.refundsMinor])).toEqual([[2600, 1900]]);
  expect(z.tabs).toMatchObject({ settled: 2, writtenOff: 0 });
  expect(z.walkouts).toEqual({ count: 0, amountMinor: 0 });
  expect(z.receivable).toMatchObject({ chargedMinor: 2860, paidMinor: 2860, writtenOffMinor: 0, carriedForwardMinor: 0 });
  expect(z.carried).toEqual([]);
  expect(z.accounts.map((a) => a.account)).not.toContain('tab_transfers');
  expect(await api.call('ledger.check')).toMatchObject({ balanced: true, problems: [] });
});

test('a move is refused in place while another window is settling the target tab', async ({ page, request, webHost, appUrl }) => {
  const api = new CommandClient(request, webHost);
  const latte = await api.call<CatalogItem>('catalog.createItem', {
    categoryId: null,
    name: 'Latte',
    kind: 'product',
    priceMinor: 440,
    rateMilli: 10_000,
    expectText: '',
  });
  const one = await api.call<TabSummary>('tab.open', {});
  await api.call('tab.addLine', { tabId: one.id, itemId: latte.id, qty: 2 });
  const two = await api.call<TabSummary>('tab.open', {});
  await api.call('tab.addLine', { tabId: two.id, itemId: latte.id });
  // The back door is another session of the owner's: it is settling token 2.
  await api.call('settle.claim', { tabId: two.id });

  const tab = new TabPage(page);
  const panels = new MovePanels(page);
  // A tablet held upright: every control of the panel is there to tap, none covered.
  await page.setViewportSize({ width: 768, height: 1024 });
  await openApp(page, appUrl);
  await tab.goto(webHost.url, one.id);
  await page.getByRole('button', { name: /^Move lines…/ }).click();
  await panels.pick('Latte', 1);
  await panels.tabButton(panels.move, two.token).click();
  for (const control of await panels.move.getByRole('button').all()) {
    await control.scrollIntoViewIfNeeded();
    await expectUncovered(control);
  }
  await page.screenshot({ path: 'test-results/screenshots/tab-move-panel-768.png', fullPage: true });
  await panels.move.getByRole('button', { name: 'Move 1 item to token 2' }).click();
  await expect(panels.move.getByRole('alert')).toHaveText('Owner is settling the tab on token 2 in another window: wait until that is done');
  expect((await api.tab(one.id)).totalMinor).toBe(880);
  // Esc backs out of the panel, and the tab is as it was.
  await panels.press('Escape');
  await expect(panels.move).toHaveCount(0);
  await expect(tab.total('Due')).toHaveText('€8.80');
});
