import { formatRate, type RateMilli } from '../domain/tax';
import { isTimeZone } from '../domain/business-day';
import { allCatalogues } from '../i18n/all-catalogues';
import type { Params } from '../i18n/format-message';
import { localeInLanguage, type Language } from '../i18n/languages';
import { createTranslator, type MessageKey } from '../i18n/translator';
import { formatMoney, type Minor } from '../money';

/**
 * The words, money and moments of one paper: the store's language (tPaper's), money in the
 * currency and locale given (a Z keeps the ones it was closed in), moments on the store's clock.
 */
export type PaperTools = {
  language: Language;
  tr: (key: MessageKey, params?: Params) => string;
  money: (minor: Minor) => string;
  /** "14 Sept 2026, 08:05" in the store's time zone. */
  when: (at: string) => string;
  /** A business day, "Mon, 14 Sept 2026". */
  date: (businessDate: string) => string;
  /** A business day short, "1 Dec". */
  shortDate: (businessDate: string) => string;
  /** A tax rate as people read it: "10%", "8,875%". */
  rate: (rateMilli: RateMilli) => string;
  /** A count as the locale groups it: "4,160", "4.160". */
  count: (n: number) => string;
};

export type PaperPlace = { currency: string; locale: string; timeZone: string };

export function paperTools(place: PaperPlace, language: Language): PaperTools {
  const translator = createTranslator(language, allCatalogues);
  const locale = localeInLanguage(place.locale, language);
  const timeZone = isTimeZone(place.timeZone) ? place.timeZone : 'UTC';
  const dateTime = dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const longDate = dateFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const short = dateFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const calendar = (format: Intl.DateTimeFormat) => (businessDate: string) => {
    const at = new Date(`${businessDate}T12:00:00Z`);
    return Number.isNaN(at.getTime()) ? businessDate : format.format(at);
  };
  return {
    language,
    tr: (key, params = {}) => translator.t(key, params),
    money: (minor) => formatMoney(minor, place.currency, place.locale),
    when: (at) => {
      const date = new Date(at);
      return Number.isNaN(date.getTime()) ? at : dateTime.format(date);
    },
    date: calendar(longDate),
    shortDate: calendar(short),
    rate: (rateMilli) => formatRate(rateMilli, place.locale),
    count: (n) => new Intl.NumberFormat(locale).format(n),
  };
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, options);
  } catch {
    return new Intl.DateTimeFormat(undefined, options);
  }
}
