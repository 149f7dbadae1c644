import { highestReceiptSql } from '../ledger/receipt-numbers';
import type { Db } from '../ledger/open';
import type { ServiceContext } from './context';
import { statement } from '../ledger/statements';

/**
 * Gives a tab that has just settled its receipt number, in the same transaction (migration 016):
 * the next number, for what the tab cost, on the day it closed. A tab that settles again after a
 * voided payment reopened it gets a new number that replaces its previous one, which stays.
 */
export function issueReceipt(ctx: ServiceContext, tabId: number): number {
  // The tab, the number it replaces (a settle after a voided payment) and the next number are
  // read by the insert itself: one statement, and no row when the tab is not settled.
  const issued = statement<[number, number], { receipt_number: number }>(
    ctx.db,
    `INSERT INTO receipts (receipt_number, tab_id, business_date, issued_at, total_minor, staff_id, replaces)
       SELECT ${highestReceiptSql} + 1, t.id, t.closed_business_date, t.closed_at,
         (SELECT coalesce(sum(r.receivable_minor), 0) FROM tab_rate_totals r WHERE r.tab_id = t.id), ?,
         (SELECT max(receipt_number) FROM receipts WHERE tab_id = t.id)
       FROM tabs t WHERE t.id = ? AND t.status = 'settled'
     RETURNING receipt_number`,
  ).get(ctx.actor.id, tabId);
  if (!issued) throw new Error(`tab ${tabId} is not settled: only a settled tab is given a receipt number`);
  return issued.receipt_number;
}

/** The newest receipt number a tab was given, or null when it has none. */
export function newestReceipt(db: Db, tabId: number): number | null {
  return statement<[number], { n: number | null }>(db, 'SELECT max(receipt_number) AS n FROM receipts WHERE tab_id = ?').get(tabId)?.n ?? null;
}
