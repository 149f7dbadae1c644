import { randomUUID } from 'node:crypto';
import { openDatabase } from '../ledger/sqlite-driver';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandInput, CommandName, CommandResult } from '../../shared/contract';
import type { DayReport, StaffDayFigures } from '../../shared/closing-types';
import type { Result } from '../../shared/errors';
import type { Permission } from '../../shared/permissions';
import { createApprovalStore } from '../auth/approvals';
import { parseCommand } from '../ipc/admission';
import { createDispatcher, unkeyedPinDigest, type Dispatcher } from '../ipc/dispatcher';
import { assertInvariants } from '../test-support/invariants';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';
import { handlers } from '.';
import { reportActions } from './report-actions';
import { staffDayFigures } from './staff-report';

const DAY = '2026-11-24';
let l: TestLedger;
let now: string;
let people: { ana: number; ben: number; mia: number };
let items: { latte: number; cake: number; water: number };
/** A second dispatcher on the same ledger, with an approval store, as the router runs one. */
let approved: { dispatcher: Dispatcher; approvals: ReturnType<typeof createApprovalStore> };

beforeEach(() => {
  l = makeLedger(`${DAY}T09:00:00.000Z`, { drawer: false });
  now = `${DAY}T09:00:00.000Z`;
  const hire = (name: string, role: string) =>
    Number(l.db.prepare("INSERT INTO staff (name, role, active, created_at) VALUES (?, ?, 1, '2026-11-01T00:00:00.000Z')").run(name, role).lastInsertRowid);
  people = { ana: hire('Ana', 'staff'), ben: hire('Ben', 'staff'), mia: hire('Mia', 'manager') };
  const item = (name: string, priceMinor: number, rateMilli: number) =>
    l.call('catalog.createItem', { categoryId: null, name, kind: 'product', priceMinor, rateMilli, expectText: '' }).id;
  items = { latte: item('Latte', 440, 10_000), cake: item('Cake', 350, 10_000), water: item('Water', 200, 0) };
  const approvals = createApprovalStore(() => Date.parse(now));
  approved = { approvals, dispatcher: createDispatcher({ db: l.db, handlers, clock: () => new Date(now), log: () => undefined, approvals }) };
});
afterEach(() => l.cleanup());

function at(hhmm: string): void {
  now = `${DAY}T${hhmm}:00.000Z`;
  l.setNow(now);
}

function unwrap<N extends CommandName>(name: N, result: Result<unknown>): CommandResult<N> {
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
  assertInvariants(l.db);
  return result.value as CommandResult<N>;
}

/** Runs a command as one person, signed in on an in-process caller. */
function as(staffId: number) {
  return <N extends CommandName>(name: N, input: CommandInput<N>): CommandResult<N> =>
    unwrap(name, l.dispatcher.dispatch(name, { input, commandId: randomUUID() }, { staffId }));
}

/**
 * Runs a command a staff member may not do alone: first refused as needing approval, then with
 * the manager's approval for exactly this command id and payload, as approval.grant records it.
 */
function withApproval<N extends CommandName>(staffId: number, approverId: number, name: N, input: CommandInput<N>): CommandResult<N> {
  const commandId = randomUUID();
  const envelope = { input, commandId };
  const refused = l.dispatcher.dispatch(name, envelope, { staffId });
  if (refused.ok) throw new Error(`${name} went through without an approval`);
  expect(refused.error.code).toBe('approval_needed');
  const { payloadHash } = parseCommand(name, envelope, unkeyedPinDigest);
  const permissions = String(refused.error.params?.permission).split(', ') as Permission[];
  approved.approvals.put(commandId, { command: name, payloadHash, requesterId: staffId, approverId, permissions, expiresAt: Date.parse(now) + 60_000 });
  return unwrap(name, approved.dispatcher.dispatch(name, envelope, { staffId }));
}

function lineId(tabId: number, name: string, staffId: number): number {
  const line = l.call('tab.get', { tabId }).lines.find((x) => x.name === name && x.staffId === staffId);
  if (!line) throw new Error(`no ${name} served by ${staffId}`);
  return line.id;
}

/**
 * Two baristas and a manager: lines by each, a small comp and an approved one, a removed line, a
 * walkout, tips on shared tabs, ratings, a cash payment voided and taken again, an approved paid
 * out and a drawer signed off short.
 */
function shift(): { tabs: { a: number; b: number; c: number; d: number } } {
  const ana = as(people.ana);
  const ben = as(people.ben);
  const mia = as(people.mia);
  mia('drawer.open', { float: { kind: 'total', totalMinor: 0 } });
  const a = ana('tab.open', { name: 'Ana table' }).id;
  ana('tab.addLine', { tabId: a, itemId: items.latte, qty: 2 });
  ben('tab.addLine', { tabId: a, itemId: items.cake });
  ana('tab.compLine', { tabId: a, lineId: lineId(a, 'Latte', people.ana), kind: 'percent', value: 10, reason: 'slow' });

  at('09:05');
  const b = ben('tab.open', {}).id;
  ben('tab.addLine', { tabId: b, itemId: items.latte });
  ben('tab.addLine', { tabId: b, itemId: items.cake });
  ben('tab.addLine', { tabId: b, itemId: items.water });
  withApproval(people.ana, people.mia, 'tab.compLine', { tabId: b, lineId: lineId(b, 'Cake', people.ben), kind: 'percent', value: 50, reason: 'burnt' });
  at('09:20');
  mia('tab.removeLine', { tabId: b, lineId: lineId(b, 'Water', people.ben), reason: 'wrong order' });

  const c = ana('tab.open', {}).id;
  ana('tab.addLine', { tabId: c, itemId: items.latte });
  ben('tab.addLine', { tabId: c, itemId: items.water });

  at('10:00');
  ana('settle.pay', { tabId: a, method: 'card', tipMinor: 101 });
  ana('settle.rate', { tabId: a, rating: 'happy' });
  const paid = ben('settle.pay', { tabId: b, method: 'cash', tipMinor: 50 });
  at('10:02');
  mia('settle.voidLastPayment', { tabId: b, paymentId: paid.payment.id, reason: 'wrong tab' });
  ben('settle.pay', { tabId: b, method: 'card', tipMinor: 30 });
  ben('settle.rate', { tabId: b, rating: 'unhappy' });

  at('11:00');
  mia('tab.writeOff', { tabId: c, reason: 'walked out' });
  const d = ben('tab.open', {}).id;
  ben('tab.addLine', { tabId: d, itemId: items.latte });
  ben('settle.pay', { tabId: d, method: 'cash', tenderedMinor: 500 });
  ben('settle.rate', { tabId: d, rating: 'okay' });
  at('12:00');
  withApproval(people.ana, people.mia, 'drawer.move', { kind: 'paid_out', amountMinor: 300, reason: 'milk' });
  at('18:00');
  mia('drawer.count', { count: { kind: 'total', totalMinor: 100 } });
  mia('drawer.close', { varianceReason: 'short' });
  return { tabs: { a, b, c, d } };
}

/** The day's postings summed by account, straight from the journal. */
function byAccount(): Map<string, number> {
  const rows = l.db
    .prepare<[string], { account: string; s: number }>(
      'SELECT p.account, SUM(p.amount_minor) AS s FROM postings p JOIN journal_entries e ON e.id = p.entry_id WHERE e.business_date = ? GROUP BY p.account',
    )
    .all(DAY);
  return new Map(rows.map((r) => [r.account, r.s]));
}

const total = (staff: StaffDayFigures[], pick: (s: StaffDayFigures) => number) => staff.reduce((s, x) => s + pick(x), 0);

function expectFiguresAgreeWithAccounts(report: DayReport, staff: StaffDayFigures[]): void {
  const accounts = byAccount();
  const sumOf = (pick: (account: string) => boolean) => [...accounts].filter(([a]) => pick(a)).reduce((s, [, v]) => s + v, 0);
  // Each person's sales less their refunds add up to the day's net sales (after comps, rewards and refunds).
  expect(total(staff, (s) => s.salesMinor - (s.refundsMinor ?? 0))).toBe(report.sales.netMinor);
  expect(total(staff, (s) => s.salesMinor)).toBe(-sumOf((a) => a.startsWith('sales:') || a === 'comps'));
  expect(total(staff, (s) => s.refundsMinor ?? 0)).toBe(accounts.get('refunds') ?? 0);
  expect(total(staff, (s) => s.refundsMinor ?? 0)).toBe(report.sales.refundsMinor ?? 0);
  expect(total(staff, (s) => s.tipsRefundedMinor ?? 0)).toBe(report.refunds?.tipMinor ?? 0);
  // (0 - x: all tips given back leaves the accounts at 0, never -0.)
  expect(total(staff, (s) => s.tipsMinor)).toBe(0 - sumOf((a) => a.startsWith('tips_payable:')));
  for (const s of staff) expect(s.tipsMinor, s.staffName).toBe(0 - (accounts.get(`tips_payable:${s.staffId}`) ?? 0));
  expect(total(staff, (s) => s.comps.amountMinor)).toBe(accounts.get('comps') ?? 0);
  expect(total(staff, (s) => s.comps.amountMinor)).toBe(report.sales.compsMinor);
  expect(total(staff, (s) => s.comps.reasons.reduce((r, c) => r + c.amountMinor, 0))).toBe(report.sales.compsMinor);
}

describe('the staff report', () => {
  it('splits the day by person so sales, tips and comps add up to the accounts', () => {
    shift();
    const x = l.call('report.x', {});
    const report = l.call('report.staff', {});
    expect(report).toMatchObject({ businessDate: DAY, closed: false });
    expect(report.staff.map((s) => s.staffName)).toEqual(['Ana', 'Ben']);
    expect(x.staff).toEqual(report.staff);
    expectFiguresAgreeWithAccounts(x, report.staff);
    const [ana, ben] = report.staff as [StaffDayFigures, StaffDayFigures];
    // Ana served 2 lattes on A (10 % off) and one on the walked-out C; Ben the cake on A, all of B
    // (the cake half off, the water removed), the water on C and the latte on D.
    expect(ana).toMatchObject({ tabsServed: 2, salesMinor: 800 - 80 + 400, walkouts: 1, ratings: { happy: 1, okay: 0, unhappy: 0 } });
    expect(ben).toMatchObject({ tabsServed: 4, walkouts: 1, ratings: { happy: 1, okay: 1, unhappy: 1 } });
    expect(ana.comps).toEqual({
      count: 2,
      amountMinor: 80 + 159,
      reasons: [
        { reason: 'burnt', count: 1, amountMinor: 159 },
        { reason: 'slow', count: 1, amountMinor: 80 },
      ],
    });
    expect(ben.comps).toEqual({ count: 0, amountMinor: 0, reasons: [] });
    // The voided cash payment's tip of 0.50 is gone; A's 1.01 and B's 0.30 are all there is.
    expect(ana.tipsMinor + ben.tipsMinor).toBe(131);
    // The manager served nothing, gave no comp and took no tip: she is not listed.
    expect(report.staff.find((s) => s.staffId === people.mia)).toBeUndefined();
  });

  it('takes refunds off the people who served what went back, so their sales less refunds add up to the net sales', () => {
    const ana = as(people.ana);
    const ben = as(people.ben);
    const mia = as(people.mia);
    mia('drawer.open', { float: { kind: 'total', totalMinor: 0 } });
    // E: Ana's two lattes, Ben's cake and water, paid by card with a 1.00 tip shared by their lines.
    const e = ana('tab.open', {}).id;
    ana('tab.addLine', { tabId: e, itemId: items.latte, qty: 2 });
    ben('tab.addLine', { tabId: e, itemId: items.cake });
    ben('tab.addLine', { tabId: e, itemId: items.water });
    ana('settle.pay', { tabId: e, method: 'card', tipMinor: 100 });
    // F: a latte each, paid in cash.
    const f = ben('tab.open', {}).id;
    ben('tab.addLine', { tabId: f, itemId: items.latte });
    ana('tab.addLine', { tabId: f, itemId: items.latte });
    ben('settle.pay', { tabId: f, method: 'cash' });
    const tipsBefore = new Map(l.call('report.x', {}).staff?.map((p) => [p.staffId, p.tipsMinor]));

    at('11:00');
    // By line: Ben's cake (3.50, of which 0.32 tax) comes off Ben alone.
    mia('tab.refund', { tabId: e, mode: 'lines', lines: [{ lineId: lineId(e, 'Cake', people.ben), qty: 1 }], reason: 'burnt' });
    let staff = l.call('report.staff', {}).staff;
    expect(staff.map((p) => [p.staffName, p.refundsMinor])).toEqual([
      ['Ana', 0],
      ['Ben', 318],
    ]);
    // By amount: 3.00 of F (0.27 tax) by each one's share of its lines, to the minor unit.
    mia('tab.refund', { tabId: f, mode: 'amount', amountMinor: 300, reason: 'slow' });
    // Whole, with the tips: what is left of E is Ana's lattes and Ben's water; the tips go back from whoever got them.
    const whole = mia('tab.refund', { tabId: e, mode: 'whole', includeTips: true, reason: 'complaint' });
    expect(whole.receipt.tipMinor).toBe(100);

    const x = l.call('report.x', {});
    staff = l.call('report.staff', {}).staff;
    expect(x.staff).toEqual(staff);
    const [a, b] = staff as [StaffDayFigures, StaffDayFigures];
    expect([a.staffName, a.refundsMinor, b.staffName, b.refundsMinor]).toEqual(['Ana', 800 + 137, 'Ben', 318 + 200 + 136]);
    // The tips each got are all given back: shown apart, and gone from their tips.
    for (const p of staff) {
      const got = tipsBefore.get(p.staffId) ?? 0;
      expect(got, p.staffName).toBeGreaterThan(0);
      expect(p.tipsRefundedMinor, p.staffName).toBe(got);
      expect(p.tipsMinor, p.staffName).toBe(0);
    }
    expect(x.sales.refundsMinor).toBe(318 + 1000 + 273);
    expectFiguresAgreeWithAccounts(x, staff);
    expect(a.salesMinor - a.refundsMinor! + b.salesMinor - b.refundsMinor!).toBe(x.sales.netMinor);

    // The Z freezes them; the CSV lists each person's refunds and tips given back, adding up the same.
    mia('drawer.count', { count: { kind: 'total', totalMinor: 880 - 300 } });
    mia('drawer.close', {});
    at('18:30');
    const z = l.call('day.close', { businessDate: DAY });
    expect(z.staff).toEqual(staff);
    expectFiguresAgreeWithAccounts(z, z.staff ?? []);
    const rows = parse(l.call('report.csv', { what: 'report', businessDate: DAY }).text, { columns: true }) as Record<string, string>[];
    const staffRows = rows.filter((r) => r.section === 'staff');
    const sumOf = (detail: string) => staffRows.filter((r) => r.detail === detail).reduce((s, r) => s + Number(r.amount_minor), 0);
    expect(sumOf('sales') - sumOf('refunds')).toBe(z.sales.netMinor);
    expect(sumOf('tips_refunded')).toBe(100);
  });

  it('names who did and who approved each comp, removed line, walkout, void, paid out and variance in the Z', () => {
    shift();
    at('18:30');
    const z = l.call('day.close', { businessDate: DAY });
    expect(z.actions).toEqual([
      { kind: 'comp', at: `${DAY}T09:00:00.000Z`, staffName: 'Ana', approverName: null, amountMinor: 80, reason: 'slow', token: 1 },
      { kind: 'comp', at: `${DAY}T09:05:00.000Z`, staffName: 'Ana', approverName: 'Mia', amountMinor: 159, reason: 'burnt', token: 2 },
      { kind: 'removed', at: `${DAY}T09:20:00.000Z`, staffName: 'Mia', approverName: null, amountMinor: 200, reason: 'wrong order', token: 2 },
      { kind: 'payment_void', at: `${DAY}T10:02:00.000Z`, staffName: 'Mia', approverName: null, amountMinor: 615 + 50, reason: 'wrong tab', token: 2 },
      { kind: 'walkout', at: `${DAY}T11:00:00.000Z`, staffName: 'Mia', approverName: null, amountMinor: 640, reason: 'walked out', token: 3 },
      { kind: 'paid_out', at: `${DAY}T12:00:00.000Z`, staffName: 'Ana', approverName: 'Mia', amountMinor: 300, reason: 'milk', token: null },
      { kind: 'variance', at: `${DAY}T18:00:00.000Z`, staffName: 'Mia', approverName: null, amountMinor: -40, reason: 'short', token: null },
    ]);
    expect(z.drawer.varianceMinor).toBe(-40);
    expect(z.walkouts.amountMinor).toBe(640);
    expectFiguresAgreeWithAccounts(z, z.staff ?? []);
    // The journal keeps the approver with the entry, and the audit row with the command.
    const stamped = l.db
      .prepare<[], { staff_id: number; approved_by: number | null }>(
        "SELECT staff_id, approved_by FROM journal_entries WHERE kind IN ('line.comp', 'drawer.paidOut') ORDER BY id",
      )
      .all();
    expect(stamped).toEqual([
      { staff_id: people.ana, approved_by: null },
      { staff_id: people.ana, approved_by: people.mia },
      { staff_id: people.ana, approved_by: people.mia },
    ]);
  });

  it('exports each person’s figures and each action with who did and approved it in the report CSV', () => {
    shift();
    at('18:30');
    const z = l.call('day.close', { businessDate: DAY });
    const rows = parse(l.call('report.csv', { what: 'report', businessDate: DAY }).text, { columns: true }) as Record<string, string>[];
    const staffRows = rows.filter((r) => r.section === 'staff');
    expect(staffRows.filter((r) => r.detail === 'sales').reduce((s, r) => s + Number(r.amount_minor), 0)).toBe(z.sales.netMinor);
    expect(staffRows.filter((r) => r.item === 'Ben').map((r) => [r.detail, r.count, r.amount_minor])).toEqual([
      ['tabs_served', '4', ''],
      ['sales', '', String(z.staff?.find((p) => p.staffName === 'Ben')?.salesMinor)],
      ['refunds', '', '0'],
      ['comps', '0', '0'],
      ['tips', '', String(z.staff?.find((p) => p.staffName === 'Ben')?.tipsMinor)],
      ['tips_refunded', '', '0'],
      ['happy', '1', ''],
      ['okay', '1', ''],
      ['unhappy', '1', ''],
      ['walkouts', '1', ''],
    ]);
    expect(rows.filter((r) => r.section === 'staff_comps').map((r) => [r.item, r.detail, r.count, r.amount_minor])).toEqual([
      ['Ana', 'burnt', '1', '159'],
      ['Ana', 'slow', '1', '80'],
    ]);
    expect(rows.find((r) => r.section === 'action' && r.detail === 'burnt')).toEqual({
      section: 'action',
      item: 'comp',
      detail: 'burnt',
      count: '2',
      amount_minor: '159',
      amount: '1.59',
      at: `${DAY}T09:05:00.000Z`,
      staff: 'Ana',
      approved_by: 'Mia',
    });
    expect(rows.filter((r) => r.section === 'action').map((r) => r.item)).toEqual([
      'comp',
      'comp',
      'removed',
      'payment_void',
      'walkout',
      'paid_out',
      'variance',
    ]);
    expect(rows.find((r) => r.section === 'sales' && r.item === 'net')).toMatchObject({ at: '', staff: '', approved_by: '' });
  });

  it('answers a closed day with the figures its Z froze, and works out a day whose Z predates them', () => {
    const { tabs } = shift();
    at('18:30');
    const z = l.call('day.close', { businessDate: DAY });
    // A closed day never changes: not even a rating of one of its tabs.
    expect(l.fail('settle.rate', { tabId: tabs.a, rating: 'unhappy' })).toMatchObject({
      code: 'day_closed',
      message: expect.stringContaining(`(Z ${z.zNumber})`),
    });
    expect(l.call('report.staff', { businessDate: DAY })).toEqual({ businessDate: DAY, closed: true, staff: z.staff });
    expect(l.call('report.staff', {})).toEqual({ businessDate: '2026-11-25', closed: false, staff: [] });

    // A Z from before this version has neither section: it still loads, and the staff report works it out.
    const old = { ...z, zNumber: 9, businessDate: '2026-11-26' } as Partial<DayReport>;
    delete old.staff;
    delete old.actions;
    l.setNow('2026-11-27T10:00:00.000Z');
    l.db
      .prepare(
        "INSERT INTO z_reports (z_number, business_date, closed_at, closed_by, last_entry_id, report_json) VALUES (9, '2026-11-26', '2026-11-27T03:00:00.000Z', 1, (SELECT max(id) FROM journal_entries), ?)",
      )
      .run(JSON.stringify(old));
    expect(l.call('report.z', { zNumber: 9 }).staff).toBeUndefined();
    expect(l.call('report.staff', { businessDate: '2026-11-26' })).toEqual({ businessDate: '2026-11-26', closed: true, staff: [] });
    const csv = l.call('report.csv', { what: 'report', businessDate: '2026-11-26' }).text.split('\r\n');
    expect(csv.filter((row) => row.startsWith('staff') || row.startsWith('action'))).toEqual([]);
    expect(csv.filter((row) => row.startsWith('sales,net,'))).toHaveLength(1);
  });

  it('reads the day through its indexes, never scanning the journal, its postings or the tabs', () => {
    shift();
    const statements: string[] = [];
    // A connection of its own: its statement cache starts empty, so every statement is prepared here.
    const reader = openDatabase(l.db.name, { readonly: true, fileMustExist: true });
    const prepare = reader.prepare.bind(reader);
    reader.prepare = ((sql: string) => {
      statements.push(sql);
      return prepare(sql);
    }) as typeof reader.prepare;
    staffDayFigures(reader, DAY);
    reportActions(reader, DAY);
    reader.close();
    const scans = statements.flatMap((sql) =>
      l.db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...Array<unknown>((sql.match(/\?/g) ?? []).length).fill(DAY))
        .map((r) => r.detail)
        .filter((d) => /^SCAN (journal_entries|je|postings|p|tabs|t|tab_lines|l|audit|comp_postings|cp)\b/.test(d)),
    );
    expect(statements.length).toBeGreaterThan(5);
    expect(scans).toEqual([]);
  });

  it('refuses a day that has not come, and a day before the last Z that was never closed', () => {
    expect(l.fail('report.staff', { businessDate: '2026-11-25' })).toMatchObject({ key: 'errors.day.future', field: 'businessDate' });
    l.call('drawer.open', { float: { kind: 'total', totalMinor: 0 } });
    const tab = l.call('tab.open', {});
    l.call('tab.addLine', { tabId: tab.id, itemId: items.water });
    l.call('settle.pay', { tabId: tab.id, method: 'cash' });
    l.call('drawer.count', { count: { kind: 'total', totalMinor: 200 } });
    l.call('drawer.close', {});
    l.setNow('2026-11-26T10:00:00.000Z');
    l.call('day.close', { businessDate: DAY });
    l.call('day.close', { businessDate: '2026-11-26' });
    expect(l.fail('report.staff', { businessDate: '2026-11-25' })).toMatchObject({ key: 'errors.report.noDay' });
  });
});
