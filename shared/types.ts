import type { DepositPolicy, OpeningHours, TabDeposit } from './salon-types';
import type { LoyaltySettings, TabLoyalty } from './loyalty-types';
import type { Minor } from './money';
import type { RateMilli, TaxMode } from './domain/tax';
import type { Role } from './permissions';
import type { Language } from './i18n/languages';
import type { RefundSummary } from './refund-types';
import type { AppError } from './errors';

export type TaxRate = { rateMilli: RateMilli; label: string };

export type StoreSettings = {
  /** The salon's week, Monday first: the appointment grid and the bookings it allows. */
  openingHours: OpeningHours;
  /** What deposit a booking takes, when a cancellation is in time, and what a no-show forfeits. */
  depositPolicy: DepositPolicy;
  /** Off, a stamp card or points; what earns and what a reward is worth. */
  loyalty: LoyaltySettings;
  name: string;
  currency: string;
  /** Follows the currency: JPY 0, EUR 2, KWD 3. */
  exponent: number;
  locale: string;
  taxMode: TaxMode;
  taxRates: TaxRate[];
  tokenFirst: number;
  tokenLast: number;
  /** Cash payments are rounded to a multiple of this many minor units (1 = no rounding). */
  cashRoundingMinor: Minor;
  /** The board turns a tab amber, then red, after this many minutes open. */
  amberMinutes: number;
  redMinutes: number;
  /** A tip above this share of the bill (whole percent, 1 to 1000) is taken only once confirmed in words. */
  tipConfirmPercent: number;
  /** Printed on every token slip, e.g. "Pay at the counter when you're done." */
  payAfterTerms: string;
  /** Minutes after local midnight at which one business day ends and the next begins (240 = 04:00). */
  dayBoundaryMinutes: number;
  /** The IANA time zone business days are counted in; the shop PC's zone when the store was set up. */
  timeZone: string;
  /** True once money is on the books: from then on the currency cannot change. */
  currencyLocked: boolean;
  /**
   * True once a Z has been printed: from then on only the owner changes the time zone or day
   * boundary, and a change waits in pendingDay until the next Z closes the day being traded.
   */
  businessDayLocked: boolean;
  /** The time zone and day boundary that take over when the next Z closes; null when none wait. */
  pendingDay: { timeZone: string; dayBoundaryMinutes: number } | null;
  /** The counter locks itself after this many minutes without a touch or a key (1 to 240). */
  idleLockMinutes: number;
  /**
   * A comp above this share of what the comped units cost (whole percent), or above this amount,
   * needs a manager's or owner's PIN when a staff member gives it.
   */
  approvalCompPercent: number;
  approvalCompMinor: Minor;
  /** A tip above this share of the bill needs a manager's or owner's PIN (beyond being confirmed in words). */
  tipApprovalPercent: number;
  /** Printed at the head of every receipt: the legal name, 0 to 4 address lines and the tax number ('' when not set). */
  legalName: string;
  address: string[];
  taxNumber: string;
  /** The receipt's logo as a data URL (a PNG or JPEG the ledger checked), or null for none. */
  logo: string | null;
  /** The language receipts, token slips and the Z are printed in; each PC's screens keep their own. */
  language: Language;
};

export const ratings = ['happy', 'okay', 'unhappy'] as const;
export type Rating = (typeof ratings)[number];

export type Staff = { id: number; name: string; role: Role };

/** A staff member as the staff screen shows them; never their PIN or its hash. */
export type StaffMember = Staff & {
  active: boolean;
  hasPin: boolean;
  /** Set while five wrong PINs keep them out (ISO time it ends); an owner can lift it. */
  lockedUntil: string | null;
  createdAt: string;
};

/** A name on the PIN pad: who can sign in here. */
export type StaffTile = Staff & { hasPin: boolean; lockedUntil: string | null };

/** What the PIN pad needs before anyone has signed in. */
export type SessionState = {
  storeName: string;
  locale: string;
  timeZone: string;
  staff: StaffTile[];
  /** No owner has a PIN yet (a new store, or a ledger from before PINs): the owner sets one first. */
  needsSetup: boolean;
  /**
   * The ledger's PINs were made with another PIN key (the data moved to another computer without
   * it): none can be checked here, so the owner sets a new PIN and then everyone else's.
   */
  pinKeyChanged?: boolean;
  /**
   * Nothing has happened in this ledger yet (no sale, tab, Z, PIN or profile applied): the store is
   * set up first (the host's profile, or the setup wizard), then the owner chooses a PIN.
   */
  firstRun?: boolean;
  idleLockMinutes: number;
  /** Who is signed in on this window or client, if anyone. */
  current: Staff | null;
};

/** A sign-in: who is now at the counter, and (web clients only) the session token to send with every call. */
export type SignInResult = { staff: Staff; token?: string };

/** A manager's or owner's PIN given for exactly one command: its id and payload, once, until it expires. */
export type ApprovalGrant = { approver: Staff; commandId: string; expiresAt: string };

/** How a tip on a tab several people served is shared: by their share of the lines, evenly, or to one person. */
export const tipSplits = ['lines', 'even', 'person'] as const;
export type TipSplit = (typeof tipSplits)[number];

export type Category = { id: number; name: string; position: number; archived: boolean };

export type ItemKind = 'product' | 'service';

export type CatalogItem = {
  id: number;
  categoryId: number | null;
  name: string;
  kind: ItemKind;
  priceMinor: Minor;
  rateMilli: RateMilli;
  /** What the customer should expect (result, limits, aftercare); only a service has one. */
  expectText: string;
  /** How long a service takes, in minutes; null for a product. */
  durationMinutes: number | null;
  archived: boolean;
};

export type Catalog = { categories: Category[]; items: CatalogItem[] };

/** Where a token is: in the pool, with an open tab, or gone with a customer who did not hand it back. */
export type TokenStateKind = 'free' | 'held' | 'missing';

/** A token that went with a customer: the settled or written-off tab it went with, and when it was marked missing. */
export type MissingToken = { tabId: number; name: string; label: string; status: TabStatus; closedAt: string | null; at: string };

export type TokenState = {
  token: number;
  /** The open tab holding the token; null when it is free or missing. */
  tabId: number | null;
  state: TokenStateKind;
  /** Only for a missing token: the tab it went with. */
  missing?: MissingToken;
  /** A missing token outside the pool's range (the range changed after it went missing): listed so it can be found. */
  outOfRange?: true;
};

export type TabStatus = 'open' | 'settled' | 'written_off' | 'voided';

export type TabSummary = {
  id: number;
  token: number;
  name: string;
  label: string;
  note: string;
  status: TabStatus;
  itemCount: number;
  totalMinor: Minor;
  paidMinor: Minor;
  dueMinor: Minor;
  openedAt: string;
  lastActivityAt: string;
  /** The customer attached to the tab (their profile's name as it stands now), or null. */
  customerId: number | null;
  customerName: string | null;
};

/** tab.addLine's answer: the tab's card, and the line the units went to (a new one, or the same line grown). */
export type LineAdded = TabSummary & { lineId: number };

/** A comp on `qty` of its line's units (all of them or fewer), with what it takes off. */
export type LineComp = { kind: 'amount' | 'percent'; value: number; qty: number; reason: string; amountMinor: Minor };

export type TabLine = {
  id: number;
  itemId: number | null;
  name: string;
  unitMinor: Minor;
  rateMilli: RateMilli;
  qty: number;
  staffId: number;
  staffName: string;
  state: 'active' | 'removed';
  removeReason: string | null;
  comp: LineComp | null;
  listMinor: Minor;
  chargedMinor: Minor;
  createdAt: string;
  /** The service's "what to expect" text as it was when the line was added; empty for a product. */
  expectText: string;
};

export type PaymentMethod = 'cash' | 'card' | 'other';

export type Payment = {
  id: number;
  method: PaymentMethod;
  amountMinor: Minor;
  tipMinor: Minor;
  tenderedMinor: Minor | null;
  changeMinor: Minor;
  roundingMinor: Minor;
  reference: string;
  partNo: number | null;
  staffId: number;
  createdAt: string;
  /** Taken on a tab that was later merged into this one (its token then): it counts as paid here. */
  mergedFrom?: { tabId: number; token: number };
};

/** A payment a manager took back soon after it was taken: when, by whom and why. */
export type VoidedPayment = Payment & { voidedAt: string; voidedBy: string; voidReason: string };

export type SplitPart = { partNo: number; amountMinor: Minor; paymentId: number | null };

/** One thing that happened on a tab; the renderer words it from the action and its details. */
export type HistoryEntry = { at: string; staffName: string; action: string; detail: Record<string, string | number | null> };

export type RateBreakdown = { rateMilli: RateMilli; netMinor: Minor; taxMinor: Minor; grossMinor: Minor };

export type TabDetail = TabSummary & {
  lines: TabLine[];
  rates: RateBreakdown[];
  listMinor: Minor;
  compMinor: Minor;
  netMinor: Minor;
  taxMinor: Minor;
  /** The payments that stand; a voided one is in voidedPayments instead. */
  payments: Payment[];
  voidedPayments: VoidedPayment[];
  split: SplitPart[];
  writeOffReason: string | null;
  closedAt: string | null;
  rating: Rating | null;
  history: HistoryEntry[];
  /** Deposits attached to this tab and still held (apply them before any payment), and those applied to it. */
  deposits: TabDeposit[];
  /** The customer's stamps or points, the reward on the tab and what it earned; null without a customer or loyalty. */
  loyalty?: TabLoyalty | null;
  /**
   * The number of the receipt this settled tab was issued (the newest, when a voided payment
   * reopened it and it settled again); null while it is not settled, and for a tab settled
   * before receipts were numbered.
   */
  receiptNumber: number | null;
  /** The refunds given on this settled tab, oldest first (none on a tab never refunded). */
  refunds?: RefundSummary[];
  /** A tab merged into another: where it went (it is closed as voided, and no void is counted for it). */
  mergedInto?: { tabId: number; token: number; at: string } | null;
  /** Tabs merged into this one, each with what had been paid on it (that counts as paid here). */
  mergedFrom?: { tabId: number; token: number; paidMinor: Minor; at: string }[];
};

/** What moving lines or merging answers: both tabs as they now stand. */
export type TabMoveResult = { from: TabDetail; to: TabDetail };

/**
 * This window's claim on a tab it is settling (held in memory by the main process, for a short
 * while, renewed while the settle screen is open): others may not move or merge the tab meanwhile.
 */
export type SettleClaim = { tabId: number; expiresAt: string; renewMs: number; others: { staffName: string }[] };

export type PaymentResult = {
  /** The tab's card as the payment left it (the whole tab is tab.get's). */
  tab: TabSummary;
  payment: Payment;
  /** What the customer hands over for this payment after rounding, tip included. */
  owedMinor: Minor;
  changeMinor: Minor;
  settled: boolean;
  /** The receipt number the tab was given when this payment settled it; null while it stays open. */
  receiptNumber: number | null;
};

export type LedgerCheck = {
  balanced: boolean;
  entries: number;
  postings: number;
  unbalancedEntries: number[];
  accounts: { account: string; balanceMinor: Minor }[];
  /** The hash chain: verified from fromSeq (0: the first row; else the newest Z's head) to headSeq. */
  chain: {
    full: boolean;
    fromSeq: number;
    headSeq: number;
    headHash: string;
    rowsChecked: number;
    /** The first row that breaks the chain, in words; null when it holds. */
    broken: string | null;
  };
  problems: string[];
};

/**
 * A changed tab's card on the board, as tab.listOpen lists it; null once the tab is no longer open
 * (settled, written off, voided, merged away): the board takes its card off.
 */
export type BoardCard = { tabId: number; card: TabSummary | null };

/** Pushed to every open window after a command changed something (the contract declares which). */
export type AppEvent =
  /**
   * `tabIds` names the tabs; empty, any tab may have changed (a restore, a customer's name on their
   * cards) and screens ask again. `board` carries the named tabs' cards, so the board patches them
   * without asking for the list; it is left out where none could be read.
   */
  | { type: 'tabs.changed'; tabIds: number[]; board?: BoardCard[] }
  | { type: 'catalog.changed' }
  | { type: 'store.changed' }
  | { type: 'drawer.changed' }
  | { type: 'day.changed' }
  | { type: 'backup.changed' }
  | { type: 'staff.changed' }
  | { type: 'customers.changed' }
  /** A booking, its deposit or a check-in changed the book. */
  | { type: 'appointments.changed' }
  /** A token was marked missing or found: the pool changed without a tab changing. */
  | { type: 'tokens.changed' }
  /**
   * This PC's receipt printer failed after a command had committed (the drawer kick of a cash
   * payment, a receipt printed on settlement): the money stands, the screens say what did not happen.
   */
  | { type: 'printer.problem'; job: 'drawer' | 'receipt'; error: AppError };
