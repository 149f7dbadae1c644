import type {
  AppointmentsSection,
  CarriedTab,
  DayReport,
  DrawerSection,
  FrozenDayReport,
  FrozenHeldDeposit,
  PaymentsByMethod,
  RefundsSection,
  TaxByRate,
} from '../../shared/closing-types';
import {
  accounts,
  isLineKind,
  isMoveKind,
  isSalesAccount,
  isTaxAccount,
  isTipsAccount,
  paymentKind,
  rateLabelOf,
  tenderAccounts,
  tipsStaffId,
  type Account,
  type EntryKind,
} from '../../shared/ledger-vocabulary';
import { DomainError } from '../../shared/errors';
import { formatMoney } from '../../shared/money';
import type { PaymentMethod, Rating } from '../../shared/types';
import type { Db } from '../ledger/open';
import { ERASED_NAME } from './customers';
import { isDrawerOpen, toSession } from './drawer';
import { reportActions } from './report-actions';
import { daySales, salesByHour } from './sales-by-hour';
import { staffDayFigures } from './staff-report';
import { readSettings } from './store';
import { statement } from '../ledger/statements';

type KindAccount = { kind: EntryKind; account: Account; amount: number };

/** "8.875" (the suffix of sales:8.875) back to thousandths of a percent, without a float. */
export function rateFromLabel(label: string): number {
  const [whole = '0', frac = ''] = label.split('.');
  return Number(whole) * 1000 + Number(frac.padEnd(3, '0').slice(0, 3));
}

/** A credit shown as a positive figure; never -0, which would not survive the Z's JSON unchanged. */
const neg = (amount: number): number => (amount === 0 ? 0 : -amount);

const methods: PaymentMethod[] = ['cash', 'card', 'other'];

export type ReportHeader = { kind: 'x' | 'z'; zNumber: number | null; generatedAt: string; generatedBy: string };

/**
 * One business day's report, computed from the journal: every figure is a sum of postings of
 * the day's entries (grouped by entry kind and account), with the payments, comp reasons, drawer
 * sessions and tabs tables only to break those sums down. An X and a Z are the same function;
 * a Z is this result frozen. It names customers by id only; `servedReport` adds their names.
 */
export function buildDayReport(db: Db, businessDate: string, header: ReportHeader): FrozenDayReport {
  const settings = readSettings(db);
  // The day's running totals (migration 019): a few rows per kind of entry, however many tabs the day had.
  const rows = statement<[string], KindAccount>(
    db,
    `SELECT kind, account, SUM(amount_minor) AS amount FROM day_posting_totals
       WHERE business_date = ? GROUP BY kind, account ORDER BY kind, account`,
  ).all(businessDate);
  const sum = (pick: (r: KindAccount) => boolean) => rows.filter(pick).reduce((s, r) => s + r.amount, 0);
  const isSales = (r: KindAccount) => isSalesAccount(r.account);
  const isTax = (r: KindAccount) => isTaxAccount(r.account);
  const entriesByKind = new Map(
    statement<[string], { kind: EntryKind; n: number }>(db, 'SELECT kind, SUM(entries) AS n FROM day_entry_totals WHERE business_date = ? GROUP BY kind')
      .all(businessDate)
      .map((r) => [r.kind, r.n]),
  );
  const countKind = (kind: EntryKind) => entriesByKind.get(kind) ?? 0;

  const rungUp = neg(sum((r) => isSales(r) && r.kind !== 'line.remove'));
  const removed = sum((r) => isSales(r) && r.kind === 'line.remove');
  const gross = rungUp - removed;
  const comps = sum((r) => r.account === accounts.comps);
  // Loyalty rewards are contra-revenue like comps, but kept on their own account and line.
  const loyalty = sum((r) => r.account === accounts.loyalty);
  const tax = neg(sum(isTax));
  // Refunds are contra-revenue too, on the day they are given (their tax comes off the tax figure above).
  const refunds = sum((r) => r.account === accounts.refunds);

  const compRows = statement<[EntryKind, string], { reason: string; rate: number; amount: number; comps: number }>(
    db,
    `SELECT cp.reason AS reason, cp.tax_rate_milli AS rate, SUM(cp.amount_minor) AS amount,
         COUNT(DISTINCT CASE WHEN je.kind = ? THEN je.id END) AS comps
       FROM journal_entries je CROSS JOIN comp_postings cp ON cp.entry_id = je.id
       WHERE je.business_date = ? GROUP BY cp.reason, cp.tax_rate_milli`,
  ).all('line.comp', businessDate);
  const byReason = new Map<string, { count: number; amountMinor: number }>();
  for (const r of compRows) {
    const acc = byReason.get(r.reason) ?? { count: 0, amountMinor: 0 };
    byReason.set(r.reason, { count: acc.count + r.comps, amountMinor: acc.amountMinor + r.amount });
  }

  const taxes = new Map<number, TaxByRate>();
  const rateOf = (rateMilli: number) => taxes.get(rateMilli) ?? { rateMilli, netMinor: 0, taxMinor: 0 };
  for (const r of rows) {
    if (!isSalesAccount(r.account) && !isTaxAccount(r.account)) continue;
    const rate = rateFromLabel(rateLabelOf(r.account));
    const acc = rateOf(rate);
    taxes.set(rate, isSales(r) ? { ...acc, netMinor: acc.netMinor + neg(r.amount) } : { ...acc, taxMinor: acc.taxMinor + neg(r.amount) });
  }
  for (const r of compRows) {
    const acc = rateOf(r.rate);
    taxes.set(r.rate, { ...acc, netMinor: acc.netMinor - r.amount });
  }
  const loyaltyRows = statement<[string], { rate: number; amount: number }>(
    db,
    `SELECT lp.tax_rate_milli AS rate, SUM(lp.loyalty_minor) AS amount FROM journal_entries je CROSS JOIN loyalty_postings lp ON lp.entry_id = je.id
       WHERE je.business_date = ? GROUP BY lp.tax_rate_milli`,
  ).all(businessDate);
  for (const r of loyaltyRows) {
    const acc = rateOf(r.rate);
    taxes.set(r.rate, { ...acc, netMinor: acc.netMinor - r.amount });
  }
  const refundRateRows = statement<[string], { rate: number; net: number }>(
    db,
    `SELECT rr.tax_rate_milli AS rate, SUM(rr.amount_minor - rr.tax_minor) AS net FROM refunds f CROSS JOIN refund_rates rr ON rr.refund_id = f.id
       WHERE f.business_date = ? GROUP BY rr.tax_rate_milli`,
  ).all(businessDate);
  for (const r of refundRateRows) {
    const acc = rateOf(r.rate);
    taxes.set(r.rate, { ...acc, netMinor: acc.netMinor - r.net });
  }

  const staffNames = new Map(
    statement<[], { id: number; name: string }>(db, 'SELECT id, name FROM staff')
      .all()
      .map((s) => [s.id, s.name]),
  );
  const tipTotals = new Map<number, number>();
  for (const r of rows) {
    if (!isTipsAccount(r.account)) continue;
    const staffId = tipsStaffId(r.account);
    tipTotals.set(staffId, (tipTotals.get(staffId) ?? 0) + neg(r.amount));
  }

  const paymentRows = statement<[string], { method: PaymentMethod; n: number; amount: number; tip: number }>(
    db,
    `SELECT pay.method AS method, COUNT(*) AS n, SUM(pay.amount_minor) AS amount, SUM(pay.tip_minor) AS tip
       FROM journal_entries je CROSS JOIN payments pay ON pay.entry_id = je.id WHERE je.business_date = ? GROUP BY pay.method`,
  ).all(businessDate);
  // A void belongs to the day it was made, which may be the day after its payment's (past the boundary).
  const voidRows = statement<[string], { method: PaymentMethod; n: number; amount: number; tip: number }>(
    db,
    `SELECT pay.method AS method, COUNT(*) AS n, SUM(pay.amount_minor) AS amount, SUM(pay.tip_minor) AS tip
       FROM journal_entries je CROSS JOIN payment_voids v ON v.entry_id = je.id CROSS JOIN payments pay ON pay.id = v.payment_id
       WHERE je.business_date = ? GROUP BY pay.method`,
  ).all(businessDate);
  const refundSection = refundsSection(db, businessDate, (kind, pick) => sum((r) => r.kind === kind && pick(r.account)));
  const payments: PaymentsByMethod[] = methods.map((method) => {
    const p = paymentRows.find((r) => r.method === method);
    const v = voidRows.find((r) => r.method === method);
    const back = refundSection.byMethod.find((r) => r.method === method);
    // A void's entry moves only its own method's tender account, so the tender sum nets it out.
    const tender = (kind: EntryKind) => sum((r) => r.kind === kind && r.account === tenderAccounts[method]);
    return {
      method,
      count: p?.n ?? 0,
      amountMinor: (p?.amount ?? 0) - (v?.amount ?? 0),
      tipMinor: (p?.tip ?? 0) - (v?.tip ?? 0),
      takenMinor: tender(paymentKind(method)) + tender('payment.void'),
      voidedCount: v?.n ?? 0,
      voidedMinor: neg(tender('payment.void')),
      // A refund's entry credits each tender by what it gave back, so the tender's account moved by takenMinor - refundedMinor.
      refundedCount: back?.count ?? 0,
      refundedMinor: neg(tender('refund.issue')),
    };
  });

  const previous = previousZ(db, businessDate);
  const heldBefore = depositsHeldThrough(db, businessDate, previous);
  const deposits = {
    broughtForwardMinor: neg(heldBefore - sum((r) => r.account === accounts.depositsHeld)),
    takenMinor: neg(sum((r) => r.account === accounts.depositsHeld && r.kind === 'deposit.take')),
    appliedMinor: sum((r) => r.account === accounts.depositsHeld && r.kind === 'deposit.apply'),
    refundedMinor: sum((r) => r.account === accounts.depositsHeld && r.kind === 'deposit.refund'),
    forfeitedMinor: sum((r) => r.account === accounts.depositsHeld && r.kind === 'deposit.forfeit'),
    heldMinor: neg(heldBefore),
  };
  const heldDeposits = heldAtEndOf(db, businessDate, header.generatedAt);
  // Brought forward + taken - applied - refunded - forfeited is what is held, and the list of held
  // deposits adds up to it: a report that does not reconcile is refused rather than printed. The
  // owner is told in words what to do (the ledger check names the deposit at fault); the command's
  // transaction is rolled back, so a Z being closed writes nothing and the day stays open.
  const listed = heldDeposits.reduce((s, d) => s + d.amountMinor, 0);
  const flow = deposits.broughtForwardMinor + deposits.takenMinor - deposits.appliedMinor - deposits.refundedMinor - deposits.forfeitedMinor;
  if (flow !== deposits.heldMinor || listed !== deposits.heldMinor) {
    const money = (minor: number) => formatMoney(minor, settings.currency, settings.locale);
    throw new DomainError('deposits_unreconciled', 'errors.day.depositsUnreconciled', {
      date: businessDate,
      held: money(deposits.heldMinor),
      flow: money(flow),
      listed: money(listed),
    });
  }

  const receivableDay = sum((r) => r.account === accounts.receivable);
  // A move between tabs charges nothing new (its two entries net to zero), but for the tax each tab rounds on its own.
  const charged = sum((r) => r.account === accounts.receivable && (isLineKind(r.kind) || isMoveKind(r.kind)));
  const writtenOff = neg(sum((r) => r.account === accounts.receivable && r.kind === 'tab.writeOff'));
  const { carried, broughtForward } = carriedTabs(db, businessDate, header.generatedAt, previous);
  const carriedForward = broughtForward + receivableDay;

  // Counted in SQL; only each settled tab's two times come to JavaScript, as plain arrays.
  const closedTabs = statement<[string], { status: string; rating: Rating | null; n: number }>(
    db,
    "SELECT status, rating, COUNT(*) AS n FROM tabs WHERE closed_business_date = ? AND status IN ('settled', 'written_off') GROUP BY status, rating",
  ).all(businessDate);
  const satisfaction = { happy: 0, okay: 0, unhappy: 0, unrated: 0 };
  for (const t of closedTabs) if (t.status === 'settled') satisfaction[t.rating ?? 'unrated'] += t.n;
  const settledTimes = statement<[string], [string, string]>(db, "SELECT opened_at, closed_at FROM tabs WHERE closed_business_date = ? AND status = 'settled'")
    .raw()
    .all(businessDate);
  const secondsToPay = settledTimes.map(([openedAt, closedAt]) => Math.round((Date.parse(closedAt) - Date.parse(openedAt)) / 1000));
  const closedCount = closedTabs.reduce((s, t) => s + t.n, 0);

  // One pass over the day's sales entries serves both the hours and the people.
  const sales = daySales(db, businessDate);

  const accountsMoved = new Map<string, number>();
  for (const r of rows) accountsMoved.set(r.account, (accountsMoved.get(r.account) ?? 0) + r.amount);

  return {
    kind: header.kind,
    zNumber: header.zNumber,
    businessDate,
    generatedAt: header.generatedAt,
    generatedBy: header.generatedBy,
    storeName: settings.name,
    currency: settings.currency,
    locale: settings.locale,
    entryCount: [...entriesByKind.values()].reduce((s, n) => s + n, 0),
    sales: {
      rungUpMinor: rungUp,
      removedMinor: removed,
      removedCount: countKind('line.remove'),
      grossMinor: gross,
      compsMinor: comps,
      loyaltyMinor: loyalty,
      refundsMinor: refunds,
      netMinor: gross - comps - loyalty - refunds,
      taxMinor: tax,
      totalMinor: gross - comps - loyalty - refunds + tax,
    },
    comps: [...byReason]
      .map(([reason, v]) => ({ reason, ...v }))
      .filter((c) => c.amountMinor !== 0 || c.count > 0)
      .sort((a, b) => b.amountMinor - a.amountMinor || a.reason.localeCompare(b.reason)),
    taxes: [...taxes.values()].sort((a, b) => b.rateMilli - a.rateMilli),
    tips: [...tipTotals]
      .map(([staffId, amountMinor]) => ({ staffId, staffName: staffNames.get(staffId) ?? `#${staffId}`, amountMinor }))
      .filter((t) => t.amountMinor !== 0),
    payments,
    roundingMinor: sum((r) => r.account === accounts.rounding),
    deposits,
    heldDeposits,
    appointments: appointmentsSection(db, businessDate),
    loyalty: { rewards: countKind('loyalty.redeem') - countKind('loyalty.undo'), amountMinor: loyalty },
    refunds: refundSection,
    walkouts: { count: countKind('tab.writeOff'), amountMinor: sum((r) => r.account === accounts.walkouts) },
    drawer: { ...drawerSection(db, businessDate), openNow: header.kind === 'x' && isDrawerOpen(db) },
    satisfaction,
    tabs: {
      settled: settledTimes.length,
      writtenOff: closedCount - settledTimes.length,
      averageSecondsToPay: secondsToPay.length === 0 ? null : Math.round(secondsToPay.reduce((s, x) => s + x, 0) / secondsToPay.length),
    },
    carried,
    receivable: {
      broughtForwardMinor: broughtForward,
      chargedMinor: charged,
      paidMinor: charged - writtenOff - receivableDay,
      writtenOffMinor: writtenOff,
      carriedForwardMinor: carriedForward,
    },
    byHour: salesByHour(db, businessDate, settings.timeZone, settings.dayBoundaryMinutes, sales),
    byHourOfSale: true,
    accounts: [...accountsMoved]
      .filter(([, m]) => m !== 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([account, movementMinor]) => ({ account, movementMinor })),
    staff: staffDayFigures(db, businessDate, sales),
    actions: reportActions(db, businessDate),
  };
}

function drawerSection(db: Db, businessDate: string): Omit<DrawerSection, 'openNow'> {
  const sessions = statement<[string], Parameters<typeof toSession>[1]>(
    db,
    `SELECT d.*, o.name AS opened_by_name, c.name AS counted_by_name, s.name AS signed_off_by_name FROM drawer_sessions d
       JOIN staff o ON o.id = d.opened_by LEFT JOIN staff c ON c.id = d.counted_by LEFT JOIN staff s ON s.id = d.signed_off_by
       WHERE d.status = 'closed' AND d.business_date = ? ORDER BY d.id`,
  )
    .all(businessDate)
    .map((row) => toSession(db, row))
    .map((s) => ({
      sessionId: s.id,
      openedAt: s.openedAt,
      closedAt: s.closedAt ?? '',
      floatMinor: s.floatMinor,
      cashInMinor: s.cashInMinor ?? 0,
      depositsInMinor: s.depositsInMinor ?? 0,
      depositsOutMinor: s.depositsOutMinor ?? 0,
      refundsOutMinor: s.refundsOutMinor ?? 0,
      paidInMinor: s.paidInMinor,
      paidOutMinor: s.paidOutMinor,
      expectedMinor: s.expectedMinor ?? 0,
      countedMinor: s.countedMinor ?? 0,
      varianceMinor: s.varianceMinor ?? 0,
      varianceReason: s.varianceReason ?? '',
      signedOffBy: s.signedOffBy ?? '',
      firstCountMinor: s.firstCountMinor,
    }));
  const total = (pick: (s: (typeof sessions)[number]) => number) => sessions.reduce((acc, s) => acc + pick(s), 0);
  return {
    sessions,
    floatMinor: total((s) => s.floatMinor),
    cashInMinor: total((s) => s.cashInMinor),
    depositsInMinor: total((s) => s.depositsInMinor),
    depositsOutMinor: total((s) => s.depositsOutMinor),
    refundsOutMinor: total((s) => s.refundsOutMinor),
    paidInMinor: total((s) => s.paidInMinor),
    paidOutMinor: total((s) => s.paidOutMinor),
    expectedMinor: total((s) => s.expectedMinor),
    countedMinor: total((s) => s.countedMinor),
    varianceMinor: total((s) => s.varianceMinor),
  };
}

type PreviousZ = { businessDate: string; report: FrozenDayReport };

/** The last Z before this day: its frozen figures are where carried balances start. */
function previousZ(db: Db, businessDate: string): PreviousZ | null {
  const row = statement<[string], { business_date: string; report_json: string }>(
    db,
    'SELECT business_date, report_json FROM z_reports WHERE business_date < ? ORDER BY business_date DESC LIMIT 1',
  ).get(businessDate);
  return row ? { businessDate: row.business_date, report: JSON.parse(row.report_json) as FrozenDayReport } : null;
}

/**
 * What each tab still owed at the end of the day. It starts from the last Z before this day (its
 * carried list is frozen, and closed days never change) and adds the receivable postings made
 * since, so a year of history is never summed again.
 */
function carriedTabs(db: Db, businessDate: string, at: string, previous: PreviousZ | null): { carried: CarriedTab[]; broughtForward: number } {
  const owed = new Map<number, number>();
  for (const tab of previous ? previous.report.carried : []) owed.set(tab.tabId, tab.dueMinor);
  // Only the tabs whose receivable moved at all since then: a tab opened and paid in between nets
  // to nothing and never comes to JavaScript. Read through the days' index: grouped by tab alone,
  // SQLite would rather walk every entry ever made in tab order than sort the days' rows.
  const moves = statement<[string, string, Account], { tab_id: number; amount: number }>(
    db,
    `SELECT je.tab_id AS tab_id, SUM(p.amount_minor) AS amount
       FROM journal_entries je INDEXED BY journal_entries_day CROSS JOIN postings p ON p.entry_id = je.id
       WHERE je.business_date > ? AND je.business_date <= ? AND p.account = ? GROUP BY je.tab_id HAVING SUM(p.amount_minor) <> 0`,
  ).all(previous?.businessDate ?? '', businessDate, accounts.receivable);
  // What the days since then and before this one left owing, from their running totals.
  const before =
    statement<[string, string, Account], { s: number | null }>(
      db,
      'SELECT SUM(amount_minor) AS s FROM day_posting_totals WHERE business_date > ? AND business_date < ? AND account = ?',
    ).get(previous?.businessDate ?? '', businessDate, accounts.receivable)?.s ?? 0;
  const broughtForward = [...owed.values()].reduce((s, v) => s + v, 0) + before;
  for (const m of moves) owed.set(m.tab_id, (owed.get(m.tab_id) ?? 0) + m.amount);
  const ids = [...owed].filter(([, due]) => due !== 0).map(([id]) => id);
  // Read in one statement, not tab by tab: a full board carries a thousand.
  const tabs = new Map(
    statement<[string], { id: number; token: number; name: string; opened_at: string }>(
      db,
      'SELECT id, token, name, opened_at FROM tabs WHERE id IN (SELECT value FROM json_each(?))',
    )
      .all(JSON.stringify(ids))
      .map((t) => [t.id, t]),
  );
  const carried = ids
    .map((tabId) => {
      const tab = tabs.get(tabId);
      const openedAt = tab?.opened_at ?? at;
      return {
        tabId,
        token: tab?.token ?? 0,
        name: tab?.name ?? '',
        openedAt,
        ageMinutes: Math.max(0, Math.floor((Date.parse(at) - Date.parse(openedAt)) / 60_000)),
        dueMinor: owed.get(tabId) ?? 0,
      };
    })
    .sort((a, b) => a.token - b.token || a.tabId - b.tabId);
  return { carried, broughtForward };
}

/**
 * What deposits_held holds at the end of the day: the last earlier Z's figure (frozen) plus the
 * postings since, so no report sums the whole journal. Returns the account balance (a credit).
 */
function depositsHeldThrough(db: Db, businessDate: string, previous: PreviousZ | null): number {
  const before = previous ? neg(previous.report.deposits.heldMinor) : 0;
  const since =
    statement<[string, string, Account], { s: number | null }>(
      db,
      'SELECT SUM(amount_minor) AS s FROM day_posting_totals WHERE business_date > ? AND business_date <= ? AND account = ?',
    ).get(previous?.businessDate ?? '', businessDate, accounts.depositsHeld)?.s ?? 0;
  return before + since;
}

/**
 * The deposits held at the end of a business day: begun by then and not closed by then, each with
 * its customer (by id), appointment and age in whole days at `at`.
 */
function heldAtEndOf(db: Db, businessDate: string, at: string): FrozenHeldDeposit[] {
  return statement<[string, string], { id: number; customer_id: number; date: string | null; start: number | null; amount: number; taken_at: string }>(
    db,
    `SELECT d.id, d.customer_id, a.date, a.start_minute AS start, d.amount_minor AS amount, d.taken_at
       FROM deposits d LEFT JOIN appointments a ON a.id = d.appointment_id
       WHERE d.held_business_date <= ? AND (d.closed_business_date IS NULL OR d.closed_business_date > ?) ORDER BY d.id`,
  )
    .all(businessDate, businessDate)
    .map((d) => ({
      depositId: d.id,
      customerId: d.customer_id,
      appointmentDate: d.date,
      appointmentStartMinute: d.start,
      amountMinor: d.amount,
      takenAt: d.taken_at,
      ageDays: Math.max(0, Math.floor((Date.parse(at) - Date.parse(d.taken_at)) / 86_400_000)),
    }));
}

/**
 * A report as it is shown, printed or exported: each held deposit gets its customer's name as the
 * profile reads now ("Erased customer" once erased), so an erase reaches every Z without changing
 * one. A Z frozen before the Z kept ids has the name it froze; its deposit still names the customer,
 * so the name is read the same way, and the frozen one is kept only if that row were ever missing.
 */
export function servedReport(db: Db, report: FrozenDayReport): DayReport {
  const { heldDeposits, ...rest } = report;
  if (heldDeposits === undefined) return rest;
  const nameOf = statement<[number], { name: string }>(db, 'SELECT name FROM customers WHERE id = ?');
  const customerOf = statement<[number], { customer_id: number }>(db, 'SELECT customer_id FROM deposits WHERE id = ?');
  return {
    ...rest,
    heldDeposits: heldDeposits.map(({ customerId, ...held }) => {
      const frozenName = 'customerName' in held ? held.customerName : undefined;
      const id = customerId ?? customerOf.get(held.depositId)?.customer_id;
      const name = id === undefined ? undefined : nameOf.get(id)?.name;
      return { ...held, customerName: name ?? frozenName ?? ERASED_NAME };
    }),
  };
}

/**
 * No-shows and late cancels closed on the day, with what their deposits forfeited (the forfeit
 * entries of the day, traced to their deposit's appointment), and each person's book: the
 * appointments on the day's date, and how many were done, no-shows or cancelled that business day.
 */
function appointmentsSection(db: Db, businessDate: string): AppointmentsSection {
  const closed = statement<[string], { status: string; n: number }>(
    db,
    'SELECT status, COUNT(*) AS n FROM appointments WHERE closed_business_date = ? GROUP BY status',
  ).all(businessDate);
  const count = (status: string) => closed.find((r) => r.status === status)?.n ?? 0;
  const forfeits = statement<[Account, string], { status: string; amount: number }>(
    db,
    `SELECT a.status, -SUM(p.amount_minor) AS amount FROM journal_entries je
       CROSS JOIN postings p ON p.entry_id = je.id AND p.account = ?
       JOIN deposits d ON EXISTS (SELECT 1 FROM json_each(d.close_entry_ids) WHERE value = je.id)
       JOIN appointments a ON a.id = d.appointment_id
       WHERE je.business_date = ? AND je.kind = 'deposit.forfeit' GROUP BY a.status`,
  ).all(accounts.forfeited, businessDate);
  const forfeited = (status: string) => forfeits.find((r) => r.status === status)?.amount ?? 0;
  const byStaff = statement<
    [{ day: string }],
    { staffId: number; staffName: string; booked: number; done: number; noShow: number; cancelled: number; lateCancel: number }
  >(
    db,
    `SELECT s.id AS staffId, s.name AS staffName,
         SUM(a.date = @day) AS booked,
         SUM(a.closed_business_date = @day AND a.status = 'done') AS done,
         SUM(a.closed_business_date = @day AND a.status = 'no_show') AS noShow,
         SUM(a.closed_business_date = @day AND a.status = 'cancelled') AS cancelled,
         SUM(a.closed_business_date = @day AND a.status = 'late_cancel') AS lateCancel
       FROM appointments a JOIN staff s ON s.id = a.staff_id
       WHERE a.date = @day OR a.closed_business_date = @day GROUP BY s.id ORDER BY s.name, s.id`,
  ).all({ day: businessDate });
  return {
    noShows: { count: count('no_show'), forfeitedMinor: forfeited('no_show') },
    lateCancels: { count: count('late_cancel'), forfeitedMinor: forfeited('late_cancel') },
    byStaff,
  };
}

/**
 * The day's refunds: the figures are sums of the refund entries' postings (net: the refunds account;
 * tax: tax_payable; tips: tips_payable; given: the tender accounts), the refund rows only break
 * them down by reason and by tender.
 */
function refundsSection(db: Db, businessDate: string, moved: (kind: EntryKind, pick: (account: Account) => boolean) => number): RefundsSection {
  const byReason = statement<[string], { reason: string; count: number; amountMinor: number; tipMinor: number }>(
    db,
    `SELECT reason, COUNT(*) AS count, SUM(amount_minor) AS amountMinor, SUM(tip_minor) AS tipMinor FROM refunds WHERE business_date = ?
       GROUP BY reason ORDER BY SUM(amount_minor + tip_minor) DESC, reason`,
  ).all(businessDate);
  const byMethod = statement<[string], { method: PaymentMethod; count: number; amountMinor: number; tipMinor: number; givenMinor: number }>(
    db,
    `SELECT rt.method, COUNT(DISTINCT f.id) AS count, SUM(rt.amount_minor) AS amountMinor, SUM(rt.tip_minor) AS tipMinor,
         SUM(rt.amount_minor + rt.tip_minor - rt.rounding_minor) AS givenMinor
       FROM refunds f CROSS JOIN refund_tenders rt ON rt.refund_id = f.id WHERE f.business_date = ? GROUP BY rt.method`,
  )
    .all(businessDate)
    .sort((a, b) => methods.indexOf(a.method) - methods.indexOf(b.method));
  const net = moved('refund.issue', (a) => a === accounts.refunds);
  const tax = moved('refund.issue', isTaxAccount);
  const tips = moved('refund.issue', isTipsAccount);
  const tenders: readonly Account[] = Object.values(tenderAccounts);
  return {
    count: statement<[string], { n: number }>(db, 'SELECT COUNT(*) AS n FROM refunds WHERE business_date = ?').get(businessDate)?.n ?? 0,
    amountMinor: net + tax,
    taxMinor: tax,
    netMinor: net,
    tipMinor: tips,
    givenMinor: neg(moved('refund.issue', (a) => tenders.includes(a))),
    byReason,
    byMethod,
  };
}
