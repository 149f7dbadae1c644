import { BoardPage } from './pages/board-page';
import { expect, test } from './fixtures';

test('a tab opened in one window appears in another without a reload', async ({ browser, appUrl }) => {
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  try {
    const boardA = new BoardPage(await contextA.newPage());
    const boardB = new BoardPage(await contextB.newPage());
    await boardA.goto(appUrl);
    await boardB.goto(appUrl);

    await expect(boardA.emptyState).toBeVisible();
    await expect(boardB.emptyState).toBeVisible();
    await expect(boardA.heading()).toHaveText('My café');
    // The secret leaves the address bar as soon as the page has read it.
    expect(new URL(boardA.page.url()).hash).toBe('');

    await boardB.openTabButton.click();

    await expect(boardA.tabCard(1)).toBeVisible({ timeout: 1000 });
    await expect(boardA.tabCard(1)).toContainText('0 items');
    await expect(boardA.tabCard(1)).toContainText('€0.00');
    await expect(boardA.emptyState).toBeHidden();
    await expect(boardB.tabCard(1)).toBeVisible();
    await expect(boardA.tabCards).toHaveCount(1);
  } finally {
    await contextA.close();
    await contextB.close();
  }
});

test('a double click opens one tab, and a reload keeps the session', async ({ page, appUrl }) => {
  const board = new BoardPage(page);
  await board.goto(appUrl);
  await expect(board.emptyState).toBeVisible();

  await board.openTabButton.dblclick();
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
