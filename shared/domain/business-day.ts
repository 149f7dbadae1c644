/**
 * The business day a moment belongs to: its local date in the store's time zone after moving
 * the clock back by the day boundary, so with a 04:00 boundary 02:30 on the 24th is still the
 * 23rd. Dates are YYYY-MM-DD strings, which sort as they read.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f;
}

export type LocalTime = { date: string; hour: number; minute: number };

/** The wall-clock date and time of an instant in a time zone. */
export function localTime(at: Date, timeZone: string): LocalTime {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour), minute: Number(parts.minute) };
}

/**
 * The last answer, by minute: every time zone's offset is whole minutes, so all the moments of one
 * UTC minute share their local date and time, and a till's commands mostly fall in the same minute
 * as the one before (working the local time out is the costly part).
 */
let lastDay: { key: string; date: string } | null = null;

export function businessDateOf(at: Date, boundaryMinutes: number, timeZone: string): string {
  const key = `${Math.floor(at.getTime() / 60_000)}|${boundaryMinutes}|${timeZone}`;
  if (lastDay?.key === key) return lastDay.date;
  const local = localTime(at, timeZone);
  const date = local.hour * 60 + local.minute < boundaryMinutes ? addDays(local.date, -1) : local.date;
  lastDay = { key, date };
  return date;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export function isValidDate(date: string): boolean {
  if (!isoDate.test(date)) return false;
  // A month or day out of range ("2025-13-45") is an Invalid Date, whose toISOString throws.
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** "04:00" for 240. */
export function boundaryText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
