import type { Minor } from './money';
import type { RateMilli } from './domain/tax';
import type { PaymentMethod, Rating } from './types';
import type { ActivityKind } from './domain/activity';

/** How many of one note or coin were counted; the denomination is in minor units. */
export type DenominationCount = { denominationMinor: Minor; qty: number };

export type DrawerMovementKind = 'paid_in' | 'paid_out';

export type DrawerMovement = {
  id: number;
  kind: DrawerMovementKind;
  amountMinor: Minor;
  reason: string;
  at: string;
  staffName: string;
};

/**
 * One drawer from its opening float to its signed-off close. While it is open the expected
 * amount (and the cash taken, from which it could be worked out) stays hidden: the count is blind.
 */
export type DrawerSession = {
  id: number;
  status: 'open' | 'counted' | 'closed';
  openedAt: string;
  openedBy: string;
  floatMinor: Minor;
  floatCounts: DenominationCount[] | null;
  movements: DrawerMovement[];
  paidInMinor: Minor;
  paidOutMinor: Minor;
  /** The rest is null until the blind count has been entered. */
  cashInMinor: Minor | null;
  /** Cash deposits taken into this drawer, and deposits refunded out of it in cash (shown with cashInMinor). */
  depositsInMinor: Minor | null;
  depositsOutMinor: Minor | null;
  /** Cash refunds of settled tabs given out of this drawer (shown with cashInMinor). */
  refundsOutMinor?: Minor | null;
  expectedMinor: Minor | null;
  countedMinor: Minor | null;
  countedCounts: DenominationCount[] | null;
  varianceMinor: Minor | null;
  /** The first blind count, when the drawer was counted again before sign-off; null otherwise. */
  firstCountMinor: Minor | null;
  countedAt: string | null;
  countedBy: string | null;
  varianceReason: string | null;
  closedAt: string | null;
  signedOffBy: string | null;
  /** The business day the close belongs to (YYYY-MM-DD). */
  businessDate: string | null;
};

export type DrawerState = {
  session: DrawerSession | null;
  lastClosed: DrawerSession | null;
  /** Notes and coins of the store's currency, largest first; empty: count as a total. */
  denominations: Minor[];
};

export type ClosedDay = { zNumber: number; businessDate: string; closedAt: string; closedBy: string; netSalesMinor: Minor };

export type DayStatus = {
  /** The business day a posting made now belongs to. */
  currentBusinessDate: string;
  /** The day a Z would close next: the oldest unclosed day with postings, or the current day. */
  nextToClose: string;
  /**
   * False when that day has not begun by the clock yet (the day after one closed early, before
   * its day boundary): it cannot be closed until it has.
   */
  canCloseNext: boolean;
  /** Unclosed days that have postings, oldest first. */
  unclosedDates: string[];
  lastZ: ClosedDay | null;
  drawerOpen: boolean;
  dayBoundaryMinutes: number;
  timeZone: string;
};

export type SalesSection = {
  /** Net of tax throughout: rung up, minus removed lines, is gross sales; minus comps, net sales. */
  rungUpMinor: Minor;
  removedMinor: Minor;
  removedCount: number;
  grossMinor: Minor;
  compsMinor: Minor;
  /** Loyalty rewards given, net of tax (missing from a Z frozen before loyalty): net = gross - comps - loyalty. */
  loyaltyMinor?: Minor;
  /**
   * Refunds of settled tabs given on the day, net of tax (missing from a Z frozen before refunds):
   * contra-revenue like comps, so net = gross - comps - loyalty - refunds.
   */
  refundsMinor?: Minor;
  netMinor: Minor;
  taxMinor: Minor;
  /** Net sales plus tax: what customers were charged. */
  totalMinor: Minor;
};

export type CompByReason = { reason: string; count: number; amountMinor: Minor };
export type TaxByRate = { rateMilli: RateMilli; netMinor: Minor; taxMinor: Minor };
export type TipsByStaff = { staffId: number; staffName: string; amountMinor: Minor };
/**
 * A method's payments on the day: how many were taken, and what they applied to tabs, tipped and
 * took, net of the voids made on the day. The voids are counted apart, with the money they gave
 * back; a Z frozen before payments could be voided has neither field.
 */
export type PaymentsByMethod = {
  method: PaymentMethod;
  count: number;
  amountMinor: Minor;
  tipMinor: Minor;
  takenMinor: Minor;
  voidedCount?: number;
  voidedMinor?: Minor;
  /** Refunds given back by this tender on the day (tips included, after cash rounding); missing from a Z frozen before refunds. */
  refundedCount?: number;
  refundedMinor?: Minor;
};

/** Refunds of one reason, or by one tender: how many, the bill part and the tips they gave back. */
export type RefundsBy = { count: number; amountMinor: Minor; tipMinor: Minor };

/**
 * Refunds of settled tabs given on the day (whatever day the tab was settled on): the bill part
 * (tax included), its tax and net, the tips given back, and what changed hands, by reason and by
 * tender. net = the refunds account, tax = what tax_payable was reversed by, given = what the
 * tender accounts gave back; a Z frozen before refunds has no such section (read as none).
 */
export type RefundsSection = {
  count: number;
  amountMinor: Minor;
  taxMinor: Minor;
  netMinor: Minor;
  tipMinor: Minor;
  givenMinor: Minor;
  byReason: (RefundsBy & { reason: string })[];
  byMethod: (RefundsBy & { method: PaymentMethod; givenMinor: Minor })[];
};

/**
 * Deposits on the day: brought forward + taken - applied - refunded - forfeited = held (carried
 * forward), which is the deposits_held balance. A Z frozen before deposits were taken has no
 * broughtForwardMinor (it was always zero).
 */
export type DepositsSection = {
  broughtForwardMinor?: Minor;
  takenMinor: Minor;
  appliedMinor: Minor;
  refundedMinor: Minor;
  forfeitedMinor: Minor;
  heldMinor: Minor;
};

/**
 * A deposit held at the end of the day, as the Z freezes it: whose (by id only: the Z is
 * append-only and hashed, and a customer erased later must leave no name in it), for which
 * appointment (null: kept on the customer), how much, how old.
 */
export type FrozenHeldDeposit = {
  depositId: number;
  customerId: number;
  appointmentDate: string | null;
  appointmentStartMinute: number | null;
  amountMinor: Minor;
  takenAt: string;
  ageDays: number;
};

/** A held deposit as a report is served: the customer's name is read when the report is. */
export type HeldDeposit = Omit<FrozenHeldDeposit, 'customerId'> & {
  /** The name as it is now: "Erased customer" once the profile is erased. */
  customerName: string;
};

/**
 * One staff member's book: the appointments on the day's date (booked: all of them, whatever
 * became of them), and those done, no-shows, cancelled in time and late that business day.
 */
export type StaffAppointments = { staffId: number; staffName: string; booked: number; done: number; noShow: number; cancelled: number; lateCancel: number };

/** The day's no-shows and late cancels (closed that business day) with what their deposits forfeited, and each person's book. */
export type AppointmentsSection = {
  noShows: { count: number; forfeitedMinor: Minor };
  lateCancels: { count: number; forfeitedMinor: Minor };
  byStaff: StaffAppointments[];
};

/** A signed-off drawer's money, for one session or summed over a day's sessions. */
export type DrawerFigures = {
  floatMinor: Minor;
  cashInMinor: Minor;
  /** Cash deposits taken and refunded; missing from a Z frozen before deposits were taken. */
  depositsInMinor?: Minor;
  depositsOutMinor?: Minor;
  /** Cash refunds given out of the drawer; missing from a Z frozen before refunds. */
  refundsOutMinor?: Minor;
  paidInMinor: Minor;
  paidOutMinor: Minor;
  expectedMinor: Minor;
  countedMinor: Minor;
  varianceMinor: Minor;
};

export type DrawerSummary = DrawerFigures & {
  sessionId: number;
  openedAt: string;
  closedAt: string;
  varianceReason: string;
  signedOffBy: string;
  /** The first count when the drawer was counted again before sign-off. */
  firstCountMinor: Minor | null;
};

export type DrawerSection = DrawerFigures & {
  sessions: DrawerSummary[];
  /** A drawer was still open when this report was made: its figures appear once it is signed off. */
  openNow: boolean;
};

export type CarriedTab = { tabId: number; token: number; name: string; openedAt: string; ageMinutes: number; dueMinor: Minor };

export type ReceivableSection = {
  broughtForwardMinor: Minor;
  chargedMinor: Minor;
  paidMinor: Minor;
  writtenOffMinor: Minor;
  carriedForwardMinor: Minor;
};

export type HourSales = { hour: number; netMinor: Minor };

export type AccountMovement = { account: string; movementMinor: Minor };

/** An X (a look at an unclosed day, any time) or a Z (the day closed, frozen, numbered). */
export type DayReport = {
  kind: 'x' | 'z';
  zNumber: number | null;
  businessDate: string;
  /** When this report was produced (the Z's closing time). */
  generatedAt: string;
  generatedBy: string;
  storeName: string;
  currency: string;
  locale: string;
  entryCount: number;
  sales: SalesSection;
  comps: CompByReason[];
  taxes: TaxByRate[];
  tips: TipsByStaff[];
  payments: PaymentsByMethod[];
  roundingMinor: Minor;
  deposits: DepositsSection;
  /** The deposits held at the end of the day (they add up to deposits.heldMinor). Missing from older Zs. */
  heldDeposits?: HeldDeposit[];
  /** No-shows, late cancels and appointments per staff member. Missing from older Zs. */
  appointments?: AppointmentsSection;
  /** Loyalty rewards taken off tabs (net of tax; a reward taken back off counts against it). Missing from a Z frozen before loyalty. */
  loyalty?: { rewards: number; amountMinor: Minor };
  /** Refunds of settled tabs given on the day. Missing from a Z frozen before refunds. */
  refunds?: RefundsSection;
  walkouts: { count: number; amountMinor: Minor };
  drawer: DrawerSection;
  satisfaction: Record<Rating | 'unrated', number>;
  tabs: { settled: number; writtenOff: number; averageSecondsToPay: number | null };
  carried: CarriedTab[];
  receivable: ReceivableSection;
  byHour: HourSales[];
  /**
   * True when a comp, a removed line or a lower quantity counts in the hour of the sale it reduces.
   * Missing from a Z frozen before that: its hours count each reduction in the hour it was given.
   */
  byHourOfSale?: true;
  /** The day's movement on every account; sums to zero. */
  accounts: AccountMovement[];
  /** Each person's day (the staff report's figures). Missing from a Z frozen before staff signed in. */
  staff?: StaffDayFigures[];
  /**
   * Who did each comp, removed line, walkout, paid in or out, voided payment and drawer variance,
   * and who approved it, in time order. Missing from a Z frozen before approvals were recorded.
   */
  actions?: ReportAction[];
  /**
   * A Z only: the ledger's hash chain head it closed on (row number and hash), so a later check
   * starts from here and anyone can compare the paper with the ledger. Missing from older Zs.
   */
  chain?: { seq: number; hash: string };
};

/**
 * A report as the Z stores it (and as buildDayReport makes it): its held deposits name their
 * customers by id. A Z frozen before that stored the name instead; either way the name served is
 * read from the customer when the report is read.
 */
export type FrozenDayReport = Omit<DayReport, 'heldDeposits'> & { heldDeposits?: (FrozenHeldDeposit | (HeldDeposit & { customerId?: undefined }))[] };

export const reportActionKinds = ['comp', 'removed', 'walkout', 'payment_void', 'refund', 'paid_in', 'paid_out', 'variance'] as const;
export type ReportActionKind = (typeof reportActionKinds)[number];

/**
 * One action of the day that took money off a tab or out of the drawer, or left it over or short.
 * amountMinor is net of tax for a comp and a removed line (as in the sales figures), as charged
 * for a walkout, the money given back for a voided payment, and counted minus expected (negative:
 * short) for a variance.
 */
export type ReportAction = {
  kind: ReportActionKind;
  at: string;
  staffName: string;
  /** The manager or owner whose PIN approved it; null when it needed no one. */
  approverName: string | null;
  amountMinor: Minor;
  reason: string;
  /** The tab's token, for actions on a tab. */
  token: number | null;
};

export type CsvExport = { filename: string; text: string };

export type BackupInfo = {
  /** File name inside the backup folder. */
  name: string;
  at: string;
  sizeBytes: number;
  /** integrity_check passed and the journal balanced when it was made (or last checked). */
  verified: boolean;
  reason: 'scheduled' | 'z' | 'manual' | 'before-restore' | 'after-restore';
  /** The ledger's hash chain head in this copy (entry number and hash); null for a copy made before the chain. */
  chain: { seq: number; hash: string } | null;
  /**
   * In recovery from a seal problem only: whether this copy reaches the seal (holds the sealed
   * entry with the sealed hash), so restoring it loses nothing the seal knew. Null otherwise.
   */
  reachesSeal?: boolean | null;
};

export type BackupStatus = {
  folder: string;
  keep: number;
  everyMinutes: number;
  lastBackup: BackupInfo | null;
  lastError: string | null;
  /** The backup a clean stop tried and could not make; shown until the next good backup. */
  lastShutdownFailure: ShutdownBackupFailure | null;
  backups: BackupInfo[];
};

/** When the backup at a clean stop failed (or ran out of time), and why, in words. */
export type ShutdownBackupFailure = { at: string; problem: string };

export type RestoreResult = { restoredFrom: string; keptAside: string };

/**
 * Why a ledger SQLite can read is still not opened for trading: its file is missing while a seal
 * or backups say there was one, it ends before the seal, its sealed row differs, or the seal is
 * missing or not signed with this computer's key.
 */
export type SealCause = 'ledger_missing' | 'behind' | 'diverged' | 'seal_missing' | 'seal_invalid';

/** What the recovery screen shows when the ledger failed its start-up check. */
export type RecoveryStatus = {
  damaged: boolean;
  /** What the check found, in SQLite's words or the seal check's; null when the ledger is fine. */
  problem: string | null;
  /**
   * Set when the file is readable but does not reach the seal (or the seal is missing or bad):
   * the owner may then also continue knowingly with a PIN and a reason. Null for damage SQLite found.
   */
  seal: {
    cause: SealCause;
    /** The seal's entry number and when it was written, when the seal verifies. */
    sealedSeq: number | null;
    sealedAt: string | null;
    /** How far the ledger on disk reaches, when there is one. */
    ledgerSeq: number | null;
    /** Whether continuing needs an owner's PIN (false only when no ledger or backup holds one). */
    needsPin: boolean;
    /** The owners who may continue knowingly (from the ledger on disk, or the newest backup). */
    owners: { id: number; name: string }[];
  } | null;
  /** Where the damaged ledger is (it is never deleted; a restore moves it aside). */
  ledgerFile: string;
  backupFolder: string;
  /** Newest first; only verified ones are offered first. */
  backups: BackupInfo[];
};

/** One person's day: what they served and sold, what they gave away, their tips and ratings. */
export type StaffDayFigures = {
  staffId: number;
  staffName: string;
  /** Tabs with a line this person served, closed (settled or walked out) this business day. */
  tabsServed: number;
  /** Net sales (after comps) of the lines this person served, posted this business day. */
  salesMinor: Minor;
  /**
   * What refunds given this business day took back from this person's sales, net of tax: units of
   * lines for whoever served them, the rest by their share of the refunded tab's lines. The people's
   * sales less their refunds add up to the day's net sales. Absent from a Z closed before refunds.
   */
  refundsMinor?: Minor;
  /** Comps this person gave this business day (as the one who did it). */
  comps: { count: number; amountMinor: Minor; reasons: { reason: string; count: number; amountMinor: Minor }[] };
  /** Tips booked to this person this business day (less what refunds gave back of them). */
  tipsMinor: Minor;
  /** Of their tips, what refunds given this business day gave back. Absent from a Z closed before refunds. */
  tipsRefundedMinor?: Minor;
  /** Ratings of the tabs this person served, closed this business day. */
  ratings: { happy: number; okay: number; unhappy: number };
  /** Walked-out tabs this person served, written off this business day. */
  walkouts: number;
};

/** The staff report (owner and manager): everyone who did something on a business day. */
export type StaffReport = {
  businessDate: string;
  /** True once the day's Z is printed: the figures no longer change. */
  closed: boolean;
  staff: StaffDayFigures[];
};

/** One row of the activity screen: who did what, approved by whom. */
export type ActivityRow = {
  id: number;
  at: string;
  staffId: number;
  staffName: string;
  approverId: number | null;
  approverName: string | null;
  command: string;
  kind: ActivityKind;
  tabId: number | null;
  token: number | null;
  /** The money the action moved or changed, where it has one. */
  amountMinor: Minor | null;
  /** The action's own words (a reason, what changed), as stored. */
  detail: string;
};

export type ActivityPage = { rows: ActivityRow[]; /** Pass as beforeId for the next (older) page; null at the end. */ nextBeforeId: number | null };
