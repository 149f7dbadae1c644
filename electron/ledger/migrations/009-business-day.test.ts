import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';

describe('migration 009: a time zone or day boundary waiting for the next Z', () => {
  it('gives an existing store nothing pending and keeps its rules', () => {
    const db = new Database(':memory:');
    migrate(db, 8);
    db.prepare(
      `INSERT INTO store_settings (id, name, currency, locale, tax_mode, tax_rates_json, token_first, token_last, cash_rounding_minor, updated_at, time_zone, day_boundary_minutes)
       VALUES (1, 'Old store', 'EUR', 'en-IE', 'inclusive', '[]', 1, 40, 1, 'x', 'Europe/Dublin', 300)`,
    ).run();
    expect(migrate(db, 9)).toBe(9);
    expect(db.prepare('SELECT time_zone, day_boundary_minutes, next_time_zone, next_day_boundary_minutes FROM store_settings').get()).toEqual({
      time_zone: 'Europe/Dublin',
      day_boundary_minutes: 300,
      next_time_zone: null,
      next_day_boundary_minutes: null,
    });
    const set = db.prepare('UPDATE store_settings SET next_day_boundary_minutes = ?');
    for (const bad of [-1, 1440]) expect(() => set.run(bad), String(bad)).toThrow(/CHECK/);
    set.run(1439);
  });
});
