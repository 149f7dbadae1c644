import type { TabSummary } from '../shared/types';
import { BoardPage, starterItems } from './pages/board-page';
import { must } from './pages/commands';
import { openApp } from './pages/sign-in-page';
import { SlipPage } from './pages/slip-page';
import { expect, test } from './fixtures';

test('a tab opened in one window appears in another without a reload', async ({ browser, appUrl }) => {
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  try {
    const boardA = new BoardPage(await contextA.newPage());
    const boardB = new BoardPage(await contextB.newPage());
    // Two counters, each with its own sign-in (the same owner on both).
    await openApp(boardA.page, appUrl);
    await openApp(boardB.page, appUrl);

    await expect(boardA.emptyState).toBeVisible();
    await expect(boardB.emptyState).toBeVisible();
    await expect(boardA.heading()).toHaveText('My café');
    // The secret leaves the address bar as soon as the page has read it.
    expect(new URL(boardA.page.url()).hash).toBe('');

    await boardB.openTabButton.click();
    // Opening a tab shows its token slip in the window that opened it.
    await expect(new SlipPage(boardB.page).token).toHaveText('1');

    await expect(boardA.tabCard(1)).toBeVisible({ timeout: 1000 });
    await expect(boardA.tabCard(1)).toContainText('0 items');
    await expect(boardA.tabCard(1)).toContainText('€0.00');
    await expect(boardA.emptyState).toBeHidden();
    await new SlipPage(boardB.page).backToBoard.click();
    await expect(boardB.tabCard(1)).toBeVisible();
    await expect(boardA.tabCards).toHaveCount(1);
  } finally {
    await contextA.close();
    await contextB.close();
  }
});

test('a double click opens one tab, and a reload keeps the session', async ({ page, appUrl }) => {
  const board = new BoardPage(page);
  await openApp(page, appUrl);
  await expect(board.emptyState).toBeVisible();

  await board.openTabButton.dblclick();
  const slip = new SlipPage(page);
  await expect(slip.token).toHaveText('1');
  await slip.backToBoard.click();
  await expect(board.tabCard(1)).toBeVisible();
  await expect(board.openTabButton).toBeEnabled();
  await expect(board.tabCards).toHaveCount(1);

  await page.reload();
  await expect(board.tabCard(1)).toBeVisible();
  await expect(board.linkRequiredScreen()).toBeHidden();
});

test('without the secret the API refuses and the page says which link to open', async ({ page, request, webHost }) => {
  const refused = await request.post(`${webHost.url}api/command/tab.listOpen`, { data: { input: {} } });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });

  const board = new BoardPage(page);
  await board.goto(webHost.url);
  await expect(board.linkRequiredScreen()).toBeVisible();
  await expect(page.getByText('Open the exact link printed by "npm run start:web"')).toBeVisible();
  await expect(board.openTabButton).toHaveCount(0);
});

test('a link from an earlier launch is refused with a plain explanation', async ({ page, webHost }) => {
  const board = new BoardPage(page);
  await board.goto(`${webHost.url}#secret=${'x'.repeat(43)}`);
  await expect(page.getByText('This link belongs to an earlier start of Aftertab')).toBeVisible();
  await expect(board.openTabButton).toHaveCount(0);
});

test('the N key issues the next token and shows its slip with the store terms', async ({ page, appUrl }) => {
  const board = new BoardPage(page);
  await openApp(page, appUrl);
  await expect(board.emptyState).toBeVisible();

  await page.keyboard.press('n');
  const slip = new SlipPage(page);
  await expect(slip.token).toHaveText('1');
  await expect(slip.slip).toContainText('My café');
  await expect(slip.slip).toContainText("Pay at the counter when you're done. Not happy? Tell us.");
  await expect(slip.slip).toContainText('Opened');

  // Esc goes back to the board, where the tab now is.
  await page.keyboard.press('Escape');
  await expect(board.tabCard(1)).toBeVisible();
  await expect(board.tabCards).toHaveCount(1);
});

test('digits typed on the board jump to the tab holding that token, or offer to open it', async ({ page, appUrl, request, webHost }) => {
  const three = await must<TabSummary>(request, webHost, 'tab.open', { token: 3 });
  const twelve = await must<TabSummary>(request, webHost, 'tab.open', { token: 12, name: 'Anna' });
  const board = new BoardPage(page);
  await openApp(page, appUrl);
  await expect(board.tabCards).toHaveCount(2);

  // Two digits make one number; the board waits for the pause, and shows what is typed meanwhile.
  await board.typeToken(12);
  await expect(board.jumpOverlay).toContainText('Token 12');
  await expect(page).toHaveURL(new RegExp(`#/tab/${twelve.id}$`));

  await page.goBack();
  await expect(board.tabCards).toHaveCount(2);
  // Enter jumps at once.
  await board.typeToken(3);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/tab/${three.id}$`));

  await page.goBack();
  await expect(board.tabCards).toHaveCount(2);
  await board.typeToken(5);
  await expect(page.getByText('Token 5 is free.')).toBeVisible();
  await page.getByRole('button', { name: 'Open a tab on token 5' }).click();
  await expect(new SlipPage(page).token).toHaveText('5');
  expect(await must<TabSummary[]>(request, webHost, 'tab.listOpen')).toHaveLength(3);

  await page.goBack();
  await expect(board.tabCards).toHaveCount(3);
  await board.typeToken(99);
  await expect(page.getByText('Token 99 is not in the pool (1–40).')).toBeVisible();
});

test('the board sorts by token, age and amount, remembers the choice, and filters', async ({ page, appUrl, request, webHost }) => {
  const [first, second] = await starterItems(request, webHost);
  // Opened in this order, so the oldest is token 5; token 9 owes the most.
  await must(request, webHost, 'tab.open', { token: 5, name: 'Zoe' });
  const two = await must<TabSummary>(request, webHost, 'tab.open', { token: 2, name: 'Anna', label: 'Window' });
  const nine = await must<TabSummary>(request, webHost, 'tab.open', { token: 9, name: 'Bob' });
  await must(request, webHost, 'tab.addLine', { tabId: two.id, itemId: first });
  await must(request, webHost, 'tab.addLine', { tabId: nine.id, itemId: first, qty: 2 });
  await must(request, webHost, 'tab.addLine', { tabId: nine.id, itemId: second });

  const board = new BoardPage(page);
  await openApp(page, appUrl);
  await expect(board.tabCards).toHaveCount(3);
  expect(await board.tokenOrder()).toEqual([2, 5, 9]);

  await board.sortButton('Longest open').click();
  await expect.poll(() => board.tokenOrder()).toEqual([5, 2, 9]);
  await board.sortButton('Amount due').click();
  await expect.poll(() => board.tokenOrder()).toEqual([9, 2, 5]);
  await expect(board.sortButton('Amount due')).toHaveAttribute('aria-pressed', 'true');

  // The choice survives a restart of the window.
  await page.reload();
  await expect(board.tabCards).toHaveCount(3);
  expect(await board.tokenOrder()).toEqual([9, 2, 5]);
  await expect(board.sortButton('Amount due')).toHaveAttribute('aria-pressed', 'true');

  // "/" puts the cursor in the filter; words match names and labels, digits match tokens.
  await page.keyboard.press('/');
  await expect(board.filter).toBeFocused();
  await page.keyboard.type('window');
  await expect.poll(() => board.tokenOrder()).toEqual([2]);
  await board.filter.fill('9');
  await expect.poll(() => board.tokenOrder()).toEqual([9]);
  await board.filter.fill('nobody');
  await expect(page.getByText('No open tab matches "nobody".')).toBeVisible();
  await page.getByRole('button', { name: 'Show all tabs' }).click();
  await expect(board.tabCards).toHaveCount(3);
});

test('cards turn amber and red with age, show a partly-paid badge, and the board is kept as a screenshot', async ({ page, appUrl, request, webHost }) => {
  // A fake clock in the page lets the test move time; the ledger keeps its real one.
  await page.clock.install();
  await page.setViewportSize({ width: 1280, height: 800 });
  const [coffee, cake] = await starterItems(request, webHost);
  const oldest = await must<TabSummary>(request, webHost, 'tab.open', { name: 'Anna', label: 'Table 4' });
  const paying = await must<TabSummary>(request, webHost, 'tab.open', { name: 'Ben' });
  const quiet = await must<TabSummary>(request, webHost, 'tab.open', { label: 'Bar 2' });
  await must(request, webHost, 'tab.open', {});
  await must(request, webHost, 'tab.addLine', { tabId: oldest.id, itemId: coffee, qty: 2 });
  await must(request, webHost, 'tab.addLine', { tabId: oldest.id, itemId: cake });
  await must(request, webHost, 'tab.addLine', { tabId: paying.id, itemId: coffee, qty: 3 });
  await must(request, webHost, 'tab.addLine', { tabId: quiet.id, itemId: cake });
  await must(request, webHost, 'settle.pay', { tabId: paying.id, method: 'card', amountMinor: 100 });
  // The page's clock jumps 90 minutes below; the idle lock (which would cover the board) is not what this is about.
  await must(request, webHost, 'store.update', { amberMinutes: 1, idleLockMinutes: 240 });

  const board = new BoardPage(page);
  await openApp(page, appUrl);
  await expect(board.tabCards).toHaveCount(4);
  await expect(board.tabCard(oldest.token)).toHaveAttribute('data-band', 'fresh');
  await expect(board.tabCard(paying.token)).toContainText('Partly paid');
  await expect(board.tabCard(oldest.token)).not.toContainText('Partly paid');

  // Exactly one minute after the first tab opened: only that one has reached amber.
  await page.clock.setFixedTime(Date.parse(oldest.openedAt) + 60_000);
  await page.clock.runFor(31_000);
  await expect(board.tabCard(oldest.token)).toHaveAttribute('data-band', 'amber');
  await expect(board.tabCard(oldest.token)).toContainText('Over 1 min');
  await expect(board.tabCard(oldest.token)).toContainText('1 min · active now');
  await expect(board.tabCard(paying.token)).toHaveAttribute('data-band', 'fresh');
  await page.screenshot({ path: 'test-results/screenshots/board.png', fullPage: true });

  // Ninety minutes on, every tab is past the store's red threshold.
  await page.clock.setFixedTime(Date.parse(oldest.openedAt) + 90 * 60_000 + 5_000);
  await page.clock.runFor(31_000);
  for (const token of await board.tokenOrder()) {
    await expect(board.tabCard(token)).toHaveAttribute('data-band', 'red');
  }
  await expect(board.tabCard(oldest.token)).toContainText('Over 90 min');
  await expect(board.tabCard(oldest.token)).toContainText('1 h 30 min');
});
