import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';

/** A version 7 ledger as a store left it: settings, an owner and a manager, one entry and its audit row. */
function atVersion7(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 7);
  db.prepare(
    `INSERT INTO store_settings (id, name, currency, locale, tax_mode, tax_rates_json, token_first, token_last, cash_rounding_minor, updated_at)
     VALUES (1, 'Old store', 'EUR', 'en-IE', 'inclusive', '[]', 1, 40, 1, 'x')`,
  ).run();
  db.prepare("INSERT INTO staff (id, name, role, created_at) VALUES (1, 'Owner', 'owner', 'x'), (2, 'Mia', 'manager', 'x')").run();
  db.prepare(
    "INSERT INTO journal_entries (id, created_at, kind, tab_id, staff_id, business_date) VALUES (1, '2026-11-24T09:00:00Z', 'drawer.open', NULL, 1, '2026-11-24')",
  ).run();
  db.prepare("INSERT INTO audit (at, staff_id, command, tab_id, detail) VALUES ('2026-11-24T09:00:00Z', 1, 'drawer.open', NULL, '{}')").run();
  return db;
}

describe('migration 008: staff PINs, approvers and the approval thresholds', () => {
  it('gives an existing ledger the columns and their defaults, and keeps what it had', () => {
    const db = atVersion7();
    expect(migrate(db, 8)).toBe(8);
    // No one has a PIN yet: the owner is asked for one at the next start.
    expect(db.prepare('SELECT id, name, role, active, pin_hash, failed_pins, locked_until, archived_at FROM staff ORDER BY id').all()).toEqual([
      { id: 1, name: 'Owner', role: 'owner', active: 1, pin_hash: null, failed_pins: 0, locked_until: null, archived_at: null },
      { id: 2, name: 'Mia', role: 'manager', active: 1, pin_hash: null, failed_pins: 0, locked_until: null, archived_at: null },
    ]);
    expect(db.prepare('SELECT id, kind, staff_id, approved_by FROM journal_entries').all()).toEqual([
      { id: 1, kind: 'drawer.open', staff_id: 1, approved_by: null },
    ]);
    expect(db.prepare('SELECT command, staff_id, approved_by, command_id FROM audit').all()).toEqual([
      { command: 'drawer.open', staff_id: 1, approved_by: null, command_id: null },
    ]);
    expect(
      db
        .prepare('SELECT name, tip_confirm_percent, idle_lock_minutes, approval_comp_percent, approval_comp_minor, tip_approval_percent FROM store_settings')
        .get(),
    ).toEqual({
      name: 'Old store',
      tip_confirm_percent: 30,
      idle_lock_minutes: 5,
      approval_comp_percent: 20,
      approval_comp_minor: 500,
      tip_approval_percent: 100,
    });
    const indexes = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit'")
      .all()
      .map((row) => row.name);
    expect(indexes).toEqual(expect.arrayContaining(['audit_at', 'audit_staff']));
  });

  it('holds each setting to its range, and a wrong-PIN count to zero or more', () => {
    const db = atVersion7();
    migrate(db, 8);
    const refused: [string, unknown[]][] = [
      ['idle_lock_minutes', [0, 241, -5, 2.5, 'five']],
      ['approval_comp_percent', [-1, 101, 20.5]],
      ['approval_comp_minor', [-1, 1.5, 'five hundred']],
      ['tip_approval_percent', [0, 1001, 99.9]],
    ];
    for (const [column, values] of refused) {
      const set = db.prepare(`UPDATE store_settings SET ${column} = ?`);
      for (const bad of values) expect(() => set.run(bad), `${column} = ${String(bad)}`).toThrow(/CHECK|cannot store/);
    }
    db.prepare('UPDATE store_settings SET idle_lock_minutes = 240, approval_comp_percent = 0, approval_comp_minor = 0, tip_approval_percent = 1000').run();
    expect(db.prepare('SELECT idle_lock_minutes, approval_comp_percent, approval_comp_minor, tip_approval_percent FROM store_settings').get()).toEqual({
      idle_lock_minutes: 240,
      approval_comp_percent: 0,
      approval_comp_minor: 0,
      tip_approval_percent: 1000,
    });
    expect(() => db.prepare('UPDATE staff SET failed_pins = -1 WHERE id = 1').run()).toThrow(/CHECK/);
    db.prepare("UPDATE staff SET failed_pins = 4, locked_until = '2026-11-24T09:05:00Z' WHERE id = 1").run();
    expect(db.prepare('SELECT failed_pins, locked_until FROM staff WHERE id = 1').get()).toEqual({ failed_pins: 4, locked_until: '2026-11-24T09:05:00Z' });
  });

  it('names an approver only among the staff, and keeps the journal and the audit append-only', () => {
    const db = atVersion7();
    migrate(db, 8);
    const entry = db.prepare(
      "INSERT INTO journal_entries (created_at, kind, tab_id, staff_id, business_date, approved_by) VALUES ('2026-11-24T09:10:00Z', 'drawer.move', NULL, 1, '2026-11-24', ?)",
    );
    expect(() => entry.run(99)).toThrow(/FOREIGN KEY/);
    entry.run(2);
    const audit = db.prepare(
      "INSERT INTO audit (at, staff_id, command, tab_id, detail, approved_by, command_id) VALUES ('2026-11-24T09:10:00Z', 1, 'drawer.move', NULL, '{}', ?, 'cmd-00000001')",
    );
    expect(() => audit.run(99)).toThrow(/FOREIGN KEY/);
    audit.run(2);
    expect(() => db.prepare('UPDATE journal_entries SET approved_by = 1 WHERE approved_by = 2').run()).toThrow(/append-only/);
    expect(() => db.prepare('UPDATE audit SET approved_by = 1 WHERE approved_by = 2').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
  });
});
