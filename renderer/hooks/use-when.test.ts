import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatBusinessDate, formatWhen, whenTools } from './use-when';

// TZ sets this computer's zone; every test puts back the one it found.
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('formatWhen: every moment on the store’s clock', () => {
  it('shows 23:30 UTC in Auckland as the next day, 12:30', () => {
    expect(formatWhen('2026-11-24T23:30:00.000Z', { locale: 'en-GB', timeZone: 'Pacific/Auckland' })).toBe('25 Nov 2026, 12:30');
    expect(formatWhen('2026-11-24T23:30:00.000Z', { locale: 'en-GB', timeZone: 'UTC' })).toBe('24 Nov 2026, 23:30');
  });

  it('follows Berlin across both daylight-saving changes', () => {
    const berlin = { locale: 'de-DE', timeZone: 'Europe/Berlin' };
    // Spring: 01:00 UTC the clocks jump from 02:00 to 03:00.
    expect(formatWhen('2026-03-29T00:30:00.000Z', berlin, 'time')).toBe('01:30');
    expect(formatWhen('2026-03-29T01:30:00.000Z', berlin, 'time')).toBe('03:30');
    // Autumn: 02:30 happens twice, an hour apart.
    expect(formatWhen('2026-10-25T00:30:00.000Z', berlin, 'time')).toBe('02:30');
    expect(formatWhen('2026-10-25T01:30:00.000Z', berlin, 'time')).toBe('02:30');
    expect(formatWhen('2026-10-25T02:30:00.000Z', berlin, 'time')).toBe('03:30');
  });

  it('never reads this computer’s zone when the store’s is given', () => {
    vi.stubEnv('TZ', 'America/Los_Angeles');
    expect(formatWhen('2026-11-24T23:30:00.000Z', { locale: 'en-GB', timeZone: 'Pacific/Auckland' })).toBe('25 Nov 2026, 12:30');
    // Without a zone (the recovery screen only) it is this computer's: the case the store's zone rules out.
    expect(formatWhen('2026-11-24T23:30:00.000Z', { locale: 'en-GB' })).toBe('24 Nov 2026, 15:30');
  });

  it('keeps the store’s zone when the locale is not one Intl knows, and shows an unreadable time as it is', () => {
    expect(formatWhen('2026-11-24T23:30:00.000Z', { locale: 'not a locale!', timeZone: 'Pacific/Auckland' }, 'time')).toMatch(/^12:30/);
    expect(formatWhen('not a time', { locale: 'en-GB', timeZone: 'UTC' })).toBe('not a time');
  });

  it('reads a zone that is not one as UTC, the same on every computer, instead of failing the screen', () => {
    vi.stubEnv('TZ', 'Asia/Kolkata');
    expect(formatWhen('2026-11-24T23:30:00.000Z', { locale: 'en-GB', timeZone: 'Mars/Olympus' })).toBe('24 Nov 2026, 23:30');
  });

  it('a 24-hour clock where asked, whatever the locale’s habit', () => {
    expect(formatWhen('2026-11-24T23:30:00.000Z', { locale: 'en-US', timeZone: 'UTC' }, 'time')).toBe('11:30 PM');
    expect(formatWhen('2026-11-24T23:30:00.000Z', { locale: 'en-US', timeZone: 'UTC', clock: '24h' }, 'time')).toBe('23:30');
  });
});

describe('whenTools', () => {
  it('gives date-and-time and time alone in the store’s locale and zone', () => {
    const when = whenTools({ locale: 'en-IE', timeZone: 'Pacific/Auckland' });
    expect(when.format('2026-11-24T23:30:00.000Z')).toBe('25 Nov 2026, 12:30');
    expect(when.format(new Date('2026-11-24T23:30:00.000Z'))).toBe('25 Nov 2026, 12:30');
    expect(when.time('2026-11-24T23:30:00.000Z')).toBe('12:30');
  });
});

describe('formatBusinessDate', () => {
  it('writes a business day as the locale does, never shifted by a zone', () => {
    vi.stubEnv('TZ', 'Pacific/Kiritimati');
    expect(formatBusinessDate('2026-03-01', 'en-GB')).toBe('Sun, 1 Mar 2026');
    vi.stubEnv('TZ', 'Pacific/Pago_Pago');
    expect(formatBusinessDate('2026-03-01', 'en-GB')).toBe('Sun, 1 Mar 2026');
    expect(formatBusinessDate('not a date', 'en-GB')).toBe('not a date');
  });
});
