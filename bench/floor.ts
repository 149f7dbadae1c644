import type { Account, EntryKind } from '../shared/ledger-vocabulary';
import { applyPragmas, type Db } from '../electron/ledger/open';
import { migrate } from '../electron/ledger/migrate';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The floor: the same five transactions per tab (open, three lines, card settlement with a
 * tip) written with bare prepared statements, producing equivalent rows and balanced postings,
 * with none of the dispatcher's parsing, permission checks, re-reading or result building.
 */
export function openFloorDb(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  applyPragmas(db);
  migrate(db);
  db.prepare("INSERT INTO staff (id, name, role, created_at) VALUES (1, 'Owner', 'owner', ?)").run(new Date().toISOString());
  return db;
}

export function floorRunner(db: Db) {
  const s = {
    openTab: db.prepare("INSERT INTO tabs (token, status, tax_mode, opened_at, opened_by, last_activity_at) VALUES (?, 'open', 'inclusive', ?, 1, ?)"),
    audit: db.prepare('INSERT INTO audit (at, staff_id, command, tab_id, detail) VALUES (?, 1, ?, ?, ?)'),
    command: db.prepare('INSERT INTO commands (id, name, payload_hash, staff_id, at) VALUES (?, ?, ?, 1, ?)'),
    result: db.prepare('INSERT INTO command_results (command_id, result_json) VALUES (?, ?)'),
    touch: db.prepare('UPDATE tabs SET last_activity_at = ? WHERE id = ?'),
    line: db.prepare(
      "INSERT INTO tab_lines (tab_id, name, unit_minor, tax_rate_milli, qty, staff_id, state, created_at) VALUES (?, 'Latte', 440, 10000, 1, 1, 'active', ?)",
    ),
    totals: db.prepare(
      `INSERT INTO tab_rate_totals (tab_id, tax_rate_milli, sales_minor, comps_minor, tax_minor, receivable_minor) VALUES (?, 10000, ?, 0, ?, ?)
       ON CONFLICT (tab_id, tax_rate_milli) DO UPDATE SET sales_minor = excluded.sales_minor, tax_minor = excluded.tax_minor, receivable_minor = excluded.receivable_minor`,
    ),
    // The business day is stamped on each entry, as the ledger does (here from the UTC date).
    entry: db.prepare<[string, EntryKind, number, string, string]>(
      'INSERT INTO journal_entries (created_at, kind, tab_id, staff_id, command_id, business_date) VALUES (?, ?, ?, 1, ?, substr(?, 1, 10))',
    ),
    posting: db.prepare<[number, Account, number]>('INSERT INTO postings (entry_id, account, amount_minor) VALUES (?, ?, ?)'),
    entryLine: db.prepare('INSERT INTO entry_lines (entry_id, line_id) VALUES (?, ?)'),
    payment: db.prepare("INSERT INTO payments (tab_id, entry_id, method, amount_minor, tip_minor, staff_id, created_at) VALUES (?, ?, 'card', ?, ?, 1, ?)"),
    settle: db.prepare("UPDATE tabs SET status = 'settled', closed_at = ?, last_activity_at = ?, closed_business_date = substr(?, 1, 10) WHERE id = ?"),
  };
  const hash = 'f'.repeat(64);
  const open = db.transaction((token: number, now: string) => {
    // Random ids, as callers send them: they land anywhere in the commands index, not at its end.
    const id = randomUUID();
    const tabId = Number(s.openTab.run(token, now, now).lastInsertRowid);
    s.audit.run(now, 'tab.open', tabId, JSON.stringify({ token, name: '', label: '' }));
    s.command.run(id, 'tab.open', hash, now);
    s.result.run(id, resultJson(tabId, token, 0, now));
    return tabId;
  });
  const add = db.transaction((tabId: number, n: number, now: string) => {
    const id = randomUUID();
    const lineId = Number(s.line.run(tabId, now).lastInsertRowid);
    s.totals.run(tabId, 400 * n, 40 * n, 440 * n);
    const entryId = Number(s.entry.run(now, 'line.add', tabId, id, now).lastInsertRowid);
    s.posting.run(entryId, 'tabs_receivable', 440);
    s.posting.run(entryId, 'sales:10', -400);
    s.posting.run(entryId, 'tax_payable:10', -40);
    s.entryLine.run(entryId, lineId);
    s.touch.run(now, tabId);
    s.audit.run(now, 'tab.addLine', tabId, JSON.stringify({ lineId: n, item: 'Latte', qty: 1, unitMinor: 440 }));
    s.command.run(id, 'tab.addLine', hash, now);
    s.result.run(id, resultJson(tabId, 0, n, now));
  });
  const settle = db.transaction((tabId: number, due: number, tip: number, now: string) => {
    const id = randomUUID();
    const entryId = Number(s.entry.run(now, 'payment.card', tabId, id, now).lastInsertRowid);
    s.posting.run(entryId, 'card_clearing', due + tip);
    s.posting.run(entryId, 'tabs_receivable', -due);
    s.posting.run(entryId, 'tips_payable:1', -tip);
    s.payment.run(tabId, entryId, due, tip, now);
    s.settle.run(now, now, now, tabId);
    s.audit.run(now, 'settle.pay', tabId, JSON.stringify({ method: 'card', amountMinor: due, tipMinor: tip, changeMinor: 0, partNo: null, settled: 1 }));
    s.command.run(id, 'settle.pay', hash, now);
    s.result.run(id, resultJson(tabId, 0, 3, now));
  });
  return (token: number) => {
    const now = new Date().toISOString();
    const tabId = open(token, now);
    for (let n = 1; n <= 3; n += 1) add(tabId, n, now);
    settle(tabId, 1320, 200, now);
  };
}

/**
 * A stored result of the same shape and size as the dispatcher's: the floor writes the same
 * bytes to the commands table without computing them from the ledger.
 */
function resultJson(tabId: number, token: number, lines: number, now: string): string {
  const line = (i: number) => ({
    id: i,
    itemId: 4,
    name: 'Latte',
    unitMinor: 440,
    rateMilli: 10000,
    qty: 1,
    staffId: 1,
    staffName: 'Owner',
    state: 'active',
    removeReason: null,
    comp: null,
    listMinor: 440,
    chargedMinor: 440,
    createdAt: now,
  });
  const history = (i: number) => ({ at: now, staffName: 'Owner', action: 'tab.addLine', detail: { lineId: i, item: 'Latte', qty: 1, unitMinor: 440 } });
  return JSON.stringify({
    id: tabId,
    token,
    name: '',
    label: '',
    note: '',
    status: 'open',
    itemCount: lines,
    totalMinor: 440 * lines,
    paidMinor: 0,
    dueMinor: 440 * lines,
    openedAt: now,
    lastActivityAt: now,
    lines: Array.from({ length: lines }, (_, i) => line(i + 1)),
    rates: [{ rateMilli: 10000, netMinor: 400 * lines, taxMinor: 40 * lines, grossMinor: 440 * lines }],
    listMinor: 440 * lines,
    compMinor: 0,
    netMinor: 400 * lines,
    taxMinor: 40 * lines,
    payments: [],
    split: [],
    writeOffReason: null,
    closedAt: null,
    history: Array.from({ length: lines + 1 }, (_, i) => history(i)),
  });
}
