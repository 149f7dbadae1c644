import { expect, type BrowserContext, type Page } from '@playwright/test';
import { BoardPage } from '../../e2e/pages/board-page';
import { commandHeaders, newCommandId } from '../../e2e/pages/commands';
import { DrawerPage } from '../../e2e/pages/drawer-page';
import { TabPage } from '../../e2e/pages/tab-page';
import { formatMoney } from '../../shared/money';
import type { ProbeScope } from './probe';
import { showsAmount } from './report';
import { OPEN_TABS, type Scene } from './scene';

/** Samples taken first and thrown away: the first visit to a screen loads its code. */
const WARM_UP = 3;

/** A pause between samples, so one sample's late re-renders do not land in the next. */
const settle = (ms = 100) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Taps a catalog item on a tab's screen (tabs[0..], one tab per sample, the item new to each) and
 * times, in the page, the click to the first DOM change with the tab's list one line longer.
 */
export async function tapToLine(page: Page, scene: Scene, samples: number): Promise<number[]> {
  const tab = new TabPage(page);
  const item = scene.items[3] as Scene['items'][number];
  const out: number[] = [];
  for (let i = 0; i < WARM_UP + samples; i += 1) {
    const seeded = scene.tabs[i] as Scene['tabs'][number];
    await tab.goto(scene.owner.url, seeded.id);
    // The screen of this tab, not the one before it still on its way out.
    await expect(tab.heading()).toHaveText(new RegExp(`\\b${seeded.token}$`));
    const button = await tab.itemButton(item.name).elementHandle();
    const line = await tab.lines.first().elementHandle();
    const span = await page.evaluate(([b, l]) => (globalThis as unknown as ProbeScope).__uiBench.tap(b, l), [button, line] as const);
    // What appeared is the tapped item's line (the page object's own view of it).
    await expect(tab.line(item.name)).toBeVisible();
    if (i >= WARM_UP) out.push(span.end.perf - span.start.perf);
    await Promise.all([button.dispose(), line.dispose()]);
    await settle();
  }
  return out;
}

export type PushFigures = { samples: number[]; rejected: number };

/**
 * With the board open, another client (its own session) adds a line to one tab at a time
 * (tabs[100..]); times, in the page, the send to the first DOM change of that tab's card. A
 * change that does not show the tab's new amount due (the board's clock ticking the card's age
 * just then) is not counted, and counted as rejected.
 */
export async function pushToCard(page: Page, scene: Scene, samples: number): Promise<PushFigures> {
  const board = new BoardPage(page);
  await page.goto(`${scene.owner.url}#/`);
  await expect(board.tabCards).toHaveCount(OPEN_TABS);
  const item = scene.items[4] as Scene['items'][number];
  const headers = commandHeaders(scene.other);
  const out: number[] = [];
  let rejected = 0;
  for (let i = 0; out.length < samples; i += 1) {
    if (i >= WARM_UP + samples + 10) throw new Error(`push_to_card: ${rejected} of ${i} changes did not show the new amount on the card`);
    const seeded = scene.tabs[OPEN_TABS / 2 + i] as Scene['tabs'][number];
    const card = await board.tabCard(seeded.token).elementHandle();
    const body = JSON.stringify({ input: { tabId: seeded.id, itemId: item.id, qty: 1 }, commandId: newCommandId('tab.addLine') });
    const request = { url: `${scene.owner.url}api/command/tab.addLine`, headers, body };
    const span = await page.evaluate(([c, r]) => (globalThis as unknown as ProbeScope).__uiBench.push(c, r), [card, request] as const);
    await card.dispose();
    if (!span.answer.ok || span.answer.value?.dueMinor === undefined)
      throw new Error(`tab.addLine by the other client was refused: ${span.answer.error?.message ?? 'no amount due'}`);
    const due = formatMoney(span.answer.value.dueMinor, scene.store.currency, scene.store.locale);
    if (!showsAmount(span.text, due)) rejected += 1;
    else if (i >= WARM_UP) out.push(span.end.perf - span.start.perf);
    await settle();
  }
  return { samples: out, rejected };
}

/**
 * From the drawer screen, the navigation bar's link to the board, timed in the page until all
 * 200 cards are in the DOM. The cards are counted by the kind of element the board page
 * object's card locator finds, read off the board once before the samples.
 */
export async function board200(page: Page, scene: Scene, samples: number): Promise<number[]> {
  const board = new BoardPage(page);
  const tab = new TabPage(page);
  const drawer = new DrawerPage(page);
  await page.goto(`${scene.owner.url}#/`);
  await expect(board.tabCards).toHaveCount(OPEN_TABS);
  const cards = await board.tabCards.first().evaluate((card) => (globalThis as unknown as ProbeScope).__uiBench.signature(card));
  const out: number[] = [];
  for (let i = 0; i < WARM_UP + samples; i += 1) {
    await page.goto(`${scene.owner.url}#/drawer`);
    await expect(drawer.openForm).toBeVisible();
    await expect(board.tabCards).toHaveCount(0);
    const link = await tab.boardLink().elementHandle();
    const span = await page.evaluate(([l, s, n]) => (globalThis as unknown as ProbeScope).__uiBench.clickUntilCount(l, s, n), [
      link,
      cards,
      OPEN_TABS,
    ] as const);
    await link.dispose();
    await expect(board.tabCards).toHaveCount(OPEN_TABS);
    if (i >= WARM_UP) out.push(span.end.perf - span.start.perf);
    await settle();
  }
  return out;
}

/** The renderer's JavaScript heap on the board with 200 cards, after a full garbage collection, in MiB. */
export async function rendererHeapMb(context: BrowserContext, page: Page, scene: Scene): Promise<number> {
  const board = new BoardPage(page);
  await page.goto(`${scene.owner.url}#/`);
  await expect(board.tabCards).toHaveCount(OPEN_TABS);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / (1024 * 1024);
}
