import type { Db } from './open';
import { statement } from './statements';

/**
 * The receipt-number rule, as z-numbers.ts has it for Zs: numbers only grow and are never issued
 * twice, not even after a restore brings back an older file that never saw the later ones. The
 * ledger keeps a floor (store_settings.receipt_number_floor, migration 016) that a restore raises
 * to every number the replaced ledger issued; the next receipt is one above the higher of the
 * floor and the highest number issued (the ledger's trigger refuses any other).
 */

function hasReceipts(db: Db): boolean {
  return statement(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'receipts'").get() !== undefined;
}

/**
 * The highest number issued or promised not to reuse, as an SQL expression, for a ledger of the
 * current schema: a settlement reads it in the same statement as the tab it numbers.
 */
export const highestReceiptSql =
  'max((SELECT coalesce(max(receipt_number), 0) FROM receipts), (SELECT coalesce(max(receipt_number_floor), 0) FROM store_settings))';

/** The highest receipt number a ledger has issued or promised not to reuse; any schema (one from before 016 has issued none). */
export function highestReceipt(db: Db): number {
  if (!hasReceipts(db)) return 0;
  return statement<[], { n: number }>(db, `SELECT ${highestReceiptSql} AS n`).get()?.n ?? 0;
}

/** The number the next receipt takes. */
export function nextReceiptNumber(db: Db): number {
  return highestReceipt(db) + 1;
}

/**
 * Raises the ledger's receipt floor to at least `floor` (never lowers it). A restore calls it, in
 * its transaction, with the highest number the ledger it replaces had issued.
 */
export function raiseReceiptFloor(db: Db, floor: number): void {
  if (!Number.isSafeInteger(floor) || floor < 0) throw new RangeError(`a receipt floor is a whole number from 0 (got ${floor})`);
  statement(db, 'UPDATE store_settings SET receipt_number_floor = max(receipt_number_floor, ?) WHERE id = 1').run(floor);
}
