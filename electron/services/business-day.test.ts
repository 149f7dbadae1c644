import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';

/**
 * The business day can't be bent: after the first Z a new time zone or day boundary waits for the
 * next Z, so the day being traded is closed by the rules it began with, and a day that has not
 * begun by the rules in force cannot be closed.
 */
let l: TestLedger;
let water: number;

beforeEach(() => {
  // The store counts days in UTC and ends them at 04:00.
  l = makeLedger('2026-11-24T09:00:00.000Z', { drawer: false });
  water = l.call('catalog.createItem', { categoryId: null, name: 'Water', kind: 'product', priceMinor: 200, rateMilli: 0, expectText: '' }).id;
});
afterEach(() => l.cleanup());

/** The 24th closed at 23:00 that night: the first Z. */
function firstZ(): void {
  l.setNow('2026-11-24T23:00:00.000Z');
  l.call('day.close', { businessDate: '2026-11-24' });
}

function audit(command: string): unknown[] {
  return l.db
    .prepare<[string], { detail: string }>('SELECT detail FROM audit WHERE command = ? ORDER BY id')
    .all(command)
    .map((r) => JSON.parse(r.detail) as unknown);
}

describe('the business day after the first Z', () => {
  it('before the first Z a new time zone or day boundary counts at once', () => {
    const store = l.call('store.update', { timeZone: 'Europe/Berlin', dayBoundaryMinutes: 300 });
    expect(store).toMatchObject({ timeZone: 'Europe/Berlin', dayBoundaryMinutes: 300, pendingDay: null, businessDayLocked: false });
    expect(audit('store.update').at(-1)).toMatchObject({ businessDay: { timeZone: 'Europe/Berlin', dayBoundaryMinutes: 300, appliesAt: 'now' } });
  });

  it('waits for the next Z, which closes the day by the old rules; the new ones count from the next day', () => {
    firstZ();
    const asked = l.call('store.update', { timeZone: 'Pacific/Kiritimati' });
    expect(asked).toMatchObject({
      timeZone: 'UTC',
      dayBoundaryMinutes: 240,
      businessDayLocked: true,
      pendingDay: { timeZone: 'Pacific/Kiritimati', dayBoundaryMinutes: 240 },
    });
    expect(audit('store.update').at(-1)).toEqual({
      timeZone: 'Pacific/Kiritimati',
      businessDay: { timeZone: 'Pacific/Kiritimati', dayBoundaryMinutes: 240, appliesAt: 'next Z' },
    });

    // 20:00 UTC on the 25th is 10:00 on the 26th in Kiritimati (UTC+14): by the rules in force it
    // is still the 25th, and a sale now belongs to it.
    l.setNow('2026-11-25T20:00:00.000Z');
    l.call('drawer.open', { float: { kind: 'total', totalMinor: 0 } });
    const tab = l.call('tab.open', {});
    l.call('tab.addLine', { tabId: tab.id, itemId: water });
    l.call('settle.pay', { tabId: tab.id, method: 'cash' });
    l.call('drawer.count', { count: { kind: 'total', totalMinor: 200 } });
    l.call('drawer.close', {});
    expect(l.call('day.status', {})).toMatchObject({ currentBusinessDate: '2026-11-25', nextToClose: '2026-11-25', timeZone: 'UTC' });
    expect(l.db.prepare('SELECT DISTINCT business_date FROM journal_entries').pluck().all()).toEqual(['2026-11-25']);

    // The waiting zone cannot be used to close the 26th, which has not begun.
    expect(l.fail('day.close', { businessDate: '2026-11-26' })).toMatchObject({
      key: 'errors.day.future',
      params: { date: '2026-11-26', current: '2026-11-25' },
    });

    const z = l.call('day.close', { businessDate: '2026-11-25' });
    expect(z).toMatchObject({ businessDate: '2026-11-25', zNumber: 2 });
    expect(z.sales.netMinor).toBe(200);
    expect(l.call('store.get', {})).toMatchObject({ timeZone: 'Pacific/Kiritimati', dayBoundaryMinutes: 240, pendingDay: null });
    expect(l.call('day.status', {})).toMatchObject({ currentBusinessDate: '2026-11-26', timeZone: 'Pacific/Kiritimati', lastZ: { zNumber: 2 } });
    expect(audit('store.businessDay')).toEqual([{ applied: { timeZone: 'Pacific/Kiritimati', dayBoundaryMinutes: 240 } }]);
    // The 27th has not begun in Kiritimati either.
    expect(l.fail('day.close', { businessDate: '2026-11-27' }).key).toBe('errors.day.future');
  });

  it('a second change before the Z replaces the waiting one; asking for the rules in force clears it', () => {
    firstZ();
    expect(l.call('store.update', { dayBoundaryMinutes: 300 }).pendingDay).toEqual({ timeZone: 'UTC', dayBoundaryMinutes: 300 });
    // What is not named is kept from the waiting change, not from the rules in force.
    expect(l.call('store.update', { timeZone: 'Asia/Tokyo' }).pendingDay).toEqual({ timeZone: 'Asia/Tokyo', dayBoundaryMinutes: 300 });
    // Other settings leave it waiting.
    expect(l.call('store.update', { name: 'Corner' }).pendingDay).toEqual({ timeZone: 'Asia/Tokyo', dayBoundaryMinutes: 300 });
    const cleared = l.call('store.update', { timeZone: 'UTC', dayBoundaryMinutes: 240 });
    expect(cleared).toMatchObject({ timeZone: 'UTC', dayBoundaryMinutes: 240, pendingDay: null });
    expect(audit('store.update').at(-1)).toMatchObject({ businessDay: { appliesAt: 'already in force' } });
    l.setNow('2026-11-25T23:00:00.000Z');
    l.call('day.close', { businessDate: '2026-11-25' });
    expect(l.call('store.get', {})).toMatchObject({ timeZone: 'UTC', dayBoundaryMinutes: 240, pendingDay: null });
    expect(audit('store.businessDay')).toEqual([]);
  });

  it('a refused update leaves the waiting change as it was', () => {
    firstZ();
    l.call('store.update', { timeZone: 'Asia/Tokyo' });
    l.fail('store.update', { timeZone: 'Asia/Seoul', amberMinutes: 100, redMinutes: 90 });
    l.fail('store.update', { timeZone: 'Not/A_Zone' });
    expect(l.call('store.get', {}).pendingDay).toEqual({ timeZone: 'Asia/Tokyo', dayBoundaryMinutes: 240 });
  });
});
