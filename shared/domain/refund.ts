import { assertMinor, divRoundHalfUp, type Minor } from '../money';
import type { PaymentMethod } from '../types';
import { splitByWeights, splitEvenly } from './split';
import { linePortions, type UnitLine } from './split-units';
import { computeTabTotals, type RateMilli, type TaxMode } from './tax';

/**
 * Refunds' pure rules (the ledger prices and posts by them; the invariant checker holds the rows
 * to them). What a settled tab cost at each rate is what tab_rate_totals holds once it settled:
 * after comps and any loyalty reward, tax included. A refund never gives back more than that at
 * a rate, nor more by a tender than that tender paid.
 */

/** What a settled tab cost at one rate (tax included) and the tax in it; or, for refunds, what they gave back there. */
export type RateFigures = { rateMilli: RateMilli; grossMinor: Minor; taxMinor: Minor };

/** The key of one portion of a line: its comped units or its full-price ones. */
export const portionKey = (lineId: number, comped: boolean): string => `${lineId}:${comped ? 'comped' : 'full'}`;

/**
 * What each unit of each line cost the customer: each rate's cost shared over its lines' portions
 * by their own gross (largest remainder), then evenly over a portion's units, the first units
 * taking the odd minor units. A comped unit is worth what was paid for it, not its list price;
 * the units of a rate add up exactly to what the tab cost at it.
 */
export function unitCosts(lines: readonly UnitLine[], mode: TaxMode, rates: readonly RateFigures[]): Map<string, Minor[]> {
  const out = new Map<string, Minor[]>();
  for (const rate of rates) {
    const portions = lines.filter((l) => l.rateMilli === rate.rateMilli).flatMap(linePortions);
    if (portions.length === 0) continue;
    const weights = portions.map((p) => computeTabTotals([p.line], mode).grossTotal);
    splitByWeights(rate.grossMinor, weights).forEach((amount, i) => {
      const portion = portions[i];
      if (portion) out.set(portionKey(portion.lineId, portion.comped), splitEvenly(amount, portion.qty));
    });
  }
  return out;
}

/**
 * The tax a refund gives back at a rate when it takes `grossMinor` more of what the rate cost: the
 * rate's tax in proportion to everything refunded there so far, rounded half up by the one money
 * rounding function, less what earlier refunds gave back. Refunding all of a rate, in one refund or
 * many, gives back exactly all of its tax.
 */
export function refundTax(cost: RateFigures, before: RateFigures, grossMinor: Minor): Minor {
  if (cost.grossMinor === 0) return 0;
  const refunded = assertMinor(before.grossMinor + grossMinor);
  if (refunded > cost.grossMinor) throw new RangeError('a refund cannot give back more than a rate cost');
  return assertMinor(divRoundHalfUp(BigInt(cost.taxMinor) * BigInt(refunded), BigInt(cost.grossMinor)) - before.taxMinor);
}

/**
 * An amount shared over what is left to refund at each rate, in proportion (largest remainder): no
 * rate gets more than it has left, and the shares add up to the amount exactly.
 */
export function shareOverLeft(amountMinor: Minor, left: readonly { rateMilli: RateMilli; leftMinor: Minor }[]): Map<RateMilli, Minor> {
  const total = left.reduce((s, r) => s + r.leftMinor, 0);
  if (amountMinor > total) throw new RangeError('an amount cannot be more than is left to refund');
  const shares = splitByWeights(
    amountMinor,
    left.map((r) => r.leftMinor),
  );
  return new Map(left.map((r, i) => [r.rateMilli, shares[i] ?? 0]));
}

export type TenderLeft = { method: PaymentMethod; leftMinor: Minor };

/** Refunds go back by the order the tab's tenders are listed in: the one with the most left first. */
const methodOrder: readonly PaymentMethod[] = ['cash', 'card', 'other'];
export function largestFirst<T extends TenderLeft>(tenders: readonly T[]): T[] {
  return [...tenders].sort((a, b) => b.leftMinor - a.leftMinor || methodOrder.indexOf(a.method) - methodOrder.indexOf(b.method));
}

/** Back the way it was paid: the amount from the tender with the most left first, then the next. */
export function backTheWayItWasPaid(amountMinor: Minor, tenders: readonly TenderLeft[]): { method: PaymentMethod; amountMinor: Minor }[] {
  let rest = assertMinor(amountMinor);
  const out: { method: PaymentMethod; amountMinor: Minor }[] = [];
  for (const tender of largestFirst(tenders)) {
    if (rest === 0) break;
    const take = Math.min(rest, tender.leftMinor);
    if (take > 0) out.push({ method: tender.method, amountMinor: take });
    rest -= take;
  }
  if (rest > 0) throw new RangeError('the tenders hold less than the amount to refund');
  return out;
}
