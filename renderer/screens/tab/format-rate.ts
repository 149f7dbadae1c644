import { rateLabel, type RateMilli } from '../../../shared/domain/tax';

/** A tax rate in thousandths of a percent as people read it: 10000 → "10%", 8875 → "8.875%". */
export function formatRate(rateMilli: RateMilli, locale = 'en'): string {
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  return `${rateLabel(rateMilli).replace('.', decimal)}%`;
}
