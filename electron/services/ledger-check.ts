import { accounts as ledgerAccounts, type Account } from '../../shared/ledger-vocabulary';
import type { LedgerCheck } from '../../shared/types';
import { chainHead, describeBreak, EMPTY_HEAD, lastZHead, verifyChain, type ChainVerification } from '../ledger/chain';
import { accountBalances, totalOf, unbalancedEntries } from '../ledger/balance';
import type { Db } from '../ledger/open';
import { standingPayment } from './tab-read';

/**
 * Checks the journal against the invariants a person can ask about from a screen: the hash
 * chain holds (from the newest Z's head, or from its first row when `full`), every entry
 * balances, the whole journal balances, each tab's receivable matches its state.
 */
export function checkLedger(db: Db, options: { full?: boolean; chain?: ChainVerification } = {}): LedgerCheck {
  const problems: string[] = [];
  const from = options.full ? EMPTY_HEAD : (lastZHead(db) ?? EMPTY_HEAD);
  // A walk from the first row may have been done already, off the main thread (see the command router).
  const verified = from.seq === 0 && options.chain ? options.chain : verifyChain(db, { from });
  const broken = verified.broken ? describeBreak(verified.broken) : null;
  if (broken) problems.push(broken);
  const head = broken ? chainHead(db) : verified.head;
  const chain = { full: from.seq === 0, fromSeq: from.seq, headSeq: head.seq, headHash: head.hash, rowsChecked: verified.rowsChecked, broken };
  const unbalanced = unbalancedEntries(db).map((r) => r.entryId);
  if (unbalanced.length > 0) problems.push(`${unbalanced.length} journal entries do not balance`);
  const balances = accountBalances(db);
  const accounts = balances.map((r) => {
    if (r.balance > BigInt(Number.MAX_SAFE_INTEGER) || r.balance < -BigInt(Number.MAX_SAFE_INTEGER)) {
      problems.push(`${r.account} holds ${r.balance}, beyond what can be shown exactly`);
    }
    return { account: r.account, balanceMinor: Number(r.balance) };
  });
  const total = totalOf(balances);
  if (total !== 0n) problems.push(`the journal is off by ${total}`);
  const tabs = db
    .prepare<[Account], { id: number; token: number; status: string; receivable: number; posted: number; paid: number }>(
      `SELECT t.id, t.token, t.status,
         (SELECT COALESCE(SUM(p.amount_minor), 0) FROM journal_entries e CROSS JOIN postings p ON p.entry_id = e.id
            WHERE e.tab_id = t.id AND p.account = ?) AS receivable,
         (SELECT COALESCE(SUM(r.receivable_minor), 0) FROM tab_rate_totals r WHERE r.tab_id = t.id) AS posted,
         (SELECT COALESCE(SUM(p.amount_minor), 0) FROM payments p WHERE p.tab_id = t.id AND ${standingPayment}) AS paid
       FROM tabs t`,
    )
    .all(ledgerAccounts.receivable);
  for (const t of tabs) {
    const expected = t.status === 'open' ? t.posted - t.paid : 0;
    if (t.receivable !== expected) problems.push(`tab #${t.id} (token ${t.token}, ${t.status}) owes ${t.receivable} in the journal but ${expected} by its lines`);
  }
  const entries = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM journal_entries').get()?.n ?? 0;
  const postings = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM postings').get()?.n ?? 0;
  return { balanced: unbalanced.length === 0 && total === 0n, entries, postings, unbalancedEntries: unbalanced, accounts, chain, problems };
}
