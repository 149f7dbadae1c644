import type { TabSummary } from '../shared/types';
import { expect, test } from './fixtures';
import { BoardPage } from './pages/board-page';
import { must, sendCommand } from './pages/commands';
import { openApp } from './pages/sign-in-page';
import { SlipPage } from './pages/slip-page';
import { TokensPage } from './pages/tokens-page';

test('the token grid refuses a token that is held, even one taken in another window meanwhile', async ({ page, appUrl, request, webHost }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await must(request, webHost, 'tab.open', { token: 3, name: 'Mia' });
  const board = new BoardPage(page);
  await openApp(page, appUrl);
  await board.chooseTokenButton.click();
  const tokens = new TokensPage(page);
  await expect(tokens.heading).toBeVisible();

  // A held token is shown as held, with whose it is, and cannot be picked.
  await expect(tokens.token(3)).toBeDisabled();
  await expect(tokens.token(3)).toContainText('held');
  await expect(tokens.token(3)).toContainText('Mia');
  await tokens.token(3).click({ force: true });
  await expect(tokens.token(3)).toHaveAttribute('aria-pressed', 'false');
  await tokens.openButton.click();
  await expect(tokens.error).toContainText('Pick a free token in the grid below.');

  // Token 5 is free when picked, then another window takes it before "Open tab".
  await tokens.token(5).click();
  await expect(tokens.token(5)).toHaveAttribute('aria-pressed', 'true');
  await expect(tokens.openButton).toHaveText('Open tab on token 5');
  const taken = await sendCommand<TabSummary>(request, webHost, 'tab.open', { token: 5, name: 'Other window' });
  expect(taken.ok).toBe(true);
  await tokens.openButton.click();
  await expect(tokens.error).toContainText('Token 5 is already held by an open tab');
  await expect(tokens.token(5)).toBeDisabled();
  await expect(page).toHaveURL(/#\/tokens$/);
  await page.screenshot({ path: 'test-results/screenshots/token-grid.png', fullPage: true });

  // Nothing was posted by the refused attempts: only the two tabs opened through HTTP exist.
  const open = await must<TabSummary[]>(request, webHost, 'tab.listOpen');
  expect(open.map((tab) => [tab.token, tab.name])).toEqual([
    [3, 'Mia'],
    [5, 'Other window'],
  ]);
  // The ledger itself refuses too, whoever asks.
  const again = await sendCommand(request, webHost, 'tab.open', { token: 3 });
  expect(again).toMatchObject({ ok: false, error: { code: 'token_held' } });
});

test('picking a free token with details opens a tab and shows a printable slip', async ({ page, appUrl, request, webHost }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const board = new BoardPage(page);
  await openApp(page, appUrl);
  await board.chooseTokenButton.click();
  const tokens = new TokensPage(page);
  await tokens.nameField.fill('Ruth');
  await tokens.labelField.fill('Chair 2');
  await tokens.noteField.fill('Colour at 3pm');
  await tokens.token(17).click();
  // Enter (away from a button) opens the tab on the picked token.
  await tokens.noteField.press('Enter');

  const slip = new SlipPage(page);
  await expect(slip.token).toHaveText('17');
  await expect(slip.slip).toContainText('My café');
  await expect(slip.slip).toContainText('Ruth · Chair 2');
  await expect(slip.slip).toContainText("Pay at the counter when you're done. Not happy? Tell us.");
  await expect(slip.printButton).toBeEnabled();
  await page.screenshot({ path: 'test-results/screenshots/slip.png', fullPage: true });

  const open = await must<TabSummary[]>(request, webHost, 'tab.listOpen');
  expect(open).toHaveLength(1);
  const tab = open[0] as TabSummary;
  expect(tab).toMatchObject({ token: 17, name: 'Ruth', label: 'Chair 2', note: 'Colour at 3pm' });

  // Printing shows the slip alone: the navigation and the buttons are hidden on paper.
  await page.emulateMedia({ media: 'print' });
  await expect(slip.token).toBeVisible();
  await expect(slip.printButton).toBeHidden();
  await expect(page.getByRole('navigation')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  await slip.goToTab.click();
  await expect(page).toHaveURL(new RegExp(`#/tab/${tab.id}$`));
});

test('"Open on next free token" skips held tokens; an unknown slip says so and leads back', async ({ page, appUrl, request, webHost }) => {
  await must(request, webHost, 'tab.open', { token: 1 });
  const board = new BoardPage(page);
  await openApp(page, appUrl);
  await board.chooseTokenButton.click();
  const tokens = new TokensPage(page);
  await expect(tokens.token(1)).toBeDisabled();
  await tokens.openNextButton.click();
  const slip = new SlipPage(page);
  await expect(slip.token).toHaveText('2');
  await page.keyboard.press('Escape');
  await expect(board.tabCards).toHaveCount(2);

  await page.goto(page.url().replace(/#.*$/, '#/slip/999'));
  await expect(page.getByText('There is no tab #999.')).toBeVisible();
  await page.getByRole('link', { name: 'Back to board' }).click();
  await expect(board.tabCards).toHaveCount(2);
});
