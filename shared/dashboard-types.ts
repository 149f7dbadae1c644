import type { Minor } from './money';

/** How long an open tab has been open: under 30 minutes, 30 to 60, one to two hours, over two hours. */
export const ageBands = ['under30', 'from30to60', 'from60to120', 'over120'] as const;
export type AgeBand = (typeof ageBands)[number];

/** A rate in hundredths of a percent (250 = 2.50 %), or null when there was nothing to take it of. */
export type BasisPoints = number | null;

export type OldestTab = { tabId: number; token: number; name: string; openedAt: string; ageMinutes: number; dueMinor: Minor };

/** What is out right now: open tabs and what they owe, tokens handed out, deposits held. */
export type DashboardNow = {
  at: string;
  /** The business day trading now. */
  businessDate: string;
  openTabs: number;
  owedMinor: Minor;
  /** Every band, in order, even an empty one. */
  bands: { band: AgeBand; tabs: number; owedMinor: Minor }[];
  oldest: OldestTab | null;
  /** The pool's size, the tokens not free (on a tab, or not handed back), and of those the ones not handed back. */
  tokens: { total: number; out: number; missing: number };
  depositsHeld: { count: number; amountMinor: Minor };
};

/**
 * One business day of the period: from its frozen Z when closed, from an X as of now when not
 * yet closed, nothing when neither (no trading, or before the ledger began).
 */
export type DashboardDay = {
  businessDate: string;
  source: 'z' | 'x' | 'none';
  zNumber: number | null;
  netSalesMinor: Minor;
  grossSalesMinor: Minor;
  /** What customers were charged (net sales plus tax), the measure a walkout's amount is taken of. */
  chargedMinor: Minor;
  compsMinor: Minor;
  settled: number;
  walkouts: number;
  walkoutMinor: Minor;
  /** What tabs were paid that day (tips apart): with the walkouts, what the day's closed tabs came to. */
  paidMinor: Minor;
  /** Walkouts of the tabs closed (settled or walked out) that day. */
  walkoutTabsBp: BasisPoints;
  /**
   * The walked-out amount of what tabs came to as they left (paid or walked out) that day: never
   * above 100 %, even when the tab walked out today was charged on a day before.
   */
  walkoutAmountBp: BasisPoints;
  averageSecondsToPay: number | null;
  /** What open tabs owed at the day's close (a day not closed: so far; a day without trading: what the day before left), and how many they were. */
  owedAtCloseMinor: Minor;
  openAtClose: number;
  appointmentsDone: number;
  noShows: number;
  lateCancels: number;
  forfeitedMinor: Minor;
};

export type DashboardTotals = Omit<DashboardDay, 'businessDate' | 'source' | 'zNumber' | 'owedAtCloseMinor' | 'openAtClose'> & {
  /** Comps of gross sales. */
  compRateBp: BasisPoints;
  /** No-shows of the appointments not cancelled in time (done, no-shows and late cancels). */
  noShowRateBp: BasisPoints;
  /** Days of the period closed with a Z, and not closed yet but traded. */
  closedDays: number;
  openDays: number;
};

export type DashboardComp = { reason: string; count: number; amountMinor: Minor; /** Of gross sales. */ rateBp: BasisPoints };

/** Ratings of the tabs a person served (settled in the period), and the comps they gave. */
export type DashboardStaff = {
  staffId: number;
  staffName: string;
  tabsServed: number;
  happy: number;
  okay: number;
  unhappy: number;
  walkouts: number;
  compsCount: number;
  compsMinor: Minor;
};

/** Ratings of the settled tabs that had the item, and the comps given on it, in the period. */
export type DashboardItem = { itemId: number | null; name: string; happy: number; okay: number; unhappy: number; compsCount: number; compsMinor: Minor };

/** The owner's dashboard: what is out now, and the chosen period from its closed days and today so far. */
export type Dashboard = {
  from: string;
  to: string;
  now: DashboardNow;
  /** Each business day from `from` to the last one that has begun (none after today), oldest first. */
  days: DashboardDay[];
  totals: DashboardTotals;
  comps: DashboardComp[];
  staff: DashboardStaff[];
  items: DashboardItem[];
  /** No-shows and forfeited deposits are shown where the store takes bookings or deposits. */
  salon: boolean;
};

export const dashboardTables = ['owed', 'days', 'comps', 'staff', 'items', 'appointments'] as const;
export type DashboardTable = (typeof dashboardTables)[number];
