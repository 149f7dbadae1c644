import type Database from 'better-sqlite3';
import fs from 'node:fs';
import { checkProblem, describeError } from '../ledger/health';
import { journalTotal, unbalancedEntries } from '../ledger/balance';
import { chainHead, describeBreak, hasChain, lastZHead, verifyChain, type ChainHead } from '../ledger/chain';
import { identifyLedger } from '../ledger/identity';
import { openDatabase } from '../ledger/sqlite-driver';
import { highestZ } from '../ledger/z-numbers';

/** `chain`: the copy's hash chain head, null for a ledger made before the chain. */
export type Verification = { ok: true; maxZ: number; chain: ChainHead | null } | { ok: false; problem: string };

/**
 * The checks that do not depend on how the file was opened: SQLite's structure, an Aftertab schema,
 * a balanced journal, the chain since the newest Z. The structure check is quick_check: every page
 * of every table and index read, each b-tree's order and links, every page used once and none
 * lost, every record well formed and within its columns' rules. What integrity_check adds, each
 * index entry matched to its row and unique indexes unique, takes about as long again on a year
 * of data, and is not damage a byte copy brings: a page the copy got wrong fails quick_check, and
 * the ledger it copies passed quick_check at start.
 */
function checkLedger(db: Database.Database): Verification {
  const structure = checkProblem(db, 'quick_check');
  if (structure !== null) return { ok: false, problem: `quick_check: ${structure}` };
  // The same judgement, in the same words, as a ledger met at start (ledger/identity.ts); a
  // backup made before the application_id was set is an earlier Aftertab's and still restores.
  const identity = identifyLedger(db);
  if (identity.kind === 'foreign') return { ok: false, problem: `it is not an Aftertab ledger: ${identity.reason}` };
  if (identity.kind === 'newer') {
    return { ok: false, problem: `it was written by a newer Aftertab (schema ${String(db.pragma('user_version', { simple: true }))})` };
  }
  const [unbalanced] = unbalancedEntries(db, 1);
  if (unbalanced) return { ok: false, problem: `journal entry #${unbalanced.entryId} does not balance (off by ${unbalanced.offMinor} minor units)` };
  const total = journalTotal(db);
  if (total !== 0n) return { ok: false, problem: `the journal does not balance (off by ${total} minor units)` };
  if (!hasChain(db)) return { ok: true, maxZ: highestZ(db), chain: null };
  // The chain since the copy's newest Z (a day's rows, so every backup can afford it): a copy
  // edited outside Aftertab, on the USB stick say, is not offered as good.
  const from = lastZHead(db);
  const broken = from ? verifyChain(db, { from }).broken : null;
  if (broken) return { ok: false, problem: `its hash chain is broken: ${describeBreak(broken)}` };
  return { ok: true, maxZ: highestZ(db), chain: chainHead(db) };
}

/**
 * Verifies a copy we made (a new backup, or a backup staged for a restore). The copy is first
 * switched to rollback-journal mode so it is one self-contained file and a read-only open
 * leaves no -wal/-shm beside it; then, read-only: quick_check says ok, the file is an
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
      // SQLite's own small page cache: quick_check reads each page once, and on a year of data a
      // large cache costs more to fill than it saves (about a fifth slower at 128 MB).
      // Memory-mapping would save more but can crash the process if a USB stick is pulled
      // mid-check, so it is not used.
      return checkLedger(db);
    } finally {
      db.close();
    }
  } catch (error) {
    return { ok: false, problem: describeError(error) };
  }
}
