import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { DayReport } from '../../shared/closing-types';
import type { LedgerCheck } from '../../shared/types';
import { registerChainFunctions } from '../ledger/chain';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';
import { reportRows } from './report-csv';

let l: TestLedger;
afterEach(() => l.cleanup());

/**
 * A day with refunds of every kind: a split cash and card tab refunded by line and by amount, a
 * card tab with tips refunded whole with its tips, across two rates, for two reasons; the drawer
 * opened with a float, counted and signed off.
 */
function dayWithRefunds() {
  l = makeLedger('2026-11-24T09:00:00.000Z', { drawer: false });
  l.call('store.update', {
    taxRates: [
      { rateMilli: 10_000, label: 'Standard' },
      { rateMilli: 0, label: 'Zero' },
    ],
  });
  const latte = l.call('catalog.createItem', { categoryId: null, name: 'Latte', kind: 'product', priceMinor: 440, rateMilli: 10_000, expectText: '' }).id;
  const water = l.call('catalog.createItem', { categoryId: null, name: 'Water', kind: 'product', priceMinor: 200, rateMilli: 0, expectText: '' }).id;
  l.call('drawer.open', { float: { kind: 'total', totalMinor: 5000 } });
  const a = l.call('tab.open', {});
  const lineA = l.call('tab.addLine', { tabId: a.id, itemId: latte, qty: 3 }).lineId;
  l.call('tab.addLine', { tabId: a.id, itemId: water, qty: 1 });
  l.call('settle.split', { tabId: a.id, mode: 'amounts', amountsMinor: [700, 820] });
  l.call('settle.pay', { tabId: a.id, method: 'cash', partNo: 1 });
  l.call('settle.pay', { tabId: a.id, method: 'card', partNo: 2 });
  l.advance(60 * 60_000);
  const byLine = l.call('tab.refund', {
    tabId: a.id,
    mode: 'lines',
    lines: [{ lineId: lineA, qty: 2 }],
    tenders: [
      { method: 'cash', amountMinor: 700 },
      { method: 'card', amountMinor: 180 },
    ],
    reason: 'cold',
  });
  const byAmount = l.call('tab.refund', { tabId: a.id, mode: 'amount', amountMinor: 300, reason: 'slow' });
  const b = l.call('tab.open', {});
  l.call('tab.addLine', { tabId: b.id, itemId: latte, qty: 1 });
  l.call('settle.pay', { tabId: b.id, method: 'card', tipMinor: 60 });
  const whole = l.call('tab.refund', { tabId: b.id, mode: 'whole', includeTips: true, reason: 'cold' });
  return { a, b, byLine, byAmount, whole };
}

/** What each account moved on the day, by the journal itself. */
function moved(kind: string | null): Record<string, number> {
  const rows = l.db
    .prepare<[string, string | null, string | null], { account: string; s: number }>(
      'SELECT p.account, SUM(p.amount_minor) AS s FROM journal_entries je JOIN postings p ON p.entry_id = je.id WHERE je.business_date = ? AND (? IS NULL OR je.kind = ?) GROUP BY p.account',
    )
    .all('2026-11-24', kind, kind);
  return Object.fromEntries(rows.map((r) => [r.account, r.s]));
}

describe('the X and Z with refunds', () => {
  it('show refunds by reason and by tender, and every figure is a sum of the day’s postings by account', () => {
    const { byLine, byAmount, whole } = dayWithRefunds();
    const x = l.call('report.x', { businessDate: '2026-11-24' });
    const refunds = moved('refund.issue');
    const tax = Object.entries(refunds)
      .filter(([a]) => a.startsWith('tax_payable:'))
      .reduce((s, [, v]) => s + v, 0);
    const tips = Object.entries(refunds)
      .filter(([a]) => a.startsWith('tips_payable:'))
      .reduce((s, [, v]) => s + v, 0);
    expect(x.refunds).toEqual({
      count: 3,
      amountMinor: refunds.refunds! + tax,
      taxMinor: tax,
      netMinor: refunds.refunds,
      tipMinor: 60,
      givenMinor: -((refunds.cash_drawer ?? 0) + (refunds.card_clearing ?? 0)),
      byReason: [
        { reason: 'cold', count: 2, amountMinor: byLine.receipt.amountMinor + whole.receipt.amountMinor, tipMinor: 60 },
        { reason: 'slow', count: 1, amountMinor: byAmount.receipt.amountMinor, tipMinor: 0 },
      ],
      byMethod: [
        { method: 'cash', count: 1, amountMinor: 700, tipMinor: 0, givenMinor: -refunds.cash_drawer! },
        { method: 'card', count: 3, amountMinor: 180 + 300 + 440, tipMinor: 60, givenMinor: -refunds.card_clearing! },
      ],
    });
    expect(tips).toBe(60);
    expect(x.refunds!.byMethod.reduce((s, m) => s + m.givenMinor, 0)).toBe(x.refunds!.givenMinor);
    expect(x.refunds!.byReason.reduce((s, r) => s + r.amountMinor + r.tipMinor, 0)).toBe(x.refunds!.amountMinor + x.refunds!.tipMinor);

    // Net sales are after refunds; the taxes by rate and the hours add up to them; tax is after the reversal.
    const day = moved(null);
    expect(x.sales.refundsMinor).toBe(day.refunds);
    expect(x.sales.taxMinor).toBe(
      -Object.entries(day)
        .filter(([a]) => a.startsWith('tax_payable:'))
        .reduce((s, [, v]) => s + v, 0),
    );
    expect(x.sales.netMinor).toBe(x.sales.grossMinor - x.sales.compsMinor - (x.sales.loyaltyMinor ?? 0) - day.refunds!);
    expect(x.taxes.reduce((s, t) => s + t.netMinor, 0)).toBe(x.sales.netMinor);
    expect(x.byHour.reduce((s, h) => s + h.netMinor, 0)).toBe(x.sales.netMinor);
    // Each tender's account moved by what payments took less what refunds gave back.
    for (const p of x.payments) {
      const account = { cash: 'cash_drawer', card: 'card_clearing', other: 'other_tender' }[p.method];
      const paid = moved(`payment.${p.method}`)[account] ?? 0;
      expect(p.takenMinor).toBe(paid);
      expect(p.refundedMinor).toBe(0 - (refunds[account] ?? 0) || 0);
    }
    expect(x.actions?.filter((a) => a.kind === 'refund').map((a) => [a.reason, a.amountMinor])).toEqual([
      ['cold', 700 + 180],
      ['slow', 300],
      ['cold', 500],
    ]);
    expect(x.accounts).toContainEqual({ account: 'refunds', movementMinor: day.refunds });
  });

  it('the drawer’s expected cash is its float plus cash taken less cash refunds, and the Z frozen keeps it all', () => {
    dayWithRefunds();
    const drawer = l.call('drawer.get', {});
    expect(drawer.session?.expectedMinor).toBeNull();
    l.call('drawer.count', { count: { kind: 'total', totalMinor: 5000 } });
    const counted = l.call('drawer.get', {}).session!;
    expect(counted).toMatchObject({ floatMinor: 5000, cashInMinor: 700, refundsOutMinor: 700, expectedMinor: 5000, varianceMinor: 0 });
    const balance = l.call('ledger.check', {}).accounts.find((a) => a.account === 'cash_drawer')!.balanceMinor;
    expect(balance).toBe(counted.expectedMinor);
    l.call('drawer.close', {});
    l.setNow('2026-11-25T10:00:00.000Z');
    const z = l.call('day.close', { businessDate: '2026-11-24' });
    expect(z.drawer).toMatchObject({ cashInMinor: 700, refundsOutMinor: 700, expectedMinor: 5000 });
    expect(z.refunds?.count).toBe(3);
    const csv = l.call('report.csv', { what: 'report', businessDate: '2026-11-24' }).text;
    expect(csv).toContain('refunds,refunded,,3,');
    expect(csv).toContain('refunds_by_reason,slow,');
    expect(csv).toContain('refunds_by_method,card,');
    expect(csv).toContain('drawer,refunds_out,,,700,7.00');
    expect(csv).toContain('sales,refunds,');
  });

  it('a Z frozen before refunds had none reads as it was frozen', () => {
    l = makeLedger('2026-11-24T09:00:00.000Z', { drawer: false });
    const item = l.call('catalog.createItem', { categoryId: null, name: 'Tea', kind: 'product', priceMinor: 300, rateMilli: 0, expectText: '' }).id;
    const tab = l.call('tab.open', {});
    l.call('tab.addLine', { tabId: tab.id, itemId: item });
    l.call('settle.pay', { tabId: tab.id, method: 'card' });
    l.setNow('2026-11-25T10:00:00.000Z');
    const z = l.call('day.close', { businessDate: '2026-11-24' });
    // As a Z written before this version froze it: no refunds section, no refund figures.
    const old = JSON.parse(l.db.prepare<[number], { j: string }>('SELECT report_json AS j FROM z_reports WHERE z_number = ?').get(z.zNumber!)!.j) as DayReport;
    delete old.refunds;
    delete old.sales.refundsMinor;
    for (const p of old.payments) delete p.refundedCount;
    const rows = reportRows(old);
    expect(rows.filter((r) => String(r[0]).startsWith('refunds') || (r[0] === 'sales' && r[1] === 'refunds') || r[2] === 'refunded')).toEqual([]);
    // The same day as it is served now lists no refunds, and the frozen Z says none were given.
    expect(l.call('report.csv', { what: 'report', businessDate: '2026-11-24' }).text).toContain('refunds,refunded,,0,');
  });
});

describe('the chain over refunds', () => {
  it('ledger.check names a refund row changed behind the app’s back', () => {
    const { whole } = dayWithRefunds();
    expect(l.call('ledger.check', { full: true }).problems).toEqual([]);
    const editor = new Database(l.file);
    registerChainFunctions(editor);
    for (const { name } of editor.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'refunds'").all())
      editor.exec(`DROP TRIGGER ${name}`);
    editor.prepare("UPDATE refunds SET reason = 'customer asked' WHERE id = ?").run(whole.refundId);
    editor.close();
    const result = l.raw('ledger.check', { full: true }, null);
    if (!result.ok) throw new Error(result.error.message);
    const check = result.value as LedgerCheck;
    expect(check.chain.broken).toMatch(new RegExp(`refund #${whole.refundId}\\): the row or its chain record was changed`));
  });

  it('ledger.check names a refund tender slipped in with a sqlite3 shell, and one giving back more than was paid', () => {
    const { b } = dayWithRefunds();
    const editor = new Database(l.file);
    registerChainFunctions(editor);
    for (const table of ['refund_tenders', 'refunds']) {
      for (const { name } of editor
        .prepare<[string], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND name NOT LIKE '%_chain'")
        .all(table))
        editor.exec(`DROP TRIGGER ${name}`);
    }
    const last = editor.prepare<[], { id: number }>('SELECT max(id) AS id FROM refunds').get()!.id;
    editor.prepare("INSERT INTO refund_tenders (refund_id, method, amount_minor, tip_minor) VALUES (?, 'other', 500, 0)").run(last);
    editor.close();
    const result = l.raw('ledger.check', {}, null);
    if (!result.ok) throw new Error(result.error.message);
    const problems = (result.value as LedgerCheck).problems;
    expect(problems).toContain(`tab #${b.id} (token ${b.token}) was refunded beyond what was paid on it`);
    expect(problems).toContain(`refund #${last} does not match its parts or its journal entry`);
  });
});
