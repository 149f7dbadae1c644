import { addDays, localTime } from '../../../shared/domain/business-day';
import type { Minor } from '../../../shared/money';
import type { DayHours, DepositPolicy, OpeningHours } from '../../../shared/salon-types';
import type { CatalogItem } from '../../../shared/types';

/** "09:05" for 545: the book's times are wall-clock minutes after the store's midnight. */
export function minuteText(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** "09:05" or "9:05" typed back into minutes, or null when it is not a time on the 5-minute grid. */
export function parseMinute(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const minute = Number(match[1]) * 60 + Number(match[2]);
  if (Number(match[2]) > 59 || minute > 24 * 60 || minute % 5 !== 0) return null;
  return minute;
}

/** Monday 0 … Sunday 6, the order of the store's opening hours. */
export function weekdayIndex(date: string): number {
  return (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;
}

export function hoursOn(hours: OpeningHours, date: string): DayHours {
  return hours[weekdayIndex(date)] ?? null;
}

/** The Monday of the week a date is in (the week view starts there). */
export function mondayOf(date: string): string {
  return addDays(date, -weekdayIndex(date));
}

/** The next date after `date` the store is open, within a week; null when it is closed every day. */
export function nextOpenDate(hours: OpeningHours, date: string, step: 1 | -1 = 1): string | null {
  for (let i = 1; i <= 7; i++) {
    const next = addDays(date, i * step);
    if (hoursOn(hours, next)) return next;
  }
  return null;
}

/** Now on the store's wall clock: its calendar date and the minute of the day. */
export function storeNow(timeZone: string, at: Date = new Date()): { date: string; minute: number } {
  const local = localTime(at, timeZone);
  return { date: local.date, minute: local.hour * 60 + local.minute };
}

/** Whether a booked time has begun on the store's clock (a no-show can only be marked then). */
export function hasStarted(date: string, startMinute: number, now: { date: string; minute: number }): boolean {
  return date < now.date || (date === now.date && startMinute <= now.minute);
}

/** The start times offered for a day: every 5 minutes from opening until the last that still fits `minutes`. */
export function startTimes(hours: DayHours, minutes: number): number[] {
  if (!hours) return [];
  const times: number[] = [];
  for (let m = hours.open; m + Math.max(minutes, 5) <= hours.close; m += 5) times.push(m);
  return times;
}

/** The services a booking can hold: the catalog's live services that have a duration. */
export function bookableServices(items: readonly CatalogItem[]): CatalogItem[] {
  return items.filter((i) => i.kind === 'service' && !i.archived && (i.durationMinutes ?? 0) > 0);
}

/**
 * The deposit a booking of these prices asks for under the policy. A percentage is rounded half
 * up to the minor unit, the way the ledger computes it, so the form shows what will be taken.
 */
export function depositFor(policy: DepositPolicy, prices: readonly Minor[]): Minor {
  if (policy.mode === 'none') return 0;
  if (policy.mode === 'fixed') return policy.fixedMinor;
  const total = prices.reduce((sum, p) => sum + p, 0);
  return Math.floor((total * policy.percent + 50) / 100);
}

/**
 * Whether the services picked differ from the booking's (the same ones in the same order do not):
 * only a change is sent, so moving a booking keeps its booked prices and a service archived
 * since stays on it.
 */
export function servicesChanged(appointment: { services: readonly { itemId: number }[] }, itemIds: readonly number[]): boolean {
  return itemIds.length !== appointment.services.length || itemIds.some((id, i) => appointment.services[i]?.itemId !== id);
}
