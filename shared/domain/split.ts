import { assertMinor, type Minor } from '../money';

/** Splits an amount into n parts that differ by at most one minor unit and sum exactly. */
export function splitEvenly(total: Minor, n: number): Minor[] {
  assertMinor(total);
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError('a split needs at least one part');
  const base = Math.trunc(total / n);
  const extra = total - base * n;
  return Array.from({ length: n }, (_, i) => base + (i < extra ? 1 : 0));
}

/**
 * Splits an amount in proportion to integer weights by the largest-remainder method, so the
 * parts always sum exactly to the total. Ties go to the earlier part.
 */
export function splitByWeights(total: Minor, weights: readonly number[]): Minor[] {
  assertMinor(total);
  if (weights.length === 0) throw new RangeError('a split needs at least one part');
  const weightSum = weights.reduce((s, w) => s + BigInt(assertMinor(w, 'weight')), 0n);
  if (weights.some((w) => w < 0)) throw new RangeError('weights cannot be negative');
  if (weightSum === 0n) return splitEvenly(total, weights.length);
  const t = BigInt(total);
  const parts = weights.map((w) => (t * BigInt(w)) / weightSum);
  const remainders = weights.map((w, i) => ({ i, r: (t * BigInt(w)) % weightSum }));
  let left = t - parts.reduce((s, p) => s + p, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left <= 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map((p) => Number(p));
}

/** What a customer gets back when paying cash. */
export function changeDue(tendered: Minor, owed: Minor): Minor {
  return assertMinor(assertMinor(tendered) - assertMinor(owed));
}
