import { useMemo } from 'react';
import { decimalMark, formatMoney, MoneyError, parseMinor } from '../../shared/money';
import type { StoreSettings } from '../../shared/types';
import { describeError } from '../i18n/describe-error';
import { normalizeAmountText } from '../format/amount-text';

export type MoneyTools = {
  exponent: number;
  format: (minor: number) => string;
  /** Parses what a person typed ("4.40", "4,40" in a comma locale) into minor units. */
  parse: (text: string) => { ok: true; minor: number } | { ok: false; message: string };
};

/** Formats with Intl for the store's currency and locale; parsing never goes through a float. */
export function moneyTools(store: Pick<StoreSettings, 'currency' | 'locale' | 'exponent'>): MoneyTools {
  const decimal = decimalMark(store.locale);
  return {
    exponent: store.exponent,
    format: (minor) => formatMoney(minor, store.currency, store.locale),
    parse: (text) => {
      const normalized = normalizeAmountText(text, decimal);
      try {
        return { ok: true, minor: parseMinor(normalized, store.exponent) };
      } catch (error) {
        // The message quotes what the person typed, not the normalized form.
        if (error instanceof MoneyError && error.key)
          return { ok: false, message: describeError({ message: error.message, key: error.key, params: { ...error.params, text } }) };
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}

export function useMoney(store: Pick<StoreSettings, 'currency' | 'locale' | 'exponent'>): MoneyTools {
  return useMemo(() => moneyTools(store), [store]);
}
