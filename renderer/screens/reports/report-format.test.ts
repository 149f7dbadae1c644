import { describe, expect, it } from 'vitest';
import { averageToPayText, businessDateText, hourBars, minutesText, rateText, reportMoney } from './report-format';

describe('hourBars', () => {
  it('fills the quiet hours between the first and last sale with zero', () => {
    const bars = hourBars(
      [
        { hour: 9, netMinor: 400 },
        { hour: 12, netMinor: 1250 },
      ],
      240,
    );
    expect(bars.map((b) => [b.label, b.netMinor])).toEqual([
      ['09:00', 400],
      ['10:00', 0],
      ['11:00', 0],
      ['12:00', 1250],
    ]);
  });

  it('orders a late night after the evening when the day ends at 04:00', () => {
    const bars = hourBars(
      [
        { hour: 1, netMinor: 300 },
        { hour: 22, netMinor: 900 },
        { hour: 23, netMinor: 100 },
      ],
      240,
    );
    expect(bars.map((b) => b.hour)).toEqual([22, 23, 0, 1]);
    expect(bars.map((b) => b.netMinor)).toEqual([900, 100, 0, 300]);
  });

  it('has no bars for a day without sales, and adds up an hour listed twice', () => {
    expect(hourBars([], 0)).toEqual([]);
    expect(hourBars([{ hour: 8, netMinor: 100 }, { hour: 8, netMinor: 50 }], 0)).toEqual([{ hour: 8, label: '08:00', netMinor: 150 }]);
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

  it('formats money in the report’s own currency and a business date without shifting the day', () => {
    expect(reportMoney({ currency: 'JPY', locale: 'ja-JP' }).format(1200)).toBe('￥1,200');
    expect(reportMoney({ currency: 'EUR', locale: 'en-IE' }).format(-50)).toBe('-€0.50');
    expect(businessDateText('2026-03-01', 'en-GB')).toBe('Sun, 1 Mar 2026');
  });
});
