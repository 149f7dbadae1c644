import { businessDateOf, localTime } from '../../shared/domain/business-day';
import { splitByWeights } from '../../shared/domain/split';
import type { HourSales } from '../../shared/closing-types';
import type { EntryKind } from '../../shared/ledger-vocabulary';
import type { Db } from '../ledger/open';
import { NET_AFTER_REFUNDS, NET_SALES, netAfterRefundsParams, netSalesParams } from '../ledger/vocabulary-sql';

type Movement = { id: number; at: string; kind: EntryKind; day: string; line: number | null; lineAt: string | null; net: number };

/** A sale rung up on a line: when, on which business day, and how much net sales it added. */
type Sale = { at: string; day: string; minor: number };

const COLUMNS = `je.id AS id, je.created_at AS at, je.kind AS kind, je.business_date AS day, el.line_id AS line, l.created_at AS lineAt,
  -SUM(p.amount_minor) AS net`;

/**
 * Net sales by the local hour of the sale they belong to, so the day's hours add up to its net
 * sales and no hour goes negative because a comp came later. Adding a line or raising its quantity
 * is a sale in the hour it was rung up. A comp, a removed line or a lower quantity reduces sales
 * already rung up on that line: it is shared over them in proportion to what each rang up and
 * counted in their hours. A reduction of a sale from an earlier business day (a tab carried over
 * a close) cannot go back into that day, so it counts in its own hour, as does an entry with no
 * line on record (made before the ledger kept one).
 */
export function salesByHour(db: Db, businessDate: string, timeZone: string, boundaryMinutes: number): HourSales[] {
  // A refund lowers net sales in the hour it is given (it names no line: it may be of a closed day's sale).
  const today = db
    .prepare<[string, ...typeof netAfterRefundsParams], Movement>(
      `SELECT ${COLUMNS} FROM journal_entries je CROSS JOIN postings p ON p.entry_id = je.id
         LEFT JOIN entry_lines el ON el.entry_id = je.id LEFT JOIN tab_lines l ON l.id = el.line_id
       WHERE je.business_date = ? AND ${NET_AFTER_REFUNDS} GROUP BY je.id`,
    )
    .all(businessDate, ...netAfterRefundsParams);
  // What the day's lines rang up before this day, the sales its reductions may reduce; read
  // through the lines (CROSS JOIN keeps that order), never by scanning the journal.
  const before = db
    .prepare<[string, string, ...typeof netSalesParams], Movement>(
      `SELECT ${COLUMNS} FROM entry_lines el CROSS JOIN journal_entries je ON je.id = el.entry_id CROSS JOIN postings p ON p.entry_id = je.id
         JOIN tab_lines l ON l.id = el.line_id
       WHERE el.line_id IN (SELECT el2.line_id FROM journal_entries j2 CROSS JOIN entry_lines el2 ON el2.entry_id = j2.id WHERE j2.business_date = ?)
         AND je.business_date < ? AND ${NET_SALES} GROUP BY je.id`,
    )
    .all(businessDate, businessDate, ...netSalesParams);
  const movements = [...before, ...today].sort((a, b) => a.id - b.id);

  const hourOf = hourReader(timeZone);
  const hours = new Map<number, number>();
  const count = (at: string, minor: number) => {
    const hour = hourOf(at);
    hours.set(hour, (hours.get(hour) ?? 0) + minor);
  };
  const rung = new Map<number, Sale[]>();
  for (const m of movements) {
    const isSale = m.net > 0 && (m.kind === 'line.add' || m.kind === 'line.qty');
    if (isSale && m.line !== null) rung.set(m.line, [...(rung.get(m.line) ?? []), { at: m.at, day: m.day, minor: m.net }]);
    if (m.day !== businessDate) continue;
    const sales = isSale || m.line === null ? [] : (rung.get(m.line) ?? firstKnownSale(m, boundaryMinutes, timeZone));
    if (sales.length === 0) {
      count(m.at, m.net);
      continue;
    }
    // splitByWeights shares out a positive amount; a reduction is shared by its size, then negated.
    const shares = splitByWeights(Math.abs(m.net), sales.map((s) => s.minor));
    sales.forEach((sale, i) => count(sale.day === businessDate ? sale.at : m.at, Math.sign(m.net) * (shares[i] ?? 0)));
  }
  // In the order the business day runs: from the boundary's hour round to the one before it.
  const first = Math.floor(boundaryMinutes / 60);
  const order = (hour: number) => (hour - first + 24) % 24;
  return [...hours].sort(([a], [b]) => order(a) - order(b)).map(([hour, netMinor]) => ({ hour, netMinor: netMinor === 0 ? 0 : netMinor }));
}

/**
 * A line whose sale predates the ledger keeping entry lines has no sale on record: the line was
 * rung up when it was made, so that is the sale a reduction reduces.
 */
function firstKnownSale(m: Movement, boundaryMinutes: number, timeZone: string): Sale[] {
  if (m.lineAt === null) return [];
  return [{ at: m.lineAt, day: businessDateOf(new Date(m.lineAt), boundaryMinutes, timeZone), minor: 1 }];
}

/** The local hour of an ISO time, read once per quarter hour (every zone's offset is a multiple of 15 minutes). */
function hourReader(timeZone: string): (at: string) => number {
  const cache = new Map<string, number>();
  return (at) => {
    const quarter = `${at.slice(0, 14)}${String(Math.floor(Number(at.slice(14, 16)) / 15) * 15).padStart(2, '0')}`;
    let hour = cache.get(quarter);
    if (hour === undefined) {
      hour = localTime(new Date(`${quarter}:00.000Z`), timeZone).hour;
      cache.set(quarter, hour);
    }
    return hour;
  };
}
