import { assertMinor, decimalMark, divRoundHalfUp, mulMinor, type Minor } from '../money';

/**
 * Tax rates are integers in thousandths of a percent: 10% is 10000, 8.875% is 8875. That keeps
 * every rate a store can have exact without a float.
 */
export type RateMilli = number;
export type TaxMode = 'inclusive' | 'exclusive';

export const MAX_RATE_MILLI = 100_000;

/** "10", "8.875", "0": the rate as a percentage, used in account names like sales:10. */
export function rateLabel(rate: RateMilli): string {
  const whole = Math.trunc(rate / 1000);
  const frac = String(rate % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}

/** A rate as people read it, in the locale's decimal mark: 10000 → "10%", 5500 in de-DE → "5,5%". */
export function formatRate(rate: RateMilli, locale = 'en'): string {
  return `${rateLabel(rate).replace('.', decimalMark(locale))}%`;
}

/**
 * A comp by amount or percent on `qty` units of a line (every unit when left out): a percent
 * of those units' list amount, or an amount never more than it.
 */
export type CompSpec = ({ kind: 'amount'; value: Minor } | { kind: 'percent'; value: number }) & { qty?: number };

export type TaxLine = {
  qty: number;
  unitMinor: Minor;
  rateMilli: RateMilli;
  comp: CompSpec | null;
};

/** How many of a line's units its comp covers (0 without a comp). */
export function compedUnits(line: Pick<TaxLine, 'qty' | 'comp'>): number {
  if (!line.comp) return 0;
  const units = line.comp.qty ?? line.qty;
  if (!Number.isSafeInteger(units) || units < 1 || units > line.qty) throw new RangeError("a comp covers 1 to all of its line's units");
  return units;
}

/** The list amount of a line and the comp taken off it (never more than its comped units' list amount). */
export function lineAmounts(line: TaxLine): { list: Minor; comp: Minor; charged: Minor } {
  const list = mulMinor(line.unitMinor, line.qty);
  const compedList = mulMinor(line.unitMinor, compedUnits(line));
  let comp = 0;
  if (line.comp?.kind === 'amount') comp = Math.min(line.comp.value, compedList);
  if (line.comp?.kind === 'percent') comp = divRoundHalfUp(BigInt(compedList) * BigInt(line.comp.value), 100n);
  return { list, comp, charged: assertMinor(list - comp) };
}

/** The tax contained in an inclusive amount, or added on top of an exclusive one. */
export function taxOn(amount: Minor, rate: RateMilli, mode: TaxMode): Minor {
  const denominator = mode === 'inclusive' ? 100_000n + BigInt(rate) : 100_000n;
  return divRoundHalfUp(BigInt(assertMinor(amount)) * BigInt(rate), denominator);
}

/**
 * What the ledger holds for one rate on one tab. sales - comps = net charged; receivable =
 * net charged + tax. Sales and comps are net of tax so reports show net sales either way.
 */
export type RateTotals = {
  rateMilli: RateMilli;
  list: Minor;
  comp: Minor;
  sales: Minor;
  comps: Minor;
  tax: Minor;
  receivable: Minor;
};

export type TabTotals = {
  byRate: RateTotals[];
  /** Before comps, tax-inclusive in inclusive mode and net in exclusive mode. */
  listTotal: Minor;
  compTotal: Minor;
  netTotal: Minor;
  taxTotal: Minor;
  grossTotal: Minor;
};

/**
 * The one function that computes a tab's tax: per rate, on the tab's charged total, rounded
 * half up once. Every posting for a tab is the difference between two results of this function.
 */
export function computeTabTotals(lines: readonly TaxLine[], mode: TaxMode): TabTotals {
  const perRate = new Map<RateMilli, { list: Minor; comp: Minor }>();
  for (const line of lines) {
    const { list, comp } = lineAmounts(line);
    const acc = perRate.get(line.rateMilli) ?? { list: 0, comp: 0 };
    perRate.set(line.rateMilli, { list: assertMinor(acc.list + list), comp: assertMinor(acc.comp + comp) });
  }
  const byRate: RateTotals[] = [...perRate.entries()]
    .sort(([a], [b]) => a - b)
    .map(([rateMilli, { list, comp }]) => {
      const charged = list - comp;
      if (mode === 'inclusive') {
        const tax = taxOn(charged, rateMilli, mode);
        const sales = list - taxOn(list, rateMilli, mode);
        const comps = sales - (charged - tax);
        return { rateMilli, list, comp, sales, comps, tax, receivable: charged };
      }
      const tax = taxOn(charged, rateMilli, mode);
      return { rateMilli, list, comp, sales: list, comps: comp, tax, receivable: assertMinor(charged + tax) };
    });
  const sum = (pick: (r: RateTotals) => Minor) => byRate.reduce((s, r) => assertMinor(s + pick(r)), 0);
  const taxTotal = sum((r) => r.tax);
  const grossTotal = sum((r) => r.receivable);
  return {
    byRate,
    listTotal: sum((r) => r.list),
    compTotal: sum((r) => r.comp),
    netTotal: assertMinor(grossTotal - taxTotal),
    taxTotal,
    grossTotal,
  };
}
