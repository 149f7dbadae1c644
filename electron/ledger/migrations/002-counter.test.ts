import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';

describe('migration 002: the counter', () => {
  it('adds thresholds and terms with defaults to an existing store, and a rating to tabs', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    db.prepare(
      `INSERT INTO store_settings (id, name, currency, locale, tax_mode, tax_rates_json, token_first, token_last, cash_rounding_minor, updated_at)
       VALUES (1, 'Old store', 'EUR', 'en-IE', 'inclusive', '[]', 1, 40, 1, 'x')`,
    ).run();
    expect(migrate(db, 2)).toBe(2);
    expect(db.prepare('SELECT name, amber_minutes, red_minutes, pay_after_terms FROM store_settings').get()).toEqual({
      name: 'Old store',
      amber_minutes: 45,
      red_minutes: 90,
      pay_after_terms: "Pay at the counter when you're done. Not happy? Tell us.",
    });
    const columns = db
      .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('tabs')")
      .all()
      .map((c) => c.name);
    expect(columns).toContain('rating');
    db.prepare("INSERT INTO staff (id, name, role, created_at) VALUES (1, 'O', 'owner', 'x')").run();
    const insert = db.prepare(
      "INSERT INTO tabs (token, status, tax_mode, opened_at, opened_by, last_activity_at, rating) VALUES (1, 'settled', 'inclusive', 'x', 1, 'x', ?)",
    );
    insert.run('happy');
    expect(() => insert.run('ecstatic')).toThrow(/CHECK/);
  });
});
