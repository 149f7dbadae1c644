import type { Db } from './open';
import { statement } from './statements';

/**
 * The refund-number rule, as receipt-numbers.ts has it for receipts: a refund's number (its id) only
 * grows and is never given twice, not even after a restore brings back an older file that never saw
 * the later refunds. The ledger keeps a floor (store_settings.refund_number_floor, migration 017)
 * that a restore raises to every number the replaced ledger issued; the next refund is one above
 * the higher of the floor and the highest number issued (the ledger's trigger refuses any other).
 */

function hasRefunds(db: Db): boolean {
  return statement(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'refunds'").get() !== undefined;
}

/** The highest refund number a ledger has issued or promised not to reuse; any schema (one from before 017 has issued none). */
export function highestRefund(db: Db): number {
  if (!hasRefunds(db)) return 0;
  const row = statement<[], { issued: number | null; floor: number | null }>(
    db,
    'SELECT (SELECT max(id) FROM refunds) AS issued, (SELECT max(refund_number_floor) FROM store_settings) AS floor',
  ).get();
  return Math.max(row?.issued ?? 0, row?.floor ?? 0);
}

/** The number the next refund takes. */
export function nextRefundNumber(db: Db): number {
  return highestRefund(db) + 1;
}

/**
 * Raises the ledger's refund floor to at least `floor` (never lowers it). A restore calls it, in
 * its transaction, with the highest number the ledger it replaces had issued.
 */
export function raiseRefundFloor(db: Db, floor: number): void {
  if (!Number.isSafeInteger(floor) || floor < 0) throw new RangeError(`a refund floor is a whole number from 0 (got ${floor})`);
  statement(db, 'UPDATE store_settings SET refund_number_floor = max(refund_number_floor, ?) WHERE id = 1').run(floor);
}
