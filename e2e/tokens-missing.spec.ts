import type { CatalogItem, TabSummary, TokenState } from '../shared/types';
import { sendCommand } from './pages/commands';
import { BoardPage } from './pages/board-page';
import { SettlePage } from './pages/settle-page';
import { openApp } from './pages/sign-in-page';
import { CommandClient, TabPage } from './pages/tab-page';
import { expect, test } from './fixtures';

test('a token not handed back: marked on settling, missing on the board and the pool, never handed out, then found', async ({
  page,
  request,
  webHost,
  appUrl,
}) => {
  const api = new CommandClient(request, webHost);
  const latte = await api.call<CatalogItem>('catalog.createItem', {
    categoryId: null,
    name: 'Latte',
    kind: 'product',
    priceMinor: 440,
    rateMilli: 10_000,
    expectText: '',
  });
  const ana = await api.call<TabSummary>('tab.open', { name: 'Ana' });
  await api.call('tab.addLine', { tabId: ana.id, itemId: latte.id });
  expect(ana.token).toBe(1);

  // Settled on the screen; the customer walks off with the token: M marks it.
  const tab = new TabPage(page);
  const settle = new SettlePage(page);
  await openApp(page, appUrl);
  await tab.goto(webHost.url, ana.id);
  await tab.settleButton.click();
  await settle.method('Card');
  await settle.tipPayNone();
  await settle.confirm();
  await expect(page.getByText('Settled. Token 1 is free again.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Token not handed back' })).toBeVisible();
  await page.evaluate('document.activeElement && document.activeElement.blur()');
  await page.keyboard.press('m');
  await expect(page.getByText('Token 1 is marked missing. It stays out of the pool until it is found.')).toBeVisible();
  await expect(page.getByText('Settled. Token 1 was not handed back.')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/token-missing-settled.png', fullPage: true });

  // The board lists it: missing, its number, the tab it went with, a Found button.
  const board = new BoardPage(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Tabs' }).click();
  const item = page.getByRole('listitem', { name: 'Token 1, missing' });
  await expect(item).toContainText('missing');
  await expect(item).toContainText('went with Ana');
  await expect(item.getByRole('link', { name: 'See the tab' })).toHaveAttribute('href', `#/tab/${ana.id}`);
  await page.screenshot({ path: 'test-results/screenshots/token-missing-board.png', fullPage: true });

  // The pool's screen shows every token's state; the missing one cannot be picked.
  await board.chooseTokenButton.click();
  await expect(page.getByRole('button', { name: 'Token 1, missing' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Token 2, free' })).toBeEnabled();
  await page.getByRole('navigation').getByRole('link', { name: 'Tabs' }).click();

  // A new tab never gets it: not the next free token, not asked for by number, not typed on the board.
  await board.openTabButton.click();
  await expect(page).toHaveURL(/#\/slip\/\d+$/);
  const open = await api.call<{ token: number }[]>('tab.listOpen');
  expect(open.map((t) => t.token)).toEqual([2]);
  const refused = await sendCommand(request, webHost, 'tab.open', { token: 1 });
  expect(refused.ok === false && refused.error).toMatchObject({
    code: 'token_missing',
    message: 'token 1 is missing (a customer kept it): mark it found before handing it out',
  });
  await page.getByRole('navigation').getByRole('link', { name: 'Tabs' }).click();
  await board.typeToken(1);
  await expect(page.getByText('Token 1 is missing: a customer kept it. Mark it found when it is back.')).toBeVisible();

  // It turns up: Found on the board puts it back in the pool.
  await item.getByRole('button', { name: 'Token 1 found' }).click();
  await expect(page.getByRole('heading', { name: 'Missing tokens' })).toHaveCount(0);
  const pool = await api.call<TokenState[]>('token.pool');
  expect(pool.find((t) => t.token === 1)).toEqual({ token: 1, tabId: null, state: 'free' });
  expect(await api.call('token.next')).toBe(1);
  const history = (await api.tab(ana.id)).history.map((h) => h.action);
  expect(history.slice(-2)).toEqual(['token.missing', 'token.found']);
});
