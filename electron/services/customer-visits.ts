import type { CustomerVisit } from '../../shared/customer-types';
import { computeTabTotals, type TaxMode } from '../../shared/domain/tax';
import type { Rating, TabStatus } from '../../shared/types';
import { businessDateAt } from '../ledger/journal';
import type { Db } from '../ledger/open';
import { toTaxLine, type LineRow } from './tab-read';
import { statement } from '../ledger/statements';

/** The newest visits a page shows; a regular of many years still loads at once. */
const VISIT_LIMIT = 200;

/** The profile and every profile merged into it, at any depth: one person's records. */
export function customerFamily(db: Db, customerId: number): number[] {
  return statement<[number], { id: number }>(
    db,
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
 * Found through merged_into, since a closed tab keeps the customer it closed with. The total is
 * the ledger's (tab_rate_totals: sales - comps - loyalty + tax), which the tab screen shows too;
 * deposits and payments only pay it, so they never change it. Items, staff and comps come from the
 * lines.
 */
export function readCustomerVisits(db: Db, customerId: number): CustomerVisit[] {
  const ids = customerFamily(db, customerId);
  const tabs = statement<[string, number], VisitTabRow>(
    db,
    `SELECT id, token, status, customer_id, tax_mode, opened_at, closed_at, closed_business_date, rating FROM tabs
       WHERE customer_id IN (SELECT value FROM json_each(?)) AND status <> 'voided' ORDER BY opened_at DESC, id DESC LIMIT ?`,
  ).all(JSON.stringify(ids), VISIT_LIMIT);
  if (tabs.length === 0) return [];
  const lines = statement<[string], LineRow & { tab_id: number }>(
    db,
    `SELECT l.*, s.name AS staff_name FROM tab_lines l JOIN staff s ON s.id = l.staff_id
       WHERE l.tab_id IN (SELECT value FROM json_each(?)) AND l.state = 'active' ORDER BY l.id`,
  ).all(JSON.stringify(tabs.map((t) => t.id)));
  const byTab = new Map<number, (LineRow & { tab_id: number })[]>();
  for (const line of lines) byTab.set(line.tab_id, [...(byTab.get(line.tab_id) ?? []), line]);
  const tabIds = JSON.stringify(tabs.map((t) => t.id));
  const owed = new Map(
    statement<[string], { tab_id: number; total: number }>(
      db,
      'SELECT tab_id, SUM(receivable_minor) AS total FROM tab_rate_totals WHERE tab_id IN (SELECT value FROM json_each(?)) GROUP BY tab_id',
    )
      .all(tabIds)
      .map((r) => [r.tab_id, r.total]),
  );
  // The reward standing on each tab (one taken back off is no reward).
  const rewards = new Map(
    statement<[string], { tab_id: number; discount: number }>(
      db,
      `SELECT m.tab_id, m.discount_minor AS discount FROM loyalty_movements m
         WHERE m.tab_id IN (SELECT value FROM json_each(?)) AND m.kind = 'redeem' AND NOT EXISTS (SELECT 1 FROM loyalty_movements r WHERE r.reverses_id = m.id)`,
    )
      .all(tabIds)
      .map((r) => [r.tab_id, r.discount]),
  );
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
      totalMinor: owed.get(tab.id) ?? 0,
      rating: tab.rating,
      compMinor: totals.compTotal,
      compReasons: [...new Set(comped.map((line) => line.comp_reason ?? '').filter(Boolean))],
      loyaltyMinor: rewards.get(tab.id) ?? 0,
    };
  });
}
