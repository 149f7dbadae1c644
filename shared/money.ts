import { code as currencyByCode } from 'currency-codes';
import type { ErrorKey } from './i18n/errors-en';
import type { Params } from './i18n/format-message';

/**
 * Money is an integer count of the currency's minor unit. These helpers never go through a
 * float: text is split on the decimal point and the digits are joined as integers.
 */
export type Minor = number;

/** A money rule broken; parse errors carry a key of the error catalogue for the screen. */
export class MoneyError extends Error {
  constructor(
    message: string,
    readonly key?: ErrorKey,
    readonly params: Params = {},
  ) {
    super(message);
  }
}

/**
 * A typed amount refused: the key and params say why, and the screen words them in its own
 * language (renderer/hooks/use-money.ts). The message only names them: the renderer's first
 * bundle carries this file, and wording it here would carry the English catalogue with it.
 */
function parseError(key: ErrorKey, params: Params): MoneyError {
  return new MoneyError(`${key} ${JSON.stringify(params)}`, key, params);
}

export function assertMinor(value: number, what = 'amount'): Minor {
  if (!Number.isSafeInteger(value)) throw new MoneyError(`${what} is not a safe integer of minor units`);
  return value;
}

export function sumMinor(values: readonly number[]): Minor {
  let total = 0;
  for (const v of values) total = assertMinor(total + assertMinor(v));
  return total;
}

export function mulMinor(amount: Minor, factor: number): Minor {
  assertMinor(factor, 'factor');
  return assertMinor(assertMinor(amount) * factor);
}

/** ISO 4217 minor-unit exponent: JPY 0, EUR 2, KWD 3. Throws for an unknown code. */
export function currencyExponent(currency: string): number {
  const entry = currencyByCode(currency.toUpperCase());
  if (!entry) throw new MoneyError(`unknown currency code "${currency}"`);
  return entry.digits;
}

export function isKnownCurrency(currency: string): boolean {
  return /^[A-Z]{3}$/.test(currency) && currencyByCode(currency) !== undefined;
}

/**
 * Integer division rounded half up (half away from zero for negatives), exact for any safe
 * integers because the intermediate product is a BigInt.
 */
export function divRoundHalfUp(numerator: bigint, denominator: bigint): Minor {
  if (denominator <= 0n) throw new MoneyError('denominator must be positive');
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  const q = (n * 2n + denominator) / (denominator * 2n);
  return assertMinor(Number(negative ? -q : q), 'rounded amount');
}

/** Rounds an amount to the nearest multiple of the cash increment (half up). */
export function roundToIncrement(amount: Minor, increment: Minor): Minor {
  assertMinor(amount);
  if (!Number.isSafeInteger(increment) || increment < 1) throw new MoneyError('increment must be a positive integer');
  if (increment === 1) return amount;
  return assertMinor(divRoundHalfUp(BigInt(amount), BigInt(increment)) * increment);
}

/** Parses "4.40", "4.4", "-12", "1,234.50" (grouping commas allowed) into minor units. */
export function parseMinor(text: string, exponent: number): Minor {
  const clean = text.trim().replace(/,(?=\d{3}(\D|$))/g, '');
  const match = /^(-)?(\d+)(?:\.(\d*))?$/.exec(clean);
  if (!match) throw parseError('errors.money.notAmount', { text });
  const [, sign, whole, frac = ''] = match;
  if (frac.length > exponent) {
    throw parseError(exponent === 0 ? 'errors.money.noDecimals' : 'errors.money.tooManyDecimals', { text, digits: exponent });
  }
  const digits = (whole + frac.padEnd(exponent, '0')).replace(/^0+(?=\d)/, '');
  const big = BigInt(digits);
  if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw parseError('errors.money.tooLarge', { text });
  const value = Number(big);
  return assertMinor(sign ? -value : value);
}

/** Plain decimal text for minor units, e.g. 440 with exponent 2 is "4.40". */
export function minorToDecimalString(amount: Minor, exponent: number): string {
  assertMinor(amount);
  const negative = amount < 0;
  const digits = String(Math.abs(amount)).padStart(exponent + 1, '0');
  const whole = exponent === 0 ? digits : digits.slice(0, -exponent);
  const frac = exponent === 0 ? '' : `.${digits.slice(-exponent)}`;
  return `${negative ? '-' : ''}${whole}${frac}`;
}

/**
 * Formats with Intl for the store's currency and locale. The decimal string goes to Intl as a
 * string (not a float), which Intl formats exactly.
 */
/**
 * Making a number format costs far more than using one, and a board formats an amount per card
 * on every render: one per locale and currency is kept (a store has one of each, a test a few).
 */
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(amount: Minor, currency: string, locale: string): string {
  const exponent = currencyExponent(currency);
  const key = `${locale}|${currency}`;
  let fmt = moneyFormats.get(key);
  if (!fmt) {
    fmt = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    });
    moneyFormats.set(key, fmt);
  }
  return fmt.format(minorToDecimalString(amount, exponent) as Intl.StringNumericLiteral);
}

const decimalMarks = new Map<string, string>();

/** The mark a locale writes between whole units and decimals: "." in en-IE, "," in de-DE. */
export function decimalMark(locale: string): string {
  let mark = decimalMarks.get(locale);
  if (mark === undefined) {
    mark = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
    decimalMarks.set(locale, mark);
  }
  return mark;
}
