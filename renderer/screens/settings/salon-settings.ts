import type { DepositMode, DepositPolicy, OpeningHours } from '../../../shared/salon-types';
import { amountInputText } from '../../format/amount-text';
import type { MoneyTools } from '../../hooks/use-money';
import { minuteText, parseMinute } from '../appointments/salon-time';
import type { FieldProblem } from './settings-form';

/** One weekday as the form holds it: open or not, and the times as typed ("09:00"). */
export type DayDraft = { open: boolean; from: string; to: string };
export type PolicyDraft = { mode: DepositMode; fixed: string; percent: string; freeCancelHours: string; forfeitPercent: string };

/** A day closed in the store still offers sensible times when it is switched on. */
const DEFAULT_OPEN = 9 * 60;
const DEFAULT_CLOSE = 18 * 60;

export function hoursDraft(hours: OpeningHours): DayDraft[] {
  return hours.map((h) =>
    h ? { open: true, from: minuteText(h.open), to: minuteText(h.close) } : { open: false, from: minuteText(DEFAULT_OPEN), to: minuteText(DEFAULT_CLOSE) },
  );
}

export function policyDraft(p: DepositPolicy, exponent: number, locale: string): PolicyDraft {
  return {
    mode: p.mode,
    fixed: amountInputText(p.fixedMinor, exponent, locale),
    percent: String(p.percent),
    freeCancelHours: String(p.freeCancelHours),
    forfeitPercent: String(p.forfeitPercent),
  };
}

/** The week's hours from the form, or the problem beside each day that needs fixing. */
export function parseHours(days: readonly DayDraft[], problems: Record<string, FieldProblem>): OpeningHours {
  const hours = days.map((d, i) => {
    if (!d.open) return null;
    const open = parseMinute(d.from);
    const close = parseMinute(d.to);
    if (open === null) problems[`openingHours.${i}.open`] = { key: 'salon.settings.timeError' };
    if (close === null) problems[`openingHours.${i}.close`] = { key: 'salon.settings.timeError' };
    if (open !== null && close !== null && close <= open) problems[`openingHours.${i}.close`] = { key: 'salon.settings.orderError' };
    return { open: open ?? 0, close: close ?? 0 };
  });
  return hours as OpeningHours;
}

function whole(text: string, min: number, max: number, key: string, problems: Record<string, FieldProblem>): number {
  const clean = text.trim();
  const value = Number(clean);
  if (!/^\d{1,4}$/.test(clean) || value < min || value > max) problems[key] = { key: 'settings.error.wholeNumber', vars: { min, max } };
  return value;
}

/**
 * The deposit policy from the form. Only the figures the chosen mode uses must be valid; the
 * others keep what the store holds so switching back and forth loses nothing.
 */
export function parsePolicy(d: PolicyDraft, base: PolicyDraft, money: MoneyTools, problems: Record<string, FieldProblem>): DepositPolicy {
  const held = money.parse(base.fixed);
  let fixedMinor = held.ok ? held.minor : 0;
  if (d.mode === 'fixed') {
    const parsed = money.parse(d.fixed);
    if (d.fixed.trim() === '') problems['depositPolicy.fixedMinor'] = { key: 'errors.field.amountMissing' };
    else if (!parsed.ok) problems['depositPolicy.fixedMinor'] = { text: parsed.message };
    else if (parsed.minor <= 0) problems['depositPolicy.fixedMinor'] = { key: 'errors.field.depositFixed' };
    else fixedMinor = parsed.minor;
  }
  const percent = d.mode === 'percent' ? whole(d.percent, 1, 100, 'depositPolicy.percent', problems) : Number(base.percent);
  const freeCancelHours = whole(d.freeCancelHours, 0, 720, 'depositPolicy.freeCancelHours', problems);
  const forfeitPercent = whole(d.forfeitPercent, 0, 100, 'depositPolicy.forfeitPercent', problems);
  return { mode: d.mode, fixedMinor, percent, freeCancelHours, forfeitPercent };
}
