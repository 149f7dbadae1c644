import type { Minor } from '../../../shared/money';

/** Increments shops actually round cash to, in minor units, before scaling to the currency. */
const CANDIDATES = [5, 10, 25, 50, 100, 250, 500, 1000];

/**
 * The cash-rounding choices for a currency with this exponent, in minor units: 1 is "no
 * rounding", then increments up to one major unit (or 100 minor units for a currency without
 * decimals, e.g. ¥100). The current value is kept in the list so the select can always show it.
 */
export function cashRoundingOptions(exponent: number, current?: Minor): Minor[] {
  const ceiling = Math.max(10 ** exponent, 100);
  const options = [1, ...CANDIDATES.filter((c) => c <= ceiling)];
  if (current !== undefined && Number.isSafeInteger(current) && current >= 1 && !options.includes(current)) {
    options.push(current);
    options.sort((a, b) => a - b);
  }
  return options;
}
