import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DayReport } from '../shared/closing-types';
import { openLedger, type Db } from '../electron/ledger/open';
import { checkLedger } from '../electron/services/ledger-check';
import { assertInvariants } from '../electron/test-support/invariants';
import { generateYear, tabsOn, type YearSummary } from './year-data';

const DATES = ['2025-01-06', '2025-01-07', '2025-01-08'];
let dir: string;
let summary: YearSummary;
let db: Db;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-year-test-'));
  summary = generateYear({ out: path.join(dir, 'year.sqlite'), days: 3, tabsPerDay: 20, startDate: DATES[0] });
  db = openLedger(summary.file);
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const zReports = () =>
  db
    .prepare<[], { z_number: number; business_date: string; report_json: string }>(
      'SELECT z_number, business_date, report_json FROM z_reports ORDER BY z_number',
    )
    .all()
    .map((row) => ({ ...row, report: JSON.parse(row.report_json) as DayReport }));

describe('the year generator on a tiny run (3 days of about 20 tabs)', () => {
  it('leaves a balanced ledger that keeps every invariant, with the schema the app made', () => {
    const check = checkLedger(db);
    expect(check.problems).toEqual([]);
    expect(check.balanced).toBe(true);
    assertInvariants(db);
    expect(summary).toMatchObject({ days: 3, firstDate: '2025-01-06', openDate: '2025-01-09', entries: check.entries, postings: check.postings });
    // The generator leaves the app schema as it is: no indexes of its own.
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'bench_%'").all()).toEqual([]);
  });

  it('closes every generated day with a Z numbered 1..n, and leaves the day after open with its drawer and tabs', () => {
    const zs = zReports();
    expect(zs.map((z) => [z.z_number, z.business_date])).toEqual(DATES.map((date, i) => [i + 1, date]));
    for (const z of zs) {
      expect(z.report).toMatchObject({ kind: 'z', zNumber: z.z_number, businessDate: z.business_date });
      expect(z.report.tabs.settled).toBeGreaterThan(0);
      expect(z.report.drawer.sessions).toHaveLength(1);
      expect(z.report.payments.find((p) => p.method === 'card')?.count).toBeGreaterThan(0);
      expect(z.report.payments.find((p) => p.method === 'cash')?.count).toBeGreaterThan(0);
      expect(z.report.byHour.length).toBeGreaterThan(4);
    }
    const openDay = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM journal_entries WHERE business_date = ?').get('2025-01-09');
    expect(openDay?.n).toBeGreaterThan(0);
    expect(db.prepare("SELECT COUNT(*) AS n FROM drawer_sessions WHERE status = 'open'").get()).toEqual({ n: 1 });
    expect((db.prepare("SELECT COUNT(*) AS n FROM tabs WHERE status = 'open'").get() as { n: number }).n).toBeGreaterThan(0);
  });

  it('reconciles each Z with the journal: every figure is the sum of its account over the day', () => {
    const byAccount = db.prepare<[string], { account: string; s: number }>(
      'SELECT p.account, SUM(p.amount_minor) AS s FROM postings p JOIN journal_entries e ON e.id = p.entry_id WHERE e.business_date = ? GROUP BY p.account',
    );
    for (const { report: z, business_date: date } of zReports()) {
      const sums = new Map(byAccount.all(date).map((r) => [r.account, r.s]));
      const sumOf = (prefix: string) => [...sums].filter(([a]) => a.startsWith(prefix)).reduce((s, [, v]) => s + v, 0);
      // A credit shown as a positive figure (0 - x, never -0).
      const credit = (prefix: string) => 0 - sumOf(prefix);
      expect(z.sales.grossMinor, date).toBe(credit('sales:'));
      expect(z.sales.netMinor, date).toBe(credit('sales:') - sumOf('comps'));
      expect(z.sales.compsMinor, date).toBe(sumOf('comps'));
      expect(z.sales.taxMinor, date).toBe(credit('tax_payable:'));
      expect(
        z.tips.reduce((s, t) => s + t.amountMinor, 0),
        date,
      ).toBe(credit('tips_payable:'));
      expect(z.walkouts.amountMinor, date).toBe(sumOf('walkouts'));
      expect(z.payments.find((p) => p.method === 'card')?.takenMinor, date).toBe(sumOf('card_clearing'));
      expect(z.payments.find((p) => p.method === 'other')?.takenMinor, date).toBe(sumOf('other_tender'));
      expect(z.drawer.varianceMinor, date).toBe(credit('cash_over_short'));
      expect(z.drawer.paidOutMinor, date).toBe(sumOf('paid_out'));
      expect(z.receivable.carriedForwardMinor - z.receivable.broughtForwardMinor, date).toBe(sumOf('tabs_receivable'));
      expect(
        z.taxes.reduce((s, t) => s + t.netMinor, 0),
        date,
      ).toBe(z.sales.netMinor);
      expect(
        z.byHour.reduce((s, h) => s + h.netMinor, 0),
        date,
      ).toBe(z.sales.netMinor);
      // The drawer is emptied into the office at sign-off, so a closed day leaves it at zero.
      expect(sums.get('cash_drawer') ?? 0, date).toBe(0);
      expect(z.drawer.floatMinor + z.drawer.cashInMinor + z.drawer.paidInMinor - z.drawer.paidOutMinor, date).toBe(z.drawer.expectedMinor);
    }
  });

  it('is reproducible: the same seed writes the same days', () => {
    const again = generateYear({ out: path.join(dir, 'again.sqlite'), days: 3, tabsPerDay: 20, startDate: DATES[0] });
    const other = openLedger(again.file);
    try {
      const reports = (d: Db) => d.prepare('SELECT z_number, business_date, report_json FROM z_reports ORDER BY z_number').all();
      expect(reports(other)).toEqual(reports(db));
      expect({ ...again, file: '', ms: 0, fileBytes: 0 }).toEqual({ ...summary, file: '', ms: 0, fileBytes: 0 });
    } finally {
      other.close();
    }
  });
});

describe('tabs per day', () => {
  it('is quieter on Mondays than on Saturdays, and the noise stays within ±15 %', () => {
    const monday = '2025-01-06';
    const saturday = '2025-01-11';
    expect(tabsOn(monday, 300, 1)).toBeLessThan(tabsOn(saturday, 300, 0));
    const mid = tabsOn(monday, 300, 0.5);
    expect(Math.abs(tabsOn(monday, 300, 0) - mid * 0.85)).toBeLessThanOrEqual(1);
    expect(Math.abs(tabsOn(monday, 300, 1) - mid * 1.15)).toBeLessThanOrEqual(1);
  });
});
