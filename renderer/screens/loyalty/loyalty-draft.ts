import type { LoyaltyScheme, LoyaltySettings } from '../../../shared/loyalty-types';
import { amountInputText } from '../../format/amount-text';
import type { MoneyTools } from '../../hooks/use-money';
import type { FieldProblem } from '../settings/settings-form';

/** The loyalty setting as the settings form holds it: the scheme, and each figure as typed. */
export type LoyaltyDraft = { scheme: LoyaltyScheme; categoryId: string; every: string; spend: string; value: string; min: string };

/** Where the ledger's refusals of each figure land ("loyalty.pointsMin"), for the scheme whose fields are on screen. */
const FIELDS: Record<LoyaltyScheme, readonly string[]> = {
  off: [],
  stamps: ['loyalty.categoryId', 'loyalty.stampsEvery'],
  points: ['loyalty.pointsSpendMinor', 'loyalty.pointValueMinor', 'loyalty.pointsMin'],
};

export function loyaltyFields(scheme: LoyaltyScheme): readonly string[] {
  return FIELDS[scheme];
}

export function loyaltyDraft(l: LoyaltySettings, exponent: number, locale: string): LoyaltyDraft {
  return {
    scheme: l.scheme,
    categoryId: l.categoryId === null ? '' : String(l.categoryId),
    every: String(l.stampsEvery),
    spend: amountInputText(l.pointsSpendMinor, exponent, locale),
    value: amountInputText(l.pointValueMinor, exponent, locale),
    min: String(l.pointsMin),
  };
}

function whole(text: string, min: number, max: number): number | null {
  const clean = text.trim();
  const value = Number(clean);
  return /^\d{1,7}$/.test(clean) && value >= min && value <= max ? value : null;
}

function positive(text: string, money: MoneyTools): number | FieldProblem {
  if (text.trim() === '') return { key: 'errors.field.amountMissing' };
  const parsed = money.parse(text);
  if (!parsed.ok) return { text: parsed.message };
  return parsed.minor > 0 ? parsed.minor : { key: 'errors.field.amountZero' };
}

/**
 * The loyalty setting from the form, sent whole. The figures the chosen scheme uses must be
 * valid (a problem is recorded beside each one that is not); the others are kept as typed when
 * they read, else as the store holds them (`held`), so switching schemes back and forth loses
 * nothing. An invalid figure also reads as the held one, so the preview always has words.
 */
export function parseLoyalty(d: LoyaltyDraft, held: LoyaltySettings, money: MoneyTools, problems: Record<string, FieldProblem>): LoyaltySettings {
  const stamps = d.scheme === 'stamps';
  const points = d.scheme === 'points';
  const categoryId = d.categoryId === '' ? null : Number(d.categoryId);
  if (stamps && categoryId === null) problems['loyalty.categoryId'] = { key: 'errors.loyalty.categoryNeeded' };

  const every = whole(d.every, 2, 100);
  if (stamps && every === null) problems['loyalty.stampsEvery'] = { key: 'errors.field.loyaltyEvery' };
  const min = whole(d.min, 1, 1_000_000);
  if (points && min === null) problems['loyalty.pointsMin'] = { key: 'errors.field.loyaltyPointsMin' };

  const amount = (text: string, key: string, kept: number): number => {
    const value = positive(text, money);
    if (typeof value === 'number') return value;
    if (points) problems[key] = value;
    return kept;
  };
  return {
    scheme: d.scheme,
    categoryId,
    stampsEvery: every ?? held.stampsEvery,
    pointsSpendMinor: amount(d.spend, 'loyalty.pointsSpendMinor', held.pointsSpendMinor),
    pointValueMinor: amount(d.value, 'loyalty.pointValueMinor', held.pointValueMinor),
    pointsMin: min ?? held.pointsMin,
  };
}
