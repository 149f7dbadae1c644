import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';

function atVersion6(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, 6);
  db.prepare(
    `INSERT INTO store_settings (id, name, currency, locale, tax_mode, tax_rates_json, token_first, token_last, cash_rounding_minor, updated_at)
     VALUES (1, 'Old store', 'EUR', 'en-IE', 'inclusive', '[]', 1, 40, 1, 'x')`,
  ).run();
  return db;
}

describe('migration 007: the share of the bill above which a tip is confirmed', () => {
  it('gives an existing store 30 % and keeps what it had', () => {
    const db = atVersion6();
    expect(migrate(db, 7)).toBe(7);
    expect(db.prepare('SELECT name, currency, amber_minutes, tip_confirm_percent FROM store_settings').get()).toEqual({
      name: 'Old store',
      currency: 'EUR',
      amber_minutes: 45,
      tip_confirm_percent: 30,
    });
  });

  it('holds only a whole percentage from 1 to 1000', () => {
    const db = atVersion6();
    migrate(db, 7);
    const set = db.prepare('UPDATE store_settings SET tip_confirm_percent = ?');
    for (const bad of [0, 1001, -30, 30.5, 'thirty']) expect(() => set.run(bad), String(bad)).toThrow(/CHECK|cannot store/);
    set.run(1);
    set.run(1000);
    expect(db.prepare('SELECT tip_confirm_percent FROM store_settings').pluck().get()).toBe(1000);
  });
});
