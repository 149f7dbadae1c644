import { DomainError } from '../../shared/errors';
import { MAX_TAB_TOTAL } from '../../shared/schemas';
import { computeTabTotals, rateLabel } from '../../shared/domain/tax';
import { accounts, postEntry, type Posting } from '../ledger/journal';
import type { ServiceContext } from './context';
import { paidOn, readLines, readTabRow, toTaxLine } from './tab-read';

type Posted = { tax_rate_milli: number; sales_minor: number; comps_minor: number; tax_minor: number; receivable_minor: number };

/**
 * Recomputes a tab's totals with the one tax function and posts the difference from what the
 * journal already holds for it, so the ledger always equals the tab as it now stands.
 * Unpaid split parts no longer fit the new total and are dropped.
 */
export function repostTab(ctx: ServiceContext, tabId: number, kind: string, memo: string): void {
  const { db } = ctx;
  const taxMode = readTabRow(db, tabId).tax_mode;
  const active = readLines(db, tabId).filter((l) => l.state === 'active');
  const totals = computeTabTotals(active.map(toTaxLine), taxMode);
  const prior = new Map(
    db.prepare<[number], Posted>('SELECT * FROM tab_rate_totals WHERE tab_id = ?').all(tabId).map((row) => [row.tax_rate_milli, row]),
  );
  const postings: Posting[] = [];
  const upsert = db.prepare(
    `INSERT INTO tab_rate_totals (tab_id, tax_rate_milli, sales_minor, comps_minor, tax_minor, receivable_minor) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (tab_id, tax_rate_milli) DO UPDATE SET sales_minor = excluded.sales_minor, comps_minor = excluded.comps_minor,
       tax_minor = excluded.tax_minor, receivable_minor = excluded.receivable_minor`,
  );
  const seen = new Set<number>();
  for (const r of totals.byRate) {
    seen.add(r.rateMilli);
    const old = prior.get(r.rateMilli);
    const label = rateLabel(r.rateMilli);
    postings.push(
      [accounts.receivable, r.receivable - (old?.receivable_minor ?? 0)],
      [accounts.comps, r.comps - (old?.comps_minor ?? 0)],
      [accounts.sales(label), -(r.sales - (old?.sales_minor ?? 0))],
      [accounts.tax(label), -(r.tax - (old?.tax_minor ?? 0))],
    );
    upsert.run(tabId, r.rateMilli, r.sales, r.comps, r.tax, r.receivable);
  }
  for (const [rate, old] of prior) {
    if (seen.has(rate)) continue;
    const label = rateLabel(rate);
    postings.push(
      [accounts.receivable, -old.receivable_minor],
      [accounts.comps, -old.comps_minor],
      [accounts.sales(label), old.sales_minor],
      [accounts.tax(label), old.tax_minor],
    );
    upsert.run(tabId, rate, 0, 0, 0, 0);
  }
  if (totals.grossTotal > MAX_TAB_TOTAL || totals.listTotal > MAX_TAB_TOTAL) {
    throw new DomainError('invalid_input', 'errors.tabTooLarge');
  }
  if (totals.grossTotal < paidOn(db, tabId)) {
    throw new DomainError('conflict', 'errors.belowPaid');
  }
  const entryId = postEntry(db, { kind, at: ctx.now, staffId: ctx.actor.id, tabId, commandId: ctx.commandId, memo }, postings);
  if (entryId !== null) db.prepare('DELETE FROM split_parts WHERE tab_id = ? AND payment_id IS NULL').run(tabId);
}
