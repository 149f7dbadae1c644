import { accountPrefixes, accounts as ledgerAccounts, type Account } from '../../shared/ledger-vocabulary';
import type { LedgerCheck } from '../../shared/types';
import { chainHead, describeBreak, EMPTY_HEAD, lastZHead, verifyChain, type ChainVerification } from '../ledger/chain';
import { accountBalances, totalOf, unbalancedEntries } from '../ledger/balance';
import { lastClosedDate } from '../ledger/journal';
import type { Db } from '../ledger/open';
import { appliedDeposits, mergedPaid, standingPayment, tabFamilyOf } from './tab-read';
import { moveProblems } from './tab-moves-check';
import { statement } from '../ledger/statements';

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
  const tabs = statement<[Account], { id: number; token: number; status: string; receivable: number; posted: number; paid: number }>(
    db,
    `SELECT t.id, t.token, t.status,
         (SELECT COALESCE(SUM(p.amount_minor), 0) FROM journal_entries e CROSS JOIN postings p ON p.entry_id = e.id
            WHERE e.tab_id = t.id AND p.account = ?) AS receivable,
         (SELECT COALESCE(SUM(r.receivable_minor), 0) FROM tab_rate_totals r WHERE r.tab_id = t.id) AS posted,
         (SELECT COALESCE(SUM(p.amount_minor), 0) FROM payments p WHERE p.tab_id = t.id AND ${standingPayment}) + ${appliedDeposits} + ${mergedPaid('t')} AS paid
       FROM tabs t`,
  ).all(ledgerAccounts.receivable);
  for (const t of tabs) {
    const expected = t.status === 'open' ? t.posted - t.paid : 0;
    if (t.receivable !== expected)
      problems.push(`tab #${t.id} (token ${t.token}, ${t.status}) owes ${t.receivable} in the journal but ${expected} by its lines`);
  }
  problems.push(...depositProblems(db));
  problems.push(...receiptProblems(db));
  problems.push(...moveProblems(db));
  problems.push(...refundProblems(db));
  problems.push(...dayTotalProblems(db));
  const entries = statement<[], { n: number }>(db, 'SELECT COUNT(*) AS n FROM journal_entries').get()?.n ?? 0;
  const postings = statement<[], { n: number }>(db, 'SELECT COUNT(*) AS n FROM postings').get()?.n ?? 0;
  return { balanced: unbalanced.length === 0 && total === 0n, entries, postings, unbalancedEntries: unbalanced, accounts, chain, problems };
}

/**
 * A settled tab's receipt is the one it settled with: the newest number it was given was issued
 * as it closed, on its day, for what it cost (the triggers of migration 016 hold each insert to
 * that; this sees a row or a tab written around them). A ledger from before receipts has none.
 */
export function receiptProblems(db: Db): string[] {
  if (statement(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'receipts'").get() === undefined) return [];
  return statement<[], { receipt_number: number; tab_id: number }>(
    db,
    `SELECT r.receipt_number, r.tab_id FROM receipts r JOIN tabs t ON t.id = r.tab_id
       WHERE t.status = 'settled' AND r.receipt_number = (SELECT max(receipt_number) FROM receipts WHERE tab_id = r.tab_id)
         AND (r.issued_at IS NOT t.closed_at OR r.business_date IS NOT t.closed_business_date
              OR r.total_minor IS NOT (SELECT coalesce(sum(receivable_minor), 0) FROM tab_rate_totals WHERE tab_id = t.id))
       ORDER BY r.receipt_number`,
  )
    .all()
    .map((r) => `receipt ${r.receipt_number} does not match the close of tab #${r.tab_id}`);
}

/**
 * The running totals of each business day (migration 019), which the X and the Z read instead of
 * summing the journal again, are what the journal sums to: per day, kind, maker and account, and
 * the entries per day, kind and maker. Checked for the days after the last Z (a closed day's
 * figures are frozen in its Z), or for every day with `allDays`.
 */
export function dayTotalProblems(db: Db, options: { allDays?: boolean } = {}): string[] {
  if (statement(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'day_posting_totals'").get() === undefined) return [];
  const after = options.allDays ? '' : (lastClosedDate(db) ?? '');
  const postings = `SELECT je.business_date AS day, je.kind, je.staff_id, p.account, SUM(p.amount_minor) FROM journal_entries je CROSS JOIN postings p ON p.entry_id = je.id
    WHERE je.business_date > @after GROUP BY je.business_date, je.kind, je.staff_id, p.account`;
  const keptPostings = 'SELECT business_date AS day, kind, staff_id, account, amount_minor FROM day_posting_totals WHERE business_date > @after';
  const entries =
    'SELECT business_date AS day, kind, staff_id, COUNT(*) FROM journal_entries WHERE business_date > @after GROUP BY business_date, kind, staff_id';
  const keptEntries = 'SELECT business_date AS day, kind, staff_id, entries FROM day_entry_totals WHERE business_date > @after';
  return statement<[{ after: string }], { day: string }>(
    db,
    `SELECT day FROM (${postings} EXCEPT ${keptPostings}) UNION SELECT day FROM (${keptPostings} EXCEPT ${postings})
       UNION SELECT day FROM (${entries} EXCEPT ${keptEntries}) UNION SELECT day FROM (${keptEntries} EXCEPT ${entries}) ORDER BY day`,
  )
    .all({ after })
    .map((r) => `the running totals of business day ${r.day} do not match its journal entries`);
}

/**
 * Invariant 11: deposits_held holds exactly the deposits that are held; every deposit taken at
 * the counter names its own deposit.take entry, of its amount; a closed deposit's parts add up
 * to it (the table's checks hold that too, so a row written around them still shows here).
 */
export function depositProblems(db: Db): string[] {
  const problems: string[] = [];
  const balance =
    statement<[Account], { s: number | null }>(db, 'SELECT SUM(amount_minor) AS s FROM postings WHERE account = ?').get(ledgerAccounts.depositsHeld)?.s ?? 0;
  const held = statement<[], { s: number | null }>(db, "SELECT SUM(amount_minor) AS s FROM deposits WHERE status = 'held'").get()?.s ?? 0;
  if (-balance !== held) problems.push(`deposits_held holds ${-balance} but the held deposits add up to ${held}`);
  const badTakes = statement<[Account], { id: number }>(
    db,
    `SELECT d.id FROM deposits d WHERE d.take_entry_id IS NOT NULL AND (
         (SELECT kind FROM journal_entries WHERE id = d.take_entry_id) IS NOT 'deposit.take'
         OR (SELECT -SUM(amount_minor) FROM postings WHERE entry_id = d.take_entry_id AND account = ?) IS NOT d.amount_minor)
       UNION ALL SELECT d.id FROM deposits d WHERE d.take_entry_id IS NULL AND d.from_deposit_id IS NULL
       UNION ALL SELECT d.id FROM deposits d WHERE d.status = 'closed' AND d.applied_minor + d.refunded_minor + d.forfeited_minor + d.kept_minor <> d.amount_minor`,
  ).all(ledgerAccounts.depositsHeld);
  for (const d of badTakes) problems.push(`deposit #${d.id} does not match its journal entries`);
  const takes = statement<[], { n: number }>(db, "SELECT COUNT(*) AS n FROM journal_entries WHERE kind = 'deposit.take'").get()?.n ?? 0;
  const named = statement<[], { n: number }>(db, 'SELECT COUNT(DISTINCT take_entry_id) AS n FROM deposits WHERE take_entry_id IS NOT NULL').get()?.n ?? 0;
  if (takes !== named) problems.push(`${takes} deposits were taken in the journal but ${named} deposit rows name their entry`);
  return problems;
}

/**
 * Invariant 12: a settled tab is never refunded beyond what was paid on it, in all, by each tender
 * and in tips (migration 017's triggers hold each insert to that; this sees rows written around
 * them). Each refund's parts add up to it, and its refund.issue entry posts exactly its figures:
 * the net to refunds, the tax back off tax_payable, the tips off tips_payable, and what each tender
 * gave back. A ledger from before refunds has none.
 */
export function refundProblems(db: Db): string[] {
  if (statement(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'refunds'").get() === undefined) return [];
  const problems: string[] = [];
  // What was paid on the tabs merged into a refunded tab paid for it too (migration 018).
  const merges = statement(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'tab_merges'").get() !== undefined;
  const family = merges ? `(${tabFamilyOf('t.id')})` : '(t.id)';
  const paidBy = (column: string, method: string | null) =>
    `(SELECT coalesce(sum(p.${column}), 0) FROM payments p WHERE p.tab_id IN ${family} AND ${standingPayment}${method ? ` AND p.method = ${method}` : ''})`;
  const appliedBy = (method: string | null) =>
    `(SELECT coalesce(sum(d.applied_minor), 0) FROM deposits d WHERE d.tab_id IN ${family}${method ? ` AND d.method = ${method}` : ''})`;
  const beyond = statement<[], { id: number; token: number }>(
    db,
    `SELECT t.id, t.token FROM tabs t WHERE EXISTS (SELECT 1 FROM refunds r WHERE r.tab_id = t.id) AND (
         t.status <> 'settled'
         OR (SELECT sum(amount_minor) FROM refunds WHERE tab_id = t.id) > ${paidBy('amount_minor', null)} + ${appliedBy(null)}
         OR (SELECT sum(tip_minor) FROM refunds WHERE tab_id = t.id) > ${paidBy('tip_minor', null)}
         OR EXISTS (
           SELECT 1 FROM refund_tenders rt JOIN refunds r ON r.id = rt.refund_id WHERE r.tab_id = t.id GROUP BY rt.method
           HAVING sum(rt.amount_minor) > ${paidBy('amount_minor', 'rt.method')} + ${appliedBy('rt.method')}
               OR sum(rt.tip_minor) > ${paidBy('tip_minor', 'rt.method')}))
       ORDER BY t.id`,
  ).all();
  for (const t of beyond) problems.push(`tab #${t.id} (token ${t.token}) was refunded beyond what was paid on it`);
  const rows = statement<[string, string, string, string, string, string, string], { id: number }>(
    db,
    `SELECT r.id FROM refunds r WHERE
         r.amount_minor IS NOT (SELECT coalesce(sum(amount_minor), 0) FROM refund_rates WHERE refund_id = r.id)
         OR r.tax_minor IS NOT (SELECT coalesce(sum(tax_minor), 0) FROM refund_rates WHERE refund_id = r.id)
         OR r.amount_minor IS NOT (SELECT coalesce(sum(amount_minor), 0) FROM refund_tenders WHERE refund_id = r.id)
         OR r.tip_minor IS NOT (SELECT coalesce(sum(tip_minor), 0) FROM refund_tenders WHERE refund_id = r.id)
         OR (r.mode = 'lines') IS NOT EXISTS (SELECT 1 FROM refund_lines WHERE refund_id = r.id)
         OR (r.mode = 'lines' AND r.amount_minor IS NOT (SELECT coalesce(sum(amount_minor), 0) FROM refund_lines WHERE refund_id = r.id))
         OR (SELECT kind FROM journal_entries WHERE id = r.entry_id) IS NOT ?
         OR (SELECT coalesce(sum(amount_minor), 0) FROM postings WHERE entry_id = r.entry_id AND account = ?) IS NOT r.amount_minor - r.tax_minor
         OR (SELECT coalesce(sum(amount_minor), 0) FROM postings WHERE entry_id = r.entry_id AND account LIKE ?) IS NOT r.tax_minor
         OR (SELECT coalesce(sum(amount_minor), 0) FROM postings WHERE entry_id = r.entry_id AND account LIKE ?) IS NOT r.tip_minor
         OR (SELECT coalesce(sum(amount_minor), 0) FROM postings WHERE entry_id = r.entry_id AND account IN (?, ?, ?))
            IS NOT -(SELECT coalesce(sum(amount_minor + tip_minor - rounding_minor), 0) FROM refund_tenders WHERE refund_id = r.id)
       ORDER BY r.id`,
  ).all(
    'refund.issue',
    ledgerAccounts.refunds,
    `${accountPrefixes.tax}%`,
    `${accountPrefixes.tips}%`,
    ledgerAccounts.cash,
    ledgerAccounts.card,
    ledgerAccounts.other,
  );
  for (const r of rows) problems.push(`refund #${r.id} does not match its parts or its journal entry`);
  const entries = statement<[string], { n: number }>(db, 'SELECT COUNT(*) AS n FROM journal_entries WHERE kind = ?').get('refund.issue')?.n ?? 0;
  const named = statement<[], { n: number }>(db, 'SELECT COUNT(*) AS n FROM refunds').get()?.n ?? 0;
  if (entries !== named) problems.push(`${entries} refunds were posted in the journal but ${named} refund rows name their entry`);
  return problems;
}
