import { BoardPage } from './pages/board-page';
import { ReceiptPage, SettlePage } from './pages/settle-page';
import { openApp } from './pages/sign-in-page';
import { CommandClient, openTabScreen, TabPage } from './pages/tab-page';
import { expect, test } from './fixtures';

test('an unhappy customer: a comp shows on the tab and the receipt; a removed line only in the tab and its history', async ({
  page,
  request,
  webHost,
  appUrl,
}) => {
  const { api, tab } = await openTabScreen(page, request, { ...webHost, appUrl }, []);

  await tab.addItem('Latte');
  await expect(tab.line('Latte')).toBeVisible();
  await tab.line('Latte').getByRole('button', { name: 'One more Latte' }).click();
  await expect(tab.qtyField('Latte')).toHaveValue('2');
  await tab.addItem('Banana bread');
  await expect(tab.line('Banana bread')).toBeVisible();
  await tab.addItem('Espresso');
  await expect(tab.line('Espresso')).toBeVisible();
  await tab.remove('Espresso', 'Ordered by mistake');
  await expect(tab.line('Espresso')).toContainText('Removed: Ordered by mistake');

  await tab.comp('Banana bread', 50, 'Not satisfied');
  await expect(tab.line('Banana bread')).toContainText('Comp 50% · Not satisfied · −€1.90');
  await expect(tab.total('Comps')).toHaveText('−€1.90');
  await expect(tab.total('Due')).toHaveText('€10.70');
  await expect(tab.history).toContainText('Comped Banana bread by 50% (Not satisfied)');
  await expect(tab.history).toContainText('Added Latte × 1');
  await expect(tab.history).toContainText('Removed Espresso × 1 (Ordered by mistake)');
  await page.screenshot({ path: 'test-results/screenshots/tab.png', fullPage: true });

  await tab.settleButton.click();
  const settle = new SettlePage(page);
  await settle.method('Card');
  await settle.confirm();
  await settle.toReceipt();
  const receipt = new ReceiptPage(page);
  await expect(receipt.receipt).toContainText('Comp 50%: Not satisfied');
  await expect(receipt.receipt).toContainText('−€1.90');
  // A removed line is the shop's business: it stays in the history and never reaches the customer's paper.
  await expect(receipt.receipt).not.toContainText('Espresso');
  await expect(receipt.receipt).not.toContainText('Ordered by mistake');
  expect(await api.call('ledger.check')).toMatchObject({ balanced: true, problems: [] });
});

test('tapping Latte twice grows one line to quantity 2 instead of adding a second line', async ({ page, request, webHost, appUrl }) => {
  const { api, opened, tab } = await openTabScreen(page, request, { ...webHost, appUrl }, []);

  await tab.addItem('Latte');
  await expect(tab.qtyField('Latte')).toHaveValue('1');
  await tab.addItem('Latte');
  await expect(tab.qtyField('Latte')).toHaveValue('2');
  await expect(tab.lines).toHaveCount(1);
  await expect(tab.line('Latte')).toContainText('€8.80');
  await expect(tab.total('Due')).toHaveText('€8.80');

  const after = await api.tab(opened.id);
  expect(after.lines).toHaveLength(1);
  expect(after.lines[0]).toMatchObject({ name: 'Latte', qty: 2 });
  await expect(tab.history.getByText('Added Latte × 1', { exact: true })).toHaveCount(2);
});

test('an empty catalog points to the Catalog screen with a real link', async ({ page, request, webHost, appUrl }) => {
  const api = new CommandClient(request, webHost);
  const opened = await api.call<{ id: number }>('tab.open', {});
  const tab = new TabPage(page);
  await openApp(page, appUrl);
  await tab.goto(webHost.url, opened.id);

  await expect(page.getByText('The catalog is empty. Add items or load a starter catalog on the Catalog screen.')).toBeVisible();
  const link = page.getByRole('region', { name: 'Add to the tab' }).getByRole('link', { name: 'Catalog screen' });
  await expect(link).toHaveAttribute('href', '#/catalog');
  await link.click();
  await expect(page).toHaveURL(/#\/catalog$/);
  await expect(page.getByRole('button', { name: 'Load café starter' })).toBeVisible();
});

test('editing details words the history from what changed', async ({ page, request, webHost, appUrl }) => {
  const api = new CommandClient(request, webHost);
  const opened = await api.call<{ id: number }>('tab.open', { name: 'Alice' });
  await api.call('tab.update', { tabId: opened.id, name: 'Alice', note: 'oat milk' });
  await api.call('tab.update', { tabId: opened.id, name: 'Alicia' });
  const tab = new TabPage(page);
  await openApp(page, appUrl);
  await tab.goto(webHost.url, opened.id);

  await expect(tab.history.getByText('Note changed: oat milk', { exact: true })).toBeVisible();
  await expect(tab.history.getByText('Name changed to Alicia', { exact: true })).toBeVisible();
  await expect(tab.history).not.toContainText('Name changed to Alice ');
  await expect(tab.history).not.toContainText('Details changed');
});

test('a walkout is written off with a reason and leaves the board', async ({ page, request, webHost, appUrl }) => {
  const api = new CommandClient(request, webHost);
  const items = await api.seedCafe();
  await api.openTabWith(items, ['Toasted sandwich', 'Americano']);
  const board = new BoardPage(page);
  const tab = new TabPage(page);
  await openApp(page, appUrl);
  await tab.openFromBoard(1);

  await tab.walkoutButton.click();
  const panel = page.getByRole('form', { name: /as a walkout$/ });
  await panel.getByRole('button', { name: 'Write off €10.90' }).click();
  await expect(panel.getByRole('alert')).toHaveText('A reason is required');

  await panel.getByRole('textbox', { name: 'What happened?' }).fill('Left while we were busy');
  await panel.getByRole('button', { name: 'Write off €10.90' }).click();
  await expect(board.emptyState).toBeVisible();
  await expect(board.tabCard(1)).toHaveCount(0);
  expect(await api.call('tab.listOpen')).toEqual([]);
  expect(await api.call('ledger.check')).toMatchObject({ balanced: true, problems: [] });
});

test('a quantity that is not a number is refused next to the field and nothing is posted', async ({ page, request, webHost, appUrl }) => {
  const { api, opened, tab } = await openTabScreen(page, request, { ...webHost, appUrl }, ['Latte']);
  const before = await api.tab(opened.id);

  await tab.typeQty('Latte', 'abc');
  const field = tab.qtyField('Latte');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const note = page.locator(`#${(await field.getAttribute('aria-describedby')) ?? 'missing'}`);
  await expect(note).toHaveText('The quantity must be a whole number from 1 to 999');
  await expect(tab.line('Latte')).toContainText('The quantity must be a whole number from 1 to 999');
  await page.screenshot({ path: 'test-results/screenshots/tab-refused.png' });

  const after = await api.tab(opened.id);
  expect(after.lines).toEqual(before.lines);
  expect(after.paidMinor).toBe(0);

  await tab.typeQty('Latte', '3');
  await expect(tab.total('Due')).toHaveText('€13.20');
  await expect(field).toHaveAttribute('aria-invalid', 'false');
});

test('keyboard: / searches, Enter settles, Esc goes back', async ({ page, request, webHost, appUrl }) => {
  const { opened, tab } = await openTabScreen(page, request, { ...webHost, appUrl }, []);

  await page.keyboard.press('/');
  await expect(tab.search).toBeFocused();
  await page.keyboard.type('flat');
  await expect(page.getByRole('button', { name: /^Add / })).toHaveCount(1);
  await page.getByRole('button', { name: /^Add Flat white/ }).click();
  await expect(tab.line('Flat white')).toBeVisible();

  // Nothing focused: Enter belongs to the screen, not to a button or field.
  await page.evaluate('document.activeElement && document.activeElement.blur()');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/tab/${opened.id}/settle$`));
  // The address changes before the screen does; a key pressed in between still reaches the tab's screen.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Settle token ${opened.token}`);
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(new RegExp(`#/tab/${opened.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/^Settle/);
  await page.keyboard.press('Escape');
  await expect(new BoardPage(page).tabCard(1)).toBeVisible();

  await page.goto(`${webHost.url}#/tab/9999`);
  await expect(page.getByText('There is no such tab.')).toBeVisible();
  await page.getByRole('link', { name: 'Back to the board' }).click();
  await expect(new BoardPage(page).tabCard(1)).toBeVisible();
});

test('a comp reason typed as only a zero-width space is refused beside the reason, and nothing is comped', async ({ page, request, webHost, appUrl }) => {
  const { api, opened, tab } = await openTabScreen(page, request, { ...webHost, appUrl }, ['Banana bread']);

  const line = tab.line('Banana bread');
  await line.getByRole('button', { name: 'Comp', exact: true }).click();
  const form = line.getByRole('form', { name: 'Comp Banana bread' });
  await form.getByRole('textbox', { name: 'How many percent off' }).fill('50');
  await form.getByRole('radio', { name: 'Another reason' }).check();
  await form.getByRole('textbox', { name: 'Another reason' }).fill('\u200b');
  await form.getByRole('button', { name: 'Comp the line' }).click();

  await expect(form.locator('fieldset + [role="alert"]')).toHaveText('A reason is required');
  await expect(form.getByRole('alert')).toHaveCount(1);
  const after = await api.tab(opened.id);
  expect(after.lines[0]).toMatchObject({ name: 'Banana bread', comp: null });
  expect(after.dueMinor).toBe(opened.dueMinor);
  expect(after.dueMinor).toBeGreaterThan(0);
});
