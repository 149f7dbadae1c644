import { MAX_RATE_MILLI, rateLabel, type RateMilli } from '../../../shared/domain/tax';

export type RateParse = { ok: true; rateMilli: RateMilli } | { ok: false; reason: 'empty' | 'notNumber' | 'tooPrecise' | 'tooLarge' };

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

/** 8875 → "8.875", 10000 → "10": the text a person would type for the rate. */
export function formatRate(rateMilli: RateMilli): string {
  return rateLabel(rateMilli);
}
