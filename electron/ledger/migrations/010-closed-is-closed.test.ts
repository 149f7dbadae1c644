import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../migrate';

const DAY = '2026-11-24';
let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/**
 * A version 10 ledger in a file, reopened with a plain connection as a sqlite3 shell would be
 * (recursive_triggers off), holding an owner, one tab with a line and a rate total, and a Z
 * counter of nothing: the rules must hold here, not only on the app's own connection.
 */
function atVersion10(): Database.Database {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-m010-'));
  dirs.push(dir);
  const file = path.join(dir, 'ledger.sqlite');
  const made = new Database(file);
  expect(migrate(made, 10)).toBe(10);
  made.close();
  const db = new Database(file);
  expect(db.pragma('recursive_triggers', { simple: true })).toBe(0);
  // Only to keep the test quick: durability is not what is tested here.
  db.pragma('synchronous = OFF');
  db.prepare("INSERT INTO staff (id, name, role, created_at) VALUES (1, 'O', 'owner', 'x')").run();
  db.prepare(
    `INSERT INTO tabs (id, token, status, tax_mode, opened_at, opened_by, last_activity_at) VALUES (1, 7, 'open', 'inclusive', '${DAY}T08:00:00.000Z', 1, 'x')`,
  ).run();
  db.prepare(
    "INSERT INTO tab_lines (id, tab_id, name, unit_minor, tax_rate_milli, qty, staff_id, state, created_at) VALUES (1, 1, 'Latte', 440, 10000, 1, 1, 'active', 'x')",
  ).run();
  db.prepare('INSERT INTO tab_rate_totals VALUES (1, 10000, 400, 0, 40, 440)').run();
  return db;
}

const entry = (db: Database.Database, id: number, at: string) =>
  db.prepare("INSERT INTO journal_entries (id, created_at, kind, tab_id, staff_id, business_date) VALUES (?, ?, 'k', 1, 1, ?)").run(id, at, DAY);
const pay = (db: Database.Database, id: number, at: string) => {
  entry(db, id, at);
  db.prepare("INSERT INTO payments (id, tab_id, entry_id, method, amount_minor, tip_minor, staff_id, created_at) VALUES (?, 1, ?, 'card', 220, 0, 1, ?)").run(
    id,
    id,
    at,
  );
};
const settle = (db: Database.Database, at: string) =>
  db.prepare("UPDATE tabs SET status = 'settled', closed_at = ?, last_activity_at = ?, closed_business_date = ? WHERE id = 1").run(at, at, DAY);
const voidPayment = (db: Database.Database, paymentId: number, at: string) => {
  entry(db, 100 + paymentId, at);
  db.prepare("INSERT INTO payment_voids (payment_id, entry_id, reason, staff_id, at) VALUES (?, ?, 'wrong card', 1, ?)").run(paymentId, 100 + paymentId, at);
};
const reopen = (db: Database.Database, at: string) =>
  db.prepare("UPDATE tabs SET status = 'open', closed_at = NULL, close_reason = NULL, closed_business_date = NULL, last_activity_at = ? WHERE id = 1").run(at);
const closeDay = (db: Database.Database, closedAt: string, date = DAY) =>
  db
    .prepare(
      "INSERT INTO z_reports (z_number, business_date, closed_at, closed_by, last_entry_id, report_json) VALUES ((SELECT coalesce(max(z_number), 0) + 1 FROM z_reports), ?, ?, 1, 0, '{}')",
    )
    .run(date, closedAt);
const tab = (db: Database.Database) => db.prepare('SELECT * FROM tabs WHERE id = 1').get();

describe('migration 010: closed is closed', () => {
  it('closes the hole version 9 left: there INSERT OR REPLACE rewrote a posting without recursive triggers', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-m009-'));
    dirs.push(dir);
    const db = new Database(path.join(dir, 'ledger.sqlite'));
    migrate(db, 9);
    db.prepare("INSERT INTO staff (id, name, role, created_at) VALUES (1, 'O', 'owner', 'x')").run();
    db.prepare(`INSERT INTO journal_entries (id, created_at, kind, staff_id, business_date) VALUES (1, 'x', 'k', 1, '${DAY}')`).run();
    db.prepare("INSERT INTO postings (id, entry_id, account, amount_minor) VALUES (1, 1, 'cash_drawer', 5)").run();
    db.prepare("INSERT OR REPLACE INTO postings (id, entry_id, account, amount_minor) VALUES (1, 1, 'cash_drawer', 500)").run();
    expect(db.prepare('SELECT amount_minor FROM postings').pluck().get()).toBe(500);
    expect(migrate(db, 10)).toBe(10);
    expect(() => db.prepare("INSERT OR REPLACE INTO postings (id, entry_id, account, amount_minor) VALUES (1, 1, 'cash_drawer', 5)").run()).toThrow(
      /postings already holds this key/,
    );
    expect(db.prepare('SELECT amount_minor FROM postings').pluck().get()).toBe(500);
  });

  it('lets an open tab change as before, its totals upserted, and refuses every change once it is settled', () => {
    const db = atVersion10();
    db.prepare('UPDATE tab_lines SET qty = 2 WHERE id = 1').run();
    db.prepare(
      'INSERT INTO tab_rate_totals VALUES (1, 10000, 800, 0, 80, 880) ON CONFLICT (tab_id, tax_rate_milli) DO UPDATE SET sales_minor = excluded.sales_minor, receivable_minor = excluded.receivable_minor',
    ).run();
    db.prepare('INSERT INTO split_parts (tab_id, part_no, amount_minor) VALUES (1, 1, 440), (1, 2, 440)').run();
    db.prepare('DELETE FROM split_parts WHERE tab_id = 1 AND part_no = 2').run();
    pay(db, 1, `${DAY}T09:00:00.000Z`);
    db.prepare('UPDATE split_parts SET payment_id = 1 WHERE tab_id = 1 AND part_no = 1').run();
    settle(db, `${DAY}T09:00:00.000Z`);

    const rows = () => ['tabs', 'tab_lines', 'tab_rate_totals', 'split_parts', 'payments'].map((t) => db.prepare(`SELECT * FROM ${t}`).all());
    const frozen = rows();
    expect(() => db.prepare('UPDATE tab_lines SET qty = 3 WHERE id = 1').run()).toThrow(/closed is closed: tab_lines of a settled/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO tab_lines (tab_id, name, unit_minor, tax_rate_milli, qty, staff_id, state, created_at) VALUES (1, 'Cake', 350, 10000, 1, 1, 'active', 'x')",
        )
        .run(),
    ).toThrow(/closed is closed: tab_lines/);
    expect(() => db.prepare('UPDATE tab_rate_totals SET sales_minor = 0').run()).toThrow(/closed is closed: tab_rate_totals/);
    expect(() =>
      db.prepare('INSERT INTO tab_rate_totals VALUES (1, 10000, 1, 0, 0, 1) ON CONFLICT (tab_id, tax_rate_milli) DO UPDATE SET sales_minor = 1').run(),
    ).toThrow(/closed is closed/);
    expect(() => db.prepare('UPDATE split_parts SET payment_id = NULL').run()).toThrow(/closed is closed: split_parts/);
    expect(() => db.prepare('DELETE FROM split_parts').run()).toThrow(/closed is closed: split_parts/);
    expect(() => db.prepare('INSERT OR REPLACE INTO split_parts (tab_id, part_no, amount_minor) VALUES (1, 1, 1)').run()).toThrow(
      /closed is closed: split_parts/,
    );
    expect(() => pay(db, 2, `${DAY}T09:01:00.000Z`)).toThrow(/closed is closed: payments/);
    expect(() => db.prepare("UPDATE tabs SET note = 'edited' WHERE id = 1").run()).toThrow(/closed is closed: a settled/);
    expect(() => db.prepare('DELETE FROM tabs WHERE id = 1').run()).toThrow(/tabs rows are never deleted/);
    expect(rows()).toEqual(frozen);
  });

  it('reopens a settled tab only through a void of its last payment recorded at that moment, within 10 minutes, before the Z', () => {
    const db = atVersion10();
    pay(db, 1, `${DAY}T09:00:00.000Z`);
    settle(db, `${DAY}T09:00:00.000Z`);
    const settled = tab(db);
    // No void at all: a settled tab does not reopen.
    expect(() => reopen(db, `${DAY}T09:05:00.000Z`)).toThrow(/closed is closed: a settled/);
    // The void is one millisecond past the tenth minute.
    voidPayment(db, 1, `${DAY}T09:10:00.001Z`);
    expect(() => reopen(db, `${DAY}T09:10:00.001Z`)).toThrow(/closed is closed/);
    expect(tab(db)).toEqual(settled);

    const db2 = atVersion10();
    pay(db2, 1, `${DAY}T09:00:00.000Z`);
    settle(db2, `${DAY}T09:00:00.000Z`);
    voidPayment(db2, 1, `${DAY}T09:10:00.000Z`);
    // Not at the void's moment, or with the tab's rating changed along the way: refused.
    expect(() => reopen(db2, `${DAY}T09:11:00.000Z`)).toThrow(/closed is closed/);
    expect(() =>
      db2
        .prepare("UPDATE tabs SET status = 'open', closed_at = NULL, closed_business_date = NULL, last_activity_at = ?, rating = 'happy' WHERE id = 1")
        .run(`${DAY}T09:10:00.000Z`),
    ).toThrow(/closed is closed/);
    // The tenth minute still counts.
    reopen(db2, `${DAY}T09:10:00.000Z`);
    expect(tab(db2)).toMatchObject({ status: 'open', closed_at: null, closed_business_date: null });
  });

  it('refuses the reopen once a Z has closed the tab’s day, and a void of an earlier payment never reopens', () => {
    const db = atVersion10();
    pay(db, 1, `${DAY}T09:00:00.000Z`);
    settle(db, `${DAY}T09:00:00.000Z`);
    voidPayment(db, 1, `${DAY}T09:02:00.000Z`);
    closeDay(db, `${DAY}T09:01:00.000Z`, '2026-11-23');
    closeDay(db, `${DAY}T09:03:00.000Z`);
    expect(() => reopen(db, `${DAY}T09:02:00.000Z`)).toThrow(/closed is closed/);

    const db2 = atVersion10();
    pay(db2, 1, `${DAY}T09:00:00.000Z`);
    pay(db2, 2, `${DAY}T09:01:00.000Z`);
    settle(db2, `${DAY}T09:01:00.000Z`);
    voidPayment(db2, 1, `${DAY}T09:02:00.000Z`);
    expect(() => reopen(db2, `${DAY}T09:02:00.000Z`)).toThrow(/closed is closed/);
  });

  it('lets a settled or written-off tab be rated until the Z, and nothing else with it', () => {
    const db = atVersion10();
    settle(db, `${DAY}T09:00:00.000Z`);
    db.prepare("UPDATE tabs SET rating = 'happy' WHERE id = 1").run();
    expect(() => db.prepare("UPDATE tabs SET rating = 'okay', last_activity_at = 'y' WHERE id = 1").run()).toThrow(/closed is closed/);
    closeDay(db, `${DAY}T18:00:00.000Z`);
    expect(() => db.prepare("UPDATE tabs SET rating = 'unhappy' WHERE id = 1").run()).toThrow(/closed is closed/);
    expect(tab(db)).toMatchObject({ status: 'settled', rating: 'happy', last_activity_at: `${DAY}T09:00:00.000Z` });
  });

  it('keeps a replay result until a Z after its command, and never changes one', () => {
    const db = atVersion10();
    const command = db.prepare("INSERT INTO commands (id, name, payload_hash, staff_id, at) VALUES (?, 'tab.open', 'h', 1, ?)");
    const result = db.prepare("INSERT INTO command_results (command_id, result_json) VALUES (?, '{}')");
    for (const [id, at] of [
      ['early', `${DAY}T09:00:00.000Z`],
      ['at-z', `${DAY}T18:00:00.000Z`],
    ]) {
      command.run(id, at);
      result.run(id);
    }
    const remove = db.prepare('DELETE FROM command_results WHERE command_id = ?');
    expect(() => remove.run('early')).toThrow(/deleted only by a Z/);
    closeDay(db, `${DAY}T18:00:00.000Z`);
    expect(() => db.prepare('UPDATE command_results SET result_json = \'{"forged":1}\'').run()).toThrow(/command_results is append-only/);
    expect(() => db.prepare("INSERT OR REPLACE INTO command_results (command_id, result_json) VALUES ('at-z', '{\"forged\":1}')").run()).toThrow(
      /already holds this key/,
    );
    expect(() => remove.run('at-z')).toThrow(/deleted only by a Z/);
    expect(remove.run('early').changes).toBe(1);
    expect(db.prepare('SELECT command_id, result_json FROM command_results').all()).toEqual([{ command_id: 'at-z', result_json: '{}' }]);
  });

  it('lets a drawer session change until it is signed off, and never deletes one', () => {
    const db = atVersion10();
    const open = db.prepare("INSERT INTO drawer_sessions (status, opened_at, opened_by, float_minor, after_entry_id) VALUES ('open', 'x', 1, 0, 0)");
    const id = Number(open.run().lastInsertRowid);
    expect(() => open.run()).toThrow(/drawer_sessions already holds this key/);
    db.prepare("UPDATE drawer_sessions SET status = 'counted', counted_minor = 100 WHERE id = ?").run(id);
    expect(() => db.prepare('DELETE FROM drawer_sessions').run()).toThrow(/drawer_sessions rows are never deleted/);
    db.prepare("UPDATE drawer_sessions SET status = 'closed', closed_at = 'y' WHERE id = ?").run(id);
    expect(() => db.prepare('UPDATE drawer_sessions SET counted_minor = 0').run()).toThrow(/signed-off drawer session never changes/);
    expect(() =>
      db
        .prepare("INSERT OR REPLACE INTO drawer_sessions (id, status, opened_at, opened_by, float_minor, after_entry_id) VALUES (?, 'closed', 'x', 1, 0, 0)")
        .run(id),
    ).toThrow(/drawer_sessions already holds this key/);
    expect(db.prepare('SELECT status, counted_minor FROM drawer_sessions').all()).toEqual([{ status: 'closed', counted_minor: 100 }]);
  });

  it.each([
    ['journal_entries', "INSERT OR REPLACE INTO journal_entries (id, created_at, kind, staff_id, business_date) VALUES (1, 'x', 'forged', 1, '2026-11-25')"],
    ['postings', "INSERT OR REPLACE INTO postings (id, entry_id, account, amount_minor) VALUES (1, 1, 'forged', 1)"],
    ['audit', "INSERT OR REPLACE INTO audit (id, at, staff_id, command, detail) VALUES (1, 'x', 1, 'forged', '{}')"],
    ['commands', "INSERT OR REPLACE INTO commands (id, name, payload_hash, staff_id, at) VALUES ('c1', 'forged', 'h', 1, 'x')"],
    ['entry_lines', 'INSERT OR REPLACE INTO entry_lines (entry_id, line_id) VALUES (1, 1)'],
    ['comp_postings', "INSERT OR REPLACE INTO comp_postings (id, entry_id, tax_rate_milli, reason, amount_minor) VALUES (1, 1, 10000, 'forged', 1)"],
    [
      'drawer_movements',
      "INSERT OR REPLACE INTO drawer_movements (id, session_id, kind, amount_minor, reason, entry_id, staff_id, at) VALUES (1, 1, 'paid_in', 1, 'forged', 1, 1, 'x')",
    ],
    [
      'payments',
      "INSERT OR REPLACE INTO payments (id, tab_id, entry_id, method, amount_minor, tip_minor, staff_id, created_at) VALUES (1, 1, 1, 'cash', 1, 0, 1, 'x')",
    ],
    ['payment_voids', "INSERT OR REPLACE INTO payment_voids (payment_id, entry_id, reason, staff_id, at) VALUES (2, 2, 'forged', 1, 'x')"],
    [
      'z_reports',
      "INSERT OR REPLACE INTO z_reports (z_number, business_date, closed_at, closed_by, last_entry_id, report_json) VALUES (7, '2026-11-20', 'x', 1, 0, '{}')",
    ],
    [
      'tab_lines',
      "INSERT OR REPLACE INTO tab_lines (id, tab_id, name, unit_minor, tax_rate_milli, qty, staff_id, state, created_at) VALUES (1, 1, 'Latte', 0, 10000, 1, 1, 'active', 'x')",
    ],
    [
      'tabs',
      "INSERT OR REPLACE INTO tabs (id, token, status, tax_mode, opened_at, opened_by, last_activity_at) VALUES (2, 7, 'open', 'inclusive', 'x', 1, 'x')",
    ],
  ])('refuses INSERT OR REPLACE over an existing key of %s without recursive triggers', (table, replace) => {
    const db = atVersion10();
    db.prepare(
      "INSERT INTO journal_entries (id, created_at, kind, tab_id, staff_id, business_date) VALUES (1, 'x', 'k', 1, 1, '2026-11-21'), (2, 'x', 'k', 1, 1, '2026-11-21')",
    ).run();
    db.prepare("INSERT INTO postings (id, entry_id, account, amount_minor) VALUES (1, 1, 'cash_drawer', 5), (2, 1, 'sales', -5)").run();
    db.prepare("INSERT INTO audit (id, at, staff_id, command, detail) VALUES (1, 'x', 1, 'tab.open', '{}')").run();
    db.prepare("INSERT INTO commands (id, name, payload_hash, staff_id, at) VALUES ('c1', 'tab.open', 'h', 1, 'x')").run();
    db.prepare('INSERT INTO entry_lines (entry_id, line_id) VALUES (1, 1)').run();
    db.prepare("INSERT INTO comp_postings (id, entry_id, tax_rate_milli, reason, amount_minor) VALUES (1, 1, 10000, 'burnt', 40)").run();
    db.prepare("INSERT INTO drawer_sessions (id, status, opened_at, opened_by, float_minor, after_entry_id) VALUES (1, 'open', 'x', 1, 0, 0)").run();
    db.prepare(
      "INSERT INTO drawer_movements (id, session_id, kind, amount_minor, reason, entry_id, staff_id, at) VALUES (1, 1, 'paid_in', 500, 'change', 1, 1, 'x')",
    ).run();
    db.prepare(
      "INSERT INTO payments (id, tab_id, entry_id, method, amount_minor, tip_minor, staff_id, created_at) VALUES (1, 1, 1, 'card', 440, 0, 1, 'x')",
    ).run();
    db.prepare("INSERT INTO payment_voids (payment_id, entry_id, reason, staff_id, at) VALUES (1, 2, 'wrong card', 1, 'x')").run();
    db.prepare(
      "INSERT INTO z_reports (z_number, business_date, closed_at, closed_by, last_entry_id, report_json) VALUES (1, '2026-11-20', 'x', 1, 0, '{}')",
    ).run();
    const before = db.prepare(`SELECT * FROM ${table}`).all();
    expect(() => db.prepare(replace).run()).toThrow(new RegExp(`${table} already holds this key`));
    expect(db.prepare(`SELECT * FROM ${table}`).all()).toEqual(before);
  });
});
