/**
 * The rules migration 003 ran on, frozen as they were when it shipped: the business day of a
 * moment, a tab's totals by rate, and a split by weights. Migration 003 rewrites old rows with
 * them, so its result must not change when the live rules in shared/ do (a ledger migrated next
 * year must come out as one migrated today). Never edit this file; a later rule belongs to a
 * later migration.
 */

// --- Money: integer minor units, every result checked to be a safe integer. ---

function assertMinor(value: number, what = 'amount'): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} is not a safe integer of minor units`);
  return value;
}

function mulMinor(amount: number, factor: number): number {
  assertMinor(factor, 'factor');
  return assertMinor(assertMinor(amount) * factor);
}

function divRoundHalfUp(numerator: bigint, denominator: bigint): number {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  const q = (n * 2n + denominator) / (denominator * 2n);
  return assertMinor(Number(negative ? -q : q), 'rounded amount');
}

// --- The business day: the local date after moving the clock back by the day boundary. ---

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function businessDateOf(at: Date, boundaryMinutes: number, timeZone: string): string {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return Number(parts.hour) * 60 + Number(parts.minute) < boundaryMinutes ? addDays(date, -1) : date;
}

// --- A tab's totals: per rate, on the charged total, tax rounded half up once. ---

/** A line as schema 3 kept it: a comp, when there is one, covers every unit (comp units came in 004). */
export type LineV3 = {
  qty: number;
  unitMinor: number;
  rateMilli: number;
  comp: { kind: 'amount' | 'percent'; value: number } | null;
};

export type TaxMode = 'inclusive' | 'exclusive';

export function lineAmounts(line: LineV3): { list: number; comp: number; charged: number } {
  const list = mulMinor(line.unitMinor, line.qty);
  let comp = 0;
  if (line.comp?.kind === 'amount') comp = Math.min(line.comp.value, list);
  if (line.comp?.kind === 'percent') comp = divRoundHalfUp(BigInt(list) * BigInt(line.comp.value), 100n);
  return { list, comp, charged: assertMinor(list - comp) };
}

function taxOn(amount: number, rate: number, mode: TaxMode): number {
  const denominator = mode === 'inclusive' ? 100_000n + BigInt(rate) : 100_000n;
  return divRoundHalfUp(BigInt(assertMinor(amount)) * BigInt(rate), denominator);
}

/** Each rate's comps as the ledger posted them: net of tax in either mode. */
export function compsByRate(lines: readonly LineV3[], mode: TaxMode): { rateMilli: number; comps: number }[] {
  const perRate = new Map<number, { list: number; comp: number }>();
  for (const line of lines) {
    const { list, comp } = lineAmounts(line);
    const acc = perRate.get(line.rateMilli) ?? { list: 0, comp: 0 };
    perRate.set(line.rateMilli, { list: assertMinor(acc.list + list), comp: assertMinor(acc.comp + comp) });
  }
  return [...perRate.entries()]
    .sort(([a], [b]) => a - b)
    .map(([rateMilli, { list, comp }]) => {
      const charged = list - comp;
      if (mode === 'inclusive') {
        const tax = taxOn(charged, rateMilli, mode);
        const sales = list - taxOn(list, rateMilli, mode);
        return { rateMilli, comps: sales - (charged - tax) };
      }
      return { rateMilli, comps: comp };
    });
}

// --- A split in proportion to weights (largest remainder, ties to the earlier part). ---

function splitEvenly(total: number, n: number): number[] {
  assertMinor(total);
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError('a split needs at least one part');
  const base = Math.trunc(total / n);
  const extra = total - base * n;
  return Array.from({ length: n }, (_, i) => base + (i < extra ? 1 : 0));
}

export function splitByWeights(total: number, weights: readonly number[]): number[] {
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
