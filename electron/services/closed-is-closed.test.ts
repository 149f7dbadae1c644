import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerChainFunctions } from '../ledger/chain';
import { ledgerPath } from '../ledger/open';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';
import { detail } from '../test-support/tab-detail';

const MIN = 60_000;
let l: TestLedger;
let attacker: Database.Database;
afterEach(() => {
  attacker?.close();
  l.cleanup();
});

type Day1 = { split: number; voided: number; walkout: number; emptied: number; carried: number; voidedPayment: number; zClosedAt: string };
let day1: Day1;
let items: { latte: number; cake: number };

/**
 * A day traded through the services and closed by a Z: a tab rung up, changed, comped, split
 * and paid in two parts; a card payment voided within minutes (reopening its tab) and taken
 * again; a walkout; a tab voided as opened by mistake; a paid in; a tab left open over the Z.
 */
function tradeDay1(): Day1 {
  l.call('store.update', { currency: 'EUR', taxRates: [{ rateMilli: 10_000, label: 'Standard' }], cashRoundingMinor: 1 });
  const item = (name: string, priceMinor: number) =>
    l.call('catalog.createItem', { categoryId: null, name, kind: 'product', priceMinor, rateMilli: 10_000, expectText: '' }).id;
  items = { latte: item('Latte', 440), cake: item('Cake', 350) };
  const split = l.call('tab.open', { name: 'Ana' }).id;
  const latte = l.call('tab.addLine', { tabId: split, itemId: items.latte }).lineId;
  l.call('tab.setQty', { tabId: split, lineId: latte, qty: 3 });
  const cake = l.call('tab.addLine', { tabId: split, itemId: items.cake }).lineId;
  l.call('tab.compLine', { tabId: split, lineId: cake, kind: 'percent', value: 100, reason: 'burnt' });
  // The cake line is comped, so two more cakes are a line of their own.
  const extra = l.call('tab.addLine', { tabId: split, itemId: items.cake, qty: 2 }).lineId;
  expect(extra).not.toBe(cake);
  l.call('tab.removeLine', { tabId: split, lineId: extra, reason: 'wrong order' });
  l.call('settle.split', { tabId: split, mode: 'even', parts: 2 });
  l.call('settle.pay', { tabId: split, method: 'card', partNo: 1 });
  expect(l.call('settle.pay', { tabId: split, method: 'cash', partNo: 2, tenderedMinor: 1000 }).settled).toBe(true);

  const voided = l.call('tab.open', {}).id;
  l.call('tab.addLine', { tabId: voided, itemId: items.latte });
  const paid = l.call('settle.pay', { tabId: voided, method: 'card' });
  l.advance(3 * MIN);
  expect(l.call('settle.voidLastPayment', { tabId: voided, paymentId: paid.payment.id, reason: 'wrong tab' }).status).toBe('open');
  expect(l.call('settle.pay', { tabId: voided, method: 'cash' }).settled).toBe(true);
  l.call('settle.rate', { tabId: voided, rating: 'happy' });

  const walkout = l.call('tab.open', {}).id;
  l.call('tab.addLine', { tabId: walkout, itemId: items.latte });
  // Its unpaid parts go with the write-off, before the tab closes.
  l.call('settle.split', { tabId: walkout, mode: 'even', parts: 2 });
  expect(l.call('tab.writeOff', { tabId: walkout, reason: 'walked out' }).status).toBe('written_off');
  expect(detail(l, walkout).split).toEqual([]);
  const emptied = l.call('tab.open', {}).id;
  l.call('tab.void', { tabId: emptied, reason: 'opened by mistake' });
  const carried = l.call('tab.open', { name: 'Dee' }).id;
  l.call('tab.addLine', { tabId: carried, itemId: items.latte });
  l.call('drawer.move', { kind: 'paid_in', amountMinor: 500, reason: 'change' });

  l.setNow('2026-11-24T18:00:00.000Z');
  l.call('drawer.count', { count: { kind: 'total', totalMinor: 0 } });
  l.call('drawer.close', { varianceReason: 'banked before the count' });
  l.setNow('2026-11-24T18:30:00.000Z');
  l.call('day.close', { businessDate: '2026-11-24' });
  return { split, voided, walkout, emptied, carried, voidedPayment: paid.payment.id, zClosedAt: '2026-11-24T18:30:00.000Z' };
}

/** A plain connection to the ledger file, as a sqlite3 shell would open it, knowing the chain's SQL function. */
function openAttacker(): Database.Database {
  const db = new Database(ledgerPath(l.dir));
  expect(db.pragma('recursive_triggers', { simple: true })).toBe(0);
  // The chain's triggers call a plain SHA-256 by name; supplying it is the least an attacker does,
  // so a refusal below comes from the closed rules, not from a missing function.
  registerChainFunctions(db);
  return db;
}

beforeEach(() => {
  l = makeLedger('2026-11-24T09:00:00.000Z');
  day1 = tradeDay1();
  attacker = openAttacker();
});

type Target = { table: string; where: string; set: string; update: RegExp; delete: RegExp; replace: RegExp; change: [string, unknown] };

const appendOnly = (table: string, where: string, set: string, change: [string, unknown], replace = new RegExp(`${table} already holds this key`)): Target => ({
  table,
  where,
  set,
  update: new RegExp(`${table} is append-only: rows are never updated`),
  delete: new RegExp(`${table} is append-only: rows are never deleted`),
  replace,
  change,
});

/** Every way at the row from a plain connection is refused, and the row is as it was. */
function expectRefused(t: Target): void {
  const select = attacker.prepare(`SELECT * FROM ${t.table} WHERE ${t.where}`);
  const before = select.all() as Record<string, unknown>[];
  expect(before.length, `${t.table} rows under attack`).toBeGreaterThan(0);
  expect(() => attacker.prepare(`UPDATE ${t.table} SET ${t.set} WHERE ${t.where}`).run(), `UPDATE ${t.table}`).toThrow(t.update);
  expect(() => attacker.prepare(`DELETE FROM ${t.table} WHERE ${t.where}`).run(), `DELETE ${t.table}`).toThrow(t.delete);
  const row = { ...before[0], [t.change[0]]: t.change[1] };
  const columns = Object.keys(row);
  const replace = attacker.prepare(`INSERT OR REPLACE INTO ${t.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  expect(() => replace.run(...Object.values(row)), `INSERT OR REPLACE ${t.table}`).toThrow(t.replace);
  expect(select.all(), `${t.table} after the attack`).toEqual(before);
}

const closedTab = (table: string, deleteRule: RegExp): Pick<Target, 'update' | 'delete' | 'replace'> => ({
  update: new RegExp(`closed is closed: ${table} of a settled, written-off or voided tab`),
  delete: deleteRule,
  replace: new RegExp(`closed is closed: ${table}|${table} already holds this key`),
});

describe('closed is closed, from a plain sqlite3 connection', () => {
  it('refuses to change the rows of tabs settled, written off or voided on a closed day', () => {
    const { split, voided, walkout, emptied } = day1;
    const entryOf = attacker.prepare<[number], { id: number }>("SELECT id FROM journal_entries WHERE tab_id = ? AND kind = 'line.comp'").get(split)!.id;
    const targets: Target[] = [
      ...[split, voided, walkout, emptied].map((id): Target => ({
        table: 'tabs',
        where: `id = ${id}`,
        set: "status = 'open', closed_at = NULL",
        ...closedTab('tabs', /tabs rows are never deleted/),
        update: /closed is closed: a settled/,
        replace: /tabs already holds this key/,
        change: ['note', 'edited'],
      })),
      {
        table: 'tab_lines',
        where: `tab_id = ${split}`,
        set: 'qty = qty + 1',
        ...closedTab('tab_lines', /tab_lines rows are never deleted/),
        change: ['unit_minor', 0],
      },
      {
        table: 'tab_rate_totals',
        where: `tab_id = ${split}`,
        set: 'sales_minor = 0',
        ...closedTab('tab_rate_totals', /tab_rate_totals rows are never deleted/),
        change: ['receivable_minor', 0],
      },
      {
        table: 'tab_comp_totals',
        where: `tab_id = ${split}`,
        set: 'comps_minor = 0',
        ...closedTab('tab_comp_totals', /tab_comp_totals rows are never deleted/),
        change: ['comps_minor', 1],
      },
      {
        table: 'split_parts',
        where: `tab_id = ${split}`,
        set: 'payment_id = NULL',
        ...closedTab('split_parts', /closed is closed: split_parts/),
        change: ['amount_minor', 1],
      },
      appendOnly(
        'payments',
        `tab_id IN (${split}, ${voided})`,
        'amount_minor = 1',
        ['amount_minor', 1],
        /payments already holds this key|closed is closed: payments/,
      ),
      appendOnly('payment_voids', `payment_id = ${day1.voidedPayment}`, "reason = 'forged'", ['reason', 'forged']),
      appendOnly('comp_postings', `entry_id = ${entryOf}`, 'amount_minor = 1', ['amount_minor', 1]),
      appendOnly('entry_lines', `entry_id = ${entryOf}`, 'line_id = 0', ['line_id', 0]),
    ];
    for (const target of targets) expectRefused(target);
  });

  it('refuses to change any row of the closed day: journal, audit, commands, results, the Z and the drawer', () => {
    const day = "business_date = '2026-11-24'";
    const entries = `entry_id IN (SELECT id FROM journal_entries WHERE ${day})`;
    const commandAt = attacker.prepare<[], { id: string }>("SELECT id FROM commands WHERE name = 'day.close'").get()!.id;
    const targets: Target[] = [
      appendOnly('journal_entries', day, "memo = 'forged'", ['memo', 'forged'], /journal_entries already holds this key|business day is closed/),
      appendOnly('postings', entries, 'amount_minor = amount_minor * 10', ['amount_minor', 1]),
      appendOnly('audit', "at < '2026-11-24T18:31'", "detail = '{}'", ['detail', '{}']),
      appendOnly('commands', "at < '2026-11-24T18:31'", "name = 'forged'", ['name', 'forged']),
      appendOnly('z_reports', day, "report_json = '{}'", ['report_json', '{}']),
      appendOnly('drawer_movements', "at < '2026-11-24T18:31'", 'amount_minor = 1', ['amount_minor', 1]),
      {
        table: 'drawer_sessions',
        where: day,
        set: 'counted_minor = expected_minor',
        update: /a signed-off drawer session never changes/,
        delete: /drawer_sessions rows are never deleted/,
        replace: /drawer_sessions already holds this key/,
        change: ['counted_minor', 0],
      },
      {
        // The Z's own result: its command is not before the last Z, so not even a Z may prune it yet.
        table: 'command_results',
        where: `command_id = '${commandAt}'`,
        set: 'result_json = \'{"forged":1}\'',
        update: /command_results is append-only: rows are never updated/,
        delete: /command_results are deleted only by a Z/,
        replace: /command_results already holds this key/,
        change: ['result_json', '{"forged":1}'],
      },
    ];
    for (const target of targets) expectRefused(target);
  });

  it('refuses to change a tab settled today before the Z, except its rating, and never reopens it without a void', () => {
    l.setNow('2026-11-25T09:00:00.000Z');
    l.call('drawer.open', { float: { kind: 'total', totalMinor: 0 } });
    const tab = l.call('tab.open', {}).id;
    l.call('tab.addLine', { tabId: tab, itemId: items.latte });
    l.call('settle.pay', { tabId: tab, method: 'card' });
    const where = `id = ${tab}`;
    expectRefused({
      table: 'tabs',
      where,
      set: "status = 'open', closed_at = NULL, closed_business_date = NULL",
      update: /closed is closed: a settled/,
      delete: /tabs rows are never deleted/,
      replace: /tabs already holds this key/,
      change: ['note', 'x'],
    });
    expectRefused({
      table: 'tab_lines',
      where: `tab_id = ${tab}`,
      set: 'qty = 2',
      ...closedTab('tab_lines', /tab_lines rows are never deleted/),
      change: ['qty', 2],
    });
    // The app's own connection, with recursive triggers on, is held to the same rules.
    expect(() => l.db.prepare('UPDATE tab_lines SET qty = 2 WHERE tab_id = ?').run(tab)).toThrow(/closed is closed: tab_lines/);
    attacker.prepare(`UPDATE tabs SET rating = 'okay' WHERE ${where}`).run();
    expect(l.call('tab.get', { tabId: tab })).toMatchObject({ status: 'settled', rating: 'okay' });
  });
});

describe('closed is closed, through the services', () => {
  it('lets an open tab carried over the Z change as before, and settle', () => {
    l.setNow('2026-11-25T09:00:00.000Z');
    l.call('drawer.open', { float: { kind: 'total', totalMinor: 0 } });
    const { carried } = day1;
    const line = l.call('tab.addLine', { tabId: carried, itemId: items.latte }).lineId;
    expect(detail(l, carried).lines[0]).toMatchObject({ id: line, qty: 2 });
    l.call('tab.setQty', { tabId: carried, lineId: line, qty: 3 });
    const cake = l.call('tab.addLine', { tabId: carried, itemId: items.cake }).lineId;
    l.call('tab.compLine', { tabId: carried, lineId: cake, kind: 'amount', value: 100, reason: 'late' });
    l.call('tab.removeLine', { tabId: carried, lineId: cake, reason: 'never came' });
    l.call('settle.split', { tabId: carried, mode: 'even', parts: 3 });
    l.call('settle.clearSplit', { tabId: carried });
    l.call('settle.split', { tabId: carried, mode: 'even', parts: 2 });
    const first = l.call('settle.pay', { tabId: carried, method: 'card', partNo: 1 });
    l.call('settle.voidLastPayment', { tabId: carried, paymentId: first.payment.id, reason: 'wrong card' });
    l.call('settle.pay', { tabId: carried, method: 'cash', partNo: 1 });
    const last = l.call('settle.pay', { tabId: carried, method: 'cash', partNo: 2 });
    expect(last).toMatchObject({ settled: true, tab: { status: 'settled', dueMinor: 0, paidMinor: 1320 } });
    // Settled by its last part, then voided within the window: it reopens and its part is owed again.
    l.advance(9 * MIN);
    const reopened = l.call('settle.voidLastPayment', { tabId: carried, paymentId: last.payment.id, reason: 'paid twice' });
    expect(reopened).toMatchObject({ status: 'open', dueMinor: 660 });
    expect(reopened.split.map((p) => [p.partNo, p.paymentId !== null])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(l.call('settle.pay', { tabId: carried, method: 'card', partNo: 2 }).settled).toBe(true);
  });

  it('refuses to rate a tab once the Z has closed its day, in words', () => {
    const error = l.fail('settle.rate', { tabId: day1.voided, rating: 'unhappy' });
    expect(error).toMatchObject({ code: 'day_closed', message: 'this tab was closed on 2026-11-24, which is closed (Z 1); its rating can no longer change' });
  });

  it('lets the next Z prune exactly the replay results older than the Z before it', () => {
    const counts = () =>
      attacker
        .prepare<[string, string], { before: number; after: number }>(
          'SELECT sum(c.at < ?) AS before, sum(c.at >= ?) AS after FROM command_results r JOIN commands c ON c.id = r.command_id',
        )
        .get(day1.zClosedAt, day1.zClosedAt)!;
    const kept = counts();
    expect(kept.before).toBeGreaterThan(20);
    // Pruning them now is the next Z's to do, not anyone's.
    expect(() => attacker.prepare('DELETE FROM command_results').run()).toThrow(/deleted only by a Z/);
    l.setNow('2026-11-25T09:00:00.000Z');
    l.call('tab.open', {});
    l.setNow('2026-11-25T18:30:00.000Z');
    l.call('day.close', { businessDate: '2026-11-25' });
    expect(counts()).toEqual({ before: 0, after: kept.after + 2 });
  });
});
