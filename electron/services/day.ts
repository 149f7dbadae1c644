import { DomainError } from '../../shared/errors';
import type { ParsedInput } from '../../shared/contract';
import type { ClosedDay, DayReport, DayStatus, FrozenDayReport } from '../../shared/closing-types';
import { businessDateOf } from '../../shared/domain/business-day';
import { chainCounts, chainHead } from '../ledger/chain';
import { businessDateAt, forgetBusinessDay, lastClosedDate, writeAudit } from '../ledger/journal';
import type { Db } from '../ledger/open';
import { nextZNumber } from '../ledger/z-numbers';
import type { ServiceContext } from './context';
import { isDrawerOpen } from './drawer';
import { buildDayReport, servedReport } from './report-build';
import { applyPendingBusinessDay, readSettings } from './store';
import { statement } from '../ledger/statements';

type ZRow = { z_number: number; business_date: string; closed_at: string; closed_by_name: string; report_json: string };

const zSelect = `SELECT z.z_number, z.business_date, z.closed_at, s.name AS closed_by_name, z.report_json FROM z_reports z JOIN staff s ON s.id = z.closed_by`;

function toClosedDay(row: ZRow): ClosedDay {
  const report = JSON.parse(row.report_json) as FrozenDayReport;
  return {
    zNumber: row.z_number,
    businessDate: row.business_date,
    closedAt: row.closed_at,
    closedBy: row.closed_by_name,
    netSalesMinor: report.sales.netMinor,
  };
}

export function dayStatus(db: Db, now: string): DayStatus {
  const settings = readSettings(db);
  const current = businessDateAt(db, now);
  const byClock = businessDateOf(new Date(now), settings.dayBoundaryMinutes, settings.timeZone);
  const lastClosed = lastClosedDate(db);
  const unclosed = statement<[string], { d: string }>(
    db,
    'SELECT DISTINCT business_date AS d FROM journal_entries WHERE business_date > ? ORDER BY business_date',
  )
    .all(lastClosed ?? '')
    .map((r) => r.d);
  const oldest = unclosed[0];
  const last = statement<[], ZRow>(db, `${zSelect} ORDER BY z.z_number DESC LIMIT 1`).get();
  const nextToClose = oldest !== undefined && oldest < current ? oldest : current;
  return {
    currentBusinessDate: current,
    nextToClose,
    canCloseNext: nextToClose <= byClock,
    unclosedDates: unclosed,
    lastZ: last ? toClosedDay(last) : null,
    drawerOpen: isDrawerOpen(db),
    dayBoundaryMinutes: settings.dayBoundaryMinutes,
    timeZone: settings.timeZone,
  };
}

function zFor(db: Db, businessDate: string): ZRow | undefined {
  return statement<[string], ZRow>(db, `${zSelect} WHERE z.business_date = ?`).get(businessDate);
}

/**
 * The Z: closes the next business day in order with the next number (never reused: numbers only
 * grow, also past a restored older file), freezing the report as it stands. After it, every
 * posting belongs to a later day (invariant 8).
 */
export function closeDay(ctx: ServiceContext, input: ParsedInput<'day.close'>): DayReport {
  const { db } = ctx;
  const closed = zFor(db, input.businessDate);
  if (closed) throw new DomainError('day_closed', 'errors.day.alreadyClosed', { date: input.businessDate, z: closed.z_number }, 'businessDate');
  const status = dayStatus(db, ctx.now);
  if (status.drawerOpen) throw new DomainError('drawer_open', 'errors.day.drawerOpen');
  if (input.businessDate > status.currentBusinessDate) {
    throw new DomainError('invalid_input', 'errors.day.future', { date: input.businessDate, current: status.currentBusinessDate }, 'businessDate');
  }
  if (!status.canCloseNext && input.businessDate === status.nextToClose) {
    throw new DomainError('conflict', 'errors.day.notBegun', { date: input.businessDate }, 'businessDate');
  }
  if (input.businessDate !== status.nextToClose) {
    throw new DomainError('conflict', 'errors.day.inOrder', { date: status.nextToClose }, 'businessDate');
  }
  const zNumber = nextZNumber(db);
  const built = buildDayReport(db, input.businessDate, { kind: 'z', zNumber, generatedAt: ctx.now, generatedBy: ctx.actor.name });
  // Replay results are kept for the day being closed and the one after it; older ones go.
  const previousZ = statement<[], { closed_at: string }>(db, 'SELECT closed_at FROM z_reports ORDER BY z_number DESC LIMIT 1').get();
  if (previousZ) {
    statement(db, 'DELETE FROM command_results WHERE (SELECT at FROM commands WHERE id = command_results.command_id) < ?').run(previousZ.closed_at);
  }
  const lastEntry = statement<[], { id: number | null }>(db, 'SELECT max(id) AS id FROM journal_entries').get()?.id ?? 0;
  // The Z keeps the chain head it closes on: the next check starts from it, and the paper shows it.
  const head = chainHead(db);
  const report: FrozenDayReport = { ...built, chain: head };
  // And how many rows of each kind the chain then held, so a check from this Z counts only what came after.
  const counts = JSON.stringify(chainCounts(db));
  statement(
    db,
    'INSERT INTO z_reports (z_number, business_date, closed_at, closed_by, last_entry_id, report_json, chain_seq, chain_hash, chain_counts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(zNumber, input.businessDate, ctx.now, ctx.actor.id, lastEntry, JSON.stringify(report), head.seq, head.hash, counts);
  // The next posting of this command lands on the day after the one just closed.
  forgetBusinessDay(db);
  writeAudit(db, {
    at: ctx.now,
    staffId: ctx.actor.id,
    command: 'day.close',
    tabId: null,
    detail: JSON.stringify({ zNumber, businessDate: input.businessDate, netSalesMinor: report.sales.netMinor }),
  });
  // The day is closed by the rules it began with; a time zone or day boundary waiting for this Z
  // counts the days from here on.
  applyPendingBusinessDay(ctx);
  return servedReport(db, report);
}

/** An X: an unclosed day as it stands now. */
export function xReport(ctx: ServiceContext, input: ParsedInput<'report.x'>): DayReport {
  const { db } = ctx;
  const current = businessDateAt(db, ctx.now);
  const date = input.businessDate ?? current;
  const closed = zFor(db, date);
  if (closed) throw new DomainError('day_closed', 'errors.report.dayClosed', { date, z: closed.z_number }, 'businessDate');
  if (date > current) throw new DomainError('invalid_input', 'errors.day.future', { date, current }, 'businessDate');
  const lastClosed = lastClosedDate(db);
  if (lastClosed !== null && date < lastClosed) {
    throw new DomainError('not_found', 'errors.report.noDay', { date }, 'businessDate');
  }
  return servedReport(db, buildDayReport(db, date, { kind: 'x', zNumber: null, generatedAt: ctx.now, generatedBy: ctx.actor.name }));
}

export function zReport(ctx: ServiceContext, input: ParsedInput<'report.z'>): DayReport {
  const row = statement<[number], { report_json: string }>(ctx.db, 'SELECT report_json FROM z_reports WHERE z_number = ?').get(input.zNumber);
  if (!row) throw new DomainError('not_found', 'errors.report.noZ', { z: input.zNumber }, 'zNumber');
  return servedReport(ctx.db, JSON.parse(row.report_json) as FrozenDayReport);
}

export function zList(ctx: ServiceContext, input: ParsedInput<'report.zList'>): ClosedDay[] {
  return statement<[number], ZRow>(ctx.db, `${zSelect} ORDER BY z.z_number DESC LIMIT ?`).all(input.limit).map(toClosedDay);
}

/** The day's report: its frozen Z when the day is closed, otherwise an X as of now; customers named as they are now. */
export function reportFor(ctx: ServiceContext, businessDate: string): DayReport {
  const closed = zFor(ctx.db, businessDate);
  return closed ? servedReport(ctx.db, JSON.parse(closed.report_json) as FrozenDayReport) : xReport(ctx, { businessDate });
}
