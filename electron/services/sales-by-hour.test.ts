import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DayReport } from '../../shared/closing-types';
import type { TabDetail } from '../../shared/types';
import type { Db } from '../ledger/open';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';
import { salesByHour } from './sales-by-hour';

// The store is on UTC with a 04:00 day boundary; a latte is 4.40 at 10 % inclusive tax: 4.00 net.
let l: TestLedger;
let latte: number;

beforeEach(() => {
  l = makeLedger('2026-11-24T09:00:00.000Z', { drawer: false });
  latte = l.call('catalog.createItem', { categoryId: null, name: 'Latte', kind: 'product', priceMinor: 440, rateMilli: 10_000, expectText: '' }).id;
});
afterEach(() => l.cleanup());

function at(day: string, hhmm: string): void {
  l.setNow(`${day}T${hhmm}:00.000Z`);
}

function lineOf(tab: TabDetail): number {
  const line = tab.lines[0];
  if (!line) throw new Error('the tab has no line');
  return line.id;
}

/** The X's hours, checked to add up to the day's net sales, and never below zero. */
function hours(report: DayReport = l.call('report.x', {})): Record<number, number> {
  expect(report.byHour.reduce((s, h) => s + h.netMinor, 0)).toBe(report.sales.netMinor);
  expect(report.byHourOfSale).toBe(true);
  return Object.fromEntries(report.byHour.map((h) => [h.hour, h.netMinor]));
}

describe('sales by hour: a reduction counts in the hour of the sale it reduces', () => {
  it('a 50 % comp at 11:05 on a sale rung up at 10:15 halves the 10:00 hour; 11:00 stays at nothing, not negative', () => {
    at('2026-11-24', '10:15');
    const tab = l.call('tab.open', {});
    l.call('tab.addLine', { tabId: tab.id, itemId: latte });
    at('2026-11-24', '11:05');
    l.call('tab.compLine', { tabId: tab.id, lineId: lineOf(l.call('tab.get', { tabId: tab.id })), kind: 'percent', value: 50, reason: 'cold' });
    const x = l.call('report.x', {});
    expect(x.sales.netMinor).toBe(200);
    expect(x.byHour).toEqual([{ hour: 10, netMinor: 200 }]);
    expect(hours(x)[11] ?? 0).toBe(0);
  });

  it('a line removed later takes its sale out of the hour it was rung up in', () => {
    at('2026-11-24', '10:15');
    const tab = l.call('tab.open', {});
    const keep = l.call('tab.addLine', { tabId: tab.id, itemId: latte }).lineId;
    at('2026-11-24', '12:40');
    l.call('tab.removeLine', { tabId: tab.id, lineId: keep, reason: 'never made' });
    expect(hours()).toEqual({ 10: 0 });
  });

  it('a second latte at 11:20 is a sale at 11:00; lowering the quantity at 12:30 takes back from both by what each rang up', () => {
    at('2026-11-24', '10:15');
    const tab = l.call('tab.open', {});
    const line = l.call('tab.addLine', { tabId: tab.id, itemId: latte }).lineId;
    at('2026-11-24', '11:20');
    l.call('tab.addLine', { tabId: tab.id, itemId: latte });
    expect(hours()).toEqual({ 10: 400, 11: 400 });
    at('2026-11-24', '12:30');
    l.call('tab.setQty', { tabId: tab.id, lineId: line, qty: 1 });
    expect(hours()).toEqual({ 10: 200, 11: 200 });
  });

  it('a comp made smaller gives back to the same hour it was taken from', () => {
    at('2026-11-24', '10:15');
    const tab = l.call('tab.open', {});
    const line = l.call('tab.addLine', { tabId: tab.id, itemId: latte }).lineId;
    at('2026-11-24', '11:05');
    l.call('tab.compLine', { tabId: tab.id, lineId: line, kind: 'percent', value: 100, reason: 'cold' });
    at('2026-11-24', '13:50');
    l.call('tab.compLine', { tabId: tab.id, lineId: line, kind: 'percent', value: 25, reason: 'cold' });
    expect(hours()).toEqual({ 10: 300 });
  });

  it('a comp of a sale from a day already closed counts in its own hour on the new day; the closed Z keeps its hours', () => {
    at('2026-11-24', '10:15');
    const tab = l.call('tab.open', {});
    const line = l.call('tab.addLine', { tabId: tab.id, itemId: latte }).lineId;
    at('2026-11-24', '18:00');
    const z = l.call('day.close', { businessDate: '2026-11-24' });
    expect(z.byHour).toEqual([{ hour: 10, netMinor: 400 }]);
    at('2026-11-25', '09:30');
    l.call('tab.compLine', { tabId: tab.id, lineId: line, kind: 'percent', value: 50, reason: 'cold' });
    const x = l.call('report.x', {});
    expect(x.businessDate).toBe('2026-11-25');
    expect(hours(x)).toEqual({ 9: -200 });
    expect(l.call('report.z', { zNumber: z.zNumber ?? 0 }).byHour).toEqual([{ hour: 10, netMinor: 400 }]);
  });

  it('remembers which line each line entry changed, once, and the database keeps that record as it is', () => {
    at('2026-11-24', '10:15');
    const tab = l.call('tab.open', {});
    const line = l.call('tab.addLine', { tabId: tab.id, itemId: latte }).lineId;
    l.call('tab.compLine', { tabId: tab.id, lineId: line, kind: 'percent', value: 50, reason: 'cold' });
    const links = l.db
      .prepare<[], { kind: string; line_id: number }>(
        'SELECT je.kind, el.line_id FROM entry_lines el JOIN journal_entries je ON je.id = el.entry_id ORDER BY je.id',
      )
      .all();
    expect(links).toEqual([
      { kind: 'line.add', line_id: line },
      { kind: 'line.comp', line_id: line },
    ]);
    expect(() => l.db.prepare('UPDATE entry_lines SET line_id = 0').run()).toThrow(/append-only/);
    expect(() => l.db.prepare('DELETE FROM entry_lines').run()).toThrow(/append-only/);
  });

  it('reads the day and its lines through indexes, never scanning the journal (a year of it is there)', () => {
    const plans: string[] = [];
    const prepare = l.db.prepare.bind(l.db);
    const watching = {
      prepare: (sql: string) => {
        const params = Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => '2026-11-24');
        plans.push(
          ...prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
            .all(...params)
            .map((row) => row.detail),
        );
        return prepare(sql);
      },
    } as unknown as Db;
    salesByHour(watching, '2026-11-24', 'UTC', 240);
    expect(plans.length).toBeGreaterThan(0);
    // The day's entries are summed per entry in a subquery whose rows are then read in turn, and the
    // reduced lines are handed over as a JSON list: neither is a table scanned.
    expect(plans.filter((detail) => detail.startsWith('SCAN') && !/^SCAN (\(subquery-\d+\)$|json_each\b)/.test(detail))).toEqual([]);
  });
});
