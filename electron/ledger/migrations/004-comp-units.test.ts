import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';

function atVersion3(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 3);
  db.prepare("INSERT INTO staff (id, name, role, created_at) VALUES (1, 'O', 'owner', 'x')").run();
  db.prepare("INSERT INTO tabs (id, token, status, tax_mode, opened_at, opened_by, last_activity_at) VALUES (1, 1, 'open', 'inclusive', 'x', 1, 'x')").run();
  const line = db.prepare(
    "INSERT INTO tab_lines (id, tab_id, name, unit_minor, tax_rate_milli, qty, staff_id, state, comp_kind, comp_value, comp_reason, created_at) VALUES (?, 1, ?, 440, 10000, ?, 1, 'active', ?, ?, ?, 'x')",
  );
  line.run(1, 'Latte', 3, 'percent', 50, 'cold');
  line.run(2, 'Cake', 2, null, null, null);
  return db;
}

describe('migration 004: a comp covers some units of its line', () => {
  it('gives an earlier comp every unit of its line and leaves an uncomped line without one', () => {
    const db = atVersion3();
    expect(migrate(db, 4)).toBe(4);
    expect(db.prepare('SELECT id, comp_qty FROM tab_lines ORDER BY id').all()).toEqual([
      { id: 1, comp_qty: 3 },
      { id: 2, comp_qty: null },
    ]);
  });

  it('refuses comped units beyond the line or below one, and a quantity below its comped units', () => {
    const db = atVersion3();
    migrate(db, 4);
    expect(() => db.prepare('UPDATE tab_lines SET comp_qty = 4 WHERE id = 1').run()).toThrow(/CHECK constraint/);
    expect(() => db.prepare('UPDATE tab_lines SET comp_qty = 0 WHERE id = 1').run()).toThrow(/CHECK constraint/);
    expect(() => db.prepare('UPDATE tab_lines SET qty = 2 WHERE id = 1').run()).toThrow(/CHECK constraint/);
    expect(db.prepare('UPDATE tab_lines SET qty = 2, comp_qty = 2 WHERE id = 1').run().changes).toBe(1);
  });
});
