import { expect, type Page } from '@playwright/test';
import { BoardPage } from '../pages/board-page';
import { ReceiptPage, SettlePage } from '../pages/settle-page';
import { TabPage } from '../pages/tab-page';

/** A host's back door for setup and checks: CommandClient (HTTP) or BridgeClient (preload). */
export type CommandDoor = { call<T>(name: string, input?: object): Promise<T> };

export type GoldenPathResult = { tabId: number; token: number };

/**
 * The golden path, written once so the web host's spec and the Electron spec cannot drift:
 * a token, three items, split two ways, cash with change and card with a tip, a rating, the
 * receipt, and the board empty again. The page must already be signed in (as the owner, on its
 * PIN pad) and show the empty board; the door is each host's back door (HTTP or the preload
 * bridge) for the setup and the ledger checks, acting as that same person.
 * Screenshots go to test-results/screenshots/<prefix>settle.png and <prefix>receipt.png.
 */
export async function walkGoldenPath(page: Page, door: CommandDoor, screenshotPrefix = ''): Promise<GoldenPathResult> {
  // Cash is refused while no drawer is open, and the path is not about the drawer.
  await door.call('catalog.loadStarter', { kind: 'cafe' });
  await door.call('drawer.open', { float: { kind: 'total', totalMinor: 0 } });
  const board = new BoardPage(page);
  const tab = new TabPage(page);
  const settle = new SettlePage(page);
  const receipt = new ReceiptPage(page);

  await expect(board.emptyState).toBeVisible();
  await board.openTabButton.click();
  await expect(page).toHaveURL(/#\/slip\/\d+$/);
  await tab.toBoard();
  await tab.openFromBoard(1);
  await expect(tab.heading()).toHaveText('Token 1');
  const tabId = Number(/#\/tab\/(\d+)$/.exec(page.url())?.[1]);
  expect(tabId).toBeGreaterThan(0);

  for (const item of ['Latte', 'Croissant', 'Cappuccino']) {
    await tab.addItem(item);
    await expect(tab.line(item)).toBeVisible();
  }
  await expect(tab.total('Due')).toHaveText('€11.80');

  await tab.settleButton.click();
  await expect(settle.due).toHaveText('€11.80');
  await settle.splitEvenly(2);
  await expect(settle.part(1)).toContainText('€5.90');
  await expect(settle.part(2)).toContainText('€5.90');

  // Part 1 in cash: €10 handed over for €5.90.
  await settle.method('Cash');
  await settle.quickTender('€10.00');
  await expect(settle.cashGiven).toHaveValue('10.00');
  await settle.confirm();
  await expect(settle.outcome).toContainText('Paid €5.90 by Cash.');
  await expect(settle.outcome).toContainText('Change €4.10');
  await expect(settle.part(1)).toContainText('Paid');
  await expect(settle.due).toHaveText('€5.90');
  await page.screenshot({ path: `test-results/screenshots/${screenshotPrefix}settle.png`, fullPage: true });

  // Part 2 by card with 15 %: the server computes the tip (€0.885 rounds half up to €0.89).
  await settle.method('Card');
  await settle.tipPreset(15);
  await settle.confirm();
  await expect(settle.outcome).toContainText('Paid €5.90 by Card.');
  await expect(settle.outcome).toContainText('Tip €0.89.');
  await expect(page.getByText('Settled. Token 1 is free again.')).toBeVisible();
  await settle.rate('Happy');

  await expectGoldenReceipt(receipt);
  await page.screenshot({ path: `test-results/screenshots/${screenshotPrefix}receipt.png`, fullPage: true });

  await receipt.backToBoard();
  await expect(board.emptyState).toBeVisible();
  expect(await door.call('tab.listOpen')).toEqual([]);
  expect(await door.call('token.next')).toBe(1);
  expect(await door.call('ledger.check')).toMatchObject({ balanced: true, problems: [] });
  return { tabId, token: 1 };
}

/** The receipt of the golden path's tab: both parts, the change, the tip and the rating. */
export async function expectGoldenReceipt(receipt: ReceiptPage): Promise<void> {
  await expect(receipt.receipt).toBeVisible();
  await expect(receipt.payment('Cash')).toContainText('€5.90');
  await expect(receipt.payment('Cash')).toContainText('Change€4.10');
  await expect(receipt.payment('Card')).toContainText('€5.90');
  await expect(receipt.payment('Card')).toContainText('Tip€0.89');
  await expect(receipt.receipt).toContainText('Your rating: 😊 Happy');
}
