/** How long after taking it a payment may still be voided; after that only a refund can undo it. */
export const VOID_WINDOW_MINUTES = 10;

const WINDOW_MS = VOID_WINDOW_MINUTES * 60_000;

/** The last moment (epoch ms) a payment taken at `takenAt` (ISO) may be voided. */
export function voidDeadline(takenAt: string): number {
  return Date.parse(takenAt) + WINDOW_MS;
}

/** Whether a payment taken at `takenAt` may still be voided at `now` (both ISO); the tenth minute still counts. */
export function withinVoidWindow(takenAt: string, now: string): boolean {
  return Date.parse(now) <= voidDeadline(takenAt);
}

/** Whole minutes from `takenAt` to `now`, for saying how long ago a payment was taken. */
export function minutesSince(takenAt: string, now: string): number {
  return Math.max(0, Math.floor((Date.parse(now) - Date.parse(takenAt)) / 60_000));
}
