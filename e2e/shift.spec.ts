import type { DayReport, DrawerState, StaffDayFigures, StaffReport } from '../shared/closing-types';
import type { SessionState, TabDetail, TabSummary } from '../shared/types';
import { ApprovalDialog } from './pages/approval-dialog';
import { BoardPage } from './pages/board-page';
import { createStaff, hostAs, must, OWNER_NAME, OWNER_PIN, sendCommand, type Host } from './pages/commands';
import { DrawerPage } from './pages/drawer-page';
import { boxOf, expectUncovered, sizeName, tablets } from './pages/layout';
import { ReportsPage } from './pages/reports-page';
import { SettlePage } from './pages/settle-page';
import { expectSignedInAs, lock, openApp, signIn, SignInPage } from './pages/sign-in-page';
import { StaffPage } from './pages/staff-page';
import { TabPage } from './pages/tab-page';
import { expect, test } from './fixtures';

const ANN_PIN = '1111';
const BEN_PIN = '2222';
const MIA_PIN = '3333';

/*
 * The shift, worked out by hand (café starter, prices include 10 % tax):
 *   Ann rings up Latte 4.40 + Croissant 3.20; Ben adds Cappuccino 4.20: 11.80 on token 1.
 *   Ann comps the croissant 50 % (1.60 off, above the 20 % staff may give alone): Mia approves.
 *   Charged 10.20: Ann's lines 4.40 + 1.60 = 6.00, Ben's 4.20. Comps net of tax: 1.46.
 *   Sales per person net of tax: Ann 6.00 / 1.1 = 5.45, Ben 4.20 / 1.1 = 3.82; together the day's 9.27.
 *   A card tip of 1.00 shared by lines: 100 × 600 / 1020 = 58.8 and 41.2; the cent left over goes
 *   to the larger remainder, so Ann 0.59 and Ben 0.41, which add up to the 1.00 taken.
 */
const TIP = { ann: 59, ben: 41, total: 100 };
const COMP_NET = 146;

function figuresOf(staff: readonly StaffDayFigures[] | undefined, name: string): StaffDayFigures {
  const found = staff?.find((s) => s.staffName === name);
  if (!found) throw new Error(`no figures for ${name} (there are: ${(staff ?? []).map((s) => s.staffName).join(', ')})`);
  return found;
}

test('before anyone signs in, the web API answers the PIN pad only: tab.listOpen and tab.open are refused, nothing is written', async ({
  request,
  webHost,
}) => {
  const nobody: Host = { ...webHost, token: null };
  const state = await sendCommand<SessionState>(request, nobody, 'session.state');
  expect(state.ok).toBe(true);
  if (state.ok) {
    expect(state.value.needsSetup).toBe(false);
    expect(state.value.current).toBeNull();
    expect(state.value.staff.map((tile) => tile.name)).toEqual([OWNER_NAME]);
  }
  const list = await sendCommand(request, nobody, 'tab.listOpen');
  expect(list).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  const open = await sendCommand(request, nobody, 'tab.open', { name: 'Sneaky' });
  expect(open).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  // A token that was never issued is no one's session either.
  const forged = await sendCommand(request, { ...webHost, token: 'A'.repeat(43) }, 'tab.listOpen');
  expect(forged).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  // The owner's own session sees that nothing was opened.
  expect(await must<TabSummary[]>(request, webHost, 'tab.listOpen')).toEqual([]);
});

test('two baristas and a manager through one shift: PIN sign-in, switching person, idle lock, an approved comp, tips by lines, the Z', async ({
  page,
  request,
  webHost,
  appUrl,
}) => {
  test.setTimeout(120_000);
  // The page's clock moves on its own, and the idle lock is skipped ahead with it below.
  await page.clock.install();
  await page.setViewportSize({ width: 1024, height: 768 });
  // The back door (as the owner): the menu, a drawer with a €50.00 float, and a 1-minute idle lock.
  await must(request, webHost, 'catalog.loadStarter', { kind: 'cafe' });
  await must(request, webHost, 'store.update', { idleLockMinutes: 1 });
  await must(request, webHost, 'drawer.open', { float: { kind: 'total', totalMinor: 5000 } });
  // The main process ends a session unused for the idle time and a minute; each check signs in afresh.
  const owner = (): Promise<Host> => hostAs(request, webHost, OWNER_NAME, OWNER_PIN);

  const board = new BoardPage(page);
  const tab = new TabPage(page);
  const settle = new SettlePage(page);
  const pad = new SignInPage(page);
  const approval = new ApprovalDialog(page);

  // The owner adds Ann on the Staff screen; Ben and Mia come in by the back door.
  await openApp(page, appUrl);
  await expectSignedInAs(page, OWNER_NAME);
  const staffScreen = new StaffPage(page);
  await staffScreen.openFromNav();
  await staffScreen.add('Ann', 'staff', ANN_PIN);
  await expect(staffScreen.person('Ann')).toContainText('Staff');
  await expect(staffScreen.person('Ann')).toContainText('PIN set');
  await createStaff(request, await owner(), 'Ben', 'staff', BEN_PIN);
  await createStaff(request, await owner(), 'Mia', 'manager', MIA_PIN);
  await expect(staffScreen.person('Mia')).toContainText('Manager');
  await expect(staffScreen.person('Ben')).toContainText('Staff');

  // The owner locks the counter from the board; the pad lists everyone who can sign in.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tabs' }).click();
  await lock(page);
  for (const name of [OWNER_NAME, 'Mia', 'Ann', 'Ben']) await expect(pad.person(name)).toBeVisible();
  // On a tablet either way up: every name, key and the field wholly in the window and uncovered, keys finger-sized.
  for (const size of tablets) {
    await page.setViewportSize(size);
    for (const control of [...(await pad.pad.getByRole('button').all()), pad.pin]) await expectUncovered(control);
    for (const key of await pad.pad.getByRole('group', { name: 'PIN digits' }).getByRole('button').all()) {
      const box = await boxOf(key);
      expect(Math.min(box.width, box.height), `the ${await key.textContent()} key at ${sizeName(size)}`).toBeGreaterThanOrEqual(44);
    }
    await page.screenshot({ path: `test-results/screenshots/pin-pad-${sizeName(size)}.png` });
  }
  await page.setViewportSize({ width: 1024, height: 768 });

  // Ann signs in on the pad, opens a tab on the next token and rings up two things.
  await signIn(page, 'Ann', ANN_PIN);
  await expect(board.openTabButton).toBeVisible();
  await board.openTabButton.click();
  await expect(page).toHaveURL(/#\/slip\/\d+$/);
  await tab.toBoard();
  await tab.openFromBoard(1);
  await expect(tab.heading()).toHaveText('Token 1');
  const tabId = Number(/#\/tab\/(\d+)$/.exec(page.url())?.[1]);
  for (const item of ['Latte', 'Croissant']) {
    await tab.addItem(item);
    await expect(tab.line(item)).toBeVisible();
  }
  await expect(tab.total('Due')).toHaveText('€7.60');

  // Ben takes over at the same counter: Lock, his PIN typed on the keyboard, and he is on the same tab.
  await lock(page);
  await signIn(page, 'Ben', BEN_PIN, { by: 'keyboard' });
  await expect(tab.heading()).toHaveText('Token 1');
  await expect(page).toHaveURL(new RegExp(`#/tab/${tabId}$`));
  await tab.addItem('Cappuccino');
  await expect(tab.line('Cappuccino')).toBeVisible();
  await expect(tab.total('Due')).toHaveText('€11.80');
  const served = await must<TabDetail>(request, await owner(), 'tab.get', { tabId });
  expect(served.lines.map((l) => [l.name, l.staffName])).toEqual([
    ['Latte', 'Ann'],
    ['Croissant', 'Ann'],
    ['Cappuccino', 'Ben'],
  ]);

  // A minute without a touch locks the counter; Ben signs back in and is where he was.
  await page.clock.fastForward('01:05');
  await expect(pad.heading).toBeVisible();
  await expect(pad.pad.getByRole('status')).toHaveText('Locked after 1 minute without use.');
  await signIn(page, 'Ben', BEN_PIN);
  await expect(tab.heading()).toHaveText('Token 1');
  await expect(tab.total('Due')).toHaveText('€11.80');

  // Ann comps half the croissant: more than staff give alone, so a manager's PIN is asked for.
  await lock(page);
  await signIn(page, 'Ann', ANN_PIN);
  await expect(tab.heading()).toHaveText('Token 1');
  await tab.comp('Croissant', 50, 'Not satisfied');
  await expect(approval.dialog).toBeVisible();
  await expect(approval.approver('Mia')).toBeVisible();
  await expect(approval.approver(OWNER_NAME)).toBeVisible();
  // Staff approve nothing, and nobody approves their own action.
  await expect(approval.approver('Ann')).toHaveCount(0);
  await expect(approval.approver('Ben')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/approval-1024x768.png' });

  // A wrong PIN is refused inside the dialog, and nothing is posted.
  await approval.approveAs('Mia', '3334');
  await expect(approval.error).toHaveText(/that PIN is not right; 4 more tries/i);
  await expect(approval.dialog).toBeVisible();
  await expect(tab.total('Due')).toHaveText('€11.80');
  const refused = await must<TabDetail>(request, await owner(), 'tab.get', { tabId });
  expect(refused.dueMinor).toBe(1180);
  expect(refused.lines.find((l) => l.name === 'Croissant')?.comp).toBeNull();

  // Mia's PIN is accepted: the same comp is sent again and posts once.
  await approval.approveAs('Mia', MIA_PIN);
  await expect(approval.dialog).toBeHidden();
  await expect(tab.total('Due')).toHaveText('€10.20');
  const comped = await must<TabDetail>(request, await owner(), 'tab.get', { tabId });
  expect(comped.dueMinor).toBe(1020);
  expect(comped.lines.find((l) => l.name === 'Croissant')?.chargedMinor).toBe(160);

  // Ann takes the payment by card with a €1.00 tip, shared by lines between Ann and Ben.
  await tab.settleButton.click();
  await expect(settle.due).toHaveText('€10.20');
  await settle.method('Card');
  await settle.typeTip('1');
  const share = settle.payPanel.getByRole('group', { name: 'Who the tip is for' });
  await expect(share.getByRole('button', { name: 'By their lines' })).toHaveAttribute('aria-pressed', 'true');
  const preview = settle.payPanel.getByRole('list', { name: 'The tip goes to' });
  await expect(preview.getByRole('listitem')).toHaveText(['Ann €0.59', 'Ben €0.41']);
  await settle.confirm();
  await expect(settle.outcome).toContainText('Paid €10.20 by Card.');
  await expect(settle.outcome).toContainText('Tip €1.00.');
  await expect(page.getByText('Settled. Token 1 is free again.')).toBeVisible();
  await settle.rate('Happy');

  // The tips per person add up to the tip taken, and the rating counts for both who served.
  const staffReport = await must<StaffReport>(request, await owner(), 'report.staff', {});
  const ann = figuresOf(staffReport.staff, 'Ann');
  const ben = figuresOf(staffReport.staff, 'Ben');
  expect([ann.tipsMinor, ben.tipsMinor]).toEqual([TIP.ann, TIP.ben]);
  expect(staffReport.staff.reduce((sum, s) => sum + s.tipsMinor, 0)).toBe(TIP.total);
  expect(ann.comps).toEqual({ count: 1, amountMinor: COMP_NET, reasons: [{ reason: 'Not satisfied', count: 1, amountMinor: COMP_NET }] });
  expect(ben.comps.count).toBe(0);
  for (const person of [ann, ben]) {
    expect(person.tabsServed).toBe(1);
    expect(person.ratings).toEqual({ happy: 1, okay: 0, unhappy: 0 });
  }

  // Mia closes: the blind count of the drawer, her sign-off, then the day's Z.
  await lock(page);
  await signIn(page, 'Mia', MIA_PIN);
  const drawer = new DrawerPage(page);
  await drawer.openFromNav();
  await drawer.startClosing();
  await drawer.countNotes(drawer.blindForm, { '€20.00': 2, '€10.00': 1 });
  await drawer.blindForm.getByRole('button', { name: 'Enter the count: €50.00' }).click();
  await expect(drawer.figure('Counted against expected', 'Variance')).toHaveText('€0.00');
  await drawer.signOffForm.getByRole('button', { name: 'Sign off the drawer' }).click();
  await expect(page.getByRole('heading', { name: 'Drawer closed' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the reports' }).click();
  const reports = new ReportsPage(page);
  await reports.closeDay();
  await expect(page).toHaveURL(/#\/reports\/z\/1$/);
  await expect(reports.report).toContainText('Z report #1');
  await expect(reports.figure('Sales', 'Comps')).toHaveText('−€1.46');
  expect(await reports.rows('Tips by staff')).toEqual([
    ['Ann', '€0.59'],
    ['Ben', '€0.41'],
  ]);
  // Who gave the comp and who approved it, and each person's day (time left out: the row's first cell).
  expect((await reports.rows('Comps given')).map((row) => row.slice(1))).toEqual([['1', 'Not satisfied', '€1.46', 'Ann', 'Mia']]);
  const staffRows = await reports.rows('Staff figures');
  expect(staffRows.map(([name, tabs, sales, , comps, , tips, happy]) => [name, tabs, sales, comps, tips, happy])).toEqual([
    ['Ann', '1', '€5.45', '1', '€0.59', '1'],
    ['Ben', '1', '€3.82', '0', '€0.41', '1'],
  ]);
  await page.screenshot({ path: 'test-results/screenshots/shift-z.png', fullPage: true });

  // The Z as the ledger keeps it: who closed, who comped and who approved, each person's day.
  const z = await must<DayReport>(request, await owner(), 'report.z', { zNumber: 1 });
  expect(z.generatedBy).toBe('Mia');
  expect(z.actions?.filter((a) => a.kind === 'comp')).toEqual([
    { kind: 'comp', at: expect.any(String) as unknown, staffName: 'Ann', approverName: 'Mia', amountMinor: COMP_NET, reason: 'Not satisfied', token: 1 },
  ]);
  expect(figuresOf(z.staff, 'Ann').tipsMinor).toBe(TIP.ann);
  expect(figuresOf(z.staff, 'Ben').tipsMinor).toBe(TIP.ben);
  expect(z.tips.reduce((sum, t) => sum + t.amountMinor, 0)).toBe(TIP.total);
  const drawerState = await must<DrawerState>(request, await owner(), 'drawer.get');
  expect(drawerState.lastClosed?.signedOffBy).toBe('Mia');
  expect(await must(request, await owner(), 'ledger.check')).toMatchObject({ balanced: true, problems: [] });
});
