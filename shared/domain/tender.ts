import { assertMinor, divRoundHalfUp, type Minor } from '../money';

/** A tip as a percentage of what is being paid, rounded half up once. */
export function tipFromPercent(amount: Minor, percent: number): Minor {
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) throw new RangeError('a tip percentage is a whole number from 0 to 100');
  return divRoundHalfUp(BigInt(assertMinor(amount)) * BigInt(percent), 100n);
}

/** Banknotes in circulation, in major units, for the quick-tender buttons. */
const notes: Record<string, readonly number[]> = {
  EUR: [5, 10, 20, 50, 100],
  USD: [1, 5, 10, 20, 50, 100],
  GBP: [5, 10, 20, 50],
  CHF: [10, 20, 50, 100, 200],
  JPY: [1000, 5000, 10000],
  AUD: [5, 10, 20, 50, 100],
  CAD: [5, 10, 20, 50, 100],
  SEK: [20, 50, 100, 200, 500],
  NOK: [50, 100, 200, 500],
  DKK: [50, 100, 200, 500],
  PLN: [10, 20, 50, 100, 200],
  KWD: [1, 5, 10, 20],
};
const fallbackNotes = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

/**
 * The amounts a customer is likely to hand over for `due`: the exact amount, then the next
 * round amounts the store's banknotes make (13.20 in euros: 13.20, 15, 20, 50).
 */
export function quickTenders(due: Minor, currency: string, exponent: number, count = 4): Minor[] {
  assertMinor(due);
  const unit = 10 ** exponent;
  const options = new Set<Minor>([due]);
  for (const note of notes[currency] ?? fallbackNotes) {
    const step = note * unit;
    const next = Math.ceil(due / step) * step;
    if (next > due) options.add(next);
  }
  return [...options].sort((a, b) => a - b).slice(0, count);
}
