import { localTime } from '../../shared/domain/business-day';
import { divRoundHalfUp } from '../../shared/money';
import type { DayHours, DepositPolicy, OpeningHours } from '../../shared/salon-types';

/**
 * The salon's rules of time and money, pure: what a booking's start is as an instant, which
 * weekday a date is, what the policy's deposit comes to, whether a cancellation is in time. The
 * services and the permission check share them, so the one who asks a manager for a PIN and the
 * one who posts the forfeit never disagree.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** Minutes the wall clock of `timeZone` is ahead of UTC at this instant. */
function offsetMinutes(ms: number, timeZone: string): number {
  const at = ms - (((ms % MINUTE_MS) + MINUTE_MS) % MINUTE_MS);
  const local = localTime(new Date(at), timeZone);
  const [y, m, d] = local.date.split('-').map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d, local.hour, local.minute) - at) / MINUTE_MS;
}

/**
 * The instant a local date and minute of the day is in the store's time zone. Twice checked, so
 * the day the clocks change still lands right; a time the spring change skips counts as the
 * one an hour later, as the wall clock shows it.
 */
export function instantOf(date: string, minute: number, timeZone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`) + minute * MINUTE_MS;
  const first = wall - offsetMinutes(wall, timeZone) * MINUTE_MS;
  const second = wall - offsetMinutes(first, timeZone) * MINUTE_MS;
  return second;
}

/** Today's date and the minute of the day now, on the store's wall clock. */
export function localNow(now: string, timeZone: string): { date: string; minute: number } {
  const local = localTime(new Date(now), timeZone);
  return { date: local.date, minute: local.hour * 60 + local.minute };
}

/** 0 for Monday to 6 for Sunday, as OpeningHours is kept. */
export function weekdayIndex(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

export const weekdayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export function hoursOn(hours: OpeningHours, date: string): DayHours {
  return hours[weekdayIndex(date)] ?? null;
}

/** "09:30" for 570. */
export function clockText(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/**
 * What the policy asks as a deposit on services of these prices: the fixed amount, or the
 * percentage of their sum rounded half up to the minor unit with integer arithmetic; 0 when the
 * policy takes none.
 */
export function depositFor(policy: DepositPolicy, prices: readonly number[]): number {
  if (policy.mode === 'none') return 0;
  if (policy.mode === 'fixed') return policy.fixedMinor;
  const base = prices.reduce((s, p) => s + BigInt(p), 0n);
  return divRoundHalfUp(base * BigInt(policy.percent), 100n);
}

/** A late cancel or a no-show keeps this much of a deposit (half up); the rest goes back. */
export function forfeitOf(forfeitPercent: number, amountMinor: number): number {
  return divRoundHalfUp(BigInt(amountMinor) * BigInt(forfeitPercent), 100n);
}

/**
 * The last instant a booking starting at `startMs` can be cancelled for free under this policy,
 * as an ISO time. A booking keeps the earliest one it ever had (appointments.free_cancel_by):
 * moving it later never opens a new free window.
 */
export function freeCancelDeadline(policy: DepositPolicy, startMs: number): string {
  return new Date(startMs - policy.freeCancelHours * HOUR_MS).toISOString();
}

/** The earlier of two ISO instants. */
export function earlierOf(a: string, b: string): string {
  return Date.parse(a) <= Date.parse(b) ? a : b;
}

/** A cancellation now is in time when now is no later than the booking's free-cancellation deadline. */
export function cancelInTime(freeCancelBy: string, now: string): boolean {
  return Date.parse(now) <= Date.parse(freeCancelBy);
}
