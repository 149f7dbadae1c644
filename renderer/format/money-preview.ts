import { currencyExponent, isKnownCurrency } from '../../shared/money';
import type { StoreSettings } from '../../shared/types';
import { moneyTools, type MoneyTools } from '../hooks/use-money';

function isKnownLocale(locale: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length === 1;
  } catch {
    return false;
  }
}

/**
 * Money tools for what the form holds before it is saved, so the rounding choices and the
 * example read in the currency being picked; falls back to the store's own while a code or
 * locale is half typed.
 */
export function previewMoney(store: StoreSettings, currency: string, locale: string): MoneyTools {
  const code = currency.trim().toUpperCase();
  const known = isKnownCurrency(code);
  return moneyTools({
    currency: known ? code : store.currency,
    exponent: known ? currencyExponent(code) : store.exponent,
    locale: isKnownLocale(locale) ? locale : store.locale,
  });
}

/** 1234.5 in the currency's minor units: shows grouping and decimals in one example. */
export function sampleMinor(exponent: number): number {
  return 1234 * 10 ** exponent + (exponent > 0 ? 5 * 10 ** (exponent - 1) : 0);
}
