import type Database from 'better-sqlite3';
import { AFTERTAB_APPLICATION_ID, LATEST_VERSION, LedgerForeignError, tooNew } from './migrate';
import { migrations } from './migrations';
import { openDatabase } from './sqlite-driver';

/**
 * What a SQLite file is, judged only by reading it:
 * - `aftertab`: it carries Aftertab's application_id and exactly the tables and columns its
 *   schema version has;
 * - `earlier`: an Aftertab from before the id was set (application_id 0) with exactly those
 *   tables: it is adopted, the id set with its next migration;
 * - `newer`: Aftertab's id with a schema this version does not know (refused, never downgraded);
 * - `foreign`: anything else, with the reason in words.
 */
export type LedgerIdentity = { kind: 'aftertab' | 'earlier' | 'newer' } | { kind: 'foreign'; reason: string };

type Schema = ReadonlyMap<string, readonly string[]>;

const LISTED_NAMES = 8;

function list(names: readonly string[]): string {
  const shown = names.slice(0, LISTED_NAMES).join(', ');
  return names.length > LISTED_NAMES ? `${shown} and ${names.length - LISTED_NAMES} more` : shown;
}

/** Every table the file has (SQLite's own sqlite_* tables aside), each with its column names. */
function schemaOf(db: Database.Database): Schema {
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
    .all();
  const columns = db.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?) ORDER BY cid');
  return new Map(tables.map((table) => [table.name, columns.all(table.name).map((column) => column.name)]));
}

let expectedSchemas: readonly Schema[] | null = null;

/**
 * The tables each schema version has, learnt by running the real migrations on an empty
 * database in memory (once per process), so a new migration needs no list kept by hand.
 */
function schemaAt(version: number): Schema {
  if (!expectedSchemas) {
    const db = openDatabase(':memory:');
    try {
      const schemas: Schema[] = [schemaOf(db)];
      for (const migration of migrations) {
        migration.up(db);
        schemas.push(schemaOf(db));
      }
      expectedSchemas = schemas;
    } finally {
      db.close();
    }
  }
  const schema = expectedSchemas[version];
  if (!schema) throw new Error(`no Aftertab schema has version ${version}`);
  return schema;
}

/** How the file's tables differ from what this schema version made; empty when they match. */
function differences(actual: Schema, expected: Schema): string[] {
  const extra = [...actual.keys()].filter((name) => !expected.has(name));
  const missing = [...expected.keys()].filter((name) => !actual.has(name));
  if (actual.size === 0) return expected.size === 0 ? [] : ['it has no tables'];
  // Nothing in common: it is simply someone else's database, and its tables say whose.
  if (extra.length === actual.size) return [`it has tables ${list(extra)}`];
  const found: string[] = [];
  if (extra.length > 0) found.push(`it has tables Aftertab did not make: ${list(extra)}`);
  if (missing.length > 0) found.push(`it lacks Aftertab's tables ${list(missing)}`);
  for (const [table, columns] of actual) {
    const wanted = expected.get(table);
    if (!wanted) continue;
    const added = columns.filter((column) => !wanted.includes(column));
    const lost = wanted.filter((column) => !columns.includes(column));
    if (added.length > 0) found.push(`its table ${table} has columns Aftertab did not make: ${list(added)}`);
    if (lost.length > 0) found.push(`its table ${table} lacks the columns ${list(lost)}`);
  }
  return found;
}

function tablesOf(actual: Schema): string {
  return actual.size === 0 ? 'it has no tables' : `it has tables ${list([...actual.keys()])}`;
}

/** Reads the application id, schema version and tables; writes nothing. */
export function identifyLedger(db: Database.Database): LedgerIdentity {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  const actual = schemaOf(db);
  if (applicationId !== AFTERTAB_APPLICATION_ID && applicationId !== 0) {
    const hex = `0x${(applicationId >>> 0).toString(16).padStart(8, '0')}`;
    return { kind: 'foreign', reason: `it carries another application's id (application_id ${hex}) and ${tablesOf(actual)}` };
  }
  if (applicationId === AFTERTAB_APPLICATION_ID && version > LATEST_VERSION) return { kind: 'newer' };
  // Every Aftertab that wrote no id had run at least its first migration; an empty schema is not one of them.
  if (applicationId === 0 && (version < 1 || version > LATEST_VERSION)) {
    return { kind: 'foreign', reason: actual.size === 0 ? 'it has no tables' : tablesOf(actual) };
  }
  const found = differences(actual, schemaAt(version));
  if (found.length > 0) return { kind: 'foreign', reason: found.join('; ') };
  return { kind: applicationId === 0 ? 'earlier' : 'aftertab' };
}

/**
 * Opens an existing file read-only and refuses it, untouched, unless it is an Aftertab ledger of
 * this version or an earlier one; a newer one too when it is to be opened for writing (the WAL
 * switch alone would write to it). An empty file is not a ledger the shop used, so it is refused
 * rather than taken for a first run; the start-up check has already called that damage.
 * Returns the schema version it read, so the caller needs no second look at the file.
 */
export function assertAftertabLedger(file: string, size: number, options: { forWriting: boolean }): number {
  if (size === 0) throw new LedgerForeignError(`${file} is not an Aftertab ledger: it is empty (0 bytes)`);
  const db = openDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const identity = identifyLedger(db);
    if (identity.kind === 'foreign') throw new LedgerForeignError(`${file} is not an Aftertab ledger: ${identity.reason}`);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (identity.kind === 'newer' && options.forWriting) throw tooNew(version);
    return version;
  } finally {
    db.close();
  }
}
