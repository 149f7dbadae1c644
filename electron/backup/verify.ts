import type Database from 'better-sqlite3';
import fs from 'node:fs';
import { checkProblem, describeError } from '../ledger/health';
import { identifyLedger } from '../ledger/identity';
import { openDatabase } from '../ledger/sqlite-driver';

export type Verification = { ok: true; maxZ: number } | { ok: false; problem: string };

function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** The highest Z number a ledger has issued or promised not to reuse (its floor). */
export function highestZ(db: Database.Database): number {
  if (!hasTable(db, 'z_reports')) return 0;
  const z = db.prepare<[], { z: number | null }>('SELECT max(z_number) AS z FROM z_reports').get()?.z ?? 0;
  const hasFloor = (db.prepare("SELECT 1 FROM pragma_table_info('store_settings') WHERE name = 'z_number_floor'").get() ?? null) !== null;
  const floor = hasFloor ? (db.prepare<[], { f: number | null }>('SELECT max(z_number_floor) AS f FROM store_settings').get()?.f ?? 0) : 0;
  return Math.max(z, floor);
}

/** The checks that do not depend on how the file was opened: integrity, an Aftertab schema, a balanced journal. */
function checkLedger(db: Database.Database): Verification {
  const integrity = checkProblem(db, 'integrity_check');
  if (integrity !== null) return { ok: false, problem: `integrity_check: ${integrity}` };
  // The same judgement, in the same words, as a ledger met at start (ledger/identity.ts); a
  // backup made before the application_id was set is an earlier Aftertab's and still restores.
  const identity = identifyLedger(db);
  if (identity.kind === 'foreign') return { ok: false, problem: `it is not an Aftertab ledger: ${identity.reason}` };
  if (identity.kind === 'newer') {
    return { ok: false, problem: `it was written by a newer Aftertab (schema ${String(db.pragma('user_version', { simple: true }))})` };
  }
  const unbalanced = db
    .prepare<[], { entry_id: number; off: number }>(
      'SELECT entry_id, sum(amount_minor) AS off FROM postings GROUP BY entry_id HAVING sum(amount_minor) <> 0 ORDER BY entry_id LIMIT 1',
    )
    .get();
  if (unbalanced) return { ok: false, problem: `journal entry #${unbalanced.entry_id} does not balance (off by ${unbalanced.off} minor units)` };
  const total = db.prepare<[], { total: number }>('SELECT coalesce(sum(amount_minor), 0) AS total FROM postings').get()?.total ?? 0;
  if (total !== 0) return { ok: false, problem: `the journal does not balance (off by ${total} minor units)` };
  return { ok: true, maxZ: highestZ(db) };
}

/**
 * Verifies a copy we made (a new backup, or a backup staged for a restore). The copy is first
 * switched to rollback-journal mode so it is one self-contained file and a read-only open
 * leaves no -wal/-shm beside it; then, read-only: integrity_check says ok, the file is an
 * Aftertab ledger this version can open, every journal entry sums to zero and so does the
 * whole journal. Only ever run on our own copy: it writes the copy's header.
 */
export function verifyLedgerCopy(file: string): Verification {
  try {
    if (fs.statSync(file).size === 0) return { ok: false, problem: 'the file is empty' };
    const writable = openDatabase(file, { fileMustExist: true });
    try {
      writable.pragma('journal_mode = DELETE');
    } finally {
      writable.close();
    }
    const db = openDatabase(file, { readonly: true, fileMustExist: true });
    try {
      // integrity_check walks every table against its indexes; a large page cache for this one
      // short-lived connection saves re-reading pages (about a fifth of the time on a year of
      // data). Memory-mapping would save more but can crash the process if a USB stick is
      // pulled mid-check, so it is not used.
      db.pragma('cache_size = -131072');
      return checkLedger(db);
    } finally {
      db.close();
    }
  } catch (error) {
    return { ok: false, problem: describeError(error) };
  }
}

