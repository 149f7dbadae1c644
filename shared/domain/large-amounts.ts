import { assertMinor, type Minor } from '../money';
import { denominationsFor } from './denominations';

/** A tip above this share of the bill (in percent) is asked about until the store sets another. */
export const DEFAULT_TIP_CONFIRM_PERCENT = 30;
export const TIP_CONFIRM_PERCENT_MIN = 1;
export const TIP_CONFIRM_PERCENT_MAX = 1000;

/**
 * Without a list of its notes, cash is asked about once it is more than this many times what is
 * owed: the usual slip of the finger adds a zero or more, and a note ten times the bill is rare.
 */
export const UNKNOWN_NOTES_FACTOR = 10;

/** An amount that a person must confirm in words before the ledger takes it. */
export type LargeAmount = { kind: 'tip'; tipMinor: Minor; billMinor: Minor; percent: number } | { kind: 'cash'; tenderedMinor: Minor; owedMinor: Minor };

/** What a payment says yes to: exactly these amounts, and no other. */
export type Confirmed = { tipMinor?: Minor; tenderedMinor?: Minor };

/** More than `percent` % of the bill, in integers (tip × 100 > bill × percent); a tip on a bill of nothing always is. */
export function tipAboveShare(tipMinor: Minor, billMinor: Minor, percent: number): boolean {
  return BigInt(assertMinor(tipMinor)) * 100n > BigInt(assertMinor(billMinor)) * BigInt(percent);
}

/**
 * Cash handed over beyond what one note could explain: more than what is owed plus the
 * currency's largest note (on 7.60 in euros, up to 507.60 is taken without a question).
 * A currency without a list falls back to ten times what is owed (UNKNOWN_NOTES_FACTOR).
 */
export function cashBeyondNotes(tenderedMinor: Minor, owedMinor: Minor, currency: string): boolean {
  const largest = denominationsFor(currency)[0];
  const tendered = BigInt(assertMinor(tenderedMinor));
  const owed = BigInt(assertMinor(owedMinor));
  return largest === undefined ? tendered > owed * BigInt(UNKNOWN_NOTES_FACTOR) : tendered - owed > BigInt(largest);
}

/**
 * The amounts of one payment that need a yes in words: a tip above the store's share of the bill
 * (the amount this payment applies to the tab), and cash handed over far beyond what is owed
 * (the bill plus tip, rounded as cash). The ledger refuses a payment with any of them left
 * unconfirmed; the screen asks the same question before sending.
 */
export function largeAmounts(payment: {
  billMinor: Minor;
  tipMinor: Minor;
  tipConfirmPercent: number;
  /** Cash only: what was handed over and what is owed; null for card and other. */
  cash: { tenderedMinor: Minor; owedMinor: Minor } | null;
  currency: string;
}): LargeAmount[] {
  const { billMinor, tipMinor, tipConfirmPercent, cash, currency } = payment;
  const asks: LargeAmount[] = [];
  if (tipAboveShare(tipMinor, billMinor, tipConfirmPercent)) asks.push({ kind: 'tip', tipMinor, billMinor, percent: tipConfirmPercent });
  if (cash && cashBeyondNotes(cash.tenderedMinor, cash.owedMinor, currency))
    asks.push({ kind: 'cash', tenderedMinor: cash.tenderedMinor, owedMinor: cash.owedMinor });
  return asks;
}

/** The ones not said yes to: a confirmation counts only for the very amount it names. */
export function unconfirmed(asks: readonly LargeAmount[], confirmed: Confirmed | undefined): LargeAmount[] {
  return asks.filter((ask) => (ask.kind === 'tip' ? confirmed?.tipMinor !== ask.tipMinor : confirmed?.tenderedMinor !== ask.tenderedMinor));
}

/** The `confirmed` field that says yes to these amounts. */
export function confirmationOf(asks: readonly LargeAmount[]): Confirmed {
  const confirmed: Confirmed = {};
  for (const ask of asks) {
    if (ask.kind === 'tip') confirmed.tipMinor = ask.tipMinor;
    else confirmed.tenderedMinor = ask.tenderedMinor;
  }
  return confirmed;
}

/** The numbers a refusal carries (beside its words), so a screen can ask the very same question. */
export type LargeAmountNumbers = { tipMinor?: Minor; billMinor?: Minor; percent?: number; tenderedMinor?: Minor; owedMinor?: Minor };

export function numbersOf(asks: readonly LargeAmount[]): LargeAmountNumbers {
  const numbers: LargeAmountNumbers = {};
  for (const ask of asks) {
    if (ask.kind === 'tip') Object.assign(numbers, { tipMinor: ask.tipMinor, billMinor: ask.billMinor, percent: ask.percent });
    else Object.assign(numbers, { tenderedMinor: ask.tenderedMinor, owedMinor: ask.owedMinor });
  }
  return numbers;
}

/** The questions back from a refusal's params; anything that is not a safe whole number is left out. */
export function asksFromNumbers(params: Readonly<Record<string, unknown>>): LargeAmount[] {
  const whole = (key: keyof LargeAmountNumbers): number | null => {
    const value = params[key];
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
  };
  const asks: LargeAmount[] = [];
  const [tip, bill, percent, tendered, owed] = [whole('tipMinor'), whole('billMinor'), whole('percent'), whole('tenderedMinor'), whole('owedMinor')];
  if (tip !== null && bill !== null && percent !== null) asks.push({ kind: 'tip', tipMinor: tip, billMinor: bill, percent });
  if (tendered !== null && owed !== null) asks.push({ kind: 'cash', tenderedMinor: tendered, owedMinor: owed });
  return asks;
}
