import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';
import { journalColumns, reportColumns, safeText } from './report-csv';

let l: TestLedger;
beforeEach(() => {
  l = makeLedger('2026-11-24T09:00:00.000Z');
  const latte = l.call('catalog.createItem', { categoryId: null, name: 'Latte', kind: 'product', priceMinor: 440, rateMilli: 10_000, expectText: '' });
  const tab = l.call('tab.open', { name: '=HYPERLINK("x")' });
  l.call('tab.addLine', { tabId: tab.id, itemId: latte.id, qty: 2 });
  l.call('tab.compLine', { tabId: tab.id, lineId: l.call('tab.get', { tabId: tab.id }).lines[0]!.id, kind: 'amount', value: 100, reason: 'cold, sorry' });
  l.call('settle.pay', { tabId: tab.id, method: 'cash', tipMinor: 20 });
});
afterEach(() => l.cleanup());

type Row = Record<string, string>;
const rows = (text: string): Row[] => parse(text, { columns: true }) as Row[];

describe('CSV exports', () => {
  it('writes the report with documented columns whose totals match the report', () => {
    const csv = l.call('report.csv', { what: 'report', businessDate: '2026-11-24' });
    expect(csv.filename).toBe('aftertab-x-2026-11-24.csv');
    expect(csv.text.split('\r\n')[0]).toBe(reportColumns.join(','));
    const report = l.call('report.x', {});
    const all = rows(csv.text);
    const find = (section: string, item: string, detail = '') => all.find((r) => r.section === section && r.item === item && r.detail === detail);
    expect(find('sales', 'net')).toMatchObject({ amount_minor: String(report.sales.netMinor), amount: '7.09' });
    expect(find('comps', 'cold, sorry')).toMatchObject({ count: '1', amount_minor: String(report.comps[0]!.amountMinor) });
    expect(find('payments', 'cash', 'taken')).toMatchObject({ count: '1', amount_minor: '800' });
    expect(find('payments', 'cash', 'voided')).toMatchObject({ count: '0', amount_minor: '0' });
    expect(find('deposits', 'held')).toMatchObject({ amount_minor: '0' });
    const accounts = all.filter((r) => r.section === 'account');
    expect(accounts.reduce((s, r) => s + Number(r.amount_minor), 0)).toBe(0);
  });

  it('writes the journal one posting per row, balancing to zero, with names made safe for spreadsheets', () => {
    const csv = l.call('report.csv', { what: 'journal', businessDate: '2026-11-24' });
    expect(csv.filename).toBe('aftertab-journal-2026-11-24.csv');
    const all = rows(csv.text);
    expect(Object.keys(all[0]!)).toEqual([...journalColumns]);
    expect(all.reduce((s, r) => s + Number(r.amount_minor), 0)).toBe(0);
    const count = l.db
      .prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM postings p JOIN journal_entries e ON e.id = p.entry_id WHERE e.business_date = '2026-11-24'")
      .get();
    expect(all.length).toBe(count?.n);
    expect(safeText('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(safeText('Ana')).toBe('Ana');
  });

  it("carries the drawer's cash deposits in and out on the Z, so its drawer rows add up to expected", () => {
    l.call('store.update', { depositPolicy: { mode: 'fixed', fixedMinor: 1500, percent: 0, freeCancelHours: 24, forfeitPercent: 100 } });
    const cut = l.call('catalog.createItem', {
      categoryId: null,
      name: 'Cut',
      kind: 'service',
      priceMinor: 3000,
      rateMilli: 0,
      expectText: '',
      durationMinutes: 60,
    }).id;
    const ana = l.call('customer.create', { name: 'Ana' }).id;
    const book = (startMinute: number) =>
      l.call('appointment.book', { customerId: ana, staffId: 1, date: '2026-11-27', startMinute, itemIds: [cut], deposit: { method: 'cash', reference: '' } });
    book(600);
    const cancelled = book(720);
    l.call('appointment.cancel', { appointmentId: cancelled.id, expectInTime: true });
    // Float 0 + cash 8.00 + deposits 30.00 in - 15.00 refunded out = 23.00 expected.
    l.call('drawer.count', { count: { kind: 'total', totalMinor: 2300 } });
    l.call('drawer.close', {});
    l.call('day.close', { businessDate: '2026-11-24' });
    const all = rows(l.call('report.csv', { what: 'report', businessDate: '2026-11-24' }).text);
    const drawer = Object.fromEntries(all.filter((r) => r.section === 'drawer').map((r) => [r.item, Number(r.amount_minor)]));
    expect(drawer).toMatchObject({ cash_in: 800, deposits_in: 3000, deposits_out: 1500, expected: 2300, variance: 0 });
    expect(drawer.float! + drawer.cash_in! + drawer.deposits_in! - drawer.deposits_out! + drawer.paid_in! - drawer.paid_out!).toBe(drawer.expected);
  });

  it('exports a closed day from its frozen Z', () => {
    l.call('drawer.count', { count: { kind: 'total', totalMinor: 800 } });
    l.call('drawer.close', {});
    l.call('day.close', { businessDate: '2026-11-24' });
    const csv = l.call('report.csv', { what: 'report', businessDate: '2026-11-24' });
    expect(csv.filename).toBe('aftertab-z0001-2026-11-24.csv');
    expect(rows(csv.text).find((r) => r.item === 'kind')?.detail).toBe('Z');
  });
});
