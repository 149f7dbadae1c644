import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';

function fresh(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 1);
  return db;
}

describe('migration 001: the initial schema', () => {
  it('creates STRICT tables and records version 1', () => {
    const db = fresh();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const tables = db
      .prepare<[], { name: string; strict: number }>("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'")
      .all();
    expect(tables.map((t) => t.name).sort()).toEqual(
      [
        'audit',
        'categories',
        'commands',
        'items',
        'journal_entries',
        'payments',
        'postings',
        'split_parts',
        'staff',
        'store_settings',
        'tab_lines',
        'tab_rate_totals',
        'tabs',
      ].sort(),
    );
    for (const t of tables) expect(t.strict, `${t.name} is STRICT`).toBe(1);
  });

  it('is not applied twice', () => {
    const db = fresh();
    expect(migrate(db, 1)).toBe(1);
    expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'tabs'").get()).toEqual({ n: 1 });
  });

  it.each(['journal_entries', 'postings', 'audit', 'commands'])('the database itself refuses UPDATE and DELETE on %s', (table) => {
    const db = fresh();
    db.prepare("INSERT INTO staff (id, name, role, created_at) VALUES (1, 'O', 'owner', 'x')").run();
    db.prepare("INSERT INTO journal_entries (id, created_at, kind, staff_id) VALUES (1, 'x', 'k', 1)").run();
    db.prepare("INSERT INTO postings (entry_id, account, amount_minor) VALUES (1, 'a', 5)").run();
    db.prepare("INSERT INTO audit (at, staff_id, command, detail) VALUES ('x', 1, 'c', '{}')").run();
    db.prepare("INSERT INTO commands (id, name, payload_hash, result_json, staff_id, at) VALUES ('c1', 'n', 'h', '{}', 1, 'x')").run();
    const column = table === 'postings' ? 'account' : table === 'commands' ? 'name' : table === 'audit' ? 'command' : 'kind';
    expect(() => db.prepare(`UPDATE ${table} SET ${column} = 'changed'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM ${table}`).run()).toThrow(/append-only/);
    // REPLACE deletes the old row first; with recursive triggers (set on every open) that is refused too.
    db.pragma('recursive_triggers = ON');
    const key = table === 'commands' ? "'c1'" : '1';
    const keyColumn = table === 'commands' ? 'id' : 'rowid';
    const row = db.prepare(`SELECT * FROM ${table} WHERE ${keyColumn} = ${key}`).get() as Record<string, unknown>;
    const columns = Object.keys(row);
    expect(() =>
      db.prepare(`INSERT OR REPLACE INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...Object.values(row)),
    ).toThrow(/append-only/);
  });

  it('lets only one open tab hold a token', () => {
    const db = fresh();
    db.prepare("INSERT INTO staff (id, name, role, created_at) VALUES (1, 'O', 'owner', 'x')").run();
    const open = db.prepare("INSERT INTO tabs (token, status, tax_mode, opened_at, opened_by, last_activity_at) VALUES (7, ?, 'inclusive', 'x', 1, 'x')");
    open.run('open');
    open.run('settled');
    expect(() => open.run('open')).toThrow(/UNIQUE/);
  });

  it('answers the hot queries from indexes', () => {
    const db = fresh();
    const plan = (sql: string) =>
      db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all()
        .map((r) => (r as { detail: string }).detail)
        .join(' | ');
    expect(plan("SELECT * FROM tabs WHERE status = 'open'")).toMatch(/USING INDEX tabs_(status|open_token)/);
    // A tab's receivable is read per tab, never by scanning every receivable posting.
    expect(
      plan("SELECT SUM(p.amount_minor) FROM journal_entries e CROSS JOIN postings p ON p.entry_id = e.id WHERE e.tab_id = 1 AND p.account = 'tabs_receivable'"),
    ).toMatch(/^SEARCH e USING COVERING INDEX journal_entries_tab \(tab_id=\?\) \| SEARCH p USING INDEX postings_entry/);
    expect(plan('SELECT * FROM tab_lines WHERE tab_id = 1')).toMatch(/tab_lines_tab/);
    expect(plan('SELECT * FROM payments WHERE tab_id = 1')).toMatch(/payments_tab/);
  });
});
