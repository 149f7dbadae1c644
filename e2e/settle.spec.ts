import { walkGoldenPath } from './flows/golden-path';
import { openDrawerByBackDoor } from './pages/drawer-page';
import { ReceiptPage, SettlePage } from './pages/settle-page';
import { openApp } from './pages/sign-in-page';
import { CommandClient, openSettleScene } from './pages/tab-page';
import { expect, test } from './fixtures';

test('golden path: a token, three items, split two ways, cash with change and card with a tip', async ({ page, request, webHost, appUrl }) => {
  // The steps and their checks live in flows/golden-path.ts, which the Electron spec walks too.
  await openApp(page, appUrl);
  await walkGoldenPath(page, new CommandClient(request, webHost));
});

test('bad input at the till: a tip of −1 and cash below what is owed are refused next to the field, nothing posted', async ({
  page,
  request,
  webHost,
  appUrl,
}) => {
  const { api, opened, settle } = await openSettleScene(page, request, { ...webHost, appUrl }, ['Latte', 'Croissant']);
  await expect(settle.due).toHaveText('€7.60');
  const before = await api.tab(opened.id);

  await settle.method('Card');
  await settle.typeTip('-1');
  await settle.confirm();
  await expect(settle.errorAfter(settle.tipAmount)).toHaveText('An amount cannot be negative');

  await settle.method('Cash');
  await settle.tipPayNone();
  await settle.cashGiven.fill('5');
  await expect(settle.payPanel).toContainText('€2.60 short');
  await settle.cashGiven.press('Enter');
  await expect(settle.errorAfter(settle.cashGiven)).toContainText('The cash handed over is less than');
  await page.screenshot({ path: 'test-results/screenshots/settle-refused.png', fullPage: true });

  const after = await api.tab(opened.id);
  expect(after.paidMinor).toBe(0);
  expect(after.payments).toEqual([]);
  expect(after.lines).toEqual(before.lines);
  expect(after.status).toBe('open');
  expect(await api.call('ledger.check')).toMatchObject({ balanced: true, problems: [] });
});

test('split by lines and by amount: each part is paid on its own until nothing is due', async ({ page, request, webHost, appUrl }) => {
  const { api, opened, settle } = await openSettleScene(page, request, { ...webHost, appUrl }, ['Latte', 'Croissant', 'Cappuccino']);

  // By amount: the remainder goes to a last part of its own.
  await page.getByRole('button', { name: 'By amount' }).click();
  await page.getByRole('textbox', { name: 'Payer 1 pays' }).fill('5');
  await expect(page.getByText('Left for the last payer: €6.80')).toBeVisible();
  await page.getByRole('button', { name: 'Split', exact: true }).click();
  await expect(settle.part(1)).toContainText('€5.00');
  await expect(settle.part(2)).toContainText('€6.80');
  await page.getByRole('button', { name: 'Pay as one again' }).click();
  await expect(settle.part(1)).toHaveCount(0);

  // By lines: the croissant is someone else's.
  await page.getByRole('button', { name: 'By lines' }).click();
  await settle.giveUnit('1 × Croissant', 'Croissant', 1, 2);
  await expect(settle.unitRow('1 × Croissant').getByRole('status', { name: 'Croissant for payer 2' })).toHaveText('1');
  await page.getByRole('button', { name: 'Split', exact: true }).click();
  await expect(settle.part(1)).toContainText('€8.60');
  await expect(settle.part(2)).toContainText('€3.20');

  await settle.payPart(2);
  await expect(settle.payPanel).toContainText('Part 2: take payment of €3.20');
  await settle.confirm();
  await expect(settle.outcome).toContainText('Paid €3.20 by Cash.');
  await expect(settle.part(2)).toContainText('Paid');
  await settle.method('Other');
  await settle.payPanel.getByRole('textbox', { name: 'What was used (voucher, transfer…)' }).fill('Voucher 1234');
  await settle.page.keyboard.press('Enter');
  await expect(page.getByText(`Settled. Token ${opened.token} is free again.`)).toBeVisible();
  await settle.toReceipt();
  await expect(new ReceiptPage(page).payment('Other')).toContainText('Voucher 1234');
  expect(await api.call('ledger.check')).toMatchObject({ balanced: true, problems: [] });
});

test('a split left with no unpaid part shows what was paid as history, not as a current split', async ({ page, request, webHost, appUrl }) => {
  const api = new CommandClient(request, webHost);
  const items = await api.seedCafe();
  await openDrawerByBackDoor(request, webHost);
  const opened = await api.openTabWith(items, ['Latte', 'Croissant', 'Cappuccino']);
  await api.call('settle.split', { tabId: opened.id, mode: 'even', parts: 2 });
  await api.call('settle.pay', { tabId: opened.id, method: 'card', partNo: 1 });
  // A line taken off after part 1 was paid drops the unpaid part: the old split is gone.
  const croissant = opened.lines.find((l) => l.name === 'Croissant');
  if (!croissant) throw new Error('no Croissant line');
  await api.call('tab.removeLine', { tabId: opened.id, lineId: croissant.id, reason: 'Ordered by mistake' });
  expect((await api.tab(opened.id)).split.filter((p) => p.paymentId === null)).toEqual([]);

  const settle = new SettlePage(page);
  await openApp(page, appUrl);
  await page.goto(`${webHost.url}#/tab/${opened.id}/settle`);
  await expect(settle.due).toHaveText('€2.70');
  const history = page.getByRole('region', { name: 'Already paid' });
  await expect(history).toContainText('Part 1 by Card');
  await expect(history).toContainText('€5.90');
  await expect(history.getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Parts' })).toHaveCount(0);
  await expect(settle.part(1)).toHaveCount(0);
  await expect(settle.payPanel).toContainText('Take payment of €2.70');

  await settle.method('Cash');
  await settle.confirm();
  await expect(settle.outcome).toContainText('Paid €2.70 by Cash.');
  // Exact cash: there is no change to hand back, so no "Change €0.00".
  await expect(settle.outcome).not.toContainText('Change');
  await expect(page.getByText(`Settled. Token ${opened.token} is free again.`)).toBeVisible();
  await settle.toReceipt();
  const receipt = new ReceiptPage(page);
  await expect(receipt.payment('Cash')).toContainText('€2.70');
  await expect(receipt.payment('Cash')).not.toContainText('Change');
  expect(await api.call('ledger.check')).toMatchObject({ balanced: true, problems: [] });
});

test('at 1280×800 the change due stays in view above the confirm button; Card comes first when no drawer is open', async ({
  page,
  request,
  webHost,
  appUrl,
}) => {
  const api = new CommandClient(request, webHost);
  const items = await api.seedCafe();
  const opened = await api.openTabWith(items, ['Latte', 'Croissant', 'Cappuccino']);
  const settle = new SettlePage(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page, appUrl);
  await page.goto(`${webHost.url}#/tab/${opened.id}/settle`);
  await expect(settle.due).toHaveText('€11.80');
  // No drawer is open, so cash cannot be taken: Card is chosen; Cash is one tap away.
  await expect(settle.chosenMethod()).toHaveText('Card');
  await expect(settle.confirmButton()).toHaveText('Taken on the terminal: €11.80');

  // Once a drawer opens (in any window), Cash is the first choice again.
  await openDrawerByBackDoor(request, webHost);
  await expect(settle.chosenMethod()).toHaveText('Cash');

  // The tallest form: a split part, a typed tip, cash handed over.
  await settle.splitEvenly(2);
  await settle.typeTip('1');
  await settle.quickTender('€10.00');
  await expect(settle.preview).toContainText('To take: €6.90');
  await expect(settle.preview).toContainText('Change €3.10');
  const view = page.viewportSize();
  const change = await settle.preview.boundingBox();
  const button = await settle.confirmButton().boundingBox();
  if (!view || !change || !button) throw new Error('no viewport, change line or button to compare');
  expect(change.y).toBeGreaterThanOrEqual(0);
  expect(change.y + change.height).toBeLessThanOrEqual(button.y);
  expect(button.y + button.height).toBeLessThanOrEqual(view.height);
  // Nothing is drawn over the change line: the topmost element at its centre is inside it.
  const [x, y] = [Math.round(change.x + change.width / 2), Math.round(change.y + change.height / 2)];
  expect(await page.evaluate(`document.elementFromPoint(${x}, ${y})?.closest('.settle__preview-box') !== null`)).toBe(true);
  await page.screenshot({ path: 'test-results/screenshots/settle-1280x800-change.png' });
  await settle.confirm();
  await expect(settle.outcome).toContainText('Paid €5.90 by Cash.');
  await expect(settle.outcome).toContainText('Change €3.10');
});
