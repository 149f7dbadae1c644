import fs from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { DayReport, DayStatus } from '../shared/closing-types';
import type { TabSummary } from '../shared/types';
import { BoardPage } from './pages/board-page';
import { DrawerPage, openDrawerByBackDoor } from './pages/drawer-page';
import { ReportsPage } from './pages/reports-page';
import { SettlePage } from './pages/settle-page';
import { openApp } from './pages/sign-in-page';
import { CommandClient, TabPage } from './pages/tab-page';
import { expect, test } from './fixtures';

/*
 * The day, worked out by hand (café starter, prices include 10 % tax, tax per tab rounded half up):
 * (Tokens go back to the pool as tabs close, so the four tabs below do not hold four different tokens.)
 *   token 1  Latte 4.40 + Croissant 3.20 = 7.60, tax 0.69, net 6.91; cash, €10 handed over, €2.40 change (screens)
 *   tab 2    Latte + Croissant + Cappuccino = 11.80, rung up net 10.73; croissant comped 50 % (1.60 off):
 *            charged 10.20, tax 0.93, net 9.27, comps 1.46; split in two: 5.10 card + 0.51 tip, 5.10 cash
 *   tab 3    Toasted sandwich 7.50, tax 0.68, net 6.82; walkout (screens)
 *   tab 4    Americano 3.40 (tax 0.31, net 3.09) and a croissant rung up (net 2.91) then removed; left open
 *   rung up 6.91 + 10.73 + 6.82 + 6.00 = 30.46; removed 2.91 → gross 27.55; comps 1.46 → net 26.09;
 *   tax 0.69 + 0.93 + 0.68 + 0.31 = 2.61; total 28.70 = 7.60 + 10.20 + 7.50 + 3.40
 *   drawer: float 100.00 + cash 7.60 + 5.10 − paid out 4.50 = 108.20 expected; counted 108.00 → 0.20 short
 *   receivable: 0 + 28.70 charged − 17.80 paid − 7.50 written off = 3.40 carried (tab 4, Sam)
 */
const EXPECTED = {
  rungUp: 3046,
  removed: 291,
  gross: 2755,
  comps: 146,
  net: 2609,
  tax: 261,
  total: 2870,
  float: 10000,
  cashIn: 1270,
  paidOut: 450,
  expected: 10820,
  counted: 10800,
  variance: -20,
  walkouts: 750,
  paid: 1780,
  carried: 340,
};

type CsvRow = { section: string; item: string; detail: string; count: string; amount_minor: string; amount: string };

test('a full day closed through the screens: float, sales, paid out, walkout, blind count, Z, CSV', async ({ page, request, webHost, appUrl }) => {
  test.setTimeout(120_000);
  const api = new CommandClient(request, webHost);
  const items = await api.seedCafe();
  const board = new BoardPage(page);
  const drawer = new DrawerPage(page);
  const tab = new TabPage(page);
  const settle = new SettlePage(page);
  const reports = new ReportsPage(page);

  // Open the drawer with €100 counted note by note.
  await openApp(page, appUrl);
  await drawer.openFromNav();
  await expect(page.getByText('No drawer is open.')).toBeVisible();
  await drawer.countNotes(drawer.openForm, { '€20.00': 2, '€10.00': 4, '€2.00': 5, '€1.00': 10 });
  await expect(drawer.running(drawer.openForm)).toHaveText('Counted so far: €100.00');
  await page.screenshot({ path: 'test-results/screenshots/drawer-open.png', fullPage: true });
  await drawer.openForm.getByRole('button', { name: 'Open the drawer with €100.00' }).click();
  await expect(drawer.figure('Cash drawer', 'Float')).toHaveText('€100.00');

  // Token 1 through the screens: two items, paid in cash with €10.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tabs' }).click();
  await board.openTabButton.click();
  await expect(page).toHaveURL(/#\/slip\/\d+$/);
  await tab.toBoard();
  await tab.openFromBoard(1);
  for (const item of ['Latte', 'Croissant']) {
    await tab.addItem(item);
    await expect(tab.line(item)).toBeVisible();
  }
  await expect(tab.total('Due')).toHaveText('€7.60');
  await tab.settleButton.click();
  await settle.method('Cash');
  await settle.quickTender('€10.00');
  await settle.confirm();
  await expect(settle.outcome).toContainText('Change €2.40');
  await settle.rate('Happy');
  await expect(page.getByRole('article', { name: 'Receipt' })).toBeVisible();

  // Tab 2 by the back door (splits and comps have their own specs): a comp, a split, card + cash.
  const two = await api.openTabWith(items, ['Latte', 'Croissant', 'Cappuccino']);
  const croissant = two.lines.find((l) => l.name === 'Croissant');
  if (!croissant) throw new Error('no Croissant line');
  await api.call('tab.compLine', { tabId: two.id, lineId: croissant.id, kind: 'percent', value: 50, reason: 'Not satisfied' });
  await api.call('settle.split', { tabId: two.id, mode: 'even', parts: 2 });
  await api.call('settle.pay', { tabId: two.id, method: 'card', partNo: 1, tipPercent: 10 });
  await api.call('settle.pay', { tabId: two.id, method: 'cash', partNo: 2 });

  // Tab 3 walks out, written off on its screen.
  const three = await api.openTabWith(items, ['Toasted sandwich']);
  await tab.goto(webHost.url, three.id);
  await tab.writeOff('Left without paying');
  await expect(board.tabCard(three.token)).toHaveCount(0);

  // Tab 4 stays open: a line rung up by mistake and removed, the rest owed tomorrow.
  const four = await api.openTabWith(items, ['Americano', 'Croissant']);
  await api.call('tab.update', { tabId: four.id, name: 'Sam', label: '', note: '' });
  const wrong = four.lines.find((l) => l.name === 'Croissant');
  if (!wrong) throw new Error('no Croissant line');
  const left = await api.call<TabSummary>('tab.removeLine', { tabId: four.id, lineId: wrong.id, reason: 'Ordered by mistake' });
  expect(left.dueMinor).toBe(EXPECTED.carried);

  // Milk bought from the drawer.
  await drawer.openFromNav();
  await drawer.payOut('4.50', 'Milk from the corner shop');
  await expect(drawer.movements).toHaveCount(1);
  await expect(drawer.movements.first()).toContainText('Paid out €4.50: Milk from the corner shop');
  await expect(drawer.figure('Cash drawer', 'Paid out')).toHaveText('€4.50');

  // The X report, live, before anything is closed.
  await reports.openFromNav();
  await expect(reports.report).toContainText('X report');
  await expect(reports.figure('Sales', 'Net sales')).toHaveText('€26.09');
  await expect(reports.figure('Sales', 'Total charged (net + tax)')).toHaveText('€28.70');
  await expect(reports.chartBars.first()).toBeVisible();
  // The open drawer has no figures yet: said in words, not as a table of zeros.
  await expect(reports.section('Cash drawer')).toContainText('A drawer is open: its figures appear once it is counted and signed off.');
  await expect(reports.section('Cash drawer').getByRole('table', { name: 'Drawer sessions', exact: true })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/report-x.png', fullPage: true });

  // Closing cannot start while the drawer is open: the reason beside the button, one way to the drawer.
  await expect(reports.closeButton).toBeDisabled();
  await expect(reports.closeBlocked).toHaveText('A drawer is open: count it and sign it off before closing the day.');
  await expect(page.getByRole('link', { name: 'Go to the drawer' })).toHaveCount(1);
  await page.getByRole('link', { name: 'Go to the drawer' }).click();

  // The blind count: nothing expected is shown until the count is in; €0.20 short.
  await drawer.startClosing();
  await expect(page.getByText('Expected', { exact: true })).toHaveCount(0);
  await drawer.countNotes(drawer.blindForm, { '€20.00': 5, '€5.00': 1, '€2.00': 1, '€1.00': 1 });
  await expect(drawer.running(drawer.blindForm)).toHaveText('Counted so far: €108.00');
  await page.screenshot({ path: 'test-results/screenshots/drawer-count.png', fullPage: true });
  await drawer.blindForm.getByRole('button', { name: 'Enter the count: €108.00' }).click();
  const counted = 'Counted against expected';
  // Counted again before the sign-off (to the same €108.00): the first count is kept and shown.
  await expect(drawer.figure(counted, 'Counted')).toHaveText('€108.00');
  await drawer.recount('108');
  await expect(drawer.firstCount).toHaveText('Counted twice: first count €108.00');
  await expect(drawer.figure(counted, 'Expected')).toHaveText('€108.20');
  await expect(drawer.figure(counted, 'Counted')).toHaveText('€108.00');
  await expect(drawer.figure(counted, 'Cash taken')).toHaveText('€12.70');
  await expect(drawer.figure(counted, 'Variance')).toHaveText('−€0.20');
  await expect(drawer.variance).toHaveText('The drawer is €0.20 short.');
  await page.screenshot({ path: 'test-results/screenshots/drawer.png', fullPage: true });

  // A sign-off without a reason is refused by the field; with one it closes the drawer.
  await drawer.signOffForm.getByRole('button', { name: 'Sign off the drawer' }).click();
  await expect(drawer.signOffForm.getByRole('alert')).toHaveText('Say why the drawer is over or short before signing off');
  await drawer.signOff('Coin dropped behind the till');
  await expect(page.getByRole('heading', { name: 'Drawer closed' })).toBeVisible();
  await expect(page.getByText('Reason: Coin dropped behind the till')).toBeVisible();
  await page.getByRole('link', { name: 'Go to the reports' }).click();

  // Close the day: Z #1.
  await reports.closeDay();
  await expect(page).toHaveURL(/#\/reports\/z\/1$/);
  await expect(reports.report).toContainText('Z report #1');
  const sales: [string, string][] = [
    ['Rung up', '€30.46'],
    ['Removed lines (1)', '−€2.91'],
    ['Gross sales', '€27.55'],
    ['Comps', '−€1.46'],
    ['Net sales', '€26.09'],
    ['Tax', '€2.61'],
    ['Total charged (net + tax)', '€28.70'],
  ];
  for (const [label, amount] of sales) await expect(reports.figure('Sales', label)).toHaveText(amount);
  expect(await reports.rows('Comps by reason')).toEqual([['Not satisfied', '1', '€1.46']]);
  expect(await reports.rows('Tax by rate')).toEqual([['Standard 10%', '€26.09', '€2.61']]);
  expect(await reports.rows('Tips by staff')).toEqual([['Owner', '€0.51']]);
  expect(await reports.rows('Payments by method')).toEqual([
    ['Cash', '2', '€12.70', '€0.00', '€12.70'],
    ['Card', '1', '€5.10', '€0.51', '€5.61'],
    ['Other', '0', '€0.00', '€0.00', '€0.00'],
  ]);
  for (const label of ['Taken', 'Applied', 'Refunded', 'Forfeited', 'Held']) await expect(reports.figure('Deposits', label)).toHaveText('€0.00');
  await expect(reports.figure('Walkouts', 'Tabs written off')).toHaveText('1');
  await expect(reports.figure('Walkouts', 'Amount written off (as charged, tax included)')).toHaveText('€7.50');
  const drawerFigures: [string, string][] = [
    ['Float', '€100.00'],
    ['Cash taken', '€12.70'],
    ['Paid in', '€0.00'],
    ['Paid out', '€4.50'],
    ['Expected', '€108.20'],
    ['Counted', '€108.00'],
    ['Variance', '−€0.20'],
  ];
  for (const [label, amount] of drawerFigures) await expect(reports.figure('Cash drawer', label)).toHaveText(amount);
  const sessions = await reports.rows('Drawer sessions');
  expect(sessions.map((row) => row[3])).toEqual(['€108.00Counted twice: first count €108.00']);
  await expect(reports.section('Cash drawer')).not.toContainText('A drawer is open');
  await expect(reports.figure('Satisfaction', '😊 Happy')).toHaveText('1');
  await expect(reports.figure('Satisfaction', 'Not rated')).toHaveText('1');
  await expect(reports.figure('Tabs', 'Settled')).toHaveText('2');
  await expect(reports.figure('Tabs', 'Written off')).toHaveText('1');
  await expect(reports.figure('Tabs', 'Average time from opening to paying')).toHaveText(/^\d+ min$/);
  const carried = await reports.rows('Open tabs carried forward');
  expect(carried.map((row) => [row[0], row[1], row[3]])).toEqual([[String(four.token), 'Sam', '€3.40']]);
  const receivable: [string, string][] = [
    ['Brought forward', '€0.00'],
    ['+ Charged', '€28.70'],
    ['− Paid', '€17.80'],
    ['− Written off', '€7.50'],
    ['= Carried forward', '€3.40'],
  ];
  for (const [label, amount] of receivable) await expect(reports.figure('Tabs receivable', label)).toHaveText(amount);
  const accountRows = await reports.rows('Movement by account');
  const accounts = new Map(accountRows.map(([account, , movement]) => [account, movement]));
  // Beside each journal name, what it is in words.
  expect(new Map(accountRows.map(([account, meaning]) => [account, meaning])).get('tips_payable:1')).toBe('Tips owed to Owner');
  expect(new Map(accountRows.map(([account, meaning]) => [account, meaning])).get('sales:10')).toBe('Sales at 10% (net of tax)');
  // The drawer ends empty (what was counted went to the office), so cash_drawer did not move.
  expect(Object.fromEntries(accounts)).toEqual({
    cash_office: '+€8.00',
    tabs_receivable: '+€3.40',
    card_clearing: '+€5.61',
    comps: '+€1.46',
    'sales:10': '−€27.55',
    'tax_payable:10': '−€2.61',
    'tips_payable:1': '−€0.51',
    walkouts: '+€7.50',
    paid_out: '+€4.50',
    cash_over_short: '+€0.20',
  });
  await expect(reports.chartBars.first()).toBeVisible();
  // Every hour of the business day has its place, so a single busy hour is one narrow bar.
  await expect(reports.chartTicks.first()).toHaveText(/^\d\d:00$/);
  const bar = await reports.chartBars.first().boundingBox();
  const chart = await reports.section('Net sales by hour').locator('svg').first().boundingBox();
  expect(bar && chart && bar.width < chart.width / 10).toBe(true);
  // recharts' text-measuring span stays out of the page's text.
  await expect(page.locator('#recharts_measurement_span')).toHaveCount(1);
  await expect(page.locator('#recharts_measurement_span')).toBeHidden();
  await page.screenshot({ path: 'test-results/screenshots/report-z.png', fullPage: true });
  // On paper (and in the PDF) the report stands alone: no nav, no buttons, no hover shading.
  await reports.chartBars.first().hover();
  await expect(reports.chartCursor).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Download CSV' })).toBeHidden();
  await expect(reports.chartCursor).toBeHidden();
  await expect(reports.figure('Sales', 'Net sales')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/report-print.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // The ledger agrees with the screen.
  const z = await api.call<DayReport>('report.z', { zNumber: 1 });
  expect(z.sales).toEqual({
    rungUpMinor: EXPECTED.rungUp,
    removedMinor: EXPECTED.removed,
    removedCount: 1,
    grossMinor: EXPECTED.gross,
    compsMinor: EXPECTED.comps,
    loyaltyMinor: 0,
    refundsMinor: 0,
    netMinor: EXPECTED.net,
    taxMinor: EXPECTED.tax,
    totalMinor: EXPECTED.total,
  });

  // The CSV the screen downloads carries the Z's totals.
  const download = await reports.download('Download CSV');
  expect(download.suggestedFilename()).toBe(`aftertab-z0001-${z.businessDate}.csv`);
  const text = await fs.readFile(await download.path(), 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows = parse(text, { columns: true, bom: true, skip_empty_lines: true }) as CsvRow[];
  const amount = (section: string, item: string, detail?: string): number => {
    const row = rows.find((r) => r.section === section && r.item === item && (detail === undefined || r.detail === detail));
    if (!row) throw new Error(`no ${section}/${item} row in the CSV`);
    return Number(row.amount_minor);
  };
  expect(rows.find((r) => r.item === 'z_number')?.detail).toBe('1');
  expect(amount('sales', 'net')).toBe(z.sales.netMinor);
  expect(amount('sales', 'total')).toBe(z.sales.totalMinor);
  expect(amount('sales', 'comps')).toBe(EXPECTED.comps);
  expect(amount('payments', 'cash', 'taken')).toBe(EXPECTED.cashIn);
  expect(amount('drawer', 'expected')).toBe(EXPECTED.expected);
  expect(amount('drawer', 'counted')).toBe(EXPECTED.counted);
  expect(amount('drawer', 'variance')).toBe(EXPECTED.variance);
  expect(amount('walkouts', 'walkouts')).toBe(EXPECTED.walkouts);
  expect(amount('receivable', 'paid')).toBe(EXPECTED.paid);
  expect(amount('receivable', 'carried_forward')).toBe(EXPECTED.carried);
  // The account movements balance, as the journal does.
  expect(rows.filter((r) => r.section === 'account').reduce((sum, r) => sum + Number(r.amount_minor), 0)).toBe(0);

  // The Z is listed; the next day has not begun by the clock, so closing it is not offered.
  await reports.openFromNav();
  await expect(reports.zList.getByRole('link', { name: 'Open Z #1' })).toBeVisible();
  const status = await api.call<DayStatus>('day.status');
  expect(status.canCloseNext).toBe(false);
  const boundary = `${String(Math.floor(status.dayBoundaryMinutes / 60)).padStart(2, '0')}:${String(status.dayBoundaryMinutes % 60).padStart(2, '0')}`;
  await expect(reports.notBegun).toHaveText(new RegExp(`^\\w{3} \\d{1,2} \\w+ \\d{4} has not begun yet; it can be closed from ${boundary} on that day\\.$`));
  await expect(reports.closeButton).toHaveCount(0);
  // The tab carried forward is still open and owed on the board.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tabs' }).click();
  await expect(board.tabCard(four.token)).toBeVisible();
  await expect(board.tabCard(four.token)).toContainText('€3.40');
  expect(await api.call('ledger.check')).toMatchObject({ balanced: true, problems: [] });
});

test('cash without a drawer is refused by the Cash button, with the way to open one', async ({ page, request, webHost, appUrl }) => {
  const api = new CommandClient(request, webHost);
  const items = await api.seedCafe();
  const opened = await api.openTabWith(items, ['Latte']);
  const settle = new SettlePage(page);
  const drawer = new DrawerPage(page);
  await openApp(page, appUrl);
  await page.goto(`${webHost.url}#/tab/${opened.id}/settle`);
  await settle.method('Cash');
  await settle.confirm();
  await expect(settle.payPanel.getByRole('alert')).toHaveText('Open the cash drawer before taking cash (Drawer → Open the drawer)');
  await settle.payPanel.getByRole('link', { name: 'Go to the drawer' }).click();
  await drawer.openForm.getByRole('button', { name: 'As a total' }).click();
  await drawer.openForm.getByRole('textbox', { name: 'Total in the drawer' }).fill('50');
  await drawer.openForm.getByRole('button', { name: 'Open the drawer with €50.00' }).click();
  await expect(drawer.figure('Cash drawer', 'Float')).toHaveText('€50.00');
  // Back returns to the settlement, where cash now goes through.
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(new RegExp(`#/tab/${opened.id}/settle$`));
  await settle.method('Cash');
  await settle.confirm();
  await expect(settle.outcome).toContainText('Paid €4.40 by Cash.');
  expect((await api.tab(opened.id)).status).toBe('settled');
});

test('a day cannot close while its drawer is open: the reason is shown once with the way to the drawer', async ({ page, request, webHost, appUrl }) => {
  await openDrawerByBackDoor(request, webHost, 2000);
  const reports = new ReportsPage(page);
  await openApp(page, appUrl);
  await reports.openFromNav();
  await expect(reports.closeBlocked).toHaveText('A drawer is open: count it and sign it off before closing the day.');
  await expect(reports.closeButton).toBeDisabled();
  await reports.closeButton.click({ force: true });
  await expect(reports.confirmClose).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page).toHaveURL(/#\/reports$/);
  expect(await new CommandClient(request, webHost).call('report.zList', { limit: 5 })).toEqual([]);
  // Said once, with one way to the drawer, drawn as a button like the other actions.
  await expect(page.getByText('A drawer is open: count it and sign it off before closing the day.')).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Go to the drawer' })).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Go to the drawer' })).toHaveClass(/\bbutton\b/);
  await page.getByRole('link', { name: 'Go to the drawer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cash drawer' })).toBeVisible();
});
