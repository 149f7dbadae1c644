import type { LedgerCheck } from '../../shared/types';
import type { Db } from '../ledger/open';
import { standingPayment } from './tab-read';

/**
 * Checks the journal against the invariants a person can ask about from a screen: every entry
 * balances, the whole journal balances, each tab's receivable matches its state.
 */
export function checkLedger(db: Db): LedgerCheck {
  const problems: string[] = [];
  const unbalanced = db
    .prepare<[], { entry_id: number }>('SELECT entry_id FROM postings GROUP BY entry_id HAVING SUM(amount_minor) <> 0')
    .all()
    .map((r) => r.entry_id);
  if (unbalanced.length > 0) problems.push(`${unbalanced.length} journal entries do not balance`);
  // Sums are read as BigInt: an account's balance may outgrow 2^53 even when every posting fits.
  const balances = db
    .prepare<[], { account: string; balance: bigint }>('SELECT account, SUM(amount_minor) AS balance FROM postings GROUP BY account ORDER BY account')
    .safeIntegers(true)
    .all();
  const accounts = balances.map((r) => {
    if (r.balance > BigInt(Number.MAX_SAFE_INTEGER) || r.balance < -BigInt(Number.MAX_SAFE_INTEGER)) {
      problems.push(`${r.account} holds ${r.balance}, beyond what can be shown exactly`);
    }
    return { account: r.account, balanceMinor: Number(r.balance) };
  });
  const total = balances.reduce((s, r) => s + r.balance, 0n);
  if (total !== 0n) problems.push(`the journal is off by ${total}`);
  const tabs = db
    .prepare<[], { id: number; token: number; status: string; receivable: number; posted: number; paid: number }>(
      `SELECT t.id, t.token, t.status,
         (SELECT COALESCE(SUM(p.amount_minor), 0) FROM journal_entries e CROSS JOIN postings p ON p.entry_id = e.id
            WHERE e.tab_id = t.id AND p.account = 'tabs_receivable') AS receivable,
         (SELECT COALESCE(SUM(r.receivable_minor), 0) FROM tab_rate_totals r WHERE r.tab_id = t.id) AS posted,
         (SELECT COALESCE(SUM(p.amount_minor), 0) FROM payments p WHERE p.tab_id = t.id AND ${standingPayment}) AS paid
       FROM tabs t`,
    )
    .all();
  for (const t of tabs) {
    const expected = t.status === 'open' ? t.posted - t.paid : 0;
    if (t.receivable !== expected) problems.push(`tab #${t.id} (token ${t.token}, ${t.status}) owes ${t.receivable} in the journal but ${expected} by its lines`);
  }
  const entries = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM journal_entries').get()?.n ?? 0;
  const postings = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM postings').get()?.n ?? 0;
  return { balanced: unbalanced.length === 0 && total === 0n, entries, postings, unbalancedEntries: unbalanced, accounts, problems };
}
