import { describe, expect, it } from 'vitest';
import type { DepositPolicy, OpeningHours } from '../../../shared/salon-types';
import { depositFor, hasStarted, minuteText, mondayOf, nextOpenDate, parseMinute, startTimes, storeNow, weekdayIndex } from './salon-time';
import { cancelWords, forfeitOf, policyWords } from './salon-words';

const weekdays: OpeningHours = [
  { open: 540, close: 1080 },
  { open: 540, close: 1080 },
  { open: 540, close: 1080 },
  { open: 540, close: 1080 },
  { open: 540, close: 1200 },
  { open: 600, close: 960 },
  null,
];
const policy: DepositPolicy = { mode: 'fixed', fixedMinor: 1000, percent: 0, freeCancelHours: 24, forfeitPercent: 100 };
const eur = (minor: number) => `€${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

describe('the book’s times', () => {
  it('writes and reads times of day on the 5-minute grid', () => {
    expect(minuteText(545)).toBe('09:05');
    expect(minuteText(0)).toBe('00:00');
    expect(parseMinute('9:30')).toBe(570);
    expect(parseMinute('17:35')).toBe(1055);
    expect(parseMinute('17:33')).toBeNull();
    expect(parseMinute('25:00')).toBeNull();
    expect(parseMinute('nine')).toBeNull();
  });

  it('counts weekdays from Monday and finds the next open day past a closed Sunday', () => {
    expect(weekdayIndex('2026-12-07')).toBe(0); // a Monday
    expect(weekdayIndex('2026-12-06')).toBe(6); // a Sunday
    expect(mondayOf('2026-12-10')).toBe('2026-12-07');
    expect(nextOpenDate(weekdays, '2026-12-06')).toBe('2026-12-07');
    expect(nextOpenDate(weekdays, '2026-12-06', -1)).toBe('2026-12-05');
    expect(nextOpenDate([null, null, null, null, null, null, null], '2026-12-06')).toBeNull();
  });

  it('offers only starts at which the booked services still end by closing', () => {
    const times = startTimes({ open: 540, close: 600 }, 45);
    expect(times[0]).toBe(540);
    expect(times.at(-1)).toBe(555);
    expect(startTimes(null, 30)).toEqual([]);
  });

  it('reads now on the store’s wall clock, not this computer’s', () => {
    const at = new Date('2026-12-05T23:30:00Z');
    expect(storeNow('Asia/Tokyo', at)).toEqual({ date: '2026-12-06', minute: 8 * 60 + 30 });
    expect(hasStarted('2026-12-06', 510, { date: '2026-12-06', minute: 510 })).toBe(true);
    expect(hasStarted('2026-12-06', 515, { date: '2026-12-06', minute: 510 })).toBe(false);
    expect(hasStarted('2026-12-05', 1200, { date: '2026-12-06', minute: 0 })).toBe(true);
  });
});

describe('the deposit policy', () => {
  it('asks the fixed amount, or the percentage of the services rounded half up', () => {
    expect(depositFor(policy, [4500, 3000])).toBe(1000);
    expect(depositFor({ ...policy, mode: 'percent', percent: 15 }, [3333])).toBe(500); // 499.95 → 500
    expect(depositFor({ ...policy, mode: 'percent', percent: 10 }, [3325])).toBe(333); // 332.5 → 333
    expect(depositFor({ ...policy, mode: 'none' }, [3000])).toBe(0);
  });

  it('keeps the forfeit share half up, as the ledger posts it', () => {
    expect(forfeitOf(1000, 100)).toBe(1000);
    expect(forfeitOf(1005, 50)).toBe(503);
    expect(forfeitOf(1000, 0)).toBe(0);
  });

  it('says the policy in plain words', () => {
    expect(policyWords(policy, eur)).toBe(
      'A deposit of €10.00 is taken at booking. Cancel up to 24 hours before for a full refund; later, or not coming, keeps all of the deposit.',
    );
    expect(cancelWords({ ...policy, forfeitPercent: 50, freeCancelHours: 48 })).toBe(
      'Cancel up to 48 hours before for a full refund; later, or not coming, keeps 50 % of the deposit.',
    );
    expect(policyWords({ ...policy, mode: 'none' }, eur)).toBe('No deposit is taken at booking.');
  });
});
