import { describe, expect, it } from 'vitest';
import { addDays, boundaryText, businessDateOf, isTimeZone, isValidDate } from './business-day';

describe('business days', () => {
  it('keeps the small hours on the day before until the boundary', () => {
    expect(businessDateOf(new Date('2026-11-24T03:59:00Z'), 240, 'UTC')).toBe('2026-11-23');
    expect(businessDateOf(new Date('2026-11-24T04:00:00Z'), 240, 'UTC')).toBe('2026-11-24');
    expect(businessDateOf(new Date('2026-11-24T23:59:00Z'), 0, 'UTC')).toBe('2026-11-24');
  });

  it('counts in the store time zone, across daylight saving changes', () => {
    // 01:30 UTC on 1 July is 02:30 in Dublin (summer time): before a 03:00 boundary, so 30 June.
    expect(businessDateOf(new Date('2026-07-01T01:30:00Z'), 180, 'Europe/Dublin')).toBe('2026-06-30');
    // 02:30 UTC on 1 December is 02:30 in Dublin (winter): also before 03:00.
    expect(businessDateOf(new Date('2026-12-01T02:30:00Z'), 180, 'Europe/Dublin')).toBe('2026-11-30');
    // 23:30 in New York on the 24th is 04:30 UTC on the 25th.
    expect(businessDateOf(new Date('2026-11-25T04:30:00Z'), 240, 'America/New_York')).toBe('2026-11-24');
    // Kolkata is UTC+05:30: 22:45 UTC is 04:15 next day, past a 04:00 boundary.
    expect(businessDateOf(new Date('2026-11-24T22:45:00Z'), 240, 'Asia/Kolkata')).toBe('2026-11-25');
  });

  it('moves dates across month and year ends and checks them', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(isValidDate('2026-02-30')).toBe(false);
    expect(isValidDate('2026-11-24')).toBe(true);
    expect(isValidDate('24/11/2026')).toBe(false);
    // Out of range month or day: an Invalid Date, refused rather than thrown.
    expect(isValidDate('9999-99-99')).toBe(false);
    expect(isValidDate('2026-13-01')).toBe(false);
    expect(isTimeZone('Europe/Dublin')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(boundaryText(270)).toBe('04:30');
  });
});
