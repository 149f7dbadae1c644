import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommandInput, CommandName, CommandResult } from '../../shared/contract';
import { startLedgerApp, type LedgerApp } from '../ledger-host/ledger-app';
import type { Logger } from '../logger';
import { assertInvariants } from '../test-support/invariants';
import { tempFolders } from '../test-support/temp-folders';
import { verifyChain } from './chain';
import { identifyLedger } from './identity';
import { AFTERTAB_APPLICATION_ID, LATEST_VERSION, LedgerTooNewError, migrate } from './migrate';
import { ledgerPath, type Db } from './open';
import { openDatabase } from './sqlite-driver';
import { LedgerUpgradeCopyError } from './upgrade-copy';

/**
 * Upgrades keep data (issue 12). The fixture is a ledger written by Aftertab 0.1 (schema 15)
 * through its real services (scripts/make-upgrade-fixture.ts; never regenerated after a schema
 * change). Opening it with this version must keep a copy of it first when it migrates it, and
 * keep every account's balance, every frozen Z, the chain and every invariant.
 */
const FIXTURE_SCHEMA = 15;
const FIXTURE = path.join(__dirname, 'fixtures', `ledger-v0.1-schema${FIXTURE_SCHEMA}.sqlite`);
const OPENED_AT = '2026-12-01T09:00:00.000Z';
const STAMP = '20261201T090000000Z';

const tempDir = tempFolders('aftertab-upgrade-');
const opened: LedgerApp[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const app of opened.splice(0)) app.close();
});

/** A data folder holding a copy of the fixture as its ledger. */
function dataFolderWithFixture(): { dataDir: string; file: string } {
  const dataDir = tempDir();
  const file = ledgerPath(dataDir);
  fs.copyFileSync(FIXTURE, file);
  return { dataDir, file };
}

function open(dataDir: string, logger?: Logger): LedgerApp {
  const app = startLedgerApp({ dataDir, clock: () => new Date(OPENED_AT), timeZone: 'UTC', ...(logger ? { logger } : { log: () => undefined }) });
  opened.push(app);
  return app;
}

function readOnly<T>(file: string, read: (db: Db) => T): T {
  const db = openDatabase(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Every row of every table (SQLite's own aside), in key order, as the file holds it. */
function everyRow(db: Db): Record<string, unknown[]> {
  const tables = db
    .prepare<[], { name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
    )
    .all();
  const out: Record<string, unknown[]> = {};
  for (const { name, sql } of tables)
    out[name] = db.prepare(`SELECT ${/WITHOUT ROWID/i.test(sql) ? '' : 'rowid AS "(rowid)", '}* FROM "${name}" ORDER BY 1`).all();
  return out;
}

/** The rows as an earlier schema's columns see them: what a migration must never change. */
function asColumnsOf(rows: Record<string, unknown[]>, shape: Record<string, unknown[]>): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const [table, before] of Object.entries(shape)) {
    const columns = before[0] ? Object.keys(before[0]) : [];
    out[table] = (rows[table] ?? []).map((row) => Object.fromEntries(columns.map((column) => [column, (row as Record<string, unknown>)[column]])));
  }
  return out;
}

type Books = { version: number; trialBalance: unknown[]; zs: unknown[]; chainBroken: unknown };

/** Every account's balance, every frozen Z byte for byte, and whether the chain holds. */
function books(db: Db): Books {
  return {
    version: db.pragma('user_version', { simple: true }) as number,
    trialBalance: db.prepare('SELECT account, SUM(amount_minor) AS balance, COUNT(*) AS postings FROM postings GROUP BY account ORDER BY account').all(),
    zs: db.prepare('SELECT z_number, business_date, closed_at, report_json, chain_seq, chain_hash, chain_counts FROM z_reports ORDER BY z_number').all(),
    chainBroken: verifyChain(db).broken,
  };
}

function before(file: string): { books: Books; rows: Record<string, unknown[]>; bytes: Buffer } {
  return { books: readOnly(file, books), rows: readOnly(file, everyRow), bytes: fs.readFileSync(file) };
}

function call<N extends CommandName>(app: LedgerApp, name: N, input: CommandInput<N>): CommandResult<N> {
  const result = app.dispatcher.dispatch(name, { input, commandId: randomUUID() }, app.session);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
  assertInvariants(app.db);
  return result.value as CommandResult<N>;
}

/** Commands still work on the upgraded ledger: a tab opened, rung up and settled by card. */
function tradeOnce(app: LedgerApp): void {
  const latte = app.db.prepare<[], { id: number }>("SELECT id FROM items WHERE name = 'Latte'").get();
  if (!latte) throw new Error('the fixture has no Latte');
  const tab = call(app, 'tab.open', { name: 'After the upgrade' });
  call(app, 'tab.addLine', { tabId: tab.id, itemId: latte.id, qty: 2 });
  const paid = call(app, 'settle.pay', { tabId: tab.id, method: 'card' });
  expect(paid.tab.status).toBe('settled');
  expect(app.db.prepare('SELECT balance FROM (SELECT SUM(amount_minor) AS balance FROM postings)').get()).toEqual({ balance: 0 });
}

/**
 * Makes the ledger at `file` exactly what schema `version` made: every table, index and trigger
 * as the real migrations 1..version define them (learnt by running them on an empty database),
 * the rows of each table kept over that schema's columns, tables that schema lacks dropped. It
 * stands for a ledger an earlier release wrote: the data is 0.1's, the shape is the earlier one.
 * Only tables that are not chained may differ (a chained row's hash covers its columns).
 */
function stepBack(file: string, version: number): void {
  const shape = openDatabase(':memory:');
  migrate(shape, version);
  type Entry = { type: string; name: string; tbl_name: string; sql: string | null };
  const master = (db: Db) => db.prepare<[], Entry>("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").all();
  const want = new Map(master(shape).map((entry) => [entry.name, entry]));
  shape.close();
  const db = openDatabase(file, { fileMustExist: true });
  try {
    db.pragma('foreign_keys = OFF');
    // Renaming a table must not rewrite the other tables' triggers and references to it.
    db.pragma('legacy_alter_table = ON');
    db.transaction(() => {
      const have = master(db);
      const rebuilt = new Set(have.filter((e) => e.type === 'table' && want.has(e.name) && want.get(e.name)?.sql !== e.sql).map((e) => e.name));
      for (const e of have) {
        if (e.type === 'table' || !e.sql) continue;
        if (want.get(e.name)?.sql !== e.sql || rebuilt.has(e.tbl_name)) db.exec(`DROP ${e.type.toUpperCase()} IF EXISTS "${e.name}"`);
      }
      for (const e of have) if (e.type === 'table' && !want.has(e.name)) db.exec(`DROP TABLE "${e.name}"`);
      // A schema later than the file's (the fixture is older than the version before this one) has tables the file lacks: empty, as its migration made them.
      const had = new Set(have.map((e) => e.name));
      for (const e of want.values()) if (e.type === 'table' && e.sql && !had.has(e.name)) db.exec(e.sql);
      for (const name of rebuilt) {
        const columns = db
          .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${name}')`)
          .all()
          .map((c) => `"${c.name}"`);
        db.exec(`ALTER TABLE "${name}" RENAME TO "${name}__later"`);
        db.exec(want.get(name)?.sql ?? '');
        const kept = db
          .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${name}')`)
          .all()
          .map((c) => `"${c.name}"`)
          .filter((c) => columns.includes(c));
        db.exec(`INSERT INTO "${name}" (${kept.join(', ')}) SELECT ${kept.join(', ')} FROM "${name}__later"; DROP TABLE "${name}__later";`);
      }
      const now = new Set(master(db).map((e) => e.name));
      for (const e of want.values()) if (e.type !== 'table' && e.sql && !now.has(e.name)) db.exec(e.sql);
      db.pragma(`user_version = ${version}`);
    })();
    const left = master(db).map((e) => [e.type, e.name, e.tbl_name, e.sql]);
    expect(new Set(left.map((e) => JSON.stringify(e))), `the file is exactly schema ${version}`).toEqual(
      new Set([...want.values()].map((e) => JSON.stringify([e.type, e.name, e.tbl_name, e.sql]))),
    );
  } finally {
    db.close();
  }
}

function filesIn(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

/**
 * What a read-only look at a WAL ledger leaves beside it, and nothing else: SQLite's read-only
 * connection makes an empty -wal and the -shm index and cannot remove them when it closes.
 * They are not removed by hand: another process may have the ledger open by then.
 */
function expectOnlyReadSidecars(dir: string, file: string, listed: readonly string[]): void {
  const added = filesIn(dir).filter((name) => !listed.includes(name));
  expect(added.filter((name) => name !== 'aftertab.sqlite-wal' && name !== 'aftertab.sqlite-shm')).toEqual([]);
  if (fs.existsSync(`${file}-wal`)) expect(fs.statSync(`${file}-wal`).size).toBe(0);
}

describe('the 0.1 fixture', () => {
  it('holds a realistic small day of trading and fits in the repository', () => {
    expect(fs.statSync(FIXTURE).size).toBeLessThan(1024 * 1024);
    // Checkpointed into the one file: a -wal beside a committed fixture would not travel with it.
    expect(fs.existsSync(`${FIXTURE}-wal`)).toBe(false);
    // Read from a copy: even a read-only connection leaves a -wal and -shm beside a WAL file.
    const { file } = dataFolderWithFixture();
    readOnly(file, (db) => {
      expect(db.pragma('user_version', { simple: true })).toBe(FIXTURE_SCHEMA);
      expect(db.pragma('application_id', { simple: true })).toBe(AFTERTAB_APPLICATION_ID);
      expect(identifyLedger(db)).toEqual({ kind: 'aftertab' });
      const one = (sql: string) => db.prepare(sql).pluck().get();
      expect(one('SELECT COUNT(*) FROM z_reports')).toBe(2);
      expect(one('SELECT COUNT(DISTINCT business_date) FROM z_reports')).toBe(2);
      expect(one("SELECT COUNT(*) FROM tabs WHERE status = 'settled'")).toBeGreaterThanOrEqual(5);
      expect(one("SELECT COUNT(*) FROM tabs WHERE status = 'written_off'")).toBe(1);
      expect(one("SELECT COUNT(DISTINCT method) FROM payments WHERE method IN ('cash', 'card')")).toBe(2);
      expect(one('SELECT COUNT(*) FROM payments WHERE tip_minor > 0')).toBeGreaterThanOrEqual(2);
      expect(one('SELECT COUNT(*) FROM comp_postings')).toBeGreaterThanOrEqual(1);
      expect(one('SELECT COUNT(*) FROM payment_voids')).toBe(1);
      expect(one("SELECT COUNT(*) FROM drawer_sessions WHERE status = 'closed' AND counted_minor IS NOT NULL")).toBe(2);
      expect(one('SELECT COUNT(*) FROM customers')).toBe(1);
      expect(db.prepare('SELECT status, applied_minor FROM deposits ORDER BY id').all()).toEqual([
        { status: 'held', applied_minor: 0 },
        { status: 'closed', applied_minor: 1000 },
      ]);
      expect(one("SELECT SUM(units) FROM loyalty_movements WHERE kind = 'earn'")).toBeGreaterThan(0);
    });
  });
});

describe('opening the 0.1 ledger with this version', () => {
  it('keeps a copy first when it migrates, and keeps the balances, the Zs, the chain and every invariant', () => {
    const { dataDir, file } = dataFolderWithFixture();
    const was = before(file);
    expect(was.books.chainBroken).toBeNull();
    const logger: Logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const app = open(dataDir, logger);

    const copy = `${file}.before-upgrade-schema${FIXTURE_SCHEMA}-${STAMP}`;
    // Migration 016 (receipts) follows 015, so the fixture is upgraded for real, and copied first.
    expect(LATEST_VERSION).toBeGreaterThan(FIXTURE_SCHEMA);
    expect(fs.existsSync(copy)).toBe(true);
    expect(readOnly(copy, everyRow)).toEqual(was.rows);
    expect(readOnly(copy, (db) => db.pragma('user_version', { simple: true }))).toBe(FIXTURE_SCHEMA);
    expect(logger.info).toHaveBeenCalledWith(
      'ledger copied before its upgrade',
      expect.objectContaining({ copy, fromSchema: FIXTURE_SCHEMA, toSchema: LATEST_VERSION }),
    );
    const now = books(app.db);
    expect(now).toEqual({ ...was.books, version: LATEST_VERSION });
    expect(asColumnsOf(everyRow(app.db), was.rows)).toEqual(was.rows);
    // The tabs 0.1 settled keep no receipt numbers they never carried; the header starts empty, in English.
    expect(app.db.prepare('SELECT COUNT(*) AS n FROM receipts').get()).toEqual({ n: 0 });
    expect(app.db.prepare('SELECT legal_name, address_json, tax_number, logo, language, receipt_number_floor FROM store_settings').get()).toEqual({
      legal_name: '',
      address_json: '[]',
      tax_number: '',
      logo: null,
      language: 'en',
      receipt_number_floor: 0,
    });
    assertInvariants(app.db);
    tradeOnce(app);
    // The first tab settled after the upgrade is receipt 1.
    expect(app.db.prepare('SELECT receipt_number, total_minor FROM receipts').all()).toEqual([
      { receipt_number: 1, total_minor: expect.any(Number) as number },
    ]);
    // Checked from the first row, and from the head 0.1's newest Z closed on (its counts know no receipts).
    for (const input of [{ full: true }, {}]) {
      expect(app.dispatcher.dispatch('ledger.check', { input }, app.session)).toMatchObject({ ok: true, value: { problems: [], chain: { broken: null } } });
    }
    expect(app.dispatcher.dispatch('ledger.check', { input: {} }, app.session)).toMatchObject({ value: { chain: { full: false } } });
  });
});

describe('opening a ledger of an earlier schema', () => {
  const EARLIER = LATEST_VERSION - 1;

  function earlierLedger(): { dataDir: string; file: string } {
    const made = dataFolderWithFixture();
    stepBack(made.file, EARLIER);
    readOnly(made.file, (db) => {
      expect(identifyLedger(db)).toEqual({ kind: 'aftertab' });
      expect(verifyChain(db).broken).toBeNull();
    });
    return made;
  }

  it('backs it up beside the ledger (verified, named with its schema and the time), then migrates it keeping every figure', () => {
    const { dataDir, file } = earlierLedger();
    const was = before(file);
    expect(was.books.version).toBe(EARLIER);
    const logger: Logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const app = open(dataDir, logger);

    const copy = path.join(dataDir, `aftertab.sqlite.before-upgrade-schema${EARLIER}-${STAMP}`);
    expect(logger.info).toHaveBeenCalledWith('ledger copied before its upgrade', {
      copy,
      fromSchema: EARLIER,
      toSchema: LATEST_VERSION,
      bytes: fs.statSync(copy).size,
    });
    // The copy is the ledger as the earlier version left it: its schema, its id, every row.
    readOnly(copy, (db) => {
      expect(db.pragma('user_version', { simple: true })).toBe(EARLIER);
      expect(db.pragma('application_id', { simple: true })).toBe(AFTERTAB_APPLICATION_ID);
      expect(identifyLedger(db)).toEqual({ kind: 'aftertab' });
      expect(everyRow(db)).toEqual(was.rows);
      expect(books(db)).toEqual(was.books);
    });
    // One self-contained file, nothing half-made left beside it.
    expect(filesIn(dataDir).filter((name) => name.includes('before-upgrade'))).toEqual([path.basename(copy)]);

    expect(books(app.db)).toEqual({ ...was.books, version: LATEST_VERSION });
    expect(asColumnsOf(everyRow(app.db), was.rows)).toEqual(was.rows);
    assertInvariants(app.db);
    tradeOnce(app);

    // Opened again: already upgraded, so no second copy.
    app.close();
    opened.splice(opened.indexOf(app), 1);
    open(dataDir);
    expect(filesIn(dataDir).filter((name) => name.includes('before-upgrade'))).toEqual([path.basename(copy)]);
  });

  it('refuses to migrate, and says why, when the copy cannot be made; the ledger is left as it was', () => {
    const { dataDir, file } = earlierLedger();
    const bytes = fs.readFileSync(file);
    const mtime = fs.statSync(file).mtimeMs;
    // What a copy that cannot reach the disk throws (a pulled drive, an I/O error).
    vi.spyOn(fs, 'fsyncSync').mockImplementationOnce(() => {
      throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
    });
    let refused: unknown = null;
    try {
      open(dataDir);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(LedgerUpgradeCopyError);
    expect((refused as Error).message).toBe(
      `${file} was not upgraded to schema ${LATEST_VERSION}: the copy kept before an upgrade could not be made at ${file}.before-upgrade-schema${EARLIER}-${STAMP} (EIO: i/o error, fsync); nothing was changed, free some space or make the folder writable and start again`,
    );
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
    expectOnlyReadSidecars(dataDir, file, ['aftertab.sqlite']);
    expect(readOnly(file, (db) => db.pragma('user_version', { simple: true }))).toBe(EARLIER);
  });

  it('needs no copy for a brand-new ledger', () => {
    const dataDir = tempDir();
    open(dataDir);
    expect(filesIn(dataDir).filter((name) => name !== 'aftertab.sqlite' && !name.startsWith('aftertab.sqlite-'))).toEqual([]);
  });
});

describe('a ledger written by a newer version', () => {
  it('is refused untouched: same bytes and time, no copy, nothing beside it but what a read-only look leaves', () => {
    const { dataDir, file } = dataFolderWithFixture();
    // The fixture as a later Aftertab would have left it: its id and a schema this version does not know.
    const db = openDatabase(file, { fileMustExist: true });
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    const old = new Date('2026-11-30T12:00:00.000Z');
    fs.utimesSync(file, old, old);
    const bytes = fs.readFileSync(file);
    const listed = filesIn(dataDir);
    expect(listed).toEqual(['aftertab.sqlite']);

    expect(() => open(dataDir)).toThrow(LedgerTooNewError);
    expect(() => open(dataDir)).toThrow(`newer Aftertab (schema ${LATEST_VERSION + 1}, this version knows ${LATEST_VERSION})`);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.statSync(file).mtimeMs).toBe(old.getTime());
    expectOnlyReadSidecars(dataDir, file, listed);
  });
});
