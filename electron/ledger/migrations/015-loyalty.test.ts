import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { registerChainFunctions, verifyChain } from '../chain';
import { migrate } from '../migrate';
import { m015Loyalty } from './015-loyalty';

const BEFORE = m015Loyalty.version - 1;
let db: Database.Database;
afterEach(() => db.close());

/** A ledger one version before 015 with a customer and an open tab. */
function beforeLoyalty(): Database.Database {
  const made = new Database(':memory:');
  expect(migrate(made, BEFORE)).toBe(BEFORE);
  registerChainFunctions(made);
  made.prepare("INSERT INTO staff (id, name, role, created_at) VALUES (1, 'O', 'owner', 'x')").run();
  made.prepare("INSERT INTO customers (id, name, name_key, created_at, updated_at) VALUES (1, 'Ana', 'ana', 'x', 'x')").run();
  made
    .prepare(
      "INSERT INTO tabs (id, token, status, tax_mode, opened_at, opened_by, last_activity_at, customer_id) VALUES (1, 1, 'open', 'inclusive', 'x', 1, 'x', 1)",
    )
    .run();
  made.prepare('INSERT INTO tab_rate_totals VALUES (1, 10000, 400, 0, 40, 440)').run();
  return made;
}

const movement = (on: Database.Database) =>
  on.prepare("INSERT INTO loyalty_movements (customer_id, tab_id, scheme, kind, units, reverses_id, staff_id, at) VALUES (1, 1, 'stamps', ?, ?, ?, 1, 'x')");

describe('migration 015: loyalty', () => {
  it('starts with loyalty off, no balances, and the chain whole', () => {
    db = beforeLoyalty();
    expect(migrate(db, m015Loyalty.version)).toBe(m015Loyalty.version);
    expect(db.prepare("SELECT dflt_value AS d FROM pragma_table_info('store_settings') WHERE name = 'loyalty_scheme'").get()).toEqual({ d: "'off'" });
    expect(db.prepare('SELECT loyalty_minor FROM tab_rate_totals').all()).toEqual([{ loyalty_minor: 0 }]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM loyalty_movements').get()).toEqual({ n: 0 });
    expect(verifyChain(db).broken).toBeNull();
  });

  it('keeps movements append-only, and a reversal gives back exactly what it names, once', () => {
    db = beforeLoyalty();
    migrate(db, m015Loyalty.version);
    const earn = Number(movement(db).run('earn', 3, null).lastInsertRowid);
    expect(() => db.prepare('UPDATE loyalty_movements SET units = 30').run()).toThrow(/only ever added/);
    expect(() => db.prepare('DELETE FROM loyalty_movements').run()).toThrow(/only ever added/);
    expect(() => movement(db).run('earn', -3, null)).toThrow(/CHECK/);
    expect(() => movement(db).run('redeem', -9, null)).toThrow(/CHECK/);
    expect(() => movement(db).run('reverse', -2, earn)).toThrow(/gives back exactly/);
    const back = Number(movement(db).run('reverse', -3, earn).lastInsertRowid);
    expect(() => movement(db).run('reverse', -3, earn)).toThrow(/UNIQUE/);
    expect(() => movement(db).run('reverse', 3, back)).toThrow(/gives back exactly/);
    expect(db.prepare('SELECT SUM(units) AS s FROM loyalty_movements').get()).toEqual({ s: 0 });
    expect(() => db.prepare('INSERT INTO loyalty_postings VALUES (1, 10000, 100, 9, 100, 90)').run()).toThrow(/CHECK|FOREIGN/);
  });
});
