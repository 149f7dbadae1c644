import { accountPrefixes, accounts } from '../../shared/ledger-vocabulary';

/**
 * The journal's vocabulary in the SQL that filters by it: the words are bound as parameters,
 * never spelled inside the SQL text, so a renamed kind or account cannot leave a query behind
 * that silently matches nothing.
 */

/**
 * Net sales, the Z's figure by account: what the sales accounts, the comps account and the
 * loyalty account moved (postings as p). Its parameters are netSalesParams, bound where the fragment stands.
 */
export const NET_SALES = '(p.account LIKE ? OR p.account = ? OR p.account = ?)';
export const netSalesParams = [`${accountPrefixes.sales}%`, accounts.comps, accounts.loyalty] as const;

/**
 * Net sales after refunds (the Z's net sales and its hours): as NET_SALES, and the refunds account,
 * contra-revenue on the day a refund is given. Its parameters are netAfterRefundsParams.
 */
export const NET_AFTER_REFUNDS = '(p.account LIKE ? OR p.account = ? OR p.account = ? OR p.account = ?)';
export const netAfterRefundsParams = [...netSalesParams, accounts.refunds] as const;

/** A tips_payable account of anyone (postings as p); its parameter is tipsPattern. */
export const TIPS_ACCOUNTS = 'p.account LIKE ?';
export const tipsPattern = `${accountPrefixes.tips}%`;

/** As many anonymous parameters as there are words, for an IN (...) list. */
export function placeholders(words: readonly string[]): string {
  if (words.length === 0) throw new RangeError('an IN list needs at least one word');
  return words.map(() => '?').join(', ');
}
