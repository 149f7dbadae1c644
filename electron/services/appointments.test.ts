import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';

/** The book itself: opening hours, overlaps, states, check-in, and the tab's close. Tuesday 24 November 2026, UTC. */
let l: TestLedger;
let cut: number;
let colour: number;
let latte: number;
let ana: number;
let kim: number;
const DAY = '2026-11-24';

beforeEach(() => {
  l = makeLedger('2026-11-24T08:00:00.000Z');
  cut = l.call('catalog.createItem', {
    categoryId: null,
    name: 'Cut',
    kind: 'service',
    priceMinor: 3000,
    rateMilli: 10_000,
    expectText: 'Washed, cut and dried.',
    durationMinutes: 60,
  }).id;
  colour = l.call('catalog.createItem', {
    categoryId: null,
    name: 'Colour',
    kind: 'service',
    priceMinor: 5000,
    rateMilli: 10_000,
    expectText: 'One shade.',
    durationMinutes: 90,
  }).id;
  latte = l.call('catalog.createItem', { categoryId: null, name: 'Latte', kind: 'product', priceMinor: 400, rateMilli: 10_000, expectText: '' }).id;
  ana = l.call('customer.create', { name: 'Ana' }).id;
  // A stylist without a PIN (signing in is not what these tests are about).
  kim = Number(l.db.prepare("INSERT INTO staff (name, role, created_at) VALUES ('Kim', 'staff', 'x')").run().lastInsertRowid);
});
afterEach(() => l.cleanup());

const book = (over: Partial<{ staffId: number; date: string; startMinute: number; itemIds: number[]; customerId: number }> = {}) =>
  l.raw('appointment.book', { customerId: ana, staffId: 1, date: DAY, startMinute: 600, itemIds: [cut], ...over });

describe('booking', () => {
  it('ends when the services do, snapshots them, and shows on the day, the week and the board', () => {
    const made = l.call('appointment.book', { customerId: ana, staffId: 1, date: DAY, startMinute: 600, itemIds: [cut, colour], note: 'fringe' });
    expect(made).toMatchObject({ status: 'booked', startMinute: 600, endMinute: 750, customerName: 'Ana', cancelInTime: false });
    expect(made.services.map((s) => [s.name, s.priceMinor, s.durationMinutes])).toEqual([
      ['Cut', 3000, 60],
      ['Colour', 5000, 90],
    ]);
    l.call('catalog.updateItem', { itemId: cut, priceMinor: 9999 });
    expect(l.call('appointment.get', { appointmentId: made.id }).services[0]!.priceMinor).toBe(3000);
    const day = l.call('appointment.day', { date: DAY });
    expect(day.hours).toEqual({ open: 540, close: 1080 });
    expect(day.staff.map((s) => s.id).sort()).toEqual([1, kim].sort());
    expect(day.appointments.map((a) => a.id)).toEqual([made.id]);
    expect(l.call('appointment.week', { staffId: 1, from: '2026-11-23' }).days.map((d) => d.appointments.length)).toEqual([0, 1, 0, 0, 0, 0, 0]);
    expect(l.call('appointment.week', { staffId: 1, from: '2026-11-23' }).days[6]!.hours).toBeNull();
    // 08:00 now: 10:00 is within the next two hours, not within the next hour.
    expect(l.call('appointment.upcoming', { minutes: 120 }).map((a) => a.id)).toEqual([made.id]);
    expect(l.call('appointment.upcoming', { minutes: 60 })).toEqual([]);
  });

  it('refuses an overlap with the same person (naming the other booking), allows touching ends and another person', () => {
    expect(book().ok).toBe(true);
    const error = l.fail('appointment.book', { customerId: ana, staffId: 1, date: DAY, startMinute: 630, itemIds: [cut] });
    expect(error).toMatchObject({ code: 'appointment_overlap', field: 'startMinute' });
    expect(error.message).toContain('10:00 to 11:00');
    expect(book({ startMinute: 540 }).ok).toBe(true);
    expect(book({ startMinute: 660 }).ok).toBe(true);
    expect(book({ startMinute: 630, staffId: kim }).ok).toBe(true);
  });

  it('refuses times outside the opening hours and closed days, with the hours in the words', () => {
    const late = l.fail('appointment.book', { customerId: ana, staffId: 1, date: DAY, startMinute: 1020, itemIds: [colour] });
    expect(late).toMatchObject({ code: 'outside_opening_hours' });
    expect(late.message).toBe('on Tuesday the salon is open 09:00 to 18:00; this booking would run 17:00 to 18:30');
    expect(l.fail('appointment.book', { customerId: ana, staffId: 1, date: '2026-11-29', startMinute: 600, itemIds: [cut] })).toMatchObject({
      code: 'outside_opening_hours',
      key: 'errors.closedThatDay',
    });
    l.call('store.update', { openingHours: [null, null, null, null, null, null, { open: 600, close: 840 }] });
    expect(l.call('appointment.book', { customerId: ana, staffId: 1, date: '2026-11-29', startMinute: 600, itemIds: [cut] }).date).toBe('2026-11-29');
  });

  it('refuses a product, an archived service, an inactive person and a customer who cannot be booked', () => {
    expect(l.fail('appointment.book', { customerId: ana, staffId: 1, date: DAY, startMinute: 600, itemIds: [latte] }).key).toBe('errors.notAService');
    l.db.prepare('UPDATE staff SET active = 0 WHERE id = ?').run(kim);
    expect(l.fail('appointment.book', { customerId: ana, staffId: kim, date: DAY, startMinute: 600, itemIds: [cut] }).key).toBe('errors.staffMissing');
    const gone = l.call('customer.create', { name: 'Gone' }).id;
    l.call('customer.archive', { customerId: gone, archived: true });
    expect(l.fail('appointment.book', { customerId: gone, staffId: 1, date: DAY, startMinute: 600, itemIds: [cut] }).key).toBe('errors.customerArchived');
    l.call('catalog.archiveItem', { itemId: colour, archived: true });
    expect(l.fail('appointment.book', { customerId: ana, staffId: 1, date: DAY, startMinute: 600, itemIds: [colour] }).key).toBe('errors.itemArchived');
  });

  it('moves and reassigns a booked appointment under the same checks, and changes nothing else once it is closed', () => {
    const a = l.call('appointment.book', { customerId: ana, staffId: 1, date: DAY, startMinute: 600, itemIds: [cut] });
    const b = l.call('appointment.book', { customerId: ana, staffId: kim, date: DAY, startMinute: 600, itemIds: [cut] });
    expect(l.fail('appointment.update', { appointmentId: a.id, staffId: kim }).code).toBe('appointment_overlap');
    const moved = l.call('appointment.update', { appointmentId: a.id, staffId: kim, startMinute: 660, itemIds: [cut, colour] });
    expect(moved).toMatchObject({ staffId: kim, startMinute: 660, endMinute: 810 });
    l.call('appointment.cancel', { appointmentId: b.id });
    expect(l.fail('appointment.update', { appointmentId: b.id, startMinute: 700 })).toMatchObject({ code: 'appointment_state' });
    expect(() => l.db.prepare('UPDATE appointments SET note = ? WHERE id = ?').run('x', b.id)).toThrow(/closed is closed/);
    expect(() => l.db.prepare('DELETE FROM appointments WHERE id = ?').run(a.id)).toThrow(/never deleted/);
  });
});

describe('check-in and the tab', () => {
  it('opens a tab on the token asked, lines at the booked prices served by the stylist; the walkout makes it done', () => {
    const a = l.call('appointment.book', { customerId: ana, staffId: kim, date: DAY, startMinute: 600, itemIds: [cut, colour] });
    l.call('catalog.updateItem', { itemId: colour, priceMinor: 6000, expectText: 'Changed words.' });
    const { tabId, token, appointment } = l.call('appointment.checkIn', { appointmentId: a.id, token: 7 });
    expect(token).toBe(7);
    expect(appointment).toMatchObject({ status: 'checked_in', tabId, token: 7 });
    const tab = l.call('tab.get', { tabId });
    expect(tab.lines.map((x) => [x.name, x.unitMinor, x.staffId, x.expectText])).toEqual([
      ['Cut', 3000, kim, 'Washed, cut and dried.'],
      ['Colour', 5000, kim, 'One shade.'],
    ]);
    expect(tab.totalMinor).toBe(8000);
    expect(l.fail('appointment.checkIn', { appointmentId: a.id }).code).toBe('appointment_state');
    l.call('tab.writeOff', { tabId, reason: 'walked out' });
    expect(l.call('appointment.get', { appointmentId: a.id }).status).toBe('done');
    expect(l.call('report.x', { businessDate: DAY }).appointments?.byStaff).toEqual([expect.objectContaining({ staffId: kim, booked: 1, done: 1 })]);
  });

  it('a tab voided before anything was served cancels its appointment', () => {
    const a = l.call('appointment.book', { customerId: ana, staffId: 1, date: DAY, startMinute: 600, itemIds: [cut] });
    const { tabId } = l.call('appointment.checkIn', { appointmentId: a.id });
    const line = l.call('tab.get', { tabId }).lines[0]!;
    l.call('tab.removeLine', { tabId, lineId: line.id, reason: 'left before' });
    l.call('tab.void', { tabId, reason: 'left before' });
    expect(l.call('appointment.get', { appointmentId: a.id })).toMatchObject({ status: 'cancelled', tabId });
  });

  it('erasing the customer keeps every total and names them as erased', () => {
    l.call('store.update', { depositPolicy: { mode: 'fixed', fixedMinor: 1000, percent: 0, freeCancelHours: 24, forfeitPercent: 100 } });
    const a = l.call('appointment.book', {
      customerId: ana,
      staffId: 1,
      date: DAY,
      startMinute: 600,
      itemIds: [cut],
      deposit: { method: 'card', reference: '' },
    });
    const { tabId } = l.call('appointment.checkIn', { appointmentId: a.id });
    l.call('deposit.apply', { tabId, depositId: a.deposits[0]!.id });
    const before = l.call('report.x', { businessDate: DAY });
    l.call('customer.erase', { customerId: ana });
    const after = l.call('report.x', { businessDate: DAY });
    expect({ ...after.deposits, ...after.sales }).toEqual({ ...before.deposits, ...before.sales });
    expect(l.call('appointment.get', { appointmentId: a.id })).toMatchObject({ customerName: 'Erased customer', depositHeldMinor: 0 });
    expect(l.call('tab.get', { tabId }).dueMinor).toBe(2000);
    const audit = l.db.prepare<[], { detail: string }>("SELECT detail FROM audit WHERE command LIKE 'appointment.%' OR command LIKE 'deposit.%'").all();
    expect(audit.length).toBeGreaterThan(2);
    for (const row of audit) expect(row.detail).not.toMatch(/Ana|fringe/);
  });
});
