import type { DashboardItem } from '../../shared/dashboard-types';
import type { EntryKind } from '../../shared/ledger-vocabulary';
import type { Rating } from '../../shared/types';
import type { Db } from '../ledger/open';
import { statement } from '../ledger/statements';

type RatingRow = { item: number | null; line_name: string; rating: Rating; n: number };
type CompRow = { item: number | null; line_name: string | null; amount: number; n: number };

/** The rated tabs settled in a period, once per item: hot on a year, so its plan is tested (tabs_closed_day). */
export const ITEM_RATINGS_SQL = `SELECT l.item_id AS item, CASE WHEN l.item_id IS NULL THEN l.name ELSE '' END AS line_name, t.rating AS rating, COUNT(DISTINCT t.id) AS n
  FROM tabs t CROSS JOIN tab_lines l ON l.tab_id = t.id
  WHERE t.closed_business_date BETWEEN ? AND ? AND +t.status = 'settled' AND t.rating IS NOT NULL AND l.state = 'active'
  GROUP BY item, line_name, t.rating`;

/**
 * Satisfaction by item over business days `from` to `to`: each rated tab settled in the period
 * counts once for every item it had an active line of; and the comps given on each item, from
 * the comps account's shares (comp_postings) of the entries that changed one of its lines. An
 * item is its catalog row (named as the catalog names it now); a line without one, its own name.
 * `+t.status` keeps the planner on the closed-day index rather than every settled tab.
 */
export function itemSatisfaction(db: Db, from: string, to: string): DashboardItem[] {
  const ratings = statement<[string, string], RatingRow>(db, ITEM_RATINGS_SQL).all(from, to);
  const comps = statement<[EntryKind, string, string], CompRow>(
    db,
    `SELECT l.item_id AS item, CASE WHEN l.item_id IS NULL THEN l.name ELSE '' END AS line_name, SUM(cp.amount_minor) AS amount,
         COUNT(DISTINCT CASE WHEN je.kind = ? THEN je.id END) AS n
       FROM comp_postings cp CROSS JOIN journal_entries je ON je.id = cp.entry_id
         CROSS JOIN entry_lines el ON el.entry_id = je.id CROSS JOIN tab_lines l ON l.id = el.line_id
       WHERE je.business_date BETWEEN ? AND ? GROUP BY item, line_name`,
  ).all('line.comp', from, to);
  const names = new Map(
    statement<[], { id: number; name: string }>(db, 'SELECT id, name FROM items')
      .all()
      .map((i) => [i.id, i.name]),
  );
  const byKey = new Map<string, DashboardItem>();
  const of = (item: number | null, lineName: string | null): DashboardItem => {
    const key = item === null ? `name:${lineName ?? ''}` : `item:${item}`;
    let row = byKey.get(key);
    if (!row) {
      row = {
        itemId: item,
        name: item === null ? (lineName ?? '') : (names.get(item) ?? `#${item}`),
        happy: 0,
        okay: 0,
        unhappy: 0,
        compsCount: 0,
        compsMinor: 0,
      };
      byKey.set(key, row);
    }
    return row;
  };
  for (const r of ratings) of(r.item, r.line_name)[r.rating] += r.n;
  for (const c of comps) {
    const row = of(c.item, c.line_name);
    row.compsMinor += c.amount;
    row.compsCount += c.n;
  }
  return [...byKey.values()]
    .filter((r) => r.happy + r.okay + r.unhappy > 0 || r.compsCount > 0 || r.compsMinor !== 0)
    .sort((a, b) => a.name.localeCompare(b.name) || (a.itemId ?? 0) - (b.itemId ?? 0));
}
