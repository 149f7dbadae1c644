import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';

function atVersion2(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 2);
  db.prepare(
    `INSERT INTO store_settings (id, name, currency, locale, tax_mode, tax_rates_json, token_first, token_last, cash_rounding_minor, updated_at)
     VALUES (1, 'Old store', 'EUR', 'en-IE', 'inclusive', '[]', 1, 40, 1, 'x')`,
  ).run();
  db.prepare("INSERT INTO staff (id, name, role, created_at) VALUES (1, 'O', 'owner', 'x')").run();
  // A tab with a latte and a half-comped cake, posted as version 2 posted it, paid and settled at 02:30 UTC.
  db.prepare(
    "INSERT INTO tabs (id, token, status, tax_mode, opened_at, opened_by, last_activity_at, closed_at) VALUES (1, 1, 'settled', 'inclusive', '2026-11-23T20:00:00.000Z', 1, 'x', '2026-11-24T02:30:00.000Z')",
  ).run();
  const line = db.prepare(
    "INSERT INTO tab_lines (tab_id, name, unit_minor, tax_rate_milli, qty, staff_id, state, comp_kind, comp_value, comp_reason, created_at) VALUES (1, ?, ?, 10000, 1, 1, 'active', ?, ?, ?, 'x')",
  );
  line.run('Latte', 440, null, null, null);
  line.run('Cake', 350, 'percent', 50, 'dry');
  db.prepare("INSERT INTO journal_entries (id, created_at, kind, tab_id, staff_id) VALUES (1, '2026-11-23T20:00:00.000Z', 'line.add', 1, 1)").run();
  db.prepare("INSERT INTO journal_entries (id, created_at, kind, tab_id, staff_id) VALUES (2, '2026-11-24T02:30:00.000Z', 'line.comp', 1, 1)").run();
  const post = db.prepare('INSERT INTO postings (entry_id, account, amount_minor) VALUES (?, ?, ?)');
  // 790 list: sales 718, tax 72; a 175 comp leaves 615 charged: tax 56, comps 159.
  for (const [entry, account, amount] of [
    [1, 'tabs_receivable', 790],
    [1, 'sales:10', -718],
    [1, 'tax_payable:10', -72],
    [2, 'tabs_receivable', -175],
    [2, 'comps', 159],
    [2, 'tax_payable:10', 16],
  ] as const) {
    post.run(entry, account, amount);
  }
  db.prepare('INSERT INTO tab_rate_totals VALUES (1, 10000, 718, 159, 56, 615)').run();
  return db;
}

describe('migration 003: closing the day', () => {
  it('puts every earlier entry and closed tab on the business day its time falls in (04:00 boundary)', () => {
    const db = atVersion2();
    expect(migrate(db, 3)).toBe(3);
    expect(db.prepare('SELECT id, business_date FROM journal_entries ORDER BY id').all()).toEqual([
      { id: 1, business_date: '2026-11-23' },
      { id: 2, business_date: expect.stringMatching(/^2026-11-2[34]$/) },
    ]);
    expect(db.prepare('SELECT closed_business_date FROM tabs').get()).toEqual({ closed_business_date: expect.stringMatching(/^2026-11-2[34]$/) });
    expect(db.prepare('SELECT day_boundary_minutes AS b, z_number_floor AS f FROM store_settings').get()).toEqual({ b: 240, f: 0 });
  });

  it('attributes comps already posted to their reasons, to the minor unit', () => {
    const db = atVersion2();
    migrate(db, 3);
    expect(db.prepare('SELECT entry_id, reason, amount_minor FROM comp_postings').all()).toEqual([{ entry_id: 2, reason: 'dry', amount_minor: 159 }]);
    expect(db.prepare('SELECT reason, comps_minor FROM tab_comp_totals').all()).toEqual([{ reason: 'dry', comps_minor: 159 }]);
  });

  it('keeps the journal append-only and refuses a posting into a closed day', () => {
    const db = atVersion2();
    migrate(db, 3);
    expect(() => db.prepare("UPDATE journal_entries SET memo = 'x'").run()).toThrow(/append-only/);
    db.prepare("INSERT INTO z_reports VALUES (1, '2026-11-24', 'x', 1, 2, '{}')").run();
    const insert = db.prepare("INSERT INTO journal_entries (created_at, kind, staff_id, business_date) VALUES ('x', 'k', 1, ?)");
    expect(() => insert.run('2026-11-24')).toThrow(/closed/);
    expect(() => insert.run('2026-11-20')).toThrow(/closed/);
    expect(() => insert.run('')).toThrow(/closed or missing/);
    expect(insert.run('2026-11-25').changes).toBe(1);
    db.prepare("INSERT INTO drawer_sessions (id, status, opened_at, opened_by, float_minor, after_entry_id) VALUES (1, 'open', 'x', 1, 0, 0)").run();
    db.prepare(
      "INSERT INTO drawer_movements (session_id, kind, amount_minor, reason, entry_id, staff_id, at) VALUES (1, 'paid_out', 5, 'milk', 1, 1, 'x')",
    ).run();
    for (const table of ['z_reports', 'drawer_movements', 'comp_postings']) {
      expect(() => db.prepare(`UPDATE ${table} SET rowid = rowid`).run(), table).toThrow(/append-only/);
      expect(() => db.prepare(`DELETE FROM ${table}`).run(), table).toThrow(/append-only/);
    }
  });

  it('moves replay results out of the command log, which is keyed by its id and stays append-only', () => {
    const db = atVersion2();
    db.prepare("INSERT INTO commands (id, name, payload_hash, result_json, staff_id, at) VALUES ('cmd-00000001', 'tab.open', 'h', '{\"id\":1}', 1, 'x')").run();
    migrate(db, 3);
    expect(db.prepare('SELECT * FROM commands').all()).toEqual([{ id: 'cmd-00000001', name: 'tab.open', payload_hash: 'h', staff_id: 1, at: 'x' }]);
    expect(db.prepare('SELECT * FROM command_results').all()).toEqual([{ command_id: 'cmd-00000001', result_json: '{"id":1}' }]);
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'commands'").get()).toEqual({ sql: expect.stringContaining('WITHOUT ROWID') });
    expect(() => db.prepare("UPDATE commands SET name = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM commands').run()).toThrow(/append-only/);
    expect(() => db.prepare("INSERT INTO command_results VALUES ('no-such-command', '{}')").run()).toThrow(/FOREIGN KEY/);
  });

  it('allows one drawer session that is not closed', () => {
    const db = atVersion2();
    migrate(db, 3);
    const open = db.prepare("INSERT INTO drawer_sessions (status, opened_at, opened_by, float_minor, after_entry_id) VALUES (?, 'x', 1, 0, 0)");
    open.run('closed');
    open.run('open');
    expect(() => open.run('counted')).toThrow(/UNIQUE/);
    open.run('closed');
    const strict = db.prepare<[], { name: string; strict: number }>(
      "SELECT name, strict FROM pragma_table_list WHERE name IN ('z_reports', 'drawer_sessions', 'drawer_movements', 'comp_postings', 'tab_comp_totals')",
    );
    expect(strict.all().map((t) => t.strict)).toEqual([1, 1, 1, 1, 1]);
  });

  it('finds a day by its index and a drawer by the journal key, not by scanning', () => {
    const db = atVersion2();
    migrate(db, 3);
    const indexes = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index'")
      .all()
      .map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['journal_entries_day', 'payments_entry', 'tabs_closed_day']));
    expect(indexes).not.toContain('postings_account');
    const plan = (sql: string) =>
      db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all()
        .map((r) => r.detail)
        .join(' | ');
    expect(
      plan(
        `SELECT je.kind, p.account, SUM(p.amount_minor) FROM journal_entries je CROSS JOIN postings p ON p.entry_id = je.id WHERE je.business_date = '2026-11-24' GROUP BY je.kind, p.account`,
      ),
    ).toMatch(/journal_entries_day.*postings_entry/);
    expect(
      plan(
        `SELECT je.kind, SUM(p.amount_minor) FROM journal_entries je CROSS JOIN postings p ON p.entry_id = je.id WHERE je.id > 5 AND je.id <= 9 AND p.account = 'cash_drawer' GROUP BY je.kind`,
      ),
    ).toMatch(/SEARCH je USING INTEGER PRIMARY KEY.*postings_entry/);
  });
});
