import type { PaymentMethod } from './types';

/**
 * The journal's words: the kinds of entry the services post and the accounts they post to, in
 * one place, so the services that write them and the reports that sum them cannot drift apart.
 * A kind or account spelled wrong anywhere is a type error, not a report that quietly sums zero.
 * Pure TypeScript: the main process posts and reports with it, the renderer labels accounts.
 */

/** Every kind of journal entry, as stored in journal_entries.kind. */
export const entryKinds = [
  // A tab's lines: each change reposts the tab's totals as the difference.
  'line.add',
  'line.qty',
  'line.remove',
  'line.comp',
  // Payments by method; payment.zero anchors a settlement of a tab that owes nothing.
  'payment.cash',
  'payment.card',
  'payment.other',
  'payment.zero',
  'payment.void',
  'tab.writeOff',
  'drawer.open',
  'drawer.paidIn',
  'drawer.paidOut',
  'drawer.close',
  // Deposits (domain.md): taken at booking into deposits_held, then applied to the tab, refunded
  // by their tender, or forfeited after a late cancel or a no-show.
  'deposit.take',
  'deposit.apply',
  'deposit.refund',
  'deposit.forfeit',
  // Loyalty: a reward taken off a tab at settlement (to the loyalty account, apart from comps),
  // and the same reward taken back off because the tab's lines changed after it was given.
  'loyalty.redeem',
  'loyalty.undo',
  // A refund of a settled tab, posted on the day it is given and pointing at the tab it refunds:
  // Dr refunds (net) and tax_payable per rate, Dr tips_payable when tips go back, Cr the tenders.
  'refund.issue',
  // Lines moved between two open tabs, and a tab merged into another: one entry on each tab, posting
  // the difference its lines now make (what the day sold does not change, but for the tax each tab
  // rounds on its own); a merge also carries what was paid on the merged tab over to tab_transfers.
  'tab.move',
  'tab.merge',
] as const;

export type EntryKind = (typeof entryKinds)[number];

/** The kinds that change a tab's lines: the report counts what they charged. */
export const lineKinds = ['line.add', 'line.qty', 'line.remove', 'line.comp'] as const satisfies readonly EntryKind[];

export type LineKind = (typeof lineKinds)[number];

export const isLineKind = (kind: EntryKind): kind is LineKind => (lineKinds as readonly EntryKind[]).includes(kind);

/** The kinds that move lines between open tabs: what they post is not a sale, only where it is owed. */
export const moveKinds = ['tab.move', 'tab.merge'] as const satisfies readonly EntryKind[];

export type MoveKind = (typeof moveKinds)[number];

export const isMoveKind = (kind: EntryKind): kind is MoveKind => (moveKinds as readonly EntryKind[]).includes(kind);

/** The kinds that take or give back a payment: a drawer's cash in is what they moved. */
export const paymentKinds = ['payment.cash', 'payment.card', 'payment.other', 'payment.zero', 'payment.void'] as const satisfies readonly EntryKind[];

export const isPaymentKind = (kind: EntryKind): boolean => (paymentKinds as readonly EntryKind[]).includes(kind);

/** The entry kind of a payment by this method. */
export function paymentKind(method: PaymentMethod): EntryKind {
  return `payment.${method}`;
}

export function isEntryKind(value: string): value is EntryKind {
  return (entryKinds as readonly string[]).includes(value);
}

/** The accounts that need no detail after their name. */
export const plainAccounts = [
  'tabs_receivable',
  'cash_drawer',
  'card_clearing',
  'other_tender',
  'comps',
  'walkouts',
  'rounding',
  'cash_office',
  'paid_in',
  'paid_out',
  'cash_over_short',
  'deposits_held',
  'forfeited_deposits',
  'loyalty',
  'refunds',
  'tab_transfers',
] as const;

export type PlainAccount = (typeof plainAccounts)[number];

/**
 * The accounts kept one per rate or per person: sales:10, tax_payable:8.875, tips_payable:3.
 * The prefix ends in the colon so a test with startsWith never matches another account's name.
 */
export const accountPrefixes = { sales: 'sales:', tax: 'tax_payable:', tips: 'tips_payable:' } as const;

export type SalesAccount = `sales:${string}`;
export type TaxAccount = `tax_payable:${string}`;
export type TipsAccount = `tips_payable:${number}`;
export type Account = PlainAccount | SalesAccount | TaxAccount | TipsAccount;

export const accounts = {
  receivable: 'tabs_receivable',
  cash: 'cash_drawer',
  card: 'card_clearing',
  other: 'other_tender',
  comps: 'comps',
  walkouts: 'walkouts',
  rounding: 'rounding',
  /** Cash outside the drawer (the safe, the bank bag): where a float comes from and a count goes. */
  office: 'cash_office',
  paidIn: 'paid_in',
  paidOut: 'paid_out',
  overShort: 'cash_over_short',
  depositsHeld: 'deposits_held',
  forfeited: 'forfeited_deposits',
  /** Contra-revenue: the net (before tax) of loyalty rewards given, kept apart from comps. */
  loyalty: 'loyalty',
  /** Contra-revenue: the net (before tax) of what refunds of settled tabs gave back. */
  refunds: 'refunds',
  /**
   * A clearing account: a merge moves what was paid on the merged tab to the tab it went into, as
   * one entry on each tab; the two always net to zero, so its balance is always zero.
   */
  tabTransfers: 'tab_transfers',
  sales: (rate: string): SalesAccount => `${accountPrefixes.sales}${rate}`,
  tax: (rate: string): TaxAccount => `${accountPrefixes.tax}${rate}`,
  tips: (staffId: number): TipsAccount => `${accountPrefixes.tips}${staffId}`,
} as const satisfies Record<string, PlainAccount | ((detail: never) => Account)>;

/** The account each payment method's money goes to. */
export const tenderAccounts = { cash: accounts.cash, card: accounts.card, other: accounts.other } as const satisfies Record<PaymentMethod, PlainAccount>;

export const isSalesAccount = (account: string): account is SalesAccount => account.startsWith(accountPrefixes.sales);
export const isTaxAccount = (account: string): account is TaxAccount => account.startsWith(accountPrefixes.tax);
export const isTipsAccount = (account: string): account is TipsAccount => account.startsWith(accountPrefixes.tips);

/** The staff id a tips_payable account is kept for. */
export function tipsStaffId(account: TipsAccount): number {
  return Number(account.slice(accountPrefixes.tips.length));
}

/** The rate label after sales: or tax_payable: ("8.875"). */
export function rateLabelOf(account: SalesAccount | TaxAccount): string {
  return account.slice(account.indexOf(':') + 1);
}
