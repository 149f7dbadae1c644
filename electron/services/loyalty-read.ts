import { DomainError } from '../../shared/errors';
import type { ErrorKey } from '../../shared/i18n/errors-en';
import { discountByRate, pointsRedemption, shareByRate, stampGoal, type RateDiscount } from '../../shared/domain/loyalty';
import { compedUnits, type TabTotals, type TaxLine } from '../../shared/domain/tax';
import type { LoyaltyOnScheme, LoyaltySettings, LoyaltyStanding, TabLoyalty } from '../../shared/loyalty-types';
import type { TabStatus } from '../../shared/types';
import type { Db } from '../ledger/open';
import { readLoyaltySettings } from './loyalty-settings';
import { moneyText } from './store';
import { statement } from '../ledger/statements';

/*
 * Reading loyalty: balances, the reward standing on a tab and what one would take off now. No
 * writes here, so the tab reader can use it without pulling in the services that post.
 */

export type MovementRow = {
  id: number;
  customer_id: number;
  tab_id: number;
  scheme: LoyaltyOnScheme;
  kind: 'earn' | 'redeem' | 'reverse';
  units: number;
  discount_minor: number;
  line_id: number | null;
  entry_id: number | null;
  at: string;
};

/** A tab's line as loyalty sees it: its tax figures, and the item it came from. */
export type LoyaltyLine = TaxLine & { id: number; itemId: number | null; name: string };

export type LoyaltyTab = { id: number; status: TabStatus; customer_id: number | null; closed_at: string | null };

/** The profile and every profile merged into it: one person's balance. */
const FAMILY = 'WITH RECURSIVE fam(id) AS (SELECT ? UNION SELECT c.id FROM customers c JOIN fam ON c.merged_into = fam.id)';

/** A customer's balance under one scheme, up to and including movement `throughId` when given. */
export function balanceOf(db: Db, customerId: number, scheme: LoyaltyOnScheme, throughId = Number.MAX_SAFE_INTEGER): number {
  return (
    statement<[number, string, number], { s: number | null }>(
      db,
      `${FAMILY} SELECT SUM(m.units) AS s FROM loyalty_movements m WHERE m.customer_id IN (SELECT id FROM fam) AND m.scheme = ? AND m.id <= ?`,
    ).get(customerId, scheme, throughId)?.s ?? 0
  );
}

/** The tab's movement of this kind that no later movement has reversed. */
function standingMovement(db: Db, tabId: number, kind: 'earn' | 'redeem'): MovementRow | undefined {
  return statement<[number, string], MovementRow>(
    db,
    `SELECT m.* FROM loyalty_movements m WHERE m.tab_id = ? AND m.kind = ?
         AND NOT EXISTS (SELECT 1 FROM loyalty_movements r WHERE r.reverses_id = m.id) ORDER BY m.id DESC LIMIT 1`,
  ).get(tabId, kind);
}

export const standingRedemption = (db: Db, tabId: number) => standingMovement(db, tabId, 'redeem');
export const standingEarn = (db: Db, tabId: number) => standingMovement(db, tabId, 'earn');

/** What a standing redemption took off the tab, per rate (loyalty_postings of its entry). */
export function redemptionRates(db: Db, tabId: number): RateDiscount[] {
  const redeem = standingRedemption(db, tabId);
  if (!redeem?.entry_id) return [];
  return statement<[number], RateDiscount>(
    db,
    `SELECT tax_rate_milli AS rateMilli, discount_minor AS discountMinor, tax_minor AS taxMinor, receivable_minor AS receivableMinor, loyalty_minor AS loyaltyMinor
       FROM loyalty_postings WHERE entry_id = ? ORDER BY tax_rate_milli`,
  ).all(redeem.entry_id);
}

/** A tab's totals as it owes them: each rate's tax and total lowered by the reward standing on it. */
export function withLoyalty(db: Db, tabId: number, totals: TabTotals): TabTotals {
  const off = redemptionRates(db, tabId);
  if (off.length === 0) return totals;
  const byRate = totals.byRate.map((r) => {
    const d = off.find((x) => x.rateMilli === r.rateMilli);
    return d ? { ...r, tax: r.tax - d.taxMinor, receivable: r.receivable - d.receivableMinor } : r;
  });
  const taxTotal = byRate.reduce((s, r) => s + r.tax, 0);
  const grossTotal = byRate.reduce((s, r) => s + r.receivable, 0);
  return { ...totals, byRate, taxTotal, grossTotal, netTotal: grossTotal - taxTotal };
}

function categoryName(db: Db, categoryId: number | null): string {
  if (categoryId === null) return '';
  return statement<[number], { name: string }>(db, 'SELECT name FROM categories WHERE id = ?').get(categoryId)?.name ?? '';
}

/**
 * Where a customer stands under the scheme in force (null while loyalty is off), or, given `at`,
 * where they stood under that scheme once movement `throughId` was made (the card's size and the
 * points' value as set now: the settings keep them while the scheme is off).
 */
export function standingOf(db: Db, customerId: number, settings: LoyaltySettings, at?: { scheme: LoyaltyOnScheme; throughId: number }): LoyaltyStanding | null {
  const scheme = at?.scheme ?? settings.scheme;
  if (scheme === 'off') return null;
  const balance = balanceOf(db, customerId, scheme, at?.throughId);
  const stamps = scheme === 'stamps';
  const goal = stamps ? stampGoal(settings.stampsEvery) : settings.pointsMin;
  return {
    scheme,
    balance,
    goal,
    rewardDue: balance >= goal,
    spendableMinor: stamps ? 0 : Math.max(0, balance) * settings.pointValueMinor,
    categoryName: stamps ? categoryName(db, settings.categoryId) : '',
    stampsEvery: settings.stampsEvery,
  };
}

/** Which lines are of a category (the item's category as it is now). */
export function inCategory(db: Db, lines: readonly LoyaltyLine[], categoryId: number | null): LoyaltyLine[] {
  if (categoryId === null) return [];
  const ofCategory = statement<[number], { category_id: number | null }>(db, 'SELECT category_id FROM items WHERE id = ?');
  return lines.filter((l) => l.itemId !== null && ofCategory.get(l.itemId)?.category_id === categoryId);
}

export type RedemptionPlan = {
  scheme: LoyaltyOnScheme;
  units: number;
  discountMinor: number;
  lineId: number | null;
  itemName: string | null;
  rates: RateDiscount[];
};

/**
 * What using the customer's reward on this open tab would do, or why it cannot: loyalty off, no
 * customer, a reward already on the tab, anything already paid, or too few stamps or points. A
 * deposit already applied does not stand in the way, but the reward can take off at most what the
 * tab still owes. A stamp card frees the cheapest full-price unit of its category; points take off
 * as many whole points as the balance holds and the tab charges (and still owes).
 */
export function planRedemption(
  db: Db,
  tab: LoyaltyTab & { tax_mode: 'inclusive' | 'exclusive' },
  lines: readonly LoyaltyLine[],
  totals: TabTotals,
  dueMinor: number,
): { plan: RedemptionPlan } | { refusal: DomainError } {
  const settings = readLoyaltySettings(db);
  const refuse = (code: 'conflict', key: ErrorKey, params: Record<string, string | number> = {}) => ({ refusal: new DomainError(code, key, params) });
  if (settings.scheme === 'off') return refuse('conflict', 'errors.loyalty.off');
  if (tab.customer_id === null) return refuse('conflict', 'errors.loyalty.noCustomer');
  if (standingRedemption(db, tab.id)) return refuse('conflict', 'errors.loyalty.twice');
  // A deposit applied at check-in is not a payment: the reward may still come off what is left.
  // Anything else that lowered what the tab owes was a payment, and the reward comes before those.
  if (dueMinor + depositsAppliedTo(db, tab.id) < totals.grossTotal) return refuse('conflict', 'errors.loyalty.afterPayment');
  const balance = balanceOf(db, tab.customer_id, settings.scheme);
  if (settings.scheme === 'stamps') {
    const need = stampGoal(settings.stampsEvery);
    if (balance < need) return refuse('conflict', 'errors.loyalty.notEnoughStamps', { have: balance, need, left: need - balance });
    const cheapest = inCategory(db, lines, settings.categoryId)
      .filter((l) => l.qty - compedUnits(l) > 0)
      .sort((a, b) => a.unitMinor - b.unitMinor || a.id - b.id)[0];
    if (!cheapest) return refuse('conflict', 'errors.loyalty.noCategoryItem', { category: categoryName(db, settings.categoryId) });
    const rates = discountByRate(totals.byRate, new Map([[cheapest.rateMilli, cheapest.unitMinor]]), tab.tax_mode);
    // After a deposit the free unit may be worth more than is left to pay. The deposit is never
    // handed back for it, and the tab never owes less than nothing: the card waits for next time.
    if (owedLess(rates) > dueMinor) {
      return refuse('conflict', 'errors.loyalty.moreThanDue', { item: cheapest.name, reward: moneyText(db, owedLess(rates)), due: moneyText(db, dueMinor) });
    }
    return { plan: { scheme: 'stamps', units: need, discountMinor: cheapest.unitMinor, lineId: cheapest.id, itemName: cheapest.name, rates } };
  }
  const charged = totals.byRate.reduce((s, r) => s + r.list - r.comp, 0);
  if (balance < settings.pointsMin) return refuse('conflict', 'errors.loyalty.notEnoughPoints', { have: balance, need: settings.pointsMin });
  const points = pointsRedemption(balance, settings.pointValueMinor, settings.pointsMin, charged);
  if (!points) return refuse('conflict', 'errors.loyalty.nothingToTake');
  const ratesFor = (n: number) => discountByRate(totals.byRate, shareByRate(n * settings.pointValueMinor, totals.byRate), tab.tax_mode);
  const spent = mostPointsWithin(points.points, ratesFor, dueMinor);
  if (spent < 1) {
    return refuse('conflict', 'errors.loyalty.pointsMoreThanDue', { due: moneyText(db, dueMinor), value: moneyText(db, settings.pointValueMinor) });
  }
  return { plan: { scheme: 'points', units: spent, discountMinor: spent * settings.pointValueMinor, lineId: null, itemName: null, rates: ratesFor(spent) } };
}

/** What a reward takes off what the tab owes: each rate's discount and, in a store adding tax on top, the tax on it. */
const owedLess = (rates: readonly RateDiscount[]): number => rates.reduce((s, r) => s + r.receivableMinor, 0);

/** What deposits applied to the tab have paid of it: they lower what it owes, as a payment does. */
function depositsAppliedTo(db: Db, tabId: number): number {
  return statement<[number], { s: number | null }>(db, 'SELECT SUM(applied_minor) AS s FROM deposits WHERE tab_id = ?').get(tabId)?.s ?? 0;
}

/**
 * The most points, up to `most`, whose reward leaves the tab owing nothing below zero: after a
 * deposit the customer spends only the points that fit what is left, and keeps the rest. A binary
 * search, as a large balance of small points would make counting down slow; it only ever settles on
 * a number it has checked fits, so the tab never goes below zero even where rounding by rate makes
 * the amount step unevenly.
 */
function mostPointsWithin(most: number, ratesFor: (points: number) => RateDiscount[], dueMinor: number): number {
  if (owedLess(ratesFor(most)) <= dueMinor) return most;
  let fits = 0;
  let tooMany = most;
  while (tooMany - fits > 1) {
    const mid = Math.floor((fits + tooMany) / 2);
    if (owedLess(ratesFor(mid)) <= dueMinor) fits = mid;
    else tooMany = mid;
  }
  return fits;
}

/**
 * The last loyalty movement a closed tab's receipt counts: its own last one (its earn, made as it
 * settled, or the reward used on it), or for a tab that moved none, the last one made by the time
 * it closed. Movements are only added, so a reprint counts the same ones however many come later.
 */
function closingMovementId(db: Db, tab: LoyaltyTab): number {
  const own = statement<[number], { id: number | null }>(db, 'SELECT MAX(id) AS id FROM loyalty_movements WHERE tab_id = ?').get(tab.id)?.id ?? null;
  if (own !== null) return own;
  return statement<[string], { id: number | null }>(db, 'SELECT MAX(id) AS id FROM loyalty_movements WHERE at <= ?').get(tab.closed_at ?? '')?.id ?? 0;
}

/**
 * A tab's loyalty for its screens: the customer's standing, the reward on it, what "Use reward"
 * would take off now, and once settled what it earned and the balance that left. Once the tab is
 * closed the standing is the one it closed with, so its receipt reprinted later says what it said
 * then. Null when the tab has no customer and no loyalty movement.
 */
export function tabLoyalty(
  db: Db,
  tab: LoyaltyTab & { tax_mode: 'inclusive' | 'exclusive' },
  lines: readonly LoyaltyLine[],
  totals: TabTotals,
  dueMinor: number,
): TabLoyalty | null {
  const settings = readLoyaltySettings(db);
  const redeem = standingRedemption(db, tab.id);
  const earn = standingEarn(db, tab.id);
  if (tab.customer_id === null && !redeem && !earn) return null;
  if (settings.scheme === 'off' && !redeem && !earn) return null;
  const closedScheme = earn?.scheme ?? redeem?.scheme ?? (settings.scheme === 'off' ? null : settings.scheme);
  let standing: LoyaltyStanding | null = null;
  if (tab.customer_id !== null && tab.status === 'open') standing = standingOf(db, tab.customer_id, settings);
  else if (tab.customer_id !== null && closedScheme !== null)
    standing = standingOf(db, tab.customer_id, settings, { scheme: closedScheme, throughId: closingMovementId(db, tab) });
  const lineName = redeem?.line_id
    ? (statement<[number], { name: string }>(db, 'SELECT name FROM tab_lines WHERE id = ?').get(redeem.line_id)?.name ?? null)
    : null;
  let offerMinor: number | null = null;
  if (tab.status === 'open' && standing?.rewardDue) {
    const planned = planRedemption(db, tab, lines, totals, dueMinor);
    offerMinor = 'plan' in planned ? planned.plan.discountMinor : null;
  }
  return {
    standing,
    reward: redeem ? { scheme: redeem.scheme, units: -redeem.units, discountMinor: redeem.discount_minor, itemName: lineName } : null,
    offerMinor,
    earned: earn ? earn.units : null,
    balanceAfter: earn ? balanceOf(db, earn.customer_id, earn.scheme, earn.id) : null,
    scheme: earn?.scheme ?? redeem?.scheme ?? standing?.scheme ?? null,
  };
}
