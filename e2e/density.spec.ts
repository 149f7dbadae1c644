import type { Locator, Page } from '@playwright/test';
import type { Catalog, LineAdded, TabSummary } from '../shared/types';
import { BoardPage } from './pages/board-page';
import { SettlePage } from './pages/settle-page';
import { openApp } from './pages/sign-in-page';
import { CommandClient, TabPage } from './pages/tab-page';
import { expect, test } from './fixtures';

/** A busy counter runs anything from a 1280×800 tablet to a 1920×1080 screen. */
const sizes = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

/** Wholly inside the window as it first loads, with the page not scrolled. */
async function expectInView(page: Page, locator: Locator): Promise<void> {
  await expect(locator).toBeVisible();
  expect(await page.evaluate('window.scrollY')).toBe(0);
  const box = await locator.boundingBox();
  const view = page.viewportSize();
  if (!box || !view) throw new Error('no box or viewport to compare');
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(view.height);
}

/** A catalog of at least `count` items, so each tap makes a line of its own. */
async function seedItems(api: CommandClient, count: number): Promise<number[]> {
  const starter = await api.call<Catalog>('catalog.loadStarter', { kind: 'cafe' });
  const ids = starter.items.map((item) => item.id);
  const template = starter.items[0];
  if (!template) throw new Error('the café starter has no items');
  for (let i = ids.length; i < count; i += 1) {
    const item = await api.call<{ id: number }>('catalog.createItem', {
      categoryId: template.categoryId,
      name: `House special ${i + 1}`,
      kind: 'product',
      priceMinor: 300 + i * 10,
      rateMilli: template.rateMilli,
      expectText: '',
    });
    ids.push(item.id);
  }
  return ids.slice(0, count);
}

for (const size of sizes) {
  const at = `${size.width}x${size.height}`;

  test(`board at ${at}: 25 open tabs fit mostly on one screen, token and due readable`, async ({ page, request, webHost, appUrl }) => {
    const api = new CommandClient(request, webHost);
    const [latte] = await seedItems(api, 1);
    for (let i = 1; i <= 25; i += 1) {
      const tab = await api.call<TabSummary>('tab.open', { name: i % 3 === 0 ? `Guest ${i}` : '', label: i % 4 === 0 ? 'Terrace' : '' });
      await api.call('tab.addLine', { tabId: tab.id, itemId: latte });
    }
    await page.setViewportSize(size);
    const board = new BoardPage(page);
    await openApp(page, appUrl);
    await expect(board.tabCards).toHaveCount(25);

    const view = page.viewportSize();
    if (!view) throw new Error('no viewport');
    const boxes = await Promise.all((await board.tabCards.all()).map((card) => card.boundingBox()));
    const inView = boxes.filter((b) => b !== null && b.y >= 0 && b.y + b.height <= view.height).length;
    expect(inView).toBeGreaterThanOrEqual(size.width >= 1920 ? 24 : 16);
    // The token and the amount due stay large enough to read from a metre away (their line boxes show the type size).
    const token = await board.tabCard(1).getByText('1', { exact: true }).boundingBox();
    expect(token?.height ?? 0).toBeGreaterThanOrEqual(40);
    const due = await board
      .tabCard(1)
      .getByText(/^Due €\d/)
      .boundingBox();
    expect(due?.height ?? 0).toBeGreaterThanOrEqual(24);
    await page.screenshot({ path: `test-results/screenshots/density-board-${at}.png` });
  });

  test(`tab with 30 lines at ${at}: Due and Settle in view without scrolling, Due stays pinned when scrolled`, async ({ page, request, webHost, appUrl }) => {
    const api = new CommandClient(request, webHost);
    const ids = await seedItems(api, 30);
    const tab = await api.call<TabSummary>('tab.open', { name: 'Big table' });
    for (const itemId of ids) await api.call<LineAdded>('tab.addLine', { tabId: tab.id, itemId });
    expect((await api.tab(tab.id)).lines).toHaveLength(30);

    await page.setViewportSize(size);
    await openApp(page, appUrl);
    const tabPage = new TabPage(page);
    await tabPage.goto(webHost.url, tab.id);
    await expect(tabPage.lines).toHaveCount(30);
    await expectInView(page, tabPage.settleButton);
    await expectInView(page, tabPage.total('Due'));
    await page.screenshot({ path: `test-results/screenshots/density-tab-${at}.png` });

    // Scrolled to the middle of the lines, Due is still on screen and so is the catalog.
    await tabPage.line('House special 20').scrollIntoViewIfNeeded();
    const due = await tabPage.total('Due').boundingBox();
    expect(due && due.y + due.height).toBeLessThanOrEqual(size.height);
    expect(due && due.y).toBeGreaterThanOrEqual(0);
    await expect(tabPage.search).toBeInViewport();
    await page.screenshot({ path: `test-results/screenshots/density-tab-scrolled-${at}.png` });
  });

  test(`settlement at ${at}: the confirm button is in view for cash and card`, async ({ page, request, webHost, appUrl }) => {
    const api = new CommandClient(request, webHost);
    const items = await api.seedCafe();
    const opened = await api.openTabWith(items, ['Latte', 'Croissant', 'Cappuccino']);
    await page.setViewportSize(size);
    await openApp(page, appUrl);
    await page.goto(`${webHost.url}#/tab/${opened.id}/settle`);
    const settle = new SettlePage(page);
    await expect(settle.due).toHaveText('€11.80');
    await settle.method('Cash');
    await expect(settle.confirmButton()).toHaveText('Take €11.80 cash');
    await expectInView(page, settle.confirmButton());
    await expectInView(page, settle.due);
    await page.screenshot({ path: `test-results/screenshots/density-settle-cash-${at}.png` });
    await settle.method('Card');
    await expectInView(page, settle.confirmButton());
    await page.screenshot({ path: `test-results/screenshots/density-settle-card-${at}.png` });
  });
}

test('catalog categories at 1280x800: a name never breaks inside a word', async ({ page, request, webHost, appUrl }) => {
  const api = new CommandClient(request, webHost);
  await api.call('catalog.loadStarter', { kind: 'cafe' });
  await api.call('catalog.createCategory', { name: 'Seasonal specials and desserts' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page, appUrl);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).click();
  const names = page.getByRole('region', { name: 'Categories' }).locator('.category-row__name');
  await expect(names).toHaveCount(4);
  // Each word of each name lies on one line: a word split over two lines has two boxes.
  const split = await names.evaluateAll((spans) =>
    spans.flatMap((span) => {
      const text = span.firstChild;
      if (!text || !text.textContent) return [];
      const out: string[] = [];
      for (const match of text.textContent.matchAll(/\S+/g)) {
        const range = span.ownerDocument.createRange();
        range.setStart(text, match.index);
        range.setEnd(text, match.index + match[0].length);
        if (range.getClientRects().length > 1) out.push(match[0]);
      }
      return out;
    }),
  );
  expect(split).toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/density-catalog-1280x800.png' });
});
