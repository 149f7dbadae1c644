import type { Db } from '../ledger/open';
import { openDatabase } from '../ledger/sqlite-driver';
import { highestReceipt } from '../ledger/receipt-numbers';
import { highestRefund } from '../ledger/refund-numbers';
import { highestZ } from '../ledger/z-numbers';

/**
 * What changes whenever the ledger changes: every mutation through the dispatcher stores a
 * command result (a Z clears only older ones, never the newest), postings and audit rows only
 * ever grow, and the settings carry their update time.
 * Read from the data itself, so it still means something after a restart.
 */
export function ledgerFingerprint(db: Db): string {
  const row = db
    .prepare<[], Record<string, number | string | null>>(
      `SELECT (SELECT max(rowid) FROM command_results) AS c, (SELECT max(id) FROM journal_entries) AS j,
              (SELECT max(id) FROM audit) AS a, (SELECT max(updated_at) FROM store_settings) AS s,
              (SELECT max(id) FROM staff) AS st`,
    )
    .get();
  return JSON.stringify([row?.c ?? 0, row?.j ?? 0, row?.a ?? 0, row?.s ?? '', row?.st ?? 0, db.pragma('user_version', { simple: true })]);
}

/** The Z high-water mark of a damaged file we cannot open normally; 0 when it cannot be read at all. */
export function highestZOfFile(file: string): number {
  return highestOfFile(file, highestZ);
}

/** The same for receipt numbers. */
export function highestReceiptOfFile(file: string): number {
  return highestOfFile(file, highestReceipt);
}

/** The same for refund numbers. */
export function highestRefundOfFile(file: string): number {
  return highestOfFile(file, highestRefund);
}

function highestOfFile(file: string, read: (db: Db) => number): number {
  try {
    const db = openDatabase(file, { readonly: true, fileMustExist: true });
    try {
      return read(db);
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}
