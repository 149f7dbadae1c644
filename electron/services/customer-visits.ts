import type { CustomerVisit } from '../../shared/customer-types';
import { computeTabTotals, type TaxMode } from '../../shared/domain/tax';
import type { Rating, TabStatus } from '../../shared/types';
import { businessDateAt } from '../ledger/journal';
import type { Db } from '../ledger/open';
import { toTaxLine, type LineRow } from './tab-read';

/** The newest visits a page shows; a regular of many years still loads at once. */
const VISIT_LIMIT = 200;

/** The profile and every profile merged into it, at any depth: one person's records. */
export function customerFamily(db: Db, customerId: number): number[] {
  return db
    .prepare<[number], { id: number }>(
      'WITH RECURSIVE fam(id) AS (SELECT ? UNION SELECT c.id FROM customers c JOIN fam ON c.merged_into = fam.id) SELECT id FROM fam ORDER BY id',
    )
    .all(customerId)
    .map((r) => r.id);
}

type VisitTabRow = {
  id: number;
  token: number;
  status: TabStatus;
  customer_id: number;
  tax_mode: TaxMode;
  opened_at: string;
  closed_at: string | null;
  closed_business_date: string | null;
  rating: Rating | null;
};

/**
 * Every tab of the customer and of the profiles merged into them, newest first: settled and
 * written-off ones, and any still open (a voided tab was opened by mistake and is no visit).
 * Found through merged_into, since a closed tab keeps the customer it closed with. Totals are
 * computed from the lines as the tab screen computes them, so both always agree.
 */
export function readCustomerVisits(db: Db, customerId: number): CustomerVisit[] {
  const ids = customerFamily(db, customerId);
  const tabs = db
    .prepare<[string, number], VisitTabRow>(
      `SELECT id, token, status, customer_id, tax_mode, opened_at, closed_at, closed_business_date, rating FROM tabs
       WHERE customer_id IN (SELECT value FROM json_each(?)) AND status <> 'voided' ORDER BY opened_at DESC, id DESC LIMIT ?`,
    )
    .all(JSON.stringify(ids), VISIT_LIMIT);
  if (tabs.length === 0) return [];
  const lines = db
    .prepare<[string], LineRow & { tab_id: number }>(
      `SELECT l.*, s.name AS staff_name FROM tab_lines l JOIN staff s ON s.id = l.staff_id
       WHERE l.tab_id IN (SELECT value FROM json_each(?)) AND l.state = 'active' ORDER BY l.id`,
    )
    .all(JSON.stringify(tabs.map((t) => t.id)));
  const byTab = new Map<number, (LineRow & { tab_id: number })[]>();
  for (const line of lines) byTab.set(line.tab_id, [...(byTab.get(line.tab_id) ?? []), line]);
  return tabs.map((tab) => {
    const own = byTab.get(tab.id) ?? [];
    const totals = computeTabTotals(own.map(toTaxLine), tab.tax_mode);
    const items = new Map<string, number>();
    for (const line of own) items.set(line.name, (items.get(line.name) ?? 0) + line.qty);
    const comped = own.filter((line) => line.comp_kind !== null);
    return {
      tabId: tab.id,
      token: tab.token,
      status: tab.status,
      customerId: tab.customer_id,
      businessDate: tab.closed_business_date ?? businessDateAt(db, tab.opened_at),
      openedAt: tab.opened_at,
      closedAt: tab.closed_at,
      items: [...items].map(([name, qty]) => ({ name, qty })),
      staff: [...new Set(own.map((line) => line.staff_name))],
      totalMinor: totals.grossTotal,
      rating: tab.rating,
      compMinor: totals.compTotal,
      compReasons: [...new Set(comped.map((line) => line.comp_reason ?? '').filter(Boolean))],
    };
  });
}
