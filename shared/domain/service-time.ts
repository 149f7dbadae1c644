/**
 * How long a service may be booked for: whole minutes from 5 to 10 hours, in steps of 5, so a
 * day's time grid lines up. A product takes no time. Migration 013 writes the same numbers.
 */
export const SERVICE_MINUTES_MIN = 5;
export const SERVICE_MINUTES_MAX = 600;
export const SERVICE_MINUTES_STEP = 5;

/** Whether a number of minutes is one a service may take. */
export function isServiceMinutes(minutes: number): boolean {
  return Number.isInteger(minutes) && minutes >= SERVICE_MINUTES_MIN && minutes <= SERVICE_MINUTES_MAX && minutes % SERVICE_MINUTES_STEP === 0;
}
