import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';

/** A version 5 ledger with one card payment on a settled tab. */
function atVersion5(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 5);
  db.prepare("INSERT INTO staff (id, name, role, created_at) VALUES (1, 'O', 'owner', 'x')").run();
  db.prepare("INSERT INTO tabs (id, token, status, tax_mode, opened_at, opened_by, last_activity_at) VALUES (1, 1, 'settled', 'inclusive', 'x', 1, 'x')").run();
  const entry = db.prepare("INSERT INTO journal_entries (id, created_at, kind, tab_id, staff_id, business_date) VALUES (?, 'x', ?, 1, 1, '2026-11-24')");
  entry.run(1, 'payment.card');
  entry.run(2, 'payment.void');
  db.prepare(
    "INSERT INTO payments (id, tab_id, entry_id, method, amount_minor, tip_minor, staff_id, created_at) VALUES (1, 1, 1, 'card', 440, 0, 1, 'x')",
  ).run();
  return db;
}

describe('migration 006: payment voids', () => {
  it('adds a STRICT table where a payment is voided at most once, by one entry, with a reason', () => {
    const db = atVersion5();
    expect(migrate(db, 6)).toBe(6);
    expect(db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'payment_voids'").get()).toEqual({ strict: 1 });
    const insert = db.prepare("INSERT INTO payment_voids (payment_id, entry_id, reason, staff_id, at) VALUES (?, ?, ?, 1, 'x')");
    expect(() => insert.run(1, 2, '')).toThrow(/CHECK/);
    expect(() => insert.run(9, 2, 'wrong card')).toThrow(/FOREIGN KEY/);
    insert.run(1, 2, 'wrong card');
    expect(() => insert.run(1, 2, 'again')).toThrow(/UNIQUE/);
  });

  it('keeps voids append-only', () => {
    const db = atVersion5();
    migrate(db, 6);
    db.prepare("INSERT INTO payment_voids (payment_id, entry_id, reason, staff_id, at) VALUES (1, 2, 'wrong card', 1, 'x')").run();
    expect(() => db.prepare("UPDATE payment_voids SET reason = 'other'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM payment_voids').run()).toThrow(/append-only/);
  });
});
