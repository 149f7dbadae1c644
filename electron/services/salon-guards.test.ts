import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, type CommandInput, type CommandName } from '../../shared/contract';
import type { DepositPolicy } from '../../shared/salon-types';
import type { Staff } from '../../shared/types';
import { FRESH_LINE_MS, permissionsFor } from '../auth/escalation';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';

/**
 * The ways round the salon's money rules a review found: a checked-in line taken off as a fresh
 * tap, a deposit refunded through an empty tab, a booking moved out of its late window, a deposit
 * charged by today's policy, a move re-pricing the services, and a cancel confirmed after its
 * window closed. Tuesday 24 November 2026, 09:00 UTC, the store in UTC.
 */
let l: TestLedger;
let kim: Staff;
let cut: number;
let colour: number;
let tea: number;
let ana: number;
const TODAY = '2026-11-24';
const NOW = '2026-11-24T09:00:00.000Z';

const policy = (over: Partial<DepositPolicy> = {}): DepositPolicy => ({
  mode: 'fixed',
  fixedMinor: 1000,
  percent: 0,
  freeCancelHours: 24,
  forfeitPercent: 100,
  ...over,
});

beforeEach(() => {
  l = makeLedger(NOW);
  l.call('store.update', { depositPolicy: policy() });
  kim = {
    id: Number(l.db.prepare("INSERT INTO staff (name, role, created_at) VALUES ('Kim', 'staff', 'x')").run().lastInsertRowid),
    name: 'Kim',
    role: 'staff',
  };
  cut = l.call('catalog.createItem', {
    categoryId: null,
    name: 'Cut',
    kind: 'service',
    priceMinor: 3000,
    rateMilli: 0,
    expectText: 'Washed and cut.',
    durationMinutes: 60,
  }).id;
  colour = l.call('catalog.createItem', {
    categoryId: null,
    name: 'Colour',
    kind: 'service',
    priceMinor: 5000,
    rateMilli: 0,
    expectText: 'One shade.',
    durationMinutes: 90,
  }).id;
  tea = l.call('catalog.createItem', { categoryId: null, name: 'Tea', kind: 'product', priceMinor: 200, rateMilli: 0, expectText: '' }).id;
  ana = l.call('customer.create', { name: 'Ana' }).id;
});
afterEach(() => l.cleanup());

/** What Kim (a staff member) needs for this input now, parsed as the router would. */
function kimNeeds<N extends CommandName>(name: N, input: CommandInput<N>, now = NOW): string[] {
  return permissionsFor(l.db, name, contract[name].input.parse(input), kim, now);
}

function book(over: { date?: string; startMinute?: number; itemIds?: number[]; deposit?: boolean; method?: 'cash' | 'card' } = {}) {
  return l.call('appointment.book', {
    customerId: ana,
    staffId: kim.id,
    date: over.date ?? TODAY,
    startMinute: over.startMinute ?? 600,
    itemIds: over.itemIds ?? [cut],
    deposit: over.deposit === false ? null : { method: over.method ?? 'cash', reference: '' },
  });
}

const cashInDrawer = () => l.db.prepare<[], { s: number | null }>("SELECT SUM(amount_minor) AS s FROM postings WHERE account = 'cash_drawer'").get()?.s ?? 0;

describe('a checked-in booking and its deposit', () => {
  it('a line check-in rang up is served work: taking it off or lowering it needs tabs.adjustLarge, even straight after', () => {
    const a = book();
    const { tabId } = l.call('appointment.checkIn', { appointmentId: a.id });
    const line = l.call('tab.get', { tabId }).lines[0]!;
    // It still names the stylist who serves it, at the moment of check-in.
    expect(line).toMatchObject({ staffId: kim.id, name: 'Cut' });
    expect(l.db.prepare('SELECT appointment_id FROM tab_lines WHERE id = ?').get(line.id)).toEqual({ appointment_id: a.id });
    expect(kimNeeds('tab.removeLine', { tabId, lineId: line.id, reason: 'mistyped' })).toEqual(['tabs.adjust', 'tabs.adjustLarge']);
    // A line Kim adds herself to the same tab is still a fresh tap for a couple of minutes.
    const extra = l.call('tab.addLine', { tabId, itemId: tea, staffId: kim.id }).lineId;
    expect(kimNeeds('tab.removeLine', { tabId, lineId: extra, reason: 'mistyped' })).toEqual(['tabs.adjust']);
    const soon = new Date(Date.parse(NOW) + FRESH_LINE_MS - 1000).toISOString();
    l.call('tab.setQty', { tabId, lineId: line.id, qty: 2 });
    expect(kimNeeds('tab.setQty', { tabId, lineId: line.id, qty: 1 }, soon)).toEqual(['tabs.write', 'tabs.adjust', 'tabs.adjustLarge']);
  });

  it('refunding a booking deposit the tab does not use at all needs deposits.refund; the routine excess over its bill does not', () => {
    l.call('store.update', { depositPolicy: policy({ fixedMinor: 4000 }) });
    const a = book();
    const { tabId } = l.call('appointment.checkIn', { appointmentId: a.id });
    const depositId = a.deposits[0]!.id;
    // 40.00 held against a 30.00 bill: the 10.00 back is change, plain counter work.
    expect(kimNeeds('deposit.apply', { tabId, depositId, excess: 'refund' })).toEqual(['tabs.write']);
    // With the booked line taken off (a manager's call), none of it would be applied: a refund.
    const line = l.call('tab.get', { tabId }).lines[0]!;
    l.call('tab.removeLine', { tabId, lineId: line.id, reason: 'left before' });
    expect(kimNeeds('deposit.apply', { tabId, depositId, excess: 'refund' })).toEqual(['tabs.write', 'deposits.refund']);
    expect(kimNeeds('deposit.apply', { tabId, depositId })).toEqual(['tabs.write', 'deposits.refund']);
    // Keeping it on the customer moves no money.
    expect(kimNeeds('deposit.apply', { tabId, depositId, excess: 'keep' })).toEqual(['tabs.write']);
  });

  it('a rest kept on the customer is refunded through a tab only with deposits.refund', () => {
    l.call('store.update', { depositPolicy: policy({ fixedMinor: 4000 }) });
    const a = book();
    const { tabId } = l.call('appointment.checkIn', { appointmentId: a.id });
    l.call('deposit.apply', { tabId, depositId: a.deposits[0]!.id, excess: 'keep' });
    const kept = l.call('appointment.forCustomer', { customerId: ana }).heldDeposits[0]!;
    expect(kept.amountMinor).toBe(1000);
    const empty = l.call('tab.open', {}).id;
    l.call('tab.setCustomer', { tabId: empty, customerId: ana });
    expect(kimNeeds('deposit.apply', { tabId: empty, depositId: kept.id, excess: 'refund' })).toEqual(['tabs.write', 'deposits.refund']);
    // On a 2.00 tea, 8.00 would go back: still a refund of a kept rest.
    l.call('tab.addLine', { tabId: empty, itemId: tea, staffId: kim.id });
    expect(kimNeeds('deposit.apply', { tabId: empty, depositId: kept.id, excess: 'refund' })).toEqual(['tabs.write', 'deposits.refund']);
    // Applied to what the tab owes and kept again, nothing leaves the till.
    expect(kimNeeds('deposit.apply', { tabId: empty, depositId: kept.id, excess: 'keep' })).toEqual(['tabs.write']);
  });

  it('the no-show path: an emptied checked-in tab is voided only with payments.void, and the appointment is cancelled with the deposit accounted for', () => {
    const a = book({ method: 'cash' });
    const { tabId } = l.call('appointment.checkIn', { appointmentId: a.id });
    const line = l.call('tab.get', { tabId }).lines[0]!;
    expect(cashInDrawer()).toBe(1000);
    // Each step that gives the money back is a manager's call for a staff member.
    expect(kimNeeds('tab.removeLine', { tabId, lineId: line.id, reason: 'mistyped' })).toContain('tabs.adjustLarge');
    l.call('tab.removeLine', { tabId, lineId: line.id, reason: 'left before' });
    // A void waits for the held deposit.
    expect(l.fail('tab.void', { tabId, reason: 'left' }).code).toBe('deposit_first');
    expect(kimNeeds('tab.void', { tabId })).toEqual(['tabs.write']);
    expect(kimNeeds('deposit.apply', { tabId, depositId: a.deposits[0]!.id, excess: 'refund' })).toContain('deposits.refund');
    l.call('deposit.apply', { tabId, depositId: a.deposits[0]!.id, excess: 'refund' });
    expect(cashInDrawer()).toBe(0);
    expect(kimNeeds('tab.void', { tabId, reason: 'left' })).toEqual(['tabs.write', 'payments.void']);
    l.call('tab.void', { tabId, reason: 'left' });
    expect(l.call('appointment.get', { appointmentId: a.id }).status).toBe('cancelled');
    // A tab no deposit touched is voided as before.
    expect(kimNeeds('tab.void', { tabId: l.call('tab.open', {}).id })).toEqual(['tabs.write']);
  });
});

describe('moving a booking', () => {
  it('keeps the earliest free-cancellation deadline: moved next month inside the window, a cancel is still late', () => {
    // 12:00 today, three hours away: inside the 24-hour window.
    const a = book({ startMinute: 720 });
    expect(a.cancelInTime).toBe(false);
    const moved = l.call('appointment.update', { appointmentId: a.id, date: '2026-12-22' });
    expect(moved).toMatchObject({ date: '2026-12-22', cancelInTime: false });
    expect(kimNeeds('appointment.cancel', { appointmentId: a.id })).toEqual(['appointments.write', 'deposits.forfeit']);
    const cancelled = l.call('appointment.cancel', { appointmentId: a.id });
    expect(cancelled.status).toBe('late_cancel');
    expect(cancelled.deposits[0]).toMatchObject({ forfeitedMinor: 1000, refundedMinor: 0 });
  });

  it('moving earlier brings the deadline forward; moving back later does not undo it', () => {
    const a = book({ date: '2026-11-27', startMinute: 720 });
    expect(a.cancelInTime).toBe(true);
    // Moved to 12:00 tomorrow, the deadline is 12:00 today; back to Friday, it stays there.
    l.call('appointment.update', { appointmentId: a.id, date: '2026-11-25' });
    l.call('appointment.update', { appointmentId: a.id, date: '2026-11-27' });
    l.setNow('2026-11-24T12:00:00.000Z');
    expect(l.call('appointment.get', { appointmentId: a.id }).cancelInTime).toBe(true);
    l.setNow('2026-11-24T12:00:01.000Z');
    expect(l.call('appointment.get', { appointmentId: a.id }).cancelInTime).toBe(false);
    expect(l.call('appointment.cancel', { appointmentId: a.id }).status).toBe('late_cancel');
  });

  it('refuses to move a booking whose start has passed; its note and person still change', () => {
    const a = book({ startMinute: 540 });
    const error = l.fail('appointment.update', { appointmentId: a.id, date: '2026-12-01' });
    expect(error).toMatchObject({ code: 'appointment_state', key: 'errors.appointmentStarted', field: 'startMinute' });
    expect(error.message).toContain('09:00');
    expect(l.fail('appointment.update', { appointmentId: a.id, startMinute: 600 }).key).toBe('errors.appointmentStarted');
    // The form sends the same date and time back with a new note: that is not a move.
    expect(l.call('appointment.update', { appointmentId: a.id, date: TODAY, startMinute: 540, note: 'running late' }).note).toBe('running late');
    const noShow = l.call('appointment.noShow', { appointmentId: a.id });
    expect(noShow.deposits[0]).toMatchObject({ forfeitedMinor: 1000 });
  });

  it('keeps the booked services and prices when the same services come back, and takes the catalog only when they change', () => {
    const a = book({ date: '2026-11-30', itemIds: [cut, colour] });
    l.call('catalog.updateItem', { itemId: cut, priceMinor: 9999 });
    l.call('catalog.archiveItem', { itemId: colour, archived: true });
    const moved = l.call('appointment.update', { appointmentId: a.id, startMinute: 660, itemIds: [cut, colour] });
    expect(moved.services.map((s) => [s.name, s.priceMinor])).toEqual([
      ['Cut', 3000],
      ['Colour', 5000],
    ]);
    expect(moved).toMatchObject({ startMinute: 660, endMinute: 810 });
    // The same services in another order are a change: read again, and the archived one is refused.
    expect(l.fail('appointment.update', { appointmentId: a.id, itemIds: [colour, cut] }).key).toBe('errors.itemArchived');
    const changed = l.call('appointment.update', { appointmentId: a.id, itemIds: [cut] });
    expect(changed.services.map((s) => [s.name, s.priceMinor])).toEqual([['Cut', 9999]]);
  });
});

describe('a deposit taken after booking', () => {
  it('is what the booking’s own policy asks, and the booking keeps that policy', () => {
    const a = book({ date: '2026-11-30', deposit: false });
    l.call('store.update', { depositPolicy: policy({ fixedMinor: 2500, forfeitPercent: 50 }) });
    const taken = l.call('appointment.takeDeposit', { appointmentId: a.id, method: 'card' });
    expect(taken.depositHeldMinor).toBe(1000);
    expect(taken.policy).toEqual(policy());
  });

  it('is refused when the booking’s policy took none, whatever Settings say now', () => {
    l.call('store.update', { depositPolicy: policy({ mode: 'none' }) });
    const a = book({ date: '2026-11-30', deposit: false });
    l.call('store.update', { depositPolicy: policy({ fixedMinor: 2500 }) });
    expect(l.fail('appointment.takeDeposit', { appointmentId: a.id, method: 'card' })).toMatchObject({
      code: 'deposit_not_required',
      key: 'errors.bookingNoDeposit',
    });
  });
});

describe('a cancel confirmed on an outcome that has changed', () => {
  it('is refused, naming when the window closed, and changes nothing; confirmed on the new outcome it goes through', () => {
    // 12:00 tomorrow: free until 12:00 today.
    const a = book({ date: '2026-11-25', startMinute: 720 });
    expect(a.cancelInTime).toBe(true);
    l.setNow('2026-11-24T12:05:00.000Z');
    // A staff member is not asked for a PIN for a forfeit that will not happen.
    expect(kimNeeds('appointment.cancel', { appointmentId: a.id, expectInTime: true }, '2026-11-24T12:05:00.000Z')).toEqual(['appointments.write']);
    const error = l.fail('appointment.cancel', { appointmentId: a.id, expectInTime: true });
    expect(error).toMatchObject({ code: 'cancel_timing_changed', key: 'errors.cancelWindowClosed', field: 'expectInTime' });
    expect(error.message).toBe('the free cancellation window closed at 12:00; nothing was changed. Look at what a late cancel does now and confirm again');
    const late = l.call('appointment.cancel', { appointmentId: a.id, expectInTime: false });
    expect(late).toMatchObject({ status: 'late_cancel' });
  });

  it('a cancel expected late that is still in time is refused too', () => {
    const a = book({ date: '2026-11-30' });
    expect(l.fail('appointment.cancel', { appointmentId: a.id, expectInTime: false }).key).toBe('errors.cancelWindowOpen');
    expect(l.call('appointment.cancel', { appointmentId: a.id, expectInTime: true }).deposits[0]).toMatchObject({ refundedMinor: 1000 });
  });
});
