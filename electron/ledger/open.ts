import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logger';
import { assertAftertabLedger } from './identity';
import { migrate } from './migrate';
import { watchTables } from './table-watch';
import { watchChainAppends } from './chain';
import { openDatabase } from './sqlite-driver';
import { copyBeforeUpgrade } from './upgrade-copy';

export type Db = Database.Database;

export const DB_FILE_NAME = 'aftertab.sqlite';
export const BUSY_TIMEOUT_MS = 5000;
/**
 * SQLite checkpoints the WAL inside whichever commit takes it past this many pages: that commit
 * pays for copying the whole WAL into the file. The host checkpoints after a second without
 * commands instead (ledger-host.ts), so this is only the bound for a WAL that never sees a quiet
 * second: 16,384 pages of 4 KB, 64 MB.
 */
export const WAL_AUTOCHECKPOINT_PAGES = 16_384;

export class LedgerOpenError extends Error {}

export type OpenLedgerOptions = {
  readonly?: boolean;
  /** When the copy kept before an upgrade was made (its name); the system clock when not given. */
  clock?: () => Date;
  /** Where the copy kept before an upgrade is reported. */
  logger?: Pick<Logger, 'info'>;
};

/**
 * Opens the ledger with the pragmas every connection needs and checks that each one took:
 * better-sqlite3 reopens WAL files at synchronous=NORMAL, so a silent default is not enough.
 * A file that is there must prove it is an Aftertab ledger, read-only, before anything writes
 * to it (even the switch to WAL rewrites its header); only a missing file is made new. A
 * ledger of an earlier schema is copied and the copy verified before it is migrated
 * (upgrade-copy.ts); when the copy cannot be made it is not migrated at all.
 */
export function openLedger(file: string, options: OpenLedgerOptions = {}): Db {
  const readonly = options.readonly ?? false;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const size = sizeOf(file);
  if (size !== null) {
    const version = assertAftertabLedger(file, size, { forWriting: !readonly });
    if (!readonly) {
      const copy = copyBeforeUpgrade(file, version, (options.clock ?? (() => new Date()))());
      if (copy)
        options.logger?.info('ledger copied before its upgrade', {
          copy: copy.file,
          fromSchema: copy.fromVersion,
          toSchema: copy.toVersion,
          bytes: copy.bytes,
        });
    }
  } else if (!readonly) createLedgerFile(file);
  const db = openDatabase(file, { readonly, fileMustExist: true });
  try {
    applyPragmas(db);
    if (!readonly) {
      migrate(db);
      watchTables(db);
      watchChainAppends(db);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function sizeOf(file: string): number | null {
  try {
    return fs.statSync(file).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * A new ledger is made complete (every migration and Aftertab's application_id, in one
 * transaction) under another name and only then renamed into place. So a crash while it is
 * made never leaves an empty SQLite file where the ledger goes, which the next start would
 * rightly refuse as not Aftertab's.
 */
function createLedgerFile(file: string): void {
  const partial = `${file}.creating`;
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${partial}${suffix}`, { force: true });
  const db = openDatabase(partial);
  try {
    applyPragmas(db);
    migrate(db);
  } finally {
    // The last connection to close checkpoints the WAL into the file and removes it.
    db.close();
  }
  if (fs.existsSync(`${partial}-wal`)) throw new LedgerOpenError(`the new ledger ${partial} kept a -wal file after closing; not starting`);
  fs.rmSync(`${partial}-shm`, { force: true });
  fs.renameSync(partial, file);
}

export function applyPragmas(db: Db): void {
  if (!db.readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  // Without it, INSERT OR REPLACE deletes a row without firing the append-only delete triggers.
  db.pragma('recursive_triggers = ON');
  // macOS's fsync leaves the drive's cache unflushed: a power cut could keep the seal (written
  // after the commit) and lose the commit. F_FULLFSYNC makes a commit durable there too.
  if (process.platform === 'darwin') {
    db.pragma('fullfsync = ON');
    db.pragma('checkpoint_fullfsync = ON');
  }
  const checks: [string, unknown, unknown][] = [
    ['journal_mode', db.pragma('journal_mode', { simple: true }), 'wal'],
    ['synchronous', db.pragma('synchronous', { simple: true }), 2],
    ['foreign_keys', db.pragma('foreign_keys', { simple: true }), 1],
    ['busy_timeout', db.pragma('busy_timeout', { simple: true }), BUSY_TIMEOUT_MS],
    ['wal_autocheckpoint', db.pragma('wal_autocheckpoint', { simple: true }), WAL_AUTOCHECKPOINT_PAGES],
    ['recursive_triggers', db.pragma('recursive_triggers', { simple: true }), 1],
  ];
  for (const [name, actual, expected] of checks) {
    if (actual !== expected) {
      throw new LedgerOpenError(`the ledger refused PRAGMA ${name} = ${String(expected)} (it is ${String(actual)}); not starting`);
    }
  }
}

export function ledgerPath(dataDir: string): string {
  return path.join(dataDir, DB_FILE_NAME);
}
