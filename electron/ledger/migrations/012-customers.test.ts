import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { registerChainFunctions, verifyChain } from '../chain';
import { migrate } from '../migrate';
import { m012Customers } from './012-customers';

const BEFORE = m012Customers.version - 1;
let db: Database.Database;
afterEach(() => db.close());

/** A ledger one version before 012 with an open tab and a settled one. */
function beforeCustomers(): Database.Database {
  const made = new Database(':memory:');
  expect(migrate(made, BEFORE)).toBe(BEFORE);
  registerChainFunctions(made);
  made.prepare("INSERT INTO staff (id, name, role, created_at) VALUES (1, 'O', 'owner', 'x')").run();
  const tab = made.prepare(
    "INSERT INTO tabs (id, token, status, tax_mode, opened_at, opened_by, last_activity_at) VALUES (?, ?, 'open', 'inclusive', 'x', 1, 'x')",
  );
  tab.run(1, 1);
  tab.run(2, 2);
  made.prepare("UPDATE tabs SET status = 'settled', closed_at = 'y', closed_business_date = '2026-11-24' WHERE id = 2").run();
  return made;
}

const customer = (id: number, name: string) =>
  db.prepare("INSERT INTO customers (id, name, name_key, created_at, updated_at) VALUES (?, ?, lower(?), 'x', 'x')").run(id, name, name);

describe('migration 012: customers', () => {
  it('adds profiles and tabs.customer_id, leaving every tab without one and the chain whole', () => {
    db = beforeCustomers();
    expect(migrate(db, m012Customers.version)).toBe(m012Customers.version);
    expect(db.prepare('SELECT id, customer_id FROM tabs ORDER BY id').all()).toEqual([
      { id: 1, customer_id: null },
      { id: 2, customer_id: null },
    ]);
    expect(verifyChain(db).broken).toBeNull();
  });

  it('attaches a customer to an open tab only: a closed tab keeps the one it closed with', () => {
    db = beforeCustomers();
    migrate(db, m012Customers.version);
    customer(1, 'Ana');
    db.prepare('UPDATE tabs SET customer_id = 1 WHERE id = 1').run();
    expect(() => db.prepare('UPDATE tabs SET customer_id = 1 WHERE id = 2').run()).toThrow(/closed tab keeps its customer/);
    expect(() => db.prepare('UPDATE tabs SET customer_id = 99 WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
  });

  it('never deletes a profile, keeps a merge archived and never into itself, and keeps an erased one erased', () => {
    db = beforeCustomers();
    migrate(db, m012Customers.version);
    customer(1, 'Ana');
    customer(2, 'Ana L');
    expect(() => db.prepare('DELETE FROM customers WHERE id = 1').run()).toThrow(/never deleted/);
    expect(() => db.prepare('UPDATE customers SET merged_into = 1 WHERE id = 2').run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE customers SET merged_into = 1, archived_at = 'z' WHERE id = 1").run()).toThrow(/CHECK/);
    db.prepare("UPDATE customers SET merged_into = 1, archived_at = 'z' WHERE id = 2").run();
    expect(() => db.prepare("UPDATE customers SET phone = '555 1234', erased_at = 'z' WHERE id = 1").run()).toThrow(/CHECK/);
    db.prepare("UPDATE customers SET name = 'Erased customer', erased_at = 'z' WHERE id = 1").run();
    expect(() => db.prepare("UPDATE customers SET name = 'Ana' WHERE id = 1").run()).toThrow(/stays erased/);
    expect(() => db.prepare('UPDATE customers SET erased_at = NULL WHERE id = 1').run()).toThrow(/stays erased/);
  });
});
