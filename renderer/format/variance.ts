import type { Minor } from '../../shared/money';
import { t } from '../i18n/t';

export type VarianceKind = 'even' | 'over' | 'short';

/** Counted minus expected: more cash than expected is over, less is short. */
export function varianceKind(varianceMinor: Minor): VarianceKind {
  return varianceMinor === 0 ? 'even' : varianceMinor > 0 ? 'over' : 'short';
}

/** "The drawer is €1.20 short." — the amount without a sign, the direction in words. */
export function varianceText(varianceMinor: Minor, format: (minor: Minor) => string): string {
  const kind = varianceKind(varianceMinor);
  return kind === 'even' ? t('drawer.variance.even') : t(`drawer.variance.${kind}`, { amount: format(Math.abs(varianceMinor)) });
}

/** A variance as a signed amount for tables: "+€0.50", "−€1.20", "€0.00". */
export function signedMoney(minor: Minor, format: (minor: Minor) => string): string {
  return minor > 0 ? `+${format(minor)}` : minor < 0 ? `−${format(-minor)}` : format(0);
}
