import { MAX_RATE_MILLI, type RateMilli } from '../../shared/domain/tax';
import type { MessageKey } from '../i18n/t';

type RateProblem = 'empty' | 'notNumber' | 'tooPrecise' | 'tooLarge';

export type RateParse = { ok: true; rateMilli: RateMilli } | { ok: false; reason: RateProblem };

/** What the settings and the first-run wizard say for each rate they cannot read. */
export const RATE_PROBLEMS = {
  empty: 'settings.error.rateEmpty',
  notNumber: 'settings.error.rateNotNumber',
  tooPrecise: 'settings.error.rateTooPrecise',
  tooLarge: 'settings.error.rateTooLarge',
} as const satisfies Record<RateProblem, MessageKey>;

/**
 * Reads a tax rate typed as a percentage ("10", "8.875", "7,5", "20 %") into thousandths of a
 * percent. The digits are joined as integers, so no float ever rounds a rate.
 */
export function parseRate(text: string): RateParse {
  const clean = text.trim().replace(/\s*%$/, '');
  if (clean === '') return { ok: false, reason: 'empty' };
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(clean);
  if (!match) return { ok: false, reason: 'notNumber' };
  const [, whole = '0', frac = ''] = match;
  if (frac.length > 3) return { ok: false, reason: 'tooPrecise' };
  if (whole.length > 3) return { ok: false, reason: 'tooLarge' };
  const rateMilli = Number(whole) * 1000 + Number(frac.padEnd(3, '0'));
  if (rateMilli > MAX_RATE_MILLI) return { ok: false, reason: 'tooLarge' };
  return { ok: true, rateMilli };
}
