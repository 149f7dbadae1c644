import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DepositPolicy } from '../../shared/salon-types';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';
import { buildDayReport } from './report-build';

/**
 * Every path of a deposit (docs/domain.md, issue 11), each checked against the journal postings
 * and the deposits_held balance; the fixture's `call` also checks invariant 11 after each command.
 * The day starts Tuesday 24 November 2026 at 09:00 UTC, the store in UTC.
 */
let l: TestLedger;
let cut: number;
let colour: number;
let ana: number;
const TODAY = '2026-11-24';
const TOMORROW = '2026-11-25';

const policy = (over: Partial<DepositPolicy> = {}): DepositPolicy => ({
  mode: 'fixed',
  fixedMinor: 1000,
  percent: 0,
  freeCancelHours: 24,
  forfeitPercent: 100,
  ...over,
});

beforeEach(() => {
  l = makeLedger('2026-11-24T09:00:00.000Z');
  l.call('store.update', { depositPolicy: policy() });
  cut = l.call('catalog.createItem', {
    categoryId: null,
    name: 'Cut',
    kind: 'service',
    priceMinor: 3000,
    rateMilli: 0,
    expectText: 'Washed, cut and dried.',
    durationMinutes: 60,
  }).id;
  colour = l.call('catalog.createItem', {
    categoryId: null,
    name: 'Colour',
    kind: 'service',
    priceMinor: 5000,
    rateMilli: 0,
    expectText: 'One shade, roots done.',
    durationMinutes: 90,
  }).id;
  ana = l.call('customer.create', { name: 'Ana' }).id;
});
afterEach(() => l.cleanup());

/** Each account's movement in the entries of one kind. */
function moved(kind: string): Record<string, number> {
  const rows = l.db
    .prepare<[string], { account: string; s: number }>(
      'SELECT p.account, SUM(p.amount_minor) AS s FROM postings p JOIN journal_entries e ON e.id = p.entry_id WHERE e.kind = ? GROUP BY p.account',
    )
    .all(kind);
  return Object.fromEntries(rows.filter((r) => r.s !== 0).map((r) => [r.account, r.s]));
}
const balance = (account: string) =>
  l.db.prepare<[string], { s: number | null }>('SELECT SUM(amount_minor) AS s FROM postings WHERE account = ?').get(account)?.s ?? 0;
const held = () => 0 - balance('deposits_held') || 0;

function book(over: { date?: string; startMinute?: number; method?: 'cash' | 'card' | 'other' | null; itemIds?: number[]; staffId?: number } = {}) {
  return l.call('appointment.book', {
    customerId: ana,
    staffId: over.staffId ?? 1,
    date: over.date ?? TOMORROW,
    startMinute: over.startMinute ?? 600,
    itemIds: over.itemIds ?? [cut],
    deposit: over.method === null ? null : { method: over.method ?? 'card', reference: '' },
  });
}

/** The day's X report's deposit section, which must reconcile with the account. */
function depositSection() {
  const report = l.call('report.x', { businessDate: TODAY });
  const d = report.deposits;
  expect(d.heldMinor, 'held carried forward = the deposits_held balance').toBe(held());
  return report;
}

describe('taking a deposit', () => {
  it('posts Dr the tender, Cr deposits_held, never sales, and holds it on the booking', () => {
    const a = book();
    expect(a.deposits).toHaveLength(1);
    expect(a.depositHeldMinor).toBe(1000);
    expect(moved('deposit.take')).toEqual({ card_clearing: 1000, deposits_held: -1000 });
    expect(l.db.prepare("SELECT COUNT(*) AS n FROM postings WHERE account LIKE 'sales:%'").get()).toEqual({ n: 0 });
    expect(depositSection().deposits).toMatchObject({ takenMinor: 1000, appliedMinor: 0, heldMinor: 1000 });
  });

  it('takes a percentage of the booked services, rounded half up in minor units', () => {
    l.call('store.update', { depositPolicy: policy({ mode: 'percent', percent: 15 }) });
    // 15 % of 30.00 + 50.00 = 12.00; of 30.00 alone (and a 0.05 service) = 4.5075 -> 4.51.
    expect(book({ itemIds: [cut, colour] }).depositHeldMinor).toBe(1200);
    const tiny = l.call('catalog.createItem', {
      categoryId: null,
      name: 'Fringe',
      kind: 'service',
      priceMinor: 5,
      rateMilli: 0,
      expectText: '',
      durationMinutes: 5,
    }).id;
    expect(book({ itemIds: [cut, tiny], startMinute: 900 }).depositHeldMinor).toBe(451);
  });

  it('refuses a deposit when the policy takes none, and cash without an open drawer', () => {
    l.call('store.update', { depositPolicy: policy({ mode: 'none' }) });
    expect(
      l.fail('appointment.book', { customerId: ana, staffId: 1, date: TOMORROW, startMinute: 600, itemIds: [cut], deposit: { method: 'card' } }),
    ).toMatchObject({
      code: 'deposit_not_required',
    });
    l.call('store.update', { depositPolicy: policy() });
    l.call('drawer.count', { count: { kind: 'total', totalMinor: 0 } });
    l.call('drawer.close', { varianceReason: '' });
    expect(
      l.fail('appointment.book', { customerId: ana, staffId: 1, date: TOMORROW, startMinute: 600, itemIds: [cut], deposit: { method: 'cash' } }),
    ).toMatchObject({
      code: 'drawer_closed',
      key: 'errors.drawer.cashNeedsDrawer',
    });
  });

  it('takes a deposit later for a booking made by phone, once', () => {
    const a = book({ method: null });
    expect(a.depositHeldMinor).toBe(0);
    expect(l.call('appointment.takeDeposit', { appointmentId: a.id, method: 'other', reference: 'voucher' }).depositHeldMinor).toBe(1000);
    expect(l.fail('appointment.takeDeposit', { appointmentId: a.id, method: 'card' }).key).toBe('errors.depositAlreadyHeld');
    expect(moved('deposit.take')).toEqual({ other_tender: 1000, deposits_held: -1000 });
  });

  it('keeps the policy a booking was made under when Settings change later', () => {
    const a = book();
    l.call('store.update', { depositPolicy: policy({ forfeitPercent: 0, fixedMinor: 2500 }) });
    expect(l.call('appointment.get', { appointmentId: a.id }).policy).toEqual(policy());
    expect(held()).toBe(1000);
  });
});

describe('a deposit through check-in and settlement', () => {
  it('taken -> applied: the tab owes the rest, payments wait for the deposit, and the appointment is done at settlement', () => {
    const a = book({ date: TODAY, startMinute: 600 });
    const { tabId, token, appointment } = l.call('appointment.checkIn', { appointmentId: a.id });
    expect(appointment.status).toBe('checked_in');
    const tab = l.call('tab.get', { tabId });
    expect(tab.token).toBe(token);
    expect(tab.customerId).toBe(ana);
    expect(tab.lines.map((x) => [x.name, x.unitMinor, x.staffId, x.expectText])).toEqual([['Cut', 3000, 1, 'Washed, cut and dried.']]);
    expect(tab.deposits).toEqual([expect.objectContaining({ id: a.deposits[0]!.id, status: 'held', amountMinor: 1000, appliedMinor: 0 })]);
    expect(l.fail('settle.pay', { tabId, method: 'card' })).toMatchObject({ code: 'deposit_first' });
    expect(l.fail('tab.writeOff', { tabId, reason: 'walked out' })).toMatchObject({ code: 'deposit_first' });

    const after = l.call('deposit.apply', { tabId, depositId: a.deposits[0]!.id, excess: 'refund' });
    expect(after.dueMinor).toBe(2000);
    expect(after.deposits).toEqual([expect.objectContaining({ status: 'closed', appliedMinor: 1000, takenBusinessDate: TODAY })]);
    expect(moved('deposit.apply')).toEqual({ deposits_held: 1000, tabs_receivable: -1000 });
    expect(l.call('tab.listOpen', {}).find((t) => t.id === tabId)?.dueMinor).toBe(2000);
    expect(held()).toBe(0);

    l.call('settle.pay', { tabId, method: 'card' });
    expect(l.call('appointment.get', { appointmentId: a.id }).status).toBe('done');
    const report = depositSection();
    expect(report.deposits).toMatchObject({ takenMinor: 1000, appliedMinor: 1000, refundedMinor: 0, forfeitedMinor: 0, heldMinor: 0 });
    expect(report.sales.totalMinor).toBe(3000);
  });

  it('applied twice (two windows on the same tab): the second is refused and changes nothing', () => {
    const a = book({ date: TODAY });
    const { tabId } = l.call('appointment.checkIn', { appointmentId: a.id });
    l.call('deposit.apply', { tabId, depositId: a.deposits[0]!.id });
    expect(l.fail('deposit.apply', { tabId, depositId: a.deposits[0]!.id })).toMatchObject({ code: 'deposit_closed' });
    expect(l.fail('deposit.refund', { depositId: a.deposits[0]!.id, reason: 'twice' })).toMatchObject({ code: 'deposit_closed' });
    expect(moved('deposit.apply')).toEqual({ deposits_held: 1000, tabs_receivable: -1000 });
  });

  it('larger than the bill, the rest refunded by its tender; the tab settles with the deposit alone', () => {
    l.call('store.update', { depositPolicy: policy({ fixedMinor: 4000 }) });
    const a = book({ date: TODAY, method: 'cash' });
    const { tabId } = l.call('appointment.checkIn', { appointmentId: a.id });
    const tab = l.call('deposit.apply', { tabId, depositId: a.deposits[0]!.id, excess: 'refund' });
    expect(tab.status).toBe('settled');
    expect(moved('deposit.apply')).toEqual({ deposits_held: 3000, tabs_receivable: -3000 });
    expect(moved('deposit.refund')).toEqual({ deposits_held: 1000, cash_drawer: -1000 });
    expect(balance('cash_drawer')).toBe(3000);
    expect(l.call('appointment.get', { appointmentId: a.id }).status).toBe('done');
    expect(depositSection().deposits).toMatchObject({ takenMinor: 4000, appliedMinor: 3000, refundedMinor: 1000, heldMinor: 0 });
  });

  it('larger than the bill, the rest kept on the customer, then applied to a later tab', () => {
    l.call('store.update', { depositPolicy: policy({ fixedMinor: 4000 }) });
    const a = book({ date: TODAY });
    const { tabId } = l.call('appointment.checkIn', { appointmentId: a.id });
    l.call('deposit.apply', { tabId, depositId: a.deposits[0]!.id, excess: 'keep' });
    expect(moved('deposit.refund')).toEqual({});
    const kept = l.call('appointment.forCustomer', { customerId: ana }).heldDeposits;
    expect(kept).toEqual([
      expect.objectContaining({ amountMinor: 1000, fromDepositId: a.deposits[0]!.id, appointmentId: null, takenBusinessDate: TODAY, status: 'held' }),
    ]);
    expect(held()).toBe(1000);
    expect(depositSection().deposits).toMatchObject({ takenMinor: 4000, appliedMinor: 3000, refundedMinor: 0, heldMinor: 1000 });

    // A later visit: a tab with the customer attached takes the kept rest.
    const later = l.call('tab.open', {});
    l.call('tab.addLine', { tabId: later.id, itemId: colour, qty: 1 });
    l.call('tab.setCustomer', { tabId: later.id, customerId: ana });
    const other = l.call('customer.create', { name: 'Ben' }).id;
    const stranger = l.call('tab.open', {});
    l.call('tab.addLine', { tabId: stranger.id, itemId: cut, qty: 1 });
    l.call('tab.setCustomer', { tabId: stranger.id, customerId: other });
    expect(l.fail('deposit.apply', { tabId: stranger.id, depositId: kept[0]!.id })).toMatchObject({ code: 'conflict', key: 'errors.depositNotThisTab' });
    const tab = l.call('deposit.apply', { tabId: later.id, depositId: kept[0]!.id });
    expect(tab.dueMinor).toBe(4000);
    expect(held()).toBe(0);
    expect(depositSection().deposits).toMatchObject({ appliedMinor: 4000, heldMinor: 0 });
  });
});

describe('cancellations and no-shows', () => {
  it('cancelled in time: refunded in full by its tender', () => {
    const a = book({ date: '2026-11-26', method: 'cash' });
    const done = l.call('appointment.cancel', { appointmentId: a.id });
    expect(done.status).toBe('cancelled');
    expect(done.deposits[0]).toMatchObject({ status: 'closed', refundedMinor: 1000, forfeitedMinor: 0 });
    expect(moved('deposit.refund')).toEqual({ deposits_held: 1000, cash_drawer: -1000 });
    expect(balance('cash_drawer')).toBe(0);
    expect(depositSection().deposits).toMatchObject({ takenMinor: 1000, refundedMinor: 1000, heldMinor: 0 });
  });

  it('cancelled late: the policy’s share is forfeited and the rest refunded', () => {
    l.call('store.update', { depositPolicy: policy({ forfeitPercent: 50, fixedMinor: 1001 }) });
    const a = book({ date: TOMORROW, startMinute: 540 });
    // A minute inside the 24 hours before 09:00 tomorrow.
    l.advance(60_000);
    const done = l.call('appointment.cancel', { appointmentId: a.id });
    expect(done.status).toBe('late_cancel');
    // 50 % of 10.01 rounds half up to 5.01.
    expect(moved('deposit.forfeit')).toEqual({ deposits_held: 501, forfeited_deposits: -501 });
    expect(moved('deposit.refund')).toEqual({ deposits_held: 500, card_clearing: -500 });
    const report = depositSection();
    expect(report.deposits).toMatchObject({ takenMinor: 1001, refundedMinor: 500, forfeitedMinor: 501, heldMinor: 0 });
    expect(report.appointments).toMatchObject({ lateCancels: { count: 1, forfeitedMinor: 501 }, noShows: { count: 0, forfeitedMinor: 0 } });
    expect(report.appointments?.byStaff).toEqual([expect.objectContaining({ staffId: 1, booked: 0, lateCancel: 1, done: 0 })]);
  });

  it('a no-show forfeits only once it has started (a staff member needs approval: see the role matrix)', () => {
    const a = book({ date: TODAY, startMinute: 600 });
    expect(l.fail('appointment.noShow', { appointmentId: a.id })).toMatchObject({ code: 'appointment_state', key: 'errors.noShowTooEarly' });
    l.advance(61 * 60_000);
    const done = l.call('appointment.noShow', { appointmentId: a.id });
    expect(done.status).toBe('no_show');
    expect(moved('deposit.forfeit')).toEqual({ deposits_held: 1000, forfeited_deposits: -1000 });
    expect(depositSection().deposits).toMatchObject({ forfeitedMinor: 1000, heldMinor: 0 });
    expect(l.fail('appointment.checkIn', { appointmentId: a.id })).toMatchObject({ code: 'appointment_state' });
  });

  it('refunded anyway after a no-show, with a reason', () => {
    const a = book({ date: TODAY, startMinute: 540 });
    const done = l.call('appointment.noShow', { appointmentId: a.id, refundAnyway: 'hospital' });
    expect(done.deposits[0]).toMatchObject({ refundedMinor: 1000, forfeitedMinor: 0, reason: 'hospital' });
    expect(moved('deposit.forfeit')).toEqual({});
    expect(depositSection().deposits).toMatchObject({ refundedMinor: 1000, forfeitedMinor: 0, heldMinor: 0 });
  });

  it('refunded on request while still booked (deposit.refund)', () => {
    const a = book();
    const d = l.call('deposit.refund', { depositId: a.deposits[0]!.id, reason: 'changed plans' });
    expect(d).toMatchObject({ status: 'closed', refundedMinor: 1000, reason: 'changed plans' });
    expect(l.call('appointment.get', { appointmentId: a.id })).toMatchObject({ status: 'booked', depositHeldMinor: 0 });
  });
});

describe('cash deposits and the drawer', () => {
  it('move the expected cash in and out, shown apart on the drawer and the Z', () => {
    l.call('store.update', { depositPolicy: policy({ fixedMinor: 1500 }) });
    const kept = book({ method: 'cash' });
    book({ method: 'cash', date: '2026-11-27' });
    l.call('appointment.cancel', { appointmentId: kept.id });
    l.call('drawer.count', { count: { kind: 'total', totalMinor: 1500 } });
    const drawer = l.call('drawer.get', {}).session!;
    expect(drawer).toMatchObject({ expectedMinor: 1500, depositsInMinor: 3000, depositsOutMinor: 1500, cashInMinor: 0, varianceMinor: 0 });
    l.call('drawer.close', { varianceReason: '' });
    const report = depositSection();
    expect(report.drawer).toMatchObject({ expectedMinor: 1500, depositsInMinor: 3000, depositsOutMinor: 1500 });
  });
});

describe('the Z lists what is held, and closes', () => {
  it('lists each held deposit with its customer (erased ones by the words) and reconciles across days', () => {
    const a = book({ date: '2026-11-28' });
    const b = l.call('customer.create', { name: 'Cleo' }).id;
    l.call('appointment.book', {
      customerId: b,
      staffId: 1,
      date: '2026-11-28',
      startMinute: 720,
      itemIds: [colour],
      deposit: { method: 'card', reference: '' },
    });
    l.call('customer.erase', { customerId: b });
    const x = depositSection();
    expect(x.heldDeposits).toEqual([
      expect.objectContaining({
        depositId: a.deposits[0]!.id,
        customerName: 'Ana',
        appointmentDate: '2026-11-28',
        appointmentStartMinute: 600,
        amountMinor: 1000,
        ageDays: 0,
      }),
      expect.objectContaining({ customerName: 'Erased customer', amountMinor: 1000 }),
    ]);
    l.call('drawer.count', { count: { kind: 'total', totalMinor: 0 } });
    l.call('drawer.close', { varianceReason: '' });
    l.setNow('2026-11-25T10:00:00.000Z');
    l.call('day.close', { businessDate: TODAY });
    l.call('drawer.open', { float: { kind: 'total', totalMinor: 0 } });
    l.call('appointment.cancel', { appointmentId: a.id });
    const next = l.call('report.x', { businessDate: TOMORROW });
    expect(next.deposits).toMatchObject({ broughtForwardMinor: 2000, takenMinor: 0, refundedMinor: 1000, heldMinor: 1000 });
    expect(next.heldDeposits).toEqual([expect.objectContaining({ customerName: 'Erased customer', ageDays: 1 })]);
    expect(held()).toBe(1000);
    expect(l.call('ledger.check', {}).problems).toEqual([]);
  });

  it('freezes the held deposit by customer id, so a later erase reaches the Z it was listed on', () => {
    const cleo = l.call('customer.create', { name: 'Cleo Quist', phone: '+44 7700 900123', email: 'cleo@example.com' }).id;
    const a = l.call('appointment.book', {
      customerId: cleo,
      staffId: 1,
      date: '2026-11-28',
      startMinute: 720,
      itemIds: [colour],
      deposit: { method: 'card', reference: '' },
    });
    l.call('drawer.count', { count: { kind: 'total', totalMinor: 0 } });
    l.call('drawer.close', { varianceReason: '' });
    l.setNow('2026-11-25T10:00:00.000Z');
    const z = l.call('day.close', { businessDate: TODAY });
    const listed = {
      depositId: a.deposits[0]!.id,
      customerName: 'Cleo Quist',
      appointmentDate: '2026-11-28',
      appointmentStartMinute: 720,
      amountMinor: 1000,
      takenAt: '2026-11-24T09:00:00.000Z',
      ageDays: 1,
    };
    expect(z.heldDeposits).toEqual([expect.objectContaining(listed)]);
    expect(l.call('report.z', { zNumber: z.zNumber! }).heldDeposits).toEqual([expect.objectContaining(listed)]);
    const stored = () => l.db.prepare<[number], { report_json: string }>('SELECT report_json FROM z_reports WHERE z_number = ?').get(z.zNumber!)!.report_json;
    expect((JSON.parse(stored()) as { heldDeposits: unknown[] }).heldDeposits).toEqual([{ ...listed, customerName: undefined, customerId: cleo }]);

    l.call('customer.erase', { customerId: cleo });
    // The Z rebuilt from the journal is still, byte for byte, the one frozen: names are never part of either.
    const rebuilt = buildDayReport(l.db, TODAY, { kind: 'z', zNumber: z.zNumber, generatedAt: z.generatedAt, generatedBy: z.generatedBy });
    expect(JSON.stringify({ ...rebuilt, chain: z.chain })).toBe(stored());
    const served = l.call('report.z', { zNumber: z.zNumber! });
    expect(served.heldDeposits).toEqual([expect.objectContaining({ ...listed, customerName: 'Erased customer' })]);
    const csv = l.call('report.csv', { what: 'report', businessDate: TODAY }).text;
    expect(csv).toContain(`deposits_held,deposit ${a.deposits[0]!.id},Erased customer; 2026-11-28 12:00,1,1000,`);
    for (const text of [stored(), csv, JSON.stringify(served)]) {
      expect(text).not.toContain('Cleo');
      expect(text).not.toContain('7700');
      expect(text).not.toContain('example.com');
    }
    expect(l.call('ledger.check', {}).problems).toEqual([]);
  });

  it('reads a Z frozen with the name by its deposit, so an erase reaches it too', () => {
    const a = book({ date: '2026-11-28' });
    l.call('drawer.count', { count: { kind: 'total', totalMinor: 0 } });
    l.call('drawer.close', { varianceReason: '' });
    l.setNow('2026-11-25T10:00:00.000Z');
    const z = l.call('day.close', { businessDate: TODAY });
    // Frozen the way a Z was before it kept ids: the name in place of the customer's id.
    const old = { ...z, zNumber: 9, businessDate: '2026-11-26', heldDeposits: z.heldDeposits!.map((h) => ({ ...h, customerName: 'Ana as typed then' })) };
    l.setNow('2026-11-27T10:00:00.000Z');
    l.db
      .prepare(
        "INSERT INTO z_reports (z_number, business_date, closed_at, closed_by, last_entry_id, report_json) VALUES (9, '2026-11-26', '2026-11-27T03:00:00.000Z', 1, (SELECT max(id) FROM journal_entries), ?)",
      )
      .run(JSON.stringify(old));
    expect(l.call('report.z', { zNumber: 9 }).heldDeposits).toEqual([
      expect.objectContaining({ depositId: a.deposits[0]!.id, customerName: 'Ana', amountMinor: 1000 }),
    ]);
    l.call('customer.erase', { customerId: ana });
    expect(l.call('report.z', { zNumber: 9 }).heldDeposits).toEqual([
      expect.objectContaining({ depositId: a.deposits[0]!.id, customerName: 'Erased customer' }),
    ]);
  });
});
