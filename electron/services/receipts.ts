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
  const { db } = ctx;
  // The tab, the number it replaces (a settle after a voided payment) and the next number, in one read.
  const tab = statement<[number], { closed_at: string; closed_business_date: string; total: number; replaces: number | null; highest: number }>(
    db,
    `SELECT t.closed_at, t.closed_business_date, (SELECT coalesce(sum(r.receivable_minor), 0) FROM tab_rate_totals r WHERE r.tab_id = t.id) AS total,
         (SELECT max(receipt_number) FROM receipts WHERE tab_id = t.id) AS replaces, ${highestReceiptSql} AS highest
       FROM tabs t WHERE t.id = ? AND t.status = 'settled'`,
  ).get(tabId);
  if (!tab) throw new Error(`tab ${tabId} is not settled: only a settled tab is given a receipt number`);
  const number = tab.highest + 1;
  statement(db, 'INSERT INTO receipts (receipt_number, tab_id, business_date, issued_at, total_minor, staff_id, replaces) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    number,
    tabId,
    tab.closed_business_date,
    tab.closed_at,
    tab.total,
    ctx.actor.id,
    tab.replaces,
  );
  return number;
}

/** The newest receipt number a tab was given, or null when it has none. */
export function newestReceipt(db: Db, tabId: number): number | null {
  return statement<[number], { n: number | null }>(db, 'SELECT max(receipt_number) AS n FROM receipts WHERE tab_id = ?').get(tabId)?.n ?? null;
}
