import { businessDateOf, localTime } from '../../shared/domain/business-day';
import { splitByWeights } from '../../shared/domain/split';
import type { HourSales } from '../../shared/closing-types';
import { accounts, type EntryKind } from '../../shared/ledger-vocabulary';
import type { Db } from '../ledger/open';
import { NET_AFTER_REFUNDS, NET_SALES, netAfterRefundsParams, netSalesParams } from '../ledger/vocabulary-sql';
import { statement } from '../ledger/statements';

/** A movement of a line that had a reduction on the day: what it moved, when, on which business day. */
type LineMove = { line: number; lineAt: string | null; id: number; at: string; kind: EntryKind; day: string; net: number };

/** A sale rung up on a line: when, on which business day, and how much net sales it added. */
type Sale = { at: string; day: string; minor: number };

const SALE_KINDS = ['line.add', 'line.qty'] as const satisfies readonly EntryKind[];

/**
 * One pass over the day's entries that moved net sales, shared by the report's hours and its
 * people: what counts in its own hour summed by the minute, the lines that had a reduction, and
 * each person's net sales (the sales accounts, comps and loyalty, without refunds, as postings sum
 * them: a credit) by whoever served the line an entry changed, or made the entry when it names no line.
 */
export type DaySales = { minutes: { minute: string; net: number }[]; reducedLines: number[]; byServer: Map<number, number> };

type SalesGroup = { own: 0 | 1; key: string | number; server: number; net: number; sales: number };

/**
 * The pass: each entry summed on its own (a refund lowers net sales in the hour it is given: it
 * names no line), then, in SQL, by the minute for the ones that count in their own hour and by
 * the line for the reductions, each by person; a busy day's entries never come to JavaScript one by one.
 */
export function daySales(db: Db, businessDate: string): DaySales {
  const groups = statement<[...typeof netSalesParams, ...typeof SALE_KINDS, string, ...typeof netAfterRefundsParams], SalesGroup>(
    db,
    `SELECT own, CASE WHEN own THEN minute ELSE line END AS key, server, SUM(net) AS net, SUM(sales) AS sales FROM (
         SELECT substr(je.created_at, 1, 16) AS minute, el.line_id AS line, coalesce(l.staff_id, je.staff_id) AS server,
           -SUM(p.amount_minor) AS net, SUM(CASE WHEN ${NET_SALES} THEN p.amount_minor ELSE 0 END) AS sales,
           el.line_id IS NULL OR (je.kind IN (?, ?) AND -SUM(p.amount_minor) > 0) AS own
         FROM journal_entries je CROSS JOIN postings p ON p.entry_id = je.id
           LEFT JOIN entry_lines el ON el.entry_id = je.id LEFT JOIN tab_lines l ON l.id = el.line_id
         WHERE je.business_date = ? AND ${NET_AFTER_REFUNDS} GROUP BY je.id)
       GROUP BY own, key, server`,
  ).all(...netSalesParams, ...SALE_KINDS, businessDate, ...netAfterRefundsParams);
  const minutes: DaySales['minutes'] = [];
  const reducedLines = new Set<number>();
  const byServer = new Map<number, number>();
  for (const g of groups) {
    if (g.own) minutes.push({ minute: String(g.key), net: g.net });
    else reducedLines.add(Number(g.key));
    byServer.set(g.server, (byServer.get(g.server) ?? 0) + g.sales);
  }
  return { minutes, reducedLines: [...reducedLines], byServer };
}

/**
 * Net sales by the local hour of the sale they belong to, so the day's hours add up to its net
 * sales and no hour goes negative because a comp came later. Adding a line or raising its quantity
 * is a sale in the hour it was rung up. A comp, a removed line or a lower quantity reduces sales
 * already rung up on that line: it is shared over them in proportion to what each rang up and
 * counted in their hours. A reduction of a sale from an earlier business day (a tab carried over
 * a close) cannot go back into that day, so it counts in its own hour, as does an entry with no
 * line on record (made before the ledger kept one).
 *
 * The sales and the entries on no line, nearly all of a day, come summed by the minute (daySales);
 * only the lines that had a reduction are read entry by entry, to share each reduction over what
 * its line rang up before it.
 */
export function salesByHour(db: Db, businessDate: string, timeZone: string, boundaryMinutes: number, pass: DaySales = daySales(db, businessDate)): HourSales[] {
  const hourOf = hourReader(timeZone);
  const hours = new Map<number, number>();
  const count = (at: string, minor: number) => {
    const hour = hourOf(at);
    hours.set(hour, (hours.get(hour) ?? 0) + minor);
  };
  for (const m of pass.minutes) count(m.minute, m.net);
  const { reducedLines } = pass;
  if (reducedLines.length === 0) return inDayOrder(hours, boundaryMinutes);

  // The reduced lines' entries up to this day, in the order they were made (all lines in one
  // statement): what a line rang up on earlier days counts as net sales did then (without
  // refunds), today's as the day counts them.
  const moves = statement<[string, string, ...typeof netSalesParams, string, string], LineMove>(
    db,
    `SELECT el.line_id AS line, l.created_at AS lineAt, je.id AS id, je.created_at AS at, je.kind AS kind, je.business_date AS day, -SUM(p.amount_minor) AS net
       FROM entry_lines el CROSS JOIN journal_entries je ON je.id = el.entry_id CROSS JOIN postings p ON p.entry_id = je.id
         LEFT JOIN tab_lines l ON l.id = el.line_id
       WHERE el.line_id IN (SELECT value FROM json_each(?)) AND je.business_date <= ? AND (${NET_SALES} OR (je.business_date = ? AND p.account = ?))
       GROUP BY je.id ORDER BY el.line_id, je.id`,
  ).all(JSON.stringify(reducedLines), businessDate, ...netSalesParams, businessDate, accounts.refunds);
  const byLine = new Map<number, LineMove[]>();
  for (const m of moves) {
    const list = byLine.get(m.line);
    if (list) list.push(m);
    else byLine.set(m.line, [m]);
  }
  for (const lineMoves of byLine.values()) {
    const rung: Sale[] = [];
    for (const m of lineMoves) {
      if (m.net > 0 && (m.kind === 'line.add' || m.kind === 'line.qty')) {
        // Today's sales were counted in their own hour above.
        rung.push({ at: m.at, day: m.day, minor: m.net });
        continue;
      }
      if (m.day !== businessDate) continue;
      const sales = rung.length > 0 ? rung : firstKnownSale(m.lineAt, boundaryMinutes, timeZone);
      if (sales.length === 0) {
        count(m.at, m.net);
        continue;
      }
      // splitByWeights shares out a positive amount; a reduction is shared by its size, then negated.
      const shares = splitByWeights(
        Math.abs(m.net),
        sales.map((s) => s.minor),
      );
      sales.forEach((sale, i) => count(sale.day === businessDate ? sale.at : m.at, Math.sign(m.net) * (shares[i] ?? 0)));
    }
  }
  return inDayOrder(hours, boundaryMinutes);
}

/** In the order the business day runs: from the boundary's hour round to the one before it. */
function inDayOrder(hours: Map<number, number>, boundaryMinutes: number): HourSales[] {
  const first = Math.floor(boundaryMinutes / 60);
  const order = (hour: number) => (hour - first + 24) % 24;
  return [...hours].sort(([a], [b]) => order(a) - order(b)).map(([hour, netMinor]) => ({ hour, netMinor: netMinor === 0 ? 0 : netMinor }));
}

/**
 * A line whose sale predates the ledger keeping entry lines has no sale on record: the line was
 * rung up when it was made, so that is the sale a reduction reduces.
 */
function firstKnownSale(lineAt: string | null, boundaryMinutes: number, timeZone: string): Sale[] {
  if (lineAt === null) return [];
  return [{ at: lineAt, day: businessDateOf(new Date(lineAt), boundaryMinutes, timeZone), minor: 1 }];
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
