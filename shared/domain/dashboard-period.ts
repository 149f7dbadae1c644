import { addDays } from './business-day';
import type { AgeBand, BasisPoints } from '../dashboard-types';

/** The longest period the dashboard answers for, in business days (a year and some). */
export const DASHBOARD_MAX_DAYS = 400;

export const periodKinds = ['day', 'week', 'month', 'custom'] as const;
export type PeriodKind = (typeof periodKinds)[number];
export type Period = { from: string; to: string };

/** Business days from `from` to `to`, both counted (1 for a single day). */
export function daysInPeriod(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Monday of the week `date` falls in (weeks start on Monday, as the opening hours do). */
export function weekStart(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

function monthStart(date: string): string {
  return `${date.slice(0, 8)}01`;
}

function monthEnd(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The day, the week (Monday to Sunday) or the calendar month that holds `date`. */
export function periodOf(kind: Exclude<PeriodKind, 'custom'>, date: string): Period {
  if (kind === 'day') return { from: date, to: date };
  if (kind === 'week') return { from: weekStart(date), to: addDays(weekStart(date), 6) };
  return { from: monthStart(date), to: monthEnd(date) };
}

/** The period before (step -1) or after (step 1) the one holding `date`. */
export function stepPeriod(kind: Exclude<PeriodKind, 'custom'>, date: string, step: -1 | 1): Period {
  if (kind === 'day') return periodOf(kind, addDays(date, step));
  if (kind === 'week') return periodOf(kind, addDays(weekStart(date), 7 * step));
  return periodOf(kind, step < 0 ? addDays(monthStart(date), -1) : addDays(monthEnd(date), 1));
}

/** The band an open tab of this age (whole minutes) is counted in. */
export function ageBandOf(ageMinutes: number): AgeBand {
  if (ageMinutes < 30) return 'under30';
  if (ageMinutes < 60) return 'from30to60';
  if (ageMinutes < 120) return 'from60to120';
  return 'over120';
}

/** part of whole in hundredths of a percent, rounded half up, exactly (integers in, integer out). */
export function basisPoints(part: number, whole: number): BasisPoints {
  if (whole <= 0) return null;
  const n = BigInt(part) * 10_000n;
  const d = BigInt(whole);
  const q = n / d;
  const r = n % d;
  return Number(2n * (r < 0n ? -r : r) >= d ? q + (n < 0n ? -1n : 1n) : q);
}

/** A rate as plain percent text with two decimals ("2.50"), for files; empty when there is none. */
export function percentText(bp: BasisPoints): string {
  if (bp === null) return '';
  const sign = bp < 0 ? '-' : '';
  const abs = Math.abs(bp);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
