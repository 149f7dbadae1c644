import type Database from 'better-sqlite3';
import fs from 'node:fs';
import { openDatabase } from './sqlite-driver';

const MAX_PROBLEM_LINES = 3;

/** SQLite's own words for a file that is not (or no longer) a readable database. */
export function isDamageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_IOERR_SHORT_READ';
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The rows of integrity_check/quick_check as one line, or null when SQLite says ok. */
export function checkProblem(db: Database.Database, pragma: 'integrity_check' | 'quick_check'): string | null {
  const rows = db.pragma(`${pragma}(${MAX_PROBLEM_LINES})`) as Record<string, string>[];
  const lines = rows.map((row) => Object.values(row)[0] ?? '');
  return lines.length === 1 && lines[0] === 'ok' ? null : lines.join('; ');
}

export type StartCheck = { state: 'missing' } | { state: 'ok' } | { state: 'damaged'; problem: string };

/**
 * The start-up check, before the ledger is opened for writing (so neither the WAL switch nor
 * a migration ever writes into a damaged file): read-only, PRAGMA quick_check. A file SQLite
 * cannot read at all (not a database, malformed, cut short) counts as damaged, and so does an
 * empty file where a ledger used to be. Any other failure (permissions, a locked file) is
 * thrown: that is not damage, and the caller reports it as before.
 */
export function checkLedgerAtStart(file: string): StartCheck {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    throw error;
  }
  if (size === 0) return { state: 'damaged', problem: 'the ledger file is empty (0 bytes)' };
  let db: Database.Database | null = null;
  try {
    db = openDatabase(file, { readonly: true, fileMustExist: true });
    const problem = checkProblem(db, 'quick_check');
    return problem === null ? { state: 'ok' } : { state: 'damaged', problem: `quick_check: ${problem}` };
  } catch (error) {
    if (isDamageError(error)) return { state: 'damaged', problem: describeError(error) };
    throw error;
  } finally {
    db?.close();
  }
}
