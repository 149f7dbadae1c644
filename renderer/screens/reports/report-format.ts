import type { DayReport, HourSales } from '../../../shared/closing-types';
import { formatRate, type RateMilli } from '../../../shared/domain/tax';
import { currencyExponent, type Minor } from '../../../shared/money';
import type { TaxRate } from '../../../shared/types';
import { moneyTools, type MoneyTools } from '../../hooks/use-money';
import { tPaper } from '../../i18n/t';

/** Money in the report's own currency and locale: a Z keeps the ones it was closed in. */
export function reportMoney(report: Pick<DayReport, 'currency' | 'locale'>): MoneyTools {
  return moneyTools({ currency: report.currency, locale: report.locale, exponent: currencyExponent(report.currency) });
}

/** "Standard 10%" when the store still names the rate, else just "10%". */
export function rateText(rateMilli: RateMilli, storeRates: readonly TaxRate[], locale: string): string {
  const rate = formatRate(rateMilli, locale);
  const label = storeRates.find((r) => r.rateMilli === rateMilli)?.label;
  return label ? tPaper('reports.rateLabel', { label, rate }) : rate;
}

/** A duration in whole minutes as people read it: "42 min", "2 h 05 min". */
export function minutesText(totalMinutes: number): string {
  const minutes = Math.max(0, Math.round(totalMinutes));
  if (minutes < 60) return tPaper('reports.minutes', { count: minutes });
  return tPaper('reports.hoursMinutes', { hours: Math.floor(minutes / 60), minutes: String(minutes % 60).padStart(2, '0') });
}

/** The average time to pay, or a dash when no tab was paid. */
export function averageToPayText(seconds: number | null): string {
  return seconds === null ? tPaper('reports.tabs.noAverage') : minutesText(seconds / 60);
}

export type HourBar = { hour: number; label: string; netMinor: Minor };

/**
 * The bars of the hourly chart: every hour of the business day, 24 of them, starting at the
 * boundary hour (so 02:00 comes after 23:00 for a bar that closes late), the quiet hours at zero.
 * A day without sales has none, so the chart can say so in words.
 */
export function hourBars(byHour: readonly HourSales[], boundaryMinutes: number): HourBar[] {
  if (byHour.length === 0) return [];
  const startHour = Math.floor(boundaryMinutes / 60) % 24;
  const sales = new Map<number, Minor>();
  for (const h of byHour) sales.set(h.hour, (sales.get(h.hour) ?? 0) + h.netMinor);
  return Array.from({ length: 24 }, (_, p) => {
    const hour = (p + startHour) % 24;
    return { hour, label: tPaper('reports.byHour.hour', { hour: String(hour).padStart(2, '0') }), netMinor: sales.get(hour) ?? 0 };
  });
}
