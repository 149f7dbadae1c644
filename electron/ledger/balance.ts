import type { Db } from './open';
import { statement } from './statements';

/**
 * The journal's balance check, in one place: every entry's postings sum to zero, and so does the
 * whole journal. Sums are read as BigInt: an account's balance, or what a damaged journal is off
 * by, may outgrow 2^53 even when every posting fits, and is judged exactly, not rounded.
 */

export type UnbalancedEntry = { entryId: number; offMinor: bigint };

export type AccountBalance = { account: string; balance: bigint };

/** The entries whose postings do not sum to zero, by id: all of them, or the first `limit`. */
export function unbalancedEntries(db: Db, limit?: number): UnbalancedEntry[] {
  return statement<[number], { entry_id: bigint; off: bigint }>(
    db,
    'SELECT entry_id, sum(amount_minor) AS off FROM postings GROUP BY entry_id HAVING sum(amount_minor) <> 0 ORDER BY entry_id LIMIT ?',
  )
    .safeIntegers(true)
    .all(limit ?? -1)
    .map((row) => ({ entryId: Number(row.entry_id), offMinor: row.off }));
}

/** What every posting in the journal sums to: zero when it balances. */
export function journalTotal(db: Db): bigint {
  return statement<[], { total: bigint }>(db, 'SELECT coalesce(sum(amount_minor), 0) AS total FROM postings').safeIntegers(true).get()?.total ?? 0n;
}

/** Each account's balance, by name; together they sum to the journal's total. */
export function accountBalances(db: Db): AccountBalance[] {
  return statement<[], AccountBalance>(db, 'SELECT account, SUM(amount_minor) AS balance FROM postings GROUP BY account ORDER BY account')
    .safeIntegers(true)
    .all();
}

export function totalOf(balances: readonly AccountBalance[]): bigint {
  return balances.reduce((sum, row) => sum + row.balance, 0n);
}
