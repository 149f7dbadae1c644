import type { DayReport, FrozenDayReport, StaffDayFigures } from '../../shared/closing-types';
import type { ParsedInput } from '../../shared/contract';
import type { Dashboard, DashboardComp, DashboardDay, DashboardStaff, DashboardTotals } from '../../shared/dashboard-types';
import { addDays } from '../../shared/domain/business-day';
import { basisPoints, DASHBOARD_MAX_DAYS, daysInPeriod } from '../../shared/domain/dashboard-period';
import { DomainError } from '../../shared/errors';
import { accounts, type Account } from '../../shared/ledger-vocabulary';
import { sumMinor } from '../../shared/money';
import { lastClosedDate } from '../ledger/journal';
import type { Db } from '../ledger/open';
import type { ServiceContext } from './context';
import { itemSatisfaction } from './dashboard-items';
import { dashboardNow } from './dashboard-now';
import { buildDayReport } from './report-build';
import { staffDayFigures } from './staff-report';
import { readSettings } from './store';
import { statement } from '../ledger/statements';

type Report = DayReport | FrozenDayReport;
type Source = { date: string; source: 'z' | 'x'; report: Report };

/** Refuses a period that ends before it begins or is longer than the dashboard answers for, in words. */
export function checkPeriod(from: string, to: string): void {
  if (to < from) throw new DomainError('invalid_input', 'errors.dashboard.periodOrder', { from, to }, 'to');
  const days = daysInPeriod(from, to);
  if (days > DASHBOARD_MAX_DAYS) throw new DomainError('invalid_input', 'errors.dashboard.periodTooLong', { days, max: DASHBOARD_MAX_DAYS }, 'to');
}

/**
 * The closed days of the period from their frozen Zs (a closed day never changes, so a year is
 * read, not summed again), and each day not closed yet that has postings, or is today, from an X
 * as of now: the one report function, so the period's sales are exactly its days' Z and X sales.
 */
function dayReports(ctx: ServiceContext, from: string, last: string, today: string): Source[] {
  const { db } = ctx;
  const sources: Source[] = statement<[string, string], { business_date: string; report_json: string }>(
    db,
    'SELECT business_date, report_json FROM z_reports WHERE business_date BETWEEN ? AND ? ORDER BY business_date',
  )
    .all(from, last)
    .map((z) => ({ date: z.business_date, source: 'z', report: JSON.parse(z.report_json) as FrozenDayReport }));
  const closedThrough = lastClosedDate(db) ?? '';
  const unclosed = statement<[string, string, string], { d: string }>(
    db,
    'SELECT DISTINCT business_date AS d FROM journal_entries WHERE business_date > ? AND business_date BETWEEN ? AND ?',
  )
    .all(closedThrough, from, last)
    .map((r) => r.d);
  const header = { kind: 'x' as const, zNumber: null, generatedAt: ctx.now, generatedBy: ctx.actor.name };
  for (const date of new Set([...unclosed, ...(today >= from && today <= last ? [today] : [])])) {
    sources.push({ date, source: 'x', report: buildDayReport(db, date, header) });
  }
  return sources.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * What open tabs owed at the end of `date` and how many they were, for a day with no postings and
 * no Z: from the last Z on or before it (its carried tabs are frozen) plus the receivable postings
 * made since, as the report's carried tabs are worked out, so a year is never summed again.
 */
function owedAtEndOf(db: Db, date: string): { owedMinor: number; open: number } {
  const z = statement<[string], { business_date: string; report_json: string }>(
    db,
    'SELECT business_date, report_json FROM z_reports WHERE business_date <= ? ORDER BY business_date DESC LIMIT 1',
  ).get(date);
  const owed = new Map<number, number>();
  for (const tab of z ? (JSON.parse(z.report_json) as FrozenDayReport).carried : []) owed.set(tab.tabId, tab.dueMinor);
  const since = statement<[string, string, Account], { tab_id: number; amount: number }>(
    db,
    `SELECT je.tab_id AS tab_id, SUM(p.amount_minor) AS amount FROM journal_entries je CROSS JOIN postings p ON p.entry_id = je.id
       WHERE je.business_date > ? AND je.business_date <= ? AND p.account = ? GROUP BY je.tab_id`,
  ).all(z?.business_date ?? '', date, accounts.receivable);
  for (const m of since) owed.set(m.tab_id, sumMinor([owed.get(m.tab_id) ?? 0, m.amount]));
  const due = [...owed.values()].filter((v) => v !== 0);
  return { owedMinor: sumMinor(due), open: due.length };
}

/**
 * A day of the period with no postings and no Z (nothing traded, or before the ledger began): its
 * figures are none, but the tabs left open still owed at its close what they owed the day before.
 */
function emptyDay(businessDate: string, owedAtClose: { owedMinor: number; open: number }): DashboardDay {
  return {
    businessDate,
    source: 'none',
    zNumber: null,
    netSalesMinor: 0,
    grossSalesMinor: 0,
    chargedMinor: 0,
    compsMinor: 0,
    settled: 0,
    walkouts: 0,
    walkoutMinor: 0,
    paidMinor: 0,
    walkoutTabsBp: null,
    walkoutAmountBp: null,
    averageSecondsToPay: null,
    owedAtCloseMinor: owedAtClose.owedMinor,
    openAtClose: owedAtClose.open,
    appointmentsDone: 0,
    noShows: 0,
    lateCancels: 0,
    forfeitedMinor: 0,
  };
}

function dayOf({ date, source, report: r }: Source): DashboardDay {
  const walkouts = r.tabs.writtenOff;
  return {
    businessDate: date,
    source,
    zNumber: r.zNumber,
    netSalesMinor: r.sales.netMinor,
    grossSalesMinor: r.sales.grossMinor,
    chargedMinor: r.sales.totalMinor,
    compsMinor: r.sales.compsMinor,
    settled: r.tabs.settled,
    walkouts,
    walkoutMinor: r.walkouts.amountMinor,
    paidMinor: r.receivable.paidMinor,
    walkoutTabsBp: basisPoints(walkouts, r.tabs.settled + walkouts),
    walkoutAmountBp: basisPoints(r.walkouts.amountMinor, r.receivable.paidMinor + r.walkouts.amountMinor),
    averageSecondsToPay: r.tabs.averageSecondsToPay,
    owedAtCloseMinor: r.receivable.carriedForwardMinor,
    openAtClose: r.carried.length,
    appointmentsDone: (r.appointments?.byStaff ?? []).reduce((s, a) => s + a.done, 0),
    noShows: r.appointments?.noShows.count ?? 0,
    lateCancels: r.appointments?.lateCancels.count ?? 0,
    forfeitedMinor: r.deposits.forfeitedMinor,
  };
}

function totalsOf(days: DashboardDay[]): DashboardTotals {
  // Money and counts alike stay safe integers (sumMinor refuses anything else).
  const sum = (pick: (d: DashboardDay) => number) => sumMinor(days.map(pick));
  const settled = sum((d) => d.settled);
  const walkouts = sum((d) => d.walkouts);
  const charged = sum((d) => d.chargedMinor);
  const walkoutMinor = sum((d) => d.walkoutMinor);
  const paid = sum((d) => d.paidMinor);
  const gross = sum((d) => d.grossSalesMinor);
  const comps = sum((d) => d.compsMinor);
  const done = sum((d) => d.appointmentsDone);
  const noShows = sum((d) => d.noShows);
  const lateCancels = sum((d) => d.lateCancels);
  // Each day's average weighed by the tabs it was taken over.
  const paidSeconds = sum((d) => (d.averageSecondsToPay ?? 0) * d.settled);
  return {
    netSalesMinor: sum((d) => d.netSalesMinor),
    grossSalesMinor: gross,
    chargedMinor: charged,
    compsMinor: comps,
    settled,
    walkouts,
    walkoutMinor,
    paidMinor: paid,
    walkoutTabsBp: basisPoints(walkouts, settled + walkouts),
    walkoutAmountBp: basisPoints(walkoutMinor, paid + walkoutMinor),
    averageSecondsToPay: settled === 0 ? null : Math.round(paidSeconds / settled),
    appointmentsDone: done,
    noShows,
    lateCancels,
    forfeitedMinor: sum((d) => d.forfeitedMinor),
    compRateBp: basisPoints(comps, gross),
    noShowRateBp: basisPoints(noShows, done + noShows + lateCancels),
    closedDays: days.filter((d) => d.source === 'z').length,
    openDays: days.filter((d) => d.source === 'x').length,
  };
}

function compsOf(sources: Source[], gross: number): DashboardComp[] {
  const byReason = new Map<string, { count: number; amountMinor: number }>();
  for (const { report } of sources) {
    for (const c of report.comps) {
      const acc = byReason.get(c.reason) ?? { count: 0, amountMinor: 0 };
      byReason.set(c.reason, { count: acc.count + c.count, amountMinor: acc.amountMinor + c.amountMinor });
    }
  }
  return [...byReason]
    .map(([reason, v]) => ({ reason, ...v, rateBp: basisPoints(v.amountMinor, gross) }))
    .sort((a, b) => b.amountMinor - a.amountMinor || a.reason.localeCompare(b.reason));
}

/** Each person's days added up: a Z frozen before it kept them is worked out from its day's journal, which still holds it. */
function staffOf(db: Db, sources: Source[]): DashboardStaff[] {
  const people = new Map<number, DashboardStaff>();
  for (const { date, report } of sources) {
    const figures: StaffDayFigures[] = report.staff ?? staffDayFigures(db, date);
    for (const f of figures) {
      const p = people.get(f.staffId) ?? {
        staffId: f.staffId,
        staffName: f.staffName,
        tabsServed: 0,
        happy: 0,
        okay: 0,
        unhappy: 0,
        walkouts: 0,
        compsCount: 0,
        compsMinor: 0,
      };
      // Days come oldest first: the name is the latest day's.
      people.set(f.staffId, {
        ...p,
        staffName: f.staffName,
        tabsServed: p.tabsServed + f.tabsServed,
        happy: p.happy + f.ratings.happy,
        okay: p.okay + f.ratings.okay,
        unhappy: p.unhappy + f.ratings.unhappy,
        walkouts: p.walkouts + f.walkouts,
        compsCount: p.compsCount + f.comps.count,
        compsMinor: p.compsMinor + f.comps.amountMinor,
      });
    }
  }
  return [...people.values()].sort((a, b) => a.staffName.localeCompare(b.staffName) || a.staffId - b.staffId);
}

/** Whether the store takes bookings or deposits: then no-shows and forfeited deposits are shown. */
function usesAppointments(db: Db, days: DashboardDay[]): boolean {
  if (readSettings(db).depositPolicy.mode !== 'none') return true;
  if (days.some((d) => d.noShows > 0 || d.lateCancels > 0 || d.appointmentsDone > 0 || d.forfeitedMinor !== 0)) return true;
  return (statement<[], { any: number }>(db, 'SELECT EXISTS (SELECT 1 FROM appointments) AS any').get()?.any ?? 0) === 1;
}

/**
 * The trust and cash-flow dashboard (owner and manager): what is out now, and business days
 * `from` to `to` (up to today; a later day has not begun) from their frozen Zs and today so far.
 */
export function dashboard(ctx: ServiceContext, input: ParsedInput<'report.dashboard'>): Dashboard {
  const { db } = ctx;
  checkPeriod(input.from, input.to);
  const now = dashboardNow(db, ctx.now);
  const last = input.to < now.businessDate ? input.to : now.businessDate;
  const sources = last < input.from ? [] : dayReports(ctx, input.from, last, now.businessDate);
  const byDate = new Map(sources.map((s) => [s.date, dayOf(s)]));
  const days: DashboardDay[] = [];
  for (let date = input.from; date <= last; date = addDays(date, 1)) {
    const before = days.at(-1);
    // Nothing posted that day: what was owed at its close is what was owed at the close before it.
    const carried = before ? { owedMinor: before.owedAtCloseMinor, open: before.openAtClose } : null;
    days.push(byDate.get(date) ?? emptyDay(date, carried ?? owedAtEndOf(db, date)));
  }
  const totals = totalsOf(days);
  return {
    from: input.from,
    to: input.to,
    now,
    days,
    totals,
    comps: compsOf(sources, totals.grossSalesMinor),
    staff: staffOf(db, sources),
    items: last < input.from ? [] : itemSatisfaction(db, input.from, last),
    salon: usesAppointments(db, days),
  };
}
