import type { ParsedInput } from '../../shared/contract';
import type { DayReport, StaffDayFigures, StaffReport } from '../../shared/closing-types';
import { DomainError } from '../../shared/errors';
import { accounts, tipsStaffId, type EntryKind, type TipsAccount } from '../../shared/ledger-vocabulary';
import { businessDateAt, lastClosedDate } from '../ledger/journal';
import type { Db } from '../ledger/open';
import { TIPS_ACCOUNTS, tipsPattern } from '../ledger/vocabulary-sql';
import type { ServiceContext } from './context';
import { refundsByStaff } from './refund-staff';
import { daySales, type DaySales } from './sales-by-hour';
import { statement } from '../ledger/statements';

type StaffRow = { id: number; name: string };
type Amount = { staff: number; amount: number };
type CompRow = { staff: number; reason: string; amount: number; comps: number };
type ServedCounts = { staff: number; tabs: number; happy: number; okay: number; unhappy: number; walkouts: number };

/** A credit shown as a positive figure; never -0, which would not survive a Z's JSON unchanged. */
const neg = (amount: number): number => (amount === 0 ? 0 : -amount);

/**
 * Each person's business day, from the journal: every money figure is a sum of postings of the
 * day's entries, split by person, so the people's figures add up to the day's own.
 * - Sales follow the line an entry changed (entry_lines) to whoever served it; an entry with no
 *   line on record counts for whoever made it. Together they are the day's net sales.
 * - Comps count for whoever gave them (the entry's staff), with the comp reasons the comps
 *   account was shared out to; together they are the comps account and the comps by reason.
 * - Refunds given on the day take sales back from whoever served what they gave back (units of
 *   lines from their server, the rest by each server's share of the tab's lines; refund-staff.ts),
 *   net of tax: the people's sales less their refunds are the day's net sales.
 * - Tips are the day's movement on each person's tips_payable account, so a voided payment's tip
 *   drops out again, and so does a tip a refund gave back (also shown apart, as tips refunded).
 * - Tabs served, ratings and walkouts count the tabs closed on the day that have an active line
 *   the person served; a tab served by two people counts for each.
 */
export function staffDayFigures(db: Db, businessDate: string, sales: DaySales = daySales(db, businessDate)): StaffDayFigures[] {
  const people = new Map<number, StaffDayFigures>();
  const names = new Map(
    statement<[], StaffRow>(db, 'SELECT id, name FROM staff')
      .all()
      .map((s) => [s.id, s.name]),
  );
  const of = (staffId: number): StaffDayFigures => {
    let figures = people.get(staffId);
    if (!figures) {
      figures = {
        staffId,
        staffName: names.get(staffId) ?? `#${staffId}`,
        tabsServed: 0,
        salesMinor: 0,
        refundsMinor: 0,
        comps: { count: 0, amountMinor: 0, reasons: [] },
        tipsMinor: 0,
        tipsRefundedMinor: 0,
        ratings: { happy: 0, okay: 0, unhappy: 0 },
        walkouts: 0,
      };
      people.set(staffId, figures);
    }
    return figures;
  };

  // Net sales by whoever served each line (sales-by-hour.ts's pass over the day, which the report shares).
  for (const [staffId, amount] of sales.byServer) of(staffId).salesMinor += neg(amount);
  for (const [staffId, refunded] of refundsByStaff(db, businessDate)) {
    const figures = of(staffId);
    figures.refundsMinor = refunded.refundsMinor;
    figures.tipsRefundedMinor = refunded.tipsRefundedMinor;
  }

  // Comps: the comps account by who gave them (the day's running totals, migration 019), with the
  // reasons it was shared out to (comp_postings).
  const compAmounts = statement<[string, string], Amount>(
    db,
    'SELECT staff_id AS staff, SUM(amount_minor) AS amount FROM day_posting_totals WHERE business_date = ? AND account = ? GROUP BY staff_id',
  ).all(businessDate, accounts.comps);
  for (const row of compAmounts) of(row.staff).comps.amountMinor += row.amount;
  const compReasons = statement<[EntryKind, string], CompRow>(
    db,
    `SELECT je.staff_id AS staff, cp.reason AS reason, SUM(cp.amount_minor) AS amount,
         COUNT(DISTINCT CASE WHEN je.kind = ? THEN je.id END) AS comps
       FROM journal_entries je CROSS JOIN comp_postings cp ON cp.entry_id = je.id
       WHERE je.business_date = ? GROUP BY je.staff_id, cp.reason`,
  ).all('line.comp', businessDate);
  for (const row of compReasons) {
    if (row.amount !== 0 || row.comps > 0) of(row.staff).comps.reasons.push({ reason: row.reason, count: row.comps, amountMinor: row.amount });
  }
  // A comp that moved two reasons (its reason changed) counts once for the person, not once per reason.
  const compCounts = statement<[string, EntryKind], { staff: number; n: number }>(
    db,
    'SELECT staff_id AS staff, entries AS n FROM day_entry_totals WHERE business_date = ? AND kind = ?',
  ).all(businessDate, 'line.comp');
  for (const row of compCounts) of(row.staff).comps.count = row.n;

  const tips = statement<[string, string], { account: TipsAccount; amount: number }>(
    db,
    `SELECT p.account AS account, SUM(p.amount_minor) AS amount FROM day_posting_totals p WHERE p.business_date = ? AND ${TIPS_ACCOUNTS} GROUP BY p.account`,
  ).all(businessDate, tipsPattern);
  for (const row of tips) {
    const staffId = tipsStaffId(row.account);
    if (Number.isSafeInteger(staffId)) of(staffId).tipsMinor += neg(row.amount);
  }

  // Counted per person in SQL: a busy day's tabs never come to JavaScript one by one.
  const served = statement<[string], ServedCounts>(
    db,
    `SELECT staff, COUNT(*) AS tabs, SUM(rating = 'happy') AS happy, SUM(rating = 'okay') AS okay, SUM(rating = 'unhappy') AS unhappy,
         SUM(status = 'written_off') AS walkouts
       FROM (SELECT DISTINCT l.staff_id AS staff, t.id AS tab, t.status AS status, t.rating AS rating
             FROM tabs t CROSS JOIN tab_lines l ON l.tab_id = t.id
             WHERE t.closed_business_date = ? AND t.status IN ('settled', 'written_off') AND l.state = 'active')
       GROUP BY staff`,
  ).all(businessDate);
  for (const row of served) {
    const figures = of(row.staff);
    figures.tabsServed += row.tabs;
    figures.ratings.happy += row.happy;
    figures.ratings.okay += row.okay;
    figures.ratings.unhappy += row.unhappy;
    figures.walkouts += row.walkouts;
  }

  return [...people.values()]
    .filter(
      (p) =>
        p.tabsServed > 0 ||
        p.salesMinor !== 0 ||
        p.refundsMinor !== 0 ||
        p.comps.count > 0 ||
        p.comps.amountMinor !== 0 ||
        p.tipsMinor !== 0 ||
        p.tipsRefundedMinor !== 0,
    )
    .map((p) => ({ ...p, comps: { ...p.comps, reasons: p.comps.reasons.sort((a, b) => b.amountMinor - a.amountMinor || a.reason.localeCompare(b.reason)) } }))
    .sort((a, b) => a.staffName.localeCompare(b.staffName) || a.staffId - b.staffId);
}

/**
 * The staff report for a business day (the current one by default). A closed day answers with
 * the figures its Z froze, as a closed day never changes; a Z closed before it kept them is worked
 * out from the journal, which a closed day's postings still hold.
 */
export function staffReport(ctx: ServiceContext, input: ParsedInput<'report.staff'>): StaffReport {
  const { db } = ctx;
  const current = businessDateAt(db, ctx.now);
  const date = input.businessDate ?? current;
  const z = statement<[string], { report_json: string }>(db, 'SELECT report_json FROM z_reports WHERE business_date = ?').get(date);
  if (z) {
    const frozen = (JSON.parse(z.report_json) as DayReport).staff;
    return { businessDate: date, closed: true, staff: frozen ?? staffDayFigures(db, date) };
  }
  if (date > current) throw new DomainError('invalid_input', 'errors.day.future', { date, current }, 'businessDate');
  const lastClosed = lastClosedDate(db);
  if (lastClosed !== null && date < lastClosed) throw new DomainError('not_found', 'errors.report.noDay', { date }, 'businessDate');
  return { businessDate: date, closed: false, staff: staffDayFigures(db, date) };
}
