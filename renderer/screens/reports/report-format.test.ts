import { describe, expect, it } from 'vitest';
import { averageToPayText, hourBars, minutesText, rateText, reportMoney } from './report-format';

describe('hourBars', () => {
  it('shows all 24 hours of the business day from the boundary hour, quiet ones at zero', () => {
    const bars = hourBars(
      [
        { hour: 9, netMinor: 400 },
        { hour: 12, netMinor: 1250 },
      ],
      240,
    );
    expect(bars).toHaveLength(24);
    expect(bars[0]).toEqual({ hour: 4, label: '04:00', netMinor: 0 });
    expect(bars.at(-1)).toEqual({ hour: 3, label: '03:00', netMinor: 0 });
    expect(bars.filter((b) => b.netMinor !== 0).map((b) => [b.label, b.netMinor])).toEqual([
      ['09:00', 400],
      ['12:00', 1250],
    ]);
  });

  it('gives a single hour of sales the whole day around it, not the whole width', () => {
    const bars = hourBars([{ hour: 10, netMinor: 500 }], 0);
    expect(bars.map((b) => b.hour)).toEqual(Array.from({ length: 24 }, (_, h) => h));
    expect(bars.reduce((sum, b) => sum + b.netMinor, 0)).toBe(500);
  });

  it('orders a late night after the evening when the day ends at 04:30', () => {
    const bars = hourBars(
      [
        { hour: 1, netMinor: 300 },
        { hour: 22, netMinor: 900 },
        { hour: 23, netMinor: 100 },
      ],
      270,
    );
    const hours = bars.map((b) => b.hour);
    expect(hours.slice(0, 2)).toEqual([4, 5]);
    expect(hours.indexOf(22)).toBeLessThan(hours.indexOf(23));
    expect(hours.indexOf(23)).toBeLessThan(hours.indexOf(1));
    expect(bars.filter((b) => b.netMinor !== 0).map((b) => b.netMinor)).toEqual([900, 100, 300]);
  });

  it('has no bars for a day without sales, and adds up an hour listed twice', () => {
    expect(hourBars([], 0)).toEqual([]);
    expect(
      hourBars(
        [
          { hour: 8, netMinor: 100 },
          { hour: 8, netMinor: 50 },
        ],
        0,
      )[8],
    ).toEqual({ hour: 8, label: '08:00', netMinor: 150 });
  });
});

describe('report words', () => {
  it('names a rate by the store label when the store still has it', () => {
    const rates = [{ rateMilli: 10_000, label: 'Standard' }];
    expect(rateText(10_000, rates, 'en-IE')).toBe('Standard 10%');
    expect(rateText(5500, rates, 'de-DE')).toBe('5,5%');
  });

  it('words durations in minutes and hours', () => {
    expect(minutesText(0)).toBe('0 min');
    expect(minutesText(1)).toBe('1 min');
    expect(minutesText(42)).toBe('42 min');
    expect(minutesText(125)).toBe('2 h 05 min');
    expect(averageToPayText(null)).toBe('—');
    expect(averageToPayText(2_730)).toBe('46 min');
  });

  it('formats money in the report’s own currency', () => {
    expect(reportMoney({ currency: 'JPY', locale: 'ja-JP' }).format(1200)).toBe('￥1,200');
    expect(reportMoney({ currency: 'EUR', locale: 'en-IE' }).format(-50)).toBe('-€0.50');
  });
});
