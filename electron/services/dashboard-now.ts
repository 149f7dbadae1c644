import { ageBands, type DashboardNow, type OldestTab } from '../../shared/dashboard-types';
import { ageBandOf } from '../../shared/domain/dashboard-period';
import { accounts } from '../../shared/ledger-vocabulary';
import { businessDateAt } from '../ledger/journal';
import type { Db } from '../ledger/open';
import { tokenPool } from './tokens';
import { statement } from '../ledger/statements';

type OpenRow = { id: number; token: number; name: string; opened_at: string; due: number };

/**
 * A token is out when it is not free: held by an open tab, or (where the pool records it) not
 * handed back. Read without naming the pool's states, so it holds with or without them.
 */
/**
 * What is out at `now`: each open tab's receivable balance (what it owes, invariant 2), by how long
 * it has been open; the oldest; the tokens not free; the deposits held (their sum is deposits_held,
 * invariant 11).
 */
export function dashboardNow(db: Db, now: string): DashboardNow {
  const open = statement<[string], OpenRow>(
    db,
    `SELECT t.id, t.token, t.name, t.opened_at, coalesce(SUM(p.amount_minor), 0) AS due
       FROM tabs t LEFT JOIN journal_entries je ON je.tab_id = t.id LEFT JOIN postings p ON p.entry_id = je.id AND p.account = ?
       WHERE t.status = 'open' GROUP BY t.id ORDER BY t.opened_at, t.token`,
  ).all(accounts.receivable);
  const at = Date.parse(now);
  const ageOf = (openedAt: string) => Math.max(0, Math.floor((at - Date.parse(openedAt)) / 60_000));
  const bands = ageBands.map((band) => ({ band, tabs: 0, owedMinor: 0 }));
  let owed = 0;
  for (const tab of open) {
    const band = bands[ageBands.indexOf(ageBandOf(ageOf(tab.opened_at)))];
    if (band) {
      band.tabs += 1;
      band.owedMinor += tab.due;
    }
    owed += tab.due;
  }
  const first = open[0];
  const oldest: OldestTab | null = first
    ? { tabId: first.id, token: first.token, name: first.name, openedAt: first.opened_at, ageMinutes: ageOf(first.opened_at), dueMinor: first.due }
    : null;
  // Every token in circulation: the pool's range, and one still missing from outside it (the range changed since).
  const pool = tokenPool(db);
  const held = statement<[], { n: number; amount: number }>(
    db,
    "SELECT COUNT(*) AS n, coalesce(SUM(amount_minor), 0) AS amount FROM deposits WHERE status = 'held'",
  ).get();
  return {
    at: now,
    businessDate: businessDateAt(db, now),
    openTabs: open.length,
    owedMinor: owed,
    bands,
    oldest,
    tokens: { total: pool.length, out: pool.filter((t) => t.state !== 'free').length, missing: pool.filter((t) => t.state === 'missing').length },
    depositsHeld: { count: held?.n ?? 0, amountMinor: held?.amount ?? 0 },
  };
}
