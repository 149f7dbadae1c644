import { accounts, type Account } from '../../shared/ledger-vocabulary';
import type { Db } from '../ledger/open';
import { standingPayment } from './tab-read';
import { statement } from '../ledger/statements';

/**
 * What moving things between tabs and missing tokens must keep true (migration 018), as a person
 * reading ledger.check would put it: tab_transfers nets to zero (each merge's two entries cancel
 * out), a merge carried exactly what had been paid on the merged tab, a merged tab stays closed as
 * voided, and a missing token is held by no open tab. A ledger from before 018 has none of it.
 */
export function moveProblems(db: Db): string[] {
  if (statement(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'tab_merges'").get() === undefined) return [];
  const problems: string[] = [];
  const transfers =
    statement<[Account], { s: number | null }>(db, 'SELECT SUM(amount_minor) AS s FROM postings WHERE account = ?').get(accounts.tabTransfers)?.s ?? 0;
  if (transfers !== 0) problems.push(`tab_transfers holds ${transfers}, but what a merge moves between two tabs always nets to zero`);
  const merges = statement<[], { from_tab_id: number; into_tab_id: number; paid_minor: number; paid_now: number; status: string }>(
    db,
    `SELECT m.from_tab_id, m.into_tab_id, m.paid_minor, t.status,
         (SELECT COALESCE(SUM(p.amount_minor), 0) FROM payments p WHERE p.tab_id = m.from_tab_id AND ${standingPayment})
           + (SELECT COALESCE(SUM(d.applied_minor), 0) FROM deposits d WHERE d.tab_id = m.from_tab_id)
           + (SELECT COALESCE(SUM(i.paid_minor), 0) FROM tab_merges i WHERE i.into_tab_id = m.from_tab_id) AS paid_now
       FROM tab_merges m JOIN tabs t ON t.id = m.from_tab_id ORDER BY m.from_tab_id`,
  ).all();
  for (const m of merges) {
    if (m.paid_now !== m.paid_minor)
      problems.push(`tab #${m.from_tab_id} was merged with ${m.paid_minor} paid on it, but its payments now add up to ${m.paid_now}`);
    if (m.status !== 'voided') problems.push(`tab #${m.from_tab_id} was merged into tab #${m.into_tab_id} but is ${m.status}`);
  }
  const held = statement<[], { token: number; id: number }>(
    db,
    `SELECT t.token, t.id FROM tabs t WHERE t.status = 'open'
         AND (SELECT kind FROM token_events e WHERE e.token = t.token ORDER BY e.id DESC LIMIT 1) IS 'missing'`,
  ).all();
  for (const h of held) problems.push(`token ${h.token} is marked missing but open tab #${h.id} holds it`);
  return problems;
}
