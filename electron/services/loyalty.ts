import { DomainError } from '../../shared/errors';
import { pointsFor, stampsOnLine } from '../../shared/domain/loyalty';
import { computeTabTotals, rateLabel } from '../../shared/domain/tax';
import type { ParsedInput } from '../../shared/contract';
import type { LoyaltyAccount, LoyaltyMovement } from '../../shared/loyalty-types';
import type { TabDetail } from '../../shared/types';
import { accounts, postEntry, writeAudit, type Posting } from '../ledger/journal';
import type { ServiceContext } from './context';
import { readLoyaltySettings } from './loyalty-settings';
import { inCategory, planRedemption, standingEarn, standingOf, standingRedemption, type LoyaltyLine } from './loyalty-read';
import { readLines, readOpenTab, readTab, readTabRow, receivableOf, toTaxLine, type LineRow, type TabRow } from './tab-read';
import { statement } from '../ledger/statements';

/*
 * Loyalty's commands and the hooks other services call: earn when a tab with a customer settles,
 * redeem at settlement, take a reward back off when the tab changes under it, and give back what a
 * tab earned when it is reopened. Every change is a new movement row; a reward's money is a
 * journal entry to the loyalty account, apart from comps.
 */

export function loyaltyLines(rows: readonly LineRow[]): LoyaltyLine[] {
  return rows.filter((l) => l.state === 'active').map((l) => ({ ...toTaxLine(l), id: l.id, itemId: l.item_id, name: l.name }));
}

function audit(ctx: ServiceContext, command: string, tabId: number, detail: Record<string, string | number | null>): void {
  // Ids and figures only: the audit is hashed and kept for good, and a customer may be erased.
  writeAudit(ctx.db, { at: ctx.now, staffId: ctx.actor.id, command, tabId, detail: JSON.stringify(detail) });
}

/** Posts a reward's figures (or, turned around, their undoing) and keeps the tab's rate rows equal to the journal. */
function postReward(
  ctx: ServiceContext,
  tabId: number,
  kind: 'loyalty.redeem' | 'loyalty.undo',
  memo: string,
  rates: readonly { rateMilli: number; discountMinor: number; taxMinor: number; receivableMinor: number; loyaltyMinor: number }[],
  sign: 1 | -1,
  lineId: number | null,
): number {
  const { db } = ctx;
  const postings: Posting[] = rates.flatMap((r): Posting[] => [
    [accounts.receivable, -sign * r.receivableMinor],
    [accounts.tax(rateLabel(r.rateMilli)), sign * r.taxMinor],
    [accounts.loyalty, sign * r.loyaltyMinor],
  ]);
  const entryId = postEntry(db, { kind, at: ctx.now, staffId: ctx.actor.id, tabId, commandId: ctx.commandId, memo }, postings);
  if (entryId === null) throw new Error('a loyalty reward always moves money');
  // A stamp card's reward reduces one line's sale: hours and staff figures count it there, like a comp.
  if (lineId !== null) statement(db, 'INSERT INTO entry_lines (entry_id, line_id) VALUES (?, ?)').run(entryId, lineId);
  const insert = statement(
    db,
    'INSERT INTO loyalty_postings (entry_id, tax_rate_milli, discount_minor, tax_minor, receivable_minor, loyalty_minor) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const rows = statement(
    db,
    'UPDATE tab_rate_totals SET receivable_minor = receivable_minor - ?, tax_minor = tax_minor - ?, loyalty_minor = loyalty_minor + ? WHERE tab_id = ? AND tax_rate_milli = ?',
  );
  for (const r of rates) {
    insert.run(entryId, r.rateMilli, sign * r.discountMinor, sign * r.taxMinor, sign * r.receivableMinor, sign * r.loyaltyMinor);
    rows.run(sign * r.receivableMinor, sign * r.taxMinor, sign * r.loyaltyMinor, tabId, r.rateMilli);
  }
  // A split planned on the old total no longer adds up.
  statement(db, 'DELETE FROM split_parts WHERE tab_id = ? AND payment_id IS NULL').run(tabId);
  return entryId;
}

/** loyalty.redeem: the customer's reward off this open tab, before anything is paid. */
export function redeemLoyalty(ctx: ServiceContext, input: ParsedInput<'loyalty.redeem'>): TabDetail {
  const { db } = ctx;
  const tab = readOpenTab(db, input.tabId);
  const lines = loyaltyLines(readLines(db, tab.id));
  const totals = computeTabTotals(lines, tab.tax_mode);
  const planned = planRedemption(db, tab, lines, totals, receivableOf(db, tab.id));
  if ('refusal' in planned) throw planned.refusal;
  const { plan } = planned;
  const customerId = tab.customer_id;
  if (customerId === null) throw new DomainError('conflict', 'errors.loyalty.noCustomer');
  const memo = plan.scheme === 'stamps' ? `stamp card: ${plan.itemName ?? ''} free` : `${plan.units} points`;
  const entryId = postReward(ctx, tab.id, 'loyalty.redeem', memo, plan.rates, 1, plan.lineId);
  statement(
    db,
    `INSERT INTO loyalty_movements (customer_id, tab_id, scheme, kind, units, discount_minor, line_id, entry_id, staff_id, at)
     VALUES (?, ?, ?, 'redeem', ?, ?, ?, ?, ?, ?)`,
  ).run(customerId, tab.id, plan.scheme, -plan.units, plan.discountMinor, plan.lineId, entryId, ctx.actor.id, ctx.now);
  statement(db, 'UPDATE tabs SET last_activity_at = ? WHERE id = ?').run(ctx.now, tab.id);
  audit(ctx, 'loyalty.redeem', tab.id, { customerId, scheme: plan.scheme, units: plan.units, discountMinor: plan.discountMinor, lineId: plan.lineId });
  return readTab(db, tab.id);
}

/**
 * Takes a reward back off an open tab whose lines or customer are about to change: its figures no
 * longer fit the tab, so the stamps or points go back to the customer and the entry is turned
 * around exactly. The screen offers the reward again once the change is made.
 */
export function undoRedemption(ctx: ServiceContext, tabId: number, why: 'lines' | 'customer'): void {
  const { db } = ctx;
  const redeem = standingRedemption(db, tabId);
  if (!redeem?.entry_id) return;
  const rates = statement<[number], { rateMilli: number; discountMinor: number; taxMinor: number; receivableMinor: number; loyaltyMinor: number }>(
    db,
    `SELECT tax_rate_milli AS rateMilli, discount_minor AS discountMinor, tax_minor AS taxMinor, receivable_minor AS receivableMinor, loyalty_minor AS loyaltyMinor
       FROM loyalty_postings WHERE entry_id = ? ORDER BY tax_rate_milli`,
  ).all(redeem.entry_id);
  const entryId = postReward(ctx, tabId, 'loyalty.undo', `reward taken back off: the tab's ${why} changed`, rates, -1, redeem.line_id);
  reverse(ctx, redeem.id, entryId);
  audit(ctx, 'loyalty.undo', tabId, { movementId: redeem.id, customerId: redeem.customer_id, why });
}

function reverse(ctx: ServiceContext, movementId: number, entryId: number | null): void {
  statement(
    ctx.db,
    `INSERT INTO loyalty_movements (customer_id, tab_id, scheme, kind, units, entry_id, reverses_id, staff_id, at)
       SELECT customer_id, tab_id, scheme, 'reverse', -units, ?, id, ?, ? FROM loyalty_movements WHERE id = ?`,
  ).run(entryId, ctx.actor.id, ctx.now, movementId);
}

/**
 * Called as a tab with a customer settles (never on a walkout or a void): stamps for the units of
 * the card's category it charged (a unit a comp made wholly free earns none, a partly comped one
 * does; the unit the card itself freed earns none), or points for what it cost after comps and
 * rewards, tips excluded.
 */
export function earnOnSettle(ctx: ServiceContext, tabId: number, row?: Pick<TabRow, 'customer_id'>): void {
  const { db } = ctx;
  const tab = row ?? readTabRow(db, tabId);
  // Only a customer earns: a tab without one needs nothing more read.
  if (tab.customer_id === null) return;
  const settings = readLoyaltySettings(db);
  if (settings.scheme === 'off' || standingEarn(db, tabId)) return;
  let units: number;
  if (settings.scheme === 'stamps') {
    const lines = inCategory(db, loyaltyLines(readLines(db, tabId)), settings.categoryId);
    const freed = standingRedemption(db, tabId)?.scheme === 'stamps' ? 1 : 0;
    units = lines.reduce((s, l) => s + stampsOnLine(l), 0) - freed;
  } else {
    const paid = statement<[number], { s: number | null }>(db, 'SELECT SUM(receivable_minor) AS s FROM tab_rate_totals WHERE tab_id = ?').get(tabId)?.s ?? 0;
    units = pointsFor(paid, settings.pointsSpendMinor);
  }
  if (units <= 0) return;
  statement(db, `INSERT INTO loyalty_movements (customer_id, tab_id, scheme, kind, units, staff_id, at) VALUES (?, ?, ?, 'earn', ?, ?, ?)`).run(
    tab.customer_id,
    tabId,
    settings.scheme,
    units,
    ctx.actor.id,
    ctx.now,
  );
  audit(ctx, 'loyalty.earn', tabId, { customerId: tab.customer_id, scheme: settings.scheme, units });
}

/**
 * Gives back what a tab earned: called when its last payment is voided and it reopens (it earns
 * again when it settles again). This is also the hook a refund of a settled tab calls once refunds
 * exist: a reverse movement naming the earn, never a change to it.
 */
export function reverseEarn(ctx: ServiceContext, tabId: number): void {
  const earn = standingEarn(ctx.db, tabId);
  if (!earn) return;
  reverse(ctx, earn.id, null);
  audit(ctx, 'loyalty.reverse', tabId, { movementId: earn.id, customerId: earn.customer_id, units: -earn.units });
}

/** loyalty.forCustomer: the balance under the scheme in force and every movement, newest first (merged profiles included). */
export function loyaltyForCustomer(ctx: ServiceContext, input: ParsedInput<'loyalty.forCustomer'>): LoyaltyAccount {
  const { db } = ctx;
  if (!statement(db, 'SELECT 1 FROM customers WHERE id = ?').get(input.customerId)) {
    throw new DomainError('not_found', 'errors.customerMissing', { id: input.customerId }, 'customerId');
  }
  const history = statement<
    [number],
    {
      id: number;
      at: string;
      tab_id: number;
      token: number;
      kind: LoyaltyMovement['kind'];
      scheme: LoyaltyMovement['scheme'];
      units: number;
      discount_minor: number;
    }
  >(
    db,
    `WITH RECURSIVE fam(id) AS (SELECT ? UNION SELECT c.id FROM customers c JOIN fam ON c.merged_into = fam.id)
       SELECT m.id, m.at, m.tab_id, t.token, m.kind, m.scheme, m.units, m.discount_minor FROM loyalty_movements m JOIN tabs t ON t.id = m.tab_id
       WHERE m.customer_id IN (SELECT id FROM fam) ORDER BY m.id DESC LIMIT 200`,
  )
    .all(input.customerId)
    .map((m): LoyaltyMovement => ({
      id: m.id,
      at: m.at,
      tabId: m.tab_id,
      token: m.token,
      kind: m.kind,
      scheme: m.scheme,
      units: m.units,
      discountMinor: m.discount_minor,
    }));
  return { customerId: input.customerId, standing: standingOf(db, input.customerId, readLoyaltySettings(db)), history };
}
