import type { Minor } from './money';
import type { RateMilli } from './domain/tax';
import type { PaymentMethod, TabDetail, TabStatus } from './types';

/** Whole (everything left), some units of some lines, or an amount shared over the tab's rates. */
export const refundModes = ['whole', 'lines', 'amount'] as const;
export type RefundMode = (typeof refundModes)[number];

/**
 * Units of one line of a settled tab as a refund sees them: its comped units, or its full-price
 * ones (a line with a comp on some units has both). Each unit is worth what was actually paid for
 * it: its share of what the tab cost at its rate after comps and any reward.
 */
export type RefundableLine = {
  lineId: number;
  name: string;
  rateMilli: RateMilli;
  comped: boolean;
  /** Units of this kind on the line, and how many earlier refunds by line gave back. */
  qty: number;
  refundedQty: number;
  /** What each unit still to refund is worth, in the order they are given back. */
  unitMinors: Minor[];
};

/** One tender the tab was paid by: what it paid (deposits applied included), and what refunds gave back by it. */
export type RefundableTender = {
  method: PaymentMethod;
  paidMinor: Minor;
  refundedMinor: Minor;
  /** The bill part still refundable by this tender. */
  leftMinor: Minor;
  /** Tips paid by this tender and not yet refunded: they go back the way they came, only when asked. */
  tipsLeftMinor: Minor;
};

/** An earlier refund of the tab, as its history and the refund screen list it. */
export type RefundSummary = {
  refundId: number;
  at: string;
  mode: RefundMode;
  reason: string;
  amountMinor: Minor;
  tipMinor: Minor;
  staffName: string;
};

/** What a settled tab may still have refunded (tab.refundable): the most that may go back, never more than was paid. */
export type Refundable = {
  tabId: number;
  token: number;
  name: string;
  /** The receipt the refund points at (null: settled before receipts were numbered). */
  receiptNumber: number | null;
  closedAt: string | null;
  /** The bill part (tips apart) paid, refunded so far, and still refundable. */
  paidMinor: Minor;
  refundedMinor: Minor;
  leftMinor: Minor;
  /** Tips paid on the tab and not refunded yet. */
  tipsLeftMinor: Minor;
  lines: RefundableLine[];
  /** Largest still refundable first: the way a refund goes back unless the screen chooses. */
  tenders: RefundableTender[];
  refunds: RefundSummary[];
  /** Whether a drawer is open to give cash back from. */
  drawerOpen: boolean;
};

/** One tender of a refund: the bill part and the tips it gives back, and what changes hands after cash rounding. */
export type RefundTender = {
  method: PaymentMethod;
  amountMinor: Minor;
  tipMinor: Minor;
  /** What changes hands: amount + tip, rounded to the store's cash step in cash (the difference to rounding). */
  givenMinor: Minor;
  roundingMinor: Minor;
};

/** One rate of a refund: what it gives back there, tax included, and the tax in it. */
export type RefundRate = { rateMilli: RateMilli; amountMinor: Minor; taxMinor: Minor; netMinor: Minor };

/** Units of a line a refund gives back, and what they were worth. */
export type RefundLine = { lineId: number; name: string; comped: boolean; qty: number; amountMinor: Minor };

/**
 * Exactly what a refund would give back and how (tab.refundQuote), worked out by the ledger with
 * the same rules tab.refund posts by, so the screen shows the figures that will be posted.
 */
export type RefundQuote = {
  tabId: number;
  mode: RefundMode;
  /** The bill part given back (tax included), the tax in it, and the net (to the refunds account). */
  amountMinor: Minor;
  taxMinor: Minor;
  netMinor: Minor;
  /** Tips given back (only when asked), and to whom, by their shares. */
  tipMinor: Minor;
  tips: { staffId: number; staffName: string; tipMinor: Minor }[];
  rates: RefundRate[];
  lines: RefundLine[];
  tenders: RefundTender[];
  /** Everything that changes hands, over every tender. */
  givenMinor: Minor;
  /** The bill part still refundable after this one. */
  leftAfterMinor: Minor;
};

/**
 * The refund receipt: a plain object any paper (the screen's, a receipt printer's) renders with
 * the store's settings (its head and language). It names the receipt it refunds.
 */
export type RefundReceipt = Omit<RefundQuote, 'leftAfterMinor'> & {
  refundId: number;
  token: number;
  tabName: string;
  /** The receipt refunded (null: a tab settled before receipts were numbered). */
  originalReceiptNumber: number | null;
  /** When the original tab closed. */
  originalClosedAt: string | null;
  at: string;
  businessDate: string;
  reason: string;
  staffName: string;
  approverName: string | null;
};

/** What tab.refund answers: the refund's receipt and the tab as it now reads. */
export type RefundResult = { refundId: number; receipt: RefundReceipt; tab: TabDetail };

/** A settled (or once settled) tab found by its receipt number, or among the day's last ones. */
export type ReceiptMatch = {
  tabId: number;
  token: number;
  name: string;
  status: TabStatus;
  /** The receipt number asked for, or the tab's newest. */
  receiptNumber: number | null;
  closedAt: string | null;
  totalMinor: Minor;
  refundedMinor: Minor;
};
