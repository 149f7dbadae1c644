import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { registerChainFunctions, verifyChain } from '../chain';
import { migrate } from '../migrate';
import { m016Receipts } from './016-receipts';

const BEFORE = m016Receipts.version - 1;
const CLOSED_AT = '2026-11-24T10:00:00.000Z';
let db: Database.Database;
afterEach(() => db.close());

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);

/** A ledger one version before 016 with a store, an owner and tab 1 settled for 4.40 (a tab settled before receipts). */
function beforeReceipts(): Database.Database {
  const made = new Database(':memory:');
  expect(migrate(made, BEFORE)).toBe(BEFORE);
  registerChainFunctions(made);
  made
    .prepare(
      "INSERT INTO store_settings (id, name, currency, locale, tax_mode, tax_rates_json, token_first, token_last, cash_rounding_minor, updated_at) VALUES (1, 'S', 'EUR', 'en-IE', 'inclusive', '[]', 1, 40, 1, 'x')",
    )
    .run();
  made.prepare("INSERT INTO staff (id, name, role, created_at) VALUES (1, 'O', 'owner', 'x')").run();
  openTab(made, 1, 440);
  settle(made, 1);
  return made;
}

function openTab(on: Database.Database, id: number, total: number): void {
  on.prepare("INSERT INTO tabs (id, token, status, tax_mode, opened_at, opened_by, last_activity_at) VALUES (?, ?, 'open', 'inclusive', 'x', 1, 'x')").run(
    id,
    id,
  );
  on.prepare('INSERT INTO tab_rate_totals (tab_id, tax_rate_milli, sales_minor, comps_minor, tax_minor, receivable_minor) VALUES (?, 10000, ?, 0, ?, ?)').run(
    id,
    total - total / 11,
    total / 11,
    total,
  );
}

function settle(on: Database.Database, id: number): void {
  on.prepare("UPDATE tabs SET status = 'settled', closed_at = ?, closed_business_date = '2026-11-24' WHERE id = ?").run(CLOSED_AT, id);
}

type Receipt = { number: number; tab?: number; total?: number; at?: string; date?: string; replaces?: number | null };
const issue = ({ number, tab = 2, total = 1100, at = CLOSED_AT, date = '2026-11-24', replaces = null }: Receipt) =>
  db
    .prepare('INSERT INTO receipts (receipt_number, tab_id, business_date, issued_at, total_minor, staff_id, replaces) VALUES (?, ?, ?, ?, ?, 1, ?)')
    .run(number, tab, date, at, total, replaces);

describe('migration 016: receipts', () => {
  it('gives the store an empty receipt header in English, numbers no tab settled before it, and keeps the chain whole', () => {
    db = beforeReceipts();
    expect(migrate(db, m016Receipts.version)).toBe(m016Receipts.version);
    expect(db.prepare('SELECT legal_name, address_json, tax_number, logo, language, receipt_number_floor FROM store_settings').get()).toEqual({
      legal_name: '',
      address_json: '[]',
      tax_number: '',
      logo: null,
      language: 'en',
      receipt_number_floor: 0,
    });
    expect(db.prepare('SELECT COUNT(*) AS n FROM receipts').get()).toEqual({ n: 0 });
    expect(verifyChain(db).broken).toBeNull();
  });

  it('keeps the header within its limits: a PNG or JPEG of at most 128 KB, four address lines, the three languages', () => {
    db = beforeReceipts();
    migrate(db, m016Receipts.version);
    const set = (column: string, value: unknown) => db.prepare(`UPDATE store_settings SET ${column} = ?`).run(value);
    set('logo', PNG);
    set('logo', JPEG);
    set('logo', null);
    expect(() => set('logo', Buffer.from('GIF89a'))).toThrow(/CHECK/);
    expect(() => set('logo', Buffer.concat([PNG, Buffer.alloc(128 * 1024)]))).toThrow(/CHECK/);
    // A data URL is not what the ledger keeps: the picture's bytes are.
    expect(() => set('logo', 'data:image/png;base64,iVBORw0KGgo=')).toThrow(/cannot store TEXT value in BLOB column/);
    set('address_json', JSON.stringify(['1 Quay Street', 'Galway', 'H91 X2K7', 'Ireland']));
    expect(() => set('address_json', JSON.stringify(['1', '2', '3', '4', '5']))).toThrow(/CHECK/);
    expect(() => set('address_json', '"1 Quay Street"')).toThrow(/CHECK/);
    set('language', 'de');
    set('language', 'es');
    expect(() => set('language', 'fr')).toThrow(/CHECK/);
    expect(() => set('legal_name', 'x'.repeat(121))).toThrow(/CHECK/);
    expect(() => set('tax_number', 'x'.repeat(41))).toThrow(/CHECK/);
  });

  it('issues the next number only, for a settled tab as it closed and for what it cost, and never changes or deletes one', () => {
    db = beforeReceipts();
    migrate(db, m016Receipts.version);
    openTab(db, 2, 1100);
    expect(() => issue({ number: 1 })).toThrow(/settled tab/);
    settle(db, 2);
    expect(() => issue({ number: 2 })).toThrow(/next number/);
    expect(() => issue({ number: 0 })).toThrow(/next number|CHECK/);
    expect(() => issue({ number: 1, total: 1000 })).toThrow(/what it cost/);
    expect(() => issue({ number: 1, at: '2026-11-24T10:05:00.000Z' })).toThrow(/as it closed/);
    expect(() => issue({ number: 1, date: '2026-11-25' })).toThrow(/as it closed/);
    expect(() => issue({ number: 1, replaces: 1 })).toThrow(/replaces/);
    issue({ number: 1 });
    expect(() => db.prepare('UPDATE receipts SET total_minor = 0').run()).toThrow(/never changed/);
    expect(() => db.prepare('DELETE FROM receipts').run()).toThrow(/never deleted/);
    // Whichever of its triggers speaks first, a number is never written over.
    expect(() => db.prepare("INSERT OR REPLACE INTO receipts VALUES (1, 2, '2026-11-24', ?, 1100, 1, 1)").run(CLOSED_AT)).toThrow(/never reused|next number/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM receipts').get()).toEqual({ n: 1 });
    // The tab's next receipt replaces its newest, and only that one.
    expect(() => issue({ number: 2 })).toThrow(/replaces its newest/);
    issue({ number: 2, replaces: 1 });
    expect(() => issue({ number: 3, replaces: 1 })).toThrow(/replaces its newest|UNIQUE/);
    // A restore raised the floor: numbering goes on above it.
    db.prepare('UPDATE store_settings SET receipt_number_floor = 10').run();
    expect(() => issue({ number: 3, replaces: 2 })).toThrow(/next number/);
    issue({ number: 11, replaces: 2 });
    expect(db.prepare('SELECT receipt_number, replaces FROM receipts ORDER BY receipt_number').all()).toEqual([
      { receipt_number: 1, replaces: null },
      { receipt_number: 2, replaces: 1 },
      { receipt_number: 11, replaces: 2 },
    ]);
    expect(verifyChain(db).broken).toBeNull();
  });

  it('chains every receipt: one removed behind the triggers breaks the chain', () => {
    db = beforeReceipts();
    migrate(db, m016Receipts.version);
    openTab(db, 2, 1100);
    settle(db, 2);
    issue({ number: 1 });
    expect(db.prepare("SELECT COUNT(*) AS n FROM ledger_chain WHERE kind = 'receipt'").get()).toEqual({ n: 1 });
    db.exec('DROP TRIGGER receipts_no_delete; DELETE FROM receipts;');
    expect(verifyChain(db).broken).toMatchObject({ kind: 'receipt', ref: '1', reason: 'the row it records is gone' });
  });
});
