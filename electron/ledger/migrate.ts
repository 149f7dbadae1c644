import type Database from 'better-sqlite3';
import { registerChainFunctions } from './chain';
import { migrations } from './migrations';

export class LedgerTooNewError extends Error {}

/** A file that is not an Aftertab ledger, refused before anything is written to it. */
export class LedgerForeignError extends Error {}

export const LATEST_VERSION = migrations.length;

export function tooNew(version: number): LedgerTooNewError {
  return new LedgerTooNewError(`this ledger was written by a newer Aftertab (schema ${version}, this version knows ${LATEST_VERSION}); update the app instead`);
}

/**
 * Aftertab's mark in the SQLite header (PRAGMA application_id): the ASCII of "AFTB",
 * 0x41465442 = 1095128130. It tells an Aftertab ledger from any other SQLite file at a glance
 * (sqlite3's .dbinfo shows it too), so a stray database is never taken for the shop's.
 */
export const AFTERTAB_APPLICATION_ID = 0x41465442;

/**
 * Applies every pending numbered migration in one transaction and records the version in
 * PRAGMA user_version, and Aftertab's application_id in the same transaction (a new file, or a
 * ledger made before the id was set). A file written by a newer Aftertab is refused, never
 * downgraded. Whether the file is an Aftertab ledger at all is decided before it is opened for
 * writing (see identity.ts); this only refuses another application's id outright.
 */
export function migrate(db: Database.Database, target = LATEST_VERSION): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  if (applicationId !== 0 && applicationId !== AFTERTAB_APPLICATION_ID) {
    throw new LedgerForeignError(`this database is not an Aftertab ledger: it carries another application's id (application_id ${applicationId})`);
  }
  if (current > LATEST_VERSION) throw tooNew(current);
  const marked = applicationId === AFTERTAB_APPLICATION_ID;
  if (current >= target && marked) return current;
  // The chain's triggers (migration 11 on) call its SQL function; a connection made elsewhere may lack it.
  registerChainFunctions(db);
  db.transaction(() => {
    for (const m of migrations.slice(current, target)) {
      m.up(db);
    }
    if (current < target) db.pragma(`user_version = ${target}`);
    if (!marked) db.pragma(`application_id = ${AFTERTAB_APPLICATION_ID}`);
  })();
  return Math.max(current, target);
}
