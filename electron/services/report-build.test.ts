import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../ledger/open';
import { openDatabase } from '../ledger/sqlite-driver';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';
import { buildDayReport } from './report-build';

// UTC, 04:00 day boundary; a latte is 4.40 at 10 % inclusive tax.
let l: TestLedger;
let latte: number;

beforeEach(() => {
  l = makeLedger('2026-11-24T09:00:00.000Z', { drawer: false });
  latte = l.call('catalog.createItem', { categoryId: null, name: 'Latte', kind: 'product', priceMinor: 440, rateMilli: 10_000, expectText: '' }).id;
});
afterEach(() => l.cleanup());

/** A tab with one latte, paid by card when `pay`. */
function tab(pay: boolean): number {
  const { id } = l.call('tab.open', {});
  l.call('tab.addLine', { tabId: id, itemId: latte });
  if (pay) l.call('settle.pay', { tabId: id, method: 'card' });
  return id;
}

/** Every statement buildDayReport prepares, with its query plan. */
function plansOf(build: (db: Db) => void): { sql: string; plan: string[] }[] {
  const statements: string[] = [];
  // A connection of its own: its statement cache starts empty, so every statement is prepared here.
  const reader = openDatabase(l.db.name, { readonly: true, fileMustExist: true });
  const prepare = reader.prepare.bind(reader);
  reader.prepare = ((sql: string) => {
    statements.push(sql);
    return prepare(sql);
  }) as typeof reader.prepare;
  try {
    build(reader);
  } finally {
    reader.close();
  }
  return [...new Set(statements)].map((sql) => {
    const count = (sql.match(/\?/g) ?? []).length;
    const params: unknown[] = sql.includes('@day') ? [{ day: '2026-11-25' }] : Array<unknown>(count).fill('2026-11-25');
    return {
      sql,
      plan: l.db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((r) => r.detail),
    };
  });
}

describe('the day report over a ledger of many days', () => {
  it('reads the day through its indexes and running totals: no table of the journal or the tabs is walked', () => {
    tab(true);
    const carried = tab(false);
    l.setNow('2026-11-25T10:00:00.000Z');
    l.call('day.close', { businessDate: '2026-11-24' });
    tab(true);
    const line = l.call('tab.get', { tabId: carried }).lines[0];
    if (!line) throw new Error('the carried tab has no line');
    l.call('tab.compLine', { tabId: carried, lineId: line.id, kind: 'percent', value: 50, reason: 'cold' });

    let report: ReturnType<typeof buildDayReport> | null = null;
    const plans = plansOf((db) => {
      report = buildDayReport(db, '2026-11-25', { kind: 'x', zNumber: null, generatedAt: '2026-11-25T11:00:00.000Z', generatedBy: 'Owner' });
    });
    expect(report).toMatchObject({ carried: [{ tabId: carried, dueMinor: 220 }], receivable: { broughtForwardMinor: 440, carriedForwardMinor: 220 } });
    expect(plans.length).toBeGreaterThan(20);
    // No table that grows with the day's tabs is walked (a statement that stops at its first row aside).
    const journal =
      /^SCAN (journal_entries|je|postings|p|tabs|t|tab_lines|l|entry_lines|el|payments|pay|payment_voids|v|comp_postings|cp|loyalty_postings|lp|refunds|f|refund_rates|rr|refund_tenders|rt|audit|day_posting_totals|day_entry_totals)\b/;
    const scans = plans.flatMap(({ sql, plan }) => (/LIMIT 1$/.test(sql.trim()) ? [] : plan.filter((d) => journal.test(d)).map((d) => `${d} in ${sql}`)));
    expect(scans).toEqual([]);
    const carriedPlan = plans.find(({ sql }) => sql.includes('GROUP BY je.tab_id'))?.plan.join('; ');
    expect(carriedPlan).toMatch(/SEARCH je USING INDEX journal_entries_day \(business_date>\? AND business_date<\?\)/);
  });
});
