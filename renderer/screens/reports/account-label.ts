import type { TipsByStaff } from '../../../shared/closing-types';
import { accountPrefixes, isSalesAccount, isTaxAccount, isTipsAccount, rateLabelOf, type PlainAccount } from '../../../shared/ledger-vocabulary';
import { tPaper } from '../../i18n/t';

const plain = {
  cash_drawer: 'reports.account.cash_drawer',
  cash_office: 'reports.account.cash_office',
  card_clearing: 'reports.account.card_clearing',
  other_tender: 'reports.account.other_tender',
  comps: 'reports.account.comps',
  walkouts: 'reports.account.walkouts',
  paid_out: 'reports.account.paid_out',
  paid_in: 'reports.account.paid_in',
  cash_over_short: 'reports.account.cash_over_short',
  tabs_receivable: 'reports.account.tabs_receivable',
  rounding: 'reports.account.rounding',
  deposits_held: 'reports.account.deposits_held',
  forfeited_deposits: 'reports.account.forfeited_deposits',
  loyalty: 'reports.account.loyalty',
  tab_transfers: 'reports.account.tab_transfers',
  refunds: 'reports.account.refunds',
} as const satisfies Record<PlainAccount, string>;

const isPlain = (account: string): account is keyof typeof plain => Object.hasOwn(plain, account);

/**
 * What a ledger account holds, in words, beside its raw name (which stays as the journal CSV
 * writes it): "sales:10" → "Sales at 10%", "tips_payable:3" → "Tips owed to Kim". An account
 * this screen does not know gets no label rather than a guess.
 */
export function accountLabel(account: string, tips: readonly TipsByStaff[]): string {
  if (isPlain(account)) return tPaper(plain[account]);
  if (isSalesAccount(account)) return tPaper('reports.account.sales', { rate: rateLabelOf(account) });
  if (isTaxAccount(account)) return tPaper('reports.account.tax_payable', { rate: rateLabelOf(account) });
  if (isTipsAccount(account)) {
    const detail = account.slice(accountPrefixes.tips.length);
    const name = tips.find((tip) => String(tip.staffId) === detail)?.staffName;
    return name ? tPaper('reports.account.tips_payable', { name }) : tPaper('reports.account.tips_payableId', { id: detail });
  }
  return '';
}
