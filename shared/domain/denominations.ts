import { assertMinor, mulMinor, type Minor } from '../money';

/**
 * Notes and coins in common circulation, in minor units, largest first. A currency that is not
 * listed is counted as a total instead.
 */
const table: Record<string, readonly Minor[]> = {
  EUR: [50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
  USD: [10000, 5000, 2000, 1000, 500, 100, 25, 10, 5, 1],
  GBP: [5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
  CHF: [100000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5],
  CAD: [10000, 5000, 2000, 1000, 500, 200, 100, 25, 10, 5],
  AUD: [10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5],
  NZD: [10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10],
  SEK: [100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100],
  NOK: [100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 100],
  DKK: [100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50],
  PLN: [50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
  CZK: [500000, 200000, 100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100],
  JPY: [10000, 5000, 2000, 1000, 500, 100, 50, 10, 5, 1],
  KWD: [20000, 10000, 5000, 1000, 500, 250, 100, 50, 20, 10, 5],
  INR: [50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100],
  SGD: [10000, 5000, 1000, 500, 200, 100, 50, 20, 10, 5],
  HKD: [100000, 50000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10],
  AED: [100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 100, 50, 25],
};

export function denominationsFor(currency: string): readonly Minor[] {
  return table[currency] ?? [];
}

/**
 * The steps cash can be rounded to in a currency, in minor units, smallest first: its smallest
 * coin, then the larger coins up to the next power of ten that every larger coin and note is a
 * whole number of (EUR 0.01, 0.05, 0.10; CHF 0.05, 0.10; JPY ¥1, ¥5, ¥10; never ¥25 or 0.02).
 * A step of 1 means no rounding, so it is a choice only where a coin of one minor unit exists.
 * A currency with no list here has no known coins, so its cash is not rounded: [1].
 */
export function cashRoundingSteps(currency: string): readonly Minor[] {
  const all = denominationsFor(currency);
  const smallest = all.at(-1);
  if (smallest === undefined) return [1];
  let ceiling = 1;
  while (ceiling <= smallest) ceiling *= 10;
  return all.filter((coin) => coin <= ceiling && all.every((d) => d < coin || d % coin === 0)).reverse();
}

export class CountError extends Error {
  constructor(
    readonly key: 'errors.count.unknownDenomination' | 'errors.count.twice',
    readonly denominationMinor: Minor,
  ) {
    super(`${key}: ${denominationMinor}`);
  }
}

/** The total of a count by denomination; a note the currency does not have, or one listed twice, is refused. */
export function countTotal(currency: string, counts: readonly { denominationMinor: Minor; qty: number }[]): Minor {
  const known = new Set(denominationsFor(currency));
  const seen = new Set<Minor>();
  let total = 0;
  for (const { denominationMinor, qty } of counts) {
    if (!known.has(denominationMinor)) throw new CountError('errors.count.unknownDenomination', denominationMinor);
    if (seen.has(denominationMinor)) throw new CountError('errors.count.twice', denominationMinor);
    seen.add(denominationMinor);
    total = assertMinor(total + mulMinor(denominationMinor, qty));
  }
  return total;
}
