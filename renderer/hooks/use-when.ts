import { useMemo } from 'react';
import { isTimeZone } from '../../shared/domain/business-day';
import type { StoreSettings } from '../../shared/types';
import { wordsLocale } from '../i18n/t';

/**
 * Where a moment is read: the store's language and time zone, the zone its business days are
 * counted in, so a receipt never carries another date than its business day whatever this
 * computer's clock is set to. No zone means this computer's own, which only the recovery screen
 * wants (the ledger, and so the store's zone, cannot be read there).
 */
export type WhenPlace = {
  locale?: string | undefined;
  timeZone?: string | undefined;
  clock?: '24h';
  /** Written for paper: in the store's language, not this PC's. */ paper?: boolean;
};

const styles = {
  /** "14 Sept 2026, 08:05": slips, receipts, backups, the drawer, reports. */
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  /** "08:05": a tab's history, a drawer session's span. */
  time: { timeStyle: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export type WhenStyle = keyof typeof styles;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(place: WhenPlace, style: WhenStyle): Intl.DateTimeFormat {
  // A zone the settings refused to save cannot be here; should one be, UTC reads the same on every computer.
  const timeZone = place.timeZone === undefined ? undefined : isTimeZone(place.timeZone) ? place.timeZone : 'UTC';
  const locale = wordsLocale(place.locale, place.paper);
  const key = [locale ?? '', timeZone ?? '', place.clock ?? '', style].join('|');
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = { ...styles[style], ...(timeZone ? { timeZone } : {}), ...(place.clock === '24h' ? { hourCycle: 'h23' } : {}) };
    try {
      f = new Intl.DateTimeFormat(locale, options);
    } catch {
      // A locale tag Intl does not accept: the runtime's language, still in the store's zone.
      f = new Intl.DateTimeFormat(undefined, options);
    }
    formatters.set(key, f);
  }
  return f;
}

/** The one way the renderer shows a moment (an ISO time from the ledger); an unreadable one is shown as it is. */
export function formatWhen(at: string | Date, place: WhenPlace, style: WhenStyle = 'dateTime'): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return typeof at === 'string' ? at : '';
  return formatter(place, style).format(date);
}

/**
 * A business day (YYYY-MM-DD) as the locale writes it, e.g. "Mon, 14 Sept 2026". A calendar date,
 * not a moment: it is the same date in every zone, so it is read at noon UTC, in UTC.
 */
export function formatBusinessDate(date: string, locale: string, paper = false): string {
  const at = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(at.getTime())) return date;
  return new Intl.DateTimeFormat(wordsLocale(locale, paper), { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(at);
}

export type WhenTools = {
  /** Date and time, e.g. "14 Sept 2026, 08:05". */
  format: (at: string | Date) => string;
  /** The time alone, e.g. "08:05". */
  time: (at: string | Date) => string;
};

/** Moments in the store's locale and time zone (a Z passes the locale it was closed in). */
export function whenTools(store: Pick<StoreSettings, 'locale' | 'timeZone'>, paper = false): WhenTools {
  const place = { locale: store.locale, timeZone: store.timeZone, paper };
  return { format: (at) => formatWhen(at, place, 'dateTime'), time: (at) => formatWhen(at, place, 'time') };
}

export function useWhen(store: Pick<StoreSettings, 'locale' | 'timeZone'>, paper = false): WhenTools {
  const { locale, timeZone } = store;
  return useMemo(() => whenTools({ locale, timeZone }, paper), [locale, timeZone, paper]);
}
