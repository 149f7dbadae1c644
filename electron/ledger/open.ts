import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrate } from './migrate';
import { openDatabase } from './sqlite-driver';

export type Db = Database.Database;

export const DB_FILE_NAME = 'aftertab.sqlite';
export const BUSY_TIMEOUT_MS = 5000;

export class LedgerOpenError extends Error {}

/**
 * Opens the ledger with the pragmas every connection needs and checks that each one took:
 * better-sqlite3 reopens WAL files at synchronous=NORMAL, so a silent default is not enough.
 */
export function openLedger(file: string, options: { readonly?: boolean } = {}): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = openDatabase(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  try {
    cacheStatements(db);
    applyPragmas(db);
    if (!options.readonly) migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function applyPragmas(db: Db): void {
  if (!db.readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Without it, INSERT OR REPLACE deletes a row without firing the append-only delete triggers.
  db.pragma('recursive_triggers = ON');
  const checks: [string, unknown, unknown][] = [
    ['journal_mode', db.pragma('journal_mode', { simple: true }), 'wal'],
    ['synchronous', db.pragma('synchronous', { simple: true }), 2],
    ['foreign_keys', db.pragma('foreign_keys', { simple: true }), 1],
    ['busy_timeout', db.pragma('busy_timeout', { simple: true }), BUSY_TIMEOUT_MS],
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

/**
 * Every SQL text the app prepares is a constant in its source, so a per-connection cache is
 * bounded by the code and spares recompiling the same statement on every command. Statements
 * are only ever run to completion (get, all, run), never left half-iterated, so sharing is safe.
 */
function cacheStatements(db: Db): void {
  const cache = new Map<string, Database.Statement>();
  const prepare = db.prepare.bind(db);
  db.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (!statement) {
      statement = prepare(source);
      cache.set(source, statement);
    }
    return statement;
  }) as Db['prepare'];
}
