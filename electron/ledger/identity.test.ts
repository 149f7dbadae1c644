import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { identifyLedger } from './identity';
import { AFTERTAB_APPLICATION_ID, LATEST_VERSION, LedgerForeignError } from './migrate';
import { migrations } from './migrations';
import { openLedger } from './open';
import { registerChainFunctions } from './chain';

const dirs: string[] = [];
function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-identity-'));
  dirs.push(dir);
  return path.join(dir, 'aftertab.sqlite');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Everything that would show a write: the bytes, their length and the modification time. */
function fingerprint(file: string): { sha256: string; size: number; mtimeMs: number } {
  const stat = fs.statSync(file);
  return { sha256: createHash('sha256').update(fs.readFileSync(file)).digest('hex'), size: stat.size, mtimeMs: stat.mtimeMs };
}

/** A ledger as an Aftertab of schema 7 left it: no application_id, its tables, a sale. */
function earlierLedger(file: string, version = 7): void {
  const db = new Database(file);
  // From schema 11 on, inserting a chained row needs the chain's SQL function.
  registerChainFunctions(db);
  db.transaction(() => {
    for (const migration of migrations.slice(0, version)) migration.up(db);
    db.pragma(`user_version = ${version}`);
  })();
  db.prepare(
    `INSERT INTO store_settings (id, name, currency, locale, tax_mode, tax_rates_json, token_first, token_last, cash_rounding_minor, updated_at)
     VALUES (1, 'Café Lind', 'EUR', 'en-IE', 'inclusive', '[]', 1, 40, 1, '2026-01-05T09:00:00.000Z')`,
  ).run();
  db.prepare("INSERT INTO staff (id, name, role, created_at) VALUES (1, 'Owner', 'owner', '2026-01-05T09:00:00.000Z')").run();
  db.prepare(
    "INSERT INTO journal_entries (id, created_at, kind, staff_id, business_date) VALUES (1, '2026-01-05T10:00:00.000Z', 'test.sale', 1, '2026-01-05')",
  ).run();
  db.prepare("INSERT INTO postings (entry_id, account, amount_minor) VALUES (1, 'cash_drawer', 450), (1, 'sales', -450)").run();
  db.close();
}

function pragmas(file: string): { applicationId: unknown; version: unknown } {
  const db = new Database(file, { readonly: true });
  try {
    return { applicationId: db.pragma('application_id', { simple: true }), version: db.pragma('user_version', { simple: true }) };
  } finally {
    db.close();
  }
}

function refusal(file: string): LedgerForeignError {
  try {
    openLedger(file).close();
  } catch (error) {
    if (error instanceof LedgerForeignError) return error;
    throw error;
  }
  throw new Error(`${file} was opened`);
}

describe("Aftertab's application_id", () => {
  it('is the ASCII of "AFTB"', () => {
    expect(AFTERTAB_APPLICATION_ID).toBe(Buffer.from('AFTB', 'ascii').readInt32BE(0));
  });

  it('is set on a new ledger, in the file header, with nothing left over from making it', () => {
    const file = tempFile();
    openLedger(file).close();
    expect(pragmas(file)).toEqual({ applicationId: AFTERTAB_APPLICATION_ID, version: LATEST_VERSION });
    expect(fs.readFileSync(file).readInt32BE(68)).toBe(AFTERTAB_APPLICATION_ID);
    expect(fs.readdirSync(path.dirname(file)).filter((name) => name.includes('.creating'))).toEqual([]);
    // And the ledger it made opens again as Aftertab's own.
    const db = openLedger(file);
    expect(identifyLedger(db)).toEqual({ kind: 'aftertab' });
    db.close();
  });

  it('replaces a half-made ledger left by a crash instead of ever taking it for the ledger', () => {
    const file = tempFile();
    fs.writeFileSync(`${file}.creating`, 'cut short');
    openLedger(file).close();
    expect(pragmas(file).applicationId).toBe(AFTERTAB_APPLICATION_ID);
    expect(fs.existsSync(`${file}.creating`)).toBe(false);
  });
});

describe('a ledger made by an earlier Aftertab', () => {
  it('is adopted: migrated, marked in the same step, and keeps its data', () => {
    const file = tempFile();
    earlierLedger(file);
    expect(pragmas(file)).toEqual({ applicationId: 0, version: 7 });
    const db = openLedger(file);
    expect(db.pragma('application_id', { simple: true })).toBe(AFTERTAB_APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT name FROM store_settings').get()).toEqual({ name: 'Café Lind' });
    expect(db.prepare('SELECT account, amount_minor FROM postings ORDER BY id').all()).toEqual([
      { account: 'cash_drawer', amount_minor: 450 },
      { account: 'sales', amount_minor: -450 },
    ]);
    db.close();
  });

  it('at the latest schema is only marked', () => {
    const file = tempFile();
    earlierLedger(file, LATEST_VERSION);
    openLedger(file).close();
    expect(pragmas(file)).toEqual({ applicationId: AFTERTAB_APPLICATION_ID, version: LATEST_VERSION });
  });

  it('keeps no id when a migration fails: the id is written in the migrations’ transaction', () => {
    const file = tempFile();
    earlierLedger(file);
    // Migration 8 (shipped, so never edited) creates the index audit_at; one already there makes it fail half way.
    const db = new Database(file);
    db.exec('CREATE INDEX audit_at ON audit (at)');
    db.close();
    expect(() => openLedger(file)).toThrow(/audit_at already exists/);
    expect(pragmas(file)).toEqual({ applicationId: 0, version: 7 });
    const again = new Database(file, { readonly: true });
    expect(again.prepare("SELECT count(*) AS n FROM pragma_table_info('staff') WHERE name = 'pin_hash'").get()).toEqual({ n: 0 });
    again.close();
  });
});

describe('a file that is not an Aftertab ledger', () => {
  it('with tables of its own is refused untouched, by name and by its tables', () => {
    const file = tempFile();
    const other = new Database(file);
    other.exec("CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT); CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('keep me')");
    other.close();
    const before = fingerprint(file);
    const error = refusal(file);
    expect(error.message).toBe(`${file} is not an Aftertab ledger: it has tables notes, recipes`);
    expect(fingerprint(file)).toEqual(before);
    expect(pragmas(file)).toEqual({ applicationId: 0, version: 0 });
  });

  it("with another application's id is refused untouched, even when its tables look like Aftertab's", () => {
    const file = tempFile();
    earlierLedger(file);
    const other = new Database(file);
    other.pragma('application_id = 1234567');
    other.close();
    const before = fingerprint(file);
    const { message } = refusal(file);
    expect(message.startsWith(`${file} is not an Aftertab ledger: it carries another application's id (application_id 0x0012d687) and it has tables `)).toBe(
      true,
    );
    expect(fingerprint(file)).toEqual(before);
  });

  it("with Aftertab's id and a table Aftertab did not make is refused untouched", () => {
    const file = tempFile();
    openLedger(file).close();
    const db = new Database(file);
    db.exec('CREATE TABLE skim (amount INTEGER)');
    db.close();
    const before = fingerprint(file);
    expect(refusal(file).message).toBe(`${file} is not an Aftertab ledger: it has tables Aftertab did not make: skim`);
    expect(fingerprint(file)).toEqual(before);
  });

  it('without an id, with Aftertab’s tables but a column or a table changed, is refused untouched', () => {
    const file = tempFile();
    earlierLedger(file);
    const db = new Database(file);
    db.exec('ALTER TABLE staff ADD COLUMN salary INTEGER');
    db.close();
    const before = fingerprint(file);
    expect(refusal(file).message).toBe(`${file} is not an Aftertab ledger: its table staff has columns Aftertab did not make: salary`);
    expect(fingerprint(file)).toEqual(before);
  });

  it('with an empty schema is refused, not taken for a first run', () => {
    const file = tempFile();
    const other = new Database(file);
    other.pragma('user_version = 3');
    other.close();
    const before = fingerprint(file);
    expect(refusal(file).message).toBe(`${file} is not an Aftertab ledger: it has no tables`);
    expect(fingerprint(file)).toEqual(before);
  });

  it('of 0 bytes is refused and stays empty', () => {
    const file = tempFile();
    fs.writeFileSync(file, '');
    expect(refusal(file).message).toBe(`${file} is not an Aftertab ledger: it is empty (0 bytes)`);
    expect(fs.statSync(file).size).toBe(0);
  });
});
