import { assertMinor, type Minor } from '../money';
import { splitByWeights } from './split';
import { compedUnits, lineAmounts, taxOn, type RateMilli, type RateTotals, type TaxLine, type TaxMode } from './tax';

/**
 * Loyalty's pure rules: what a settled tab earns, what a reward takes off, and how that amount
 * lowers each tax rate's figures exactly as a comp would (the ledger and the invariant checker
 * both use these, so they cannot disagree).
 */

/** Stamps a line earns: its units charged something. Units a comp made wholly free earn none; partly comped ones still do. */
export function stampsOnLine(line: TaxLine): number {
  const comped = compedUnits(line);
  if (comped === 0) return line.qty;
  const compedList = line.unitMinor * comped;
  const { comp } = lineAmounts(line);
  // The comped units earn only when the comp left something to pay on them.
  return comp >= compedList ? line.qty - comped : line.qty;
}

/** Whole points for what was paid (tips excluded): one for every `spendMinor`. */
export function pointsFor(paidMinor: Minor, spendMinor: Minor): number {
  if (!Number.isSafeInteger(spendMinor) || spendMinor < 1) throw new RangeError('points need a positive spend per point');
  return Math.max(0, Math.floor(assertMinor(paidMinor) / spendMinor));
}

/** Stamps to collect before the reward: every Nth is free, so N - 1. */
export const stampGoal = (stampsEvery: number): number => stampsEvery - 1;

/**
 * How many points a redemption spends and what it takes off: as many as the balance holds and
 * the tab can take (never more than the tab charges), or null below the minimum.
 */
export function pointsRedemption(
  balance: number,
  pointValueMinor: Minor,
  pointsMin: number,
  chargedMinor: Minor,
): { points: number; discountMinor: Minor } | null {
  if (balance < pointsMin || pointValueMinor < 1) return null;
  const points = Math.min(balance, Math.floor(chargedMinor / pointValueMinor));
  if (points < 1) return null;
  return { points, discountMinor: assertMinor(points * pointValueMinor) };
}

/** A discount's share of each rate: by what each rate charges (largest remainder), summing exactly. */
export function shareByRate(discountMinor: Minor, byRate: readonly RateTotals[]): Map<RateMilli, Minor> {
  const charged = byRate.map((r) => r.list - r.comp);
  const total = charged.reduce((s, c) => s + c, 0);
  if (discountMinor > total) throw new RangeError('a discount cannot exceed what the tab charges');
  const shares = splitByWeights(discountMinor, charged);
  return new Map(byRate.map((r, i) => [r.rateMilli, shares[i] ?? 0]));
}

/** One rate's part of a discount: what the tab owes less, the tax it no longer owes, and the loyalty account's (net) share. */
export type RateDiscount = { rateMilli: RateMilli; discountMinor: Minor; taxMinor: Minor; receivableMinor: Minor; loyaltyMinor: Minor };

/**
 * A discount taken off each rate's charged amount, as a comp by amount is: in the tab's own prices
 * (tax included in an inclusive store, before tax in an exclusive one), with the rate's tax worked
 * out again on the lower amount by the one tax function, half up.
 */
export function discountByRate(byRate: readonly RateTotals[], shares: ReadonlyMap<RateMilli, Minor>, mode: TaxMode): RateDiscount[] {
  return byRate.flatMap((r) => {
    const d = shares.get(r.rateMilli) ?? 0;
    if (d === 0) return [];
    const charged = r.list - r.comp;
    if (d < 0 || d > charged) throw new RangeError('a rate cannot lose more than it charges');
    const tax = r.tax - taxOn(charged - d, r.rateMilli, mode);
    const receivable = mode === 'inclusive' ? d : assertMinor(d + tax);
    return [{ rateMilli: r.rateMilli, discountMinor: d, taxMinor: tax, receivableMinor: receivable, loyaltyMinor: assertMinor(receivable - tax) }];
  });
}
