import type { Page } from '@playwright/test';
import type { DayReport } from '../shared/closing-types';
import { BoardPage } from './pages/board-page';
import { openDrawerByBackDoor } from './pages/drawer-page';
import { ReceiptPage, SettlePage } from './pages/settle-page';
import { openTabScreen } from './pages/tab-page';
import { expect, test } from './fixtures';

/** The counter's sizes, from a tablet upright to a full-HD screen. */
const sizes = [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

async function screenshots(page: Page, name: string): Promise<void> {
  const before = page.viewportSize();
  for (const size of sizes) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screenshots/${name}-${size.width}x${size.height}.png`, fullPage: true });
  }
  if (before) await page.setViewportSize(before);
}

test('two lattes on one tab: one comped 50 %, one latte to each payer, both parts paid to the cent, the board empties', async ({
  page,
  request,
  webHost,
  appUrl,
}) => {
  await openDrawerByBackDoor(request, webHost);
  const { api, opened, tab } = await openTabScreen(page, request, { ...webHost, appUrl }, ['Latte', 'Latte']);
  expect(opened.lines.map((l) => [l.name, l.qty])).toEqual([['Latte', 2]]);
  await expect(tab.total('Due')).toHaveText('€8.80');

  // The comp covers one latte of the two.
  await tab.line('Latte').getByRole('button', { name: 'Comp', exact: true }).click();
  await expect(tab.line('Latte').getByRole('status', { name: 'Latte to comp' })).toHaveText('2 of 2');
  await screenshots(page, 'comp-units');
  await tab.line('Latte').getByRole('button', { name: 'Cancel' }).click();
  await tab.comp('Latte', 50, 'Not satisfied', 1);
  await expect(tab.line('Latte')).toContainText('1 of 2 comped 50% (Not satisfied) · −€2.20');
  await expect(tab.total('Comps')).toHaveText('−€2.20');
  await expect(tab.total('Due')).toHaveText('€6.60');
  await expect(tab.history).toContainText('Comped 1 of 2 × Latte by 50% (Not satisfied)');
  await screenshots(page, 'tab-comp-units');

  // By lines: the comped latte stays with payer 1, the full-price one goes to payer 2.
  await tab.settleButton.click();
  const settle = new SettlePage(page);
  await expect(settle.due).toHaveText('€6.60');
  await page.getByRole('button', { name: 'By lines' }).click();
  await expect(settle.unitRow('1 × Latte, comped 50%')).toContainText('€2.20');
  await expect(settle.unitRow('1 × Latte')).toContainText('€4.40');
  // A latte left with no payer is named beside the Split button, and nothing is split.
  await settle.unitRow('1 × Latte').getByRole('button', { name: 'One fewer Latte for payer 1' }).click();
  await expect(settle.unitRow('1 × Latte')).toContainText('1 left to give');
  await expect(settle.unitRow('1 × Latte').getByRole('button', { name: 'One more Latte for payer 1' })).toBeEnabled();
  await page.getByRole('button', { name: 'Split', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('1 × Latte is not given to a payer yet');
  expect((await api.tab(opened.id)).split).toEqual([]);
  await settle.unitRow('1 × Latte').getByRole('button', { name: 'One more Latte for payer 2' }).click();
  await expect(settle.unitRow('1 × Latte')).toContainText('All given');
  // Every unit is given: no payer can take another.
  await expect(settle.unitRow('1 × Latte').getByRole('button', { name: 'One more Latte for payer 1' })).toBeDisabled();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await screenshots(page, 'split-units');
  await page.getByRole('button', { name: 'Split', exact: true }).click();
  await expect(settle.part(1)).toContainText('€2.20');
  await expect(settle.part(2)).toContainText('€4.40');

  await settle.method('Cash');
  await settle.confirm();
  await expect(settle.outcome).toContainText('Paid €2.20 by Cash.');
  await expect(settle.part(1)).toContainText('Paid');
  await settle.method('Card');
  await expect(settle.payPanel).toContainText('Part 2: take payment of €4.40');
  await settle.confirm();
  await expect(settle.outcome).toContainText('Paid €4.40 by Card.');
  await expect(page.getByText(`Settled. Token ${opened.token} is free again.`)).toBeVisible();

  await settle.toReceipt();
  const receipt = new ReceiptPage(page);
  await expect(receipt.receipt).toContainText('1 of 2 comped 50% (Not satisfied)');
  await expect(receipt.receipt).toContainText('−€2.20');
  await expect(receipt.payment('Cash')).toContainText('€2.20');
  await expect(receipt.payment('Card')).toContainText('€4.40');
  await screenshots(page, 'receipt-comp-units');

  const settled = await api.tab(opened.id);
  expect(settled).toMatchObject({ status: 'settled', totalMinor: 660, paidMinor: 660, dueMinor: 0, compMinor: 220 });
  expect(settled.split.map((p) => p.amountMinor)).toEqual([220, 440]);
  // Comps by reason add up to the comps account: 2.20 off, 0.20 of it tax, 2.00 net.
  const report = await api.call<DayReport>('report.x');
  expect(report.comps).toEqual([expect.objectContaining({ reason: 'Not satisfied', amountMinor: 200 })]);
  expect(report.sales.compsMinor).toBe(200);
  expect(await api.call('ledger.check')).toMatchObject({ balanced: true, problems: [] });

  await receipt.backToBoard();
  const board = new BoardPage(page);
  await expect(board.emptyState).toBeVisible();
  await expect(board.tabCards).toHaveCount(0);
});
