import type { BasisPoints, DashboardDay } from '../../../shared/dashboard-types';
import { t, wordsLocale } from '../../i18n/t';

/** A rate the ledger worked out (hundredths of a percent) as the screen's locale writes a percent: "2.5%". */
export function percent(bp: BasisPoints, locale: string): string {
  if (bp === null) return t('dashboard.noRate');
  const format = new Intl.NumberFormat(wordsLocale(locale), { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: 1 });
  // A display of a rate, never money: the division only places the decimal point.
  return format.format(bp / 10_000);
}

/** How long, from whole seconds or minutes: "25 min", "1 h 05 min". */
export function duration(minutes: number): string {
  const whole = Math.max(0, Math.floor(minutes));
  if (whole < 60) return t('dashboard.minutes', { minutes: whole });
  return t('dashboard.hoursMinutes', { hours: Math.floor(whole / 60), minutes: String(whole % 60).padStart(2, '0') });
}

export function secondsText(seconds: number | null): string {
  return seconds === null ? t('dashboard.noRate') : duration(Math.round(seconds / 60));
}

/** A business day as a chart's axis label: day and month in digits ("14/9"), no words to translate. */
export function shortDate(date: string, locale: string): string {
  const at = new Date(`${date}T12:00:00Z`);
  try {
    return new Intl.DateTimeFormat(wordsLocale(locale), { day: 'numeric', month: 'numeric', timeZone: 'UTC' }).format(at);
  } catch {
    return date.slice(5);
  }
}

export type DayPoint = { date: string; label: string; netMinor: number; walkoutMinor: number; walkouts: number };

/** The days as the charts plot them, oldest first. */
export function dayPoints(days: readonly DashboardDay[], locale: string): DayPoint[] {
  return days.map((d) => ({
    date: d.businessDate,
    label: shortDate(d.businessDate, locale),
    netMinor: d.netSalesMinor,
    walkoutMinor: d.walkoutMinor,
    walkouts: d.walkouts,
  }));
}
