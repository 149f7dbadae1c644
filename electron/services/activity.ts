import { stringify } from 'csv-stringify/sync';
import type { ActivityPage, ActivityRow, CsvExport } from '../../shared/closing-types';
import type { ParsedInput } from '../../shared/contract';
import type { ActivityKind } from '../../shared/domain/activity';
import { addDays, businessDateOf } from '../../shared/domain/business-day';
import { DomainError } from '../../shared/errors';
import { currencyExponent, minorToDecimalString, mulMinor } from '../../shared/money';
import type { Db } from '../ledger/open';
import type { ServiceContext } from './context';
import { safeText } from './report-csv';
import { readSettings } from './store';
import { statement } from '../ledger/statements';

/**
 * Which kind each audited command is, first match wins: the exact commands that do not follow
 * their area (a PIN typed for an approval is a sign-in attempt; a line comp is a comp, not a line),
 * then each area by its prefix, so a command added later still lands next to its neighbours.
 */
type KindRule = { exact: string; kind: ActivityKind } | { prefix: string; kind: ActivityKind };

const kindRules: readonly KindRule[] = [
  { exact: 'approval.pin', kind: 'signIn' },
  { exact: 'staff.lockout', kind: 'signIn' },
  { exact: 'approval.grant', kind: 'staff' },
  { exact: 'tab.addLine', kind: 'lines' },
  { exact: 'tab.setQty', kind: 'lines' },
  { exact: 'tab.removeLine', kind: 'lines' },
  { exact: 'tab.compLine', kind: 'comps' },
  { exact: 'tab.refund', kind: 'payments' },
  { prefix: 'session.', kind: 'signIn' },
  { prefix: 'tab.', kind: 'tabs' },
  { prefix: 'token.', kind: 'tabs' },
  { prefix: 'settle.', kind: 'payments' },
  { prefix: 'drawer.', kind: 'drawer' },
  { prefix: 'day.', kind: 'day' },
  { prefix: 'catalog.', kind: 'catalog' },
  { prefix: 'store.', kind: 'settings' },
  { prefix: 'staff.', kind: 'staff' },
  { prefix: 'approval.', kind: 'staff' },
  { prefix: 'backup.', kind: 'backup' },
  { prefix: 'recovery.', kind: 'backup' },
  { prefix: 'ledger.', kind: 'backup' },
];
/** A command of an area no rule knows is the store's own set-up more than anything else. */
const otherKind: ActivityKind = 'settings';

export function activityKindOf(command: string): ActivityKind {
  const rule = kindRules.find((r) => ('exact' in r ? command === r.exact : command.startsWith(r.prefix)));
  return rule?.kind ?? otherKind;
}

/** The same rules as activityKindOf in SQL, so a kind filter pages in the database, not after it. */
const kindCase = `CASE ${kindRules.map((r) => ('exact' in r ? 'WHEN a.command = ? THEN ?' : 'WHEN substr(a.command, 1, ?) = ? THEN ?')).join(' ')} ELSE ? END`;
const kindCaseParams: (string | number)[] = [...kindRules.flatMap((r) => ('exact' in r ? [r.exact, r.kind] : [r.prefix.length, r.prefix, r.kind])), otherKind];

type Detail = Record<string, unknown>;

function parseDetail(text: string): Detail {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Detail) : {};
  } catch {
    // Rows are written by our own services as JSON; one that is not still shows its text.
    return {};
  }
}

const minor = (value: unknown): number | null => (typeof value === 'number' && Number.isSafeInteger(value) ? value : null);

/** The fields that name the money an action moved, in the order they are looked for. */
const amountFields = ['amountMinor', 'dueMinor', 'floatMinor', 'countedMinor', 'netSalesMinor', 'tipMinor', 'priceMinor'] as const;

/**
 * The money a row's action moved or changed, from its detail: what was paid, the walkout, the
 * float, the count, a comp given as an amount, a line rung up. Null where the action has none
 * (a percent comp, a sign-in, a setting).
 */
export function amountOf(command: string, detail: Detail): number | null {
  if (command === 'tab.compLine') return detail.kind === 'amount' ? minor(detail.value) : null;
  if (command === 'tab.addLine') {
    const unit = minor(detail.unitMinor);
    const qty = minor(detail.qty);
    return unit === null || qty === null ? null : mulMinor(unit, qty);
  }
  for (const field of amountFields) {
    const value = minor(detail[field]);
    if (value !== null) return value;
  }
  return null;
}

/**
 * The first instant (to the minute: zone offsets are whole minutes) that belongs to business day
 * `date` or a later one. Found by halving a window around the date rather than by working out
 * the zone's offset, so a boundary near a daylight-saving change is still where businessDateOf
 * puts it.
 */
export function businessDayStart(date: string, boundaryMinutes: number, timeZone: string): Date {
  const midnight = Date.parse(`${date}T00:00:00Z`) / 60_000;
  // Every zone is within a day of UTC and the boundary is within the day, so the start lies in here.
  let low = midnight - 2 * 1440;
  let high = midnight + 3 * 1440;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (businessDateOf(new Date(mid * 60_000), boundaryMinutes, timeZone) >= date) high = mid;
    else low = mid + 1;
  }
  return new Date(low * 60_000);
}

/** The UTC span [from, to) of a business day, as the ISO text the audit's `at` is stored in. */
export function businessDaySpan(db: Db, date: string): { from: string; to: string } {
  const store = readSettings(db);
  return {
    from: businessDayStart(date, store.dayBoundaryMinutes, store.timeZone).toISOString(),
    to: businessDayStart(addDays(date, 1), store.dayBoundaryMinutes, store.timeZone).toISOString(),
  };
}

type Filter = { businessDate?: string | undefined; staffId?: number | undefined; kind?: ActivityKind | undefined; beforeId?: number | undefined };

type AuditRow = {
  id: number;
  at: string;
  staff_id: number;
  staff_name: string;
  approved_by: number | null;
  approver_name: string | null;
  command: string;
  tab_id: number | null;
  token: number | null;
  detail: string;
};

function requireStaff(db: Db, staffId: number | undefined): void {
  if (staffId === undefined) return;
  const row = statement<[number], { name: string }>(db, 'SELECT name FROM staff WHERE id = ?').get(staffId);
  if (!row) throw new DomainError('not_found', 'errors.staff.missing', { id: staffId }, 'staffId');
}

/** The query for the audit rows matching the filter, newest first (or oldest first), at most `limit` of them. */
export function activityQuery(db: Db, filter: Filter, order: 'newest' | 'oldest', limit: number | null): { sql: string; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.businessDate !== undefined) {
    const span = businessDaySpan(db, filter.businessDate);
    where.push('a.at >= ? AND a.at < ?');
    params.push(span.from, span.to);
  }
  if (filter.staffId !== undefined) {
    where.push('a.staff_id = ?');
    params.push(filter.staffId);
  }
  if (filter.kind !== undefined) {
    where.push(`(${kindCase}) = ?`);
    params.push(...kindCaseParams, filter.kind);
  }
  if (filter.beforeId !== undefined) {
    where.push('a.id < ?');
    params.push(filter.beforeId);
  }
  if (limit !== null) params.push(limit);
  const sql = `SELECT a.id, a.at, a.staff_id, s.name AS staff_name, a.approved_by, ap.name AS approver_name, a.command, a.tab_id, t.token, a.detail
       FROM audit a JOIN staff s ON s.id = a.staff_id LEFT JOIN staff ap ON ap.id = a.approved_by LEFT JOIN tabs t ON t.id = a.tab_id
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY a.id ${order === 'newest' ? 'DESC' : 'ASC'}${limit !== null ? ' LIMIT ?' : ''}`;
  return { sql, params };
}

function selectRows(db: Db, filter: Filter, order: 'newest' | 'oldest', limit: number | null): AuditRow[] {
  requireStaff(db, filter.staffId);
  const { sql, params } = activityQuery(db, filter, order, limit);
  return statement<(string | number)[], AuditRow>(db, sql).all(...params);
}

function toActivity(row: AuditRow): ActivityRow {
  return {
    id: row.id,
    at: row.at,
    staffId: row.staff_id,
    staffName: row.staff_name,
    approverId: row.approved_by,
    approverName: row.approver_name,
    command: row.command,
    kind: activityKindOf(row.command),
    tabId: row.tab_id,
    token: row.token,
    amountMinor: amountOf(row.command, parseDetail(row.detail)),
    detail: row.detail,
  };
}

/** Who did what, newest first, a page at a time; the next page starts below the last id shown. */
export function listActivity(ctx: ServiceContext, input: ParsedInput<'audit.list'>): ActivityPage {
  // One row more than asked says whether an older page exists without a second query.
  const rows = selectRows(ctx.db, input, 'newest', input.limit + 1);
  const page = rows.slice(0, input.limit).map(toActivity);
  return { rows: page, nextBeforeId: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
}

/** Columns of the activity CSV, documented in docs/EXPORTS.md. */
export const activityColumns = ['time', 'person', 'approver', 'kind', 'command', 'token', 'amount_minor', 'amount', 'detail'] as const;

const localFormatters = new Map<string, Intl.DateTimeFormat>();

/** "2026-11-24 09:05:30": the wall-clock time in the store's zone, sorting as it reads. */
export function localStamp(at: string, timeZone: string): string {
  let f = localFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    localFormatters.set(timeZone, f);
  }
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  const p = Object.fromEntries(f.formatToParts(date).map((part) => [part.type, part.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** Every row of one business day matching the filter, oldest first, as CSV (not paged). */
export function activityCsv(ctx: ServiceContext, input: ParsedInput<'audit.csv'>): CsvExport {
  const store = readSettings(ctx.db);
  const exp = currencyExponent(store.currency);
  const rows = selectRows(ctx.db, input, 'oldest', null).map((row) => {
    const a = toActivity(row);
    return [
      localStamp(a.at, store.timeZone),
      safeText(a.staffName),
      safeText(a.approverName ?? ''),
      a.kind,
      a.command,
      a.token ?? '',
      a.amountMinor ?? '',
      a.amountMinor === null ? '' : minorToDecimalString(a.amountMinor, exp),
      safeText(a.detail),
    ];
  });
  return {
    filename: `aftertab-activity-${input.businessDate}.csv`,
    text: stringify(rows, { header: true, columns: [...activityColumns], record_delimiter: 'windows' }),
  };
}
