import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { registerChainFunctions, verifyChain } from '../chain';
import { migrate } from '../migrate';
import { m014Appointments } from './014-appointments';

let db: Database.Database;
afterEach(() => db.close());

/** A ledger at 014 with a store, an owner, a customer, a service and a deposit.take entry to point at. */
function atAppointments(): Database.Database {
  const made = new Database(':memory:');
  expect(migrate(made, m014Appointments.version - 1)).toBe(m014Appointments.version - 1);
  registerChainFunctions(made);
  made
    .prepare(
      "INSERT INTO store_settings (id, name, currency, locale, tax_mode, tax_rates_json, token_first, token_last, cash_rounding_minor, updated_at) VALUES (1, 'S', 'EUR', 'en-IE', 'inclusive', '[]', 1, 40, 1, 'x')",
    )
    .run();
  expect(migrate(made, m014Appointments.version)).toBe(m014Appointments.version);
  made.prepare("INSERT INTO staff (id, name, role, created_at) VALUES (1, 'O', 'owner', 'x')").run();
  made.prepare("INSERT INTO customers (id, name, name_key, created_at, updated_at) VALUES (1, 'Ana', 'ana', 'x', 'x')").run();
  made.prepare("INSERT INTO journal_entries (id, created_at, kind, staff_id, memo, business_date) VALUES (1, 'x', 'deposit.take', 1, '', '2026-11-24')").run();
  return made;
}

const deposit = (over: Record<string, unknown> = {}) => {
  const row = { take_entry_id: 1, from_deposit_id: null, method: 'card', amount_minor: 1000, drawer_session_id: null, ...over };
  return db
    .prepare(
      `INSERT INTO deposits (customer_id, amount_minor, method, status, take_entry_id, from_deposit_id, taken_at, taken_business_date, held_business_date, taken_by, drawer_session_id)
       VALUES (1, @amount_minor, @method, 'held', @take_entry_id, @from_deposit_id, 'x', '2026-11-24', '2026-11-24', 1, @drawer_session_id)`,
    )
    .run(row);
};

describe('migration 014: appointments and deposits', () => {
  it('gives the store Monday to Saturday 09:00 to 18:00, no deposit, 24 free hours and a full forfeit, and keeps the chain whole', () => {
    db = atAppointments();
    const s = db.prepare('SELECT opening_hours_json, deposit_mode, free_cancel_hours, forfeit_percent FROM store_settings').get() as Record<
      string,
      string | number
    >;
    expect(JSON.parse(String(s.opening_hours_json))).toEqual([...Array.from({ length: 6 }, () => ({ open: 540, close: 1080 })), null]);
    expect(s).toMatchObject({ deposit_mode: 'none', free_cancel_hours: 24, forfeit_percent: 100 });
    expect(() => db.prepare("UPDATE store_settings SET deposit_mode = 'some'").run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE store_settings SET forfeit_percent = 101').run()).toThrow(/CHECK/);
    expect(verifyChain(db).broken).toBeNull();
  });

  it('keeps a deposit whole: parts add up when closed, a closed one never changes, none is deleted', () => {
    db = atAppointments();
    expect(() => deposit({ amount_minor: 0 })).toThrow(/CHECK/);
    expect(() => deposit({ method: 'cash' })).toThrow(/CHECK/);
    deposit();
    expect(() =>
      db.prepare("UPDATE deposits SET status = 'closed', applied_minor = 500, closed_at = 'y', closed_business_date = '2026-11-24' WHERE id = 1").run(),
    ).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE deposits SET amount_minor = 2000 WHERE id = 1').run()).toThrow(/closed is closed/);
    db.prepare(
      "UPDATE deposits SET status = 'closed', applied_minor = 600, refunded_minor = 400, closed_at = 'y', closed_business_date = '2026-11-24' WHERE id = 1",
    ).run();
    expect(() => db.prepare('UPDATE deposits SET tab_id = NULL, reason = ? WHERE id = 1').run('x')).toThrow(/closed is closed/);
    expect(() => db.prepare('DELETE FROM deposits WHERE id = 1').run()).toThrow(/never deleted/);
    // The same take entry cannot be named twice; a kept rest names none and points at its deposit.
    expect(() => deposit()).toThrow(/UNIQUE/);
    deposit({ take_entry_id: null, from_deposit_id: 1 });
    expect(() => deposit({ take_entry_id: null })).toThrow(/CHECK/);
  });
});
