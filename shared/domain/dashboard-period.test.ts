import { describe, expect, it } from 'vitest';
import { ageBandOf, basisPoints, daysInPeriod, percentText, periodOf, stepPeriod, weekStart } from './dashboard-period';

describe('dashboard periods', () => {
  it('counts both ends of a period', () => {
    expect(daysInPeriod('2026-11-24', '2026-11-24')).toBe(1);
    expect(daysInPeriod('2026-02-01', '2026-03-01')).toBe(29);
    expect(daysInPeriod('2025-01-01', '2025-12-31')).toBe(365);
  });

  it('makes the day, the Monday-to-Sunday week and the calendar month of a date', () => {
    expect(periodOf('day', '2026-11-25')).toEqual({ from: '2026-11-25', to: '2026-11-25' });
    // 25 November 2026 is a Wednesday; 29 November a Sunday.
    expect(weekStart('2026-11-25')).toBe('2026-11-23');
    expect(weekStart('2026-11-29')).toBe('2026-11-23');
    expect(periodOf('week', '2026-11-29')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(periodOf('month', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodOf('month', '2026-12-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('steps to the period before and after, across a year', () => {
    expect(stepPeriod('month', '2026-01-15', -1)).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(stepPeriod('month', '2026-01-31', 1)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(stepPeriod('week', '2026-11-25', -1)).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(stepPeriod('day', '2026-12-31', 1)).toEqual({ from: '2027-01-01', to: '2027-01-01' });
  });

  it('puts an age in its band at the edges', () => {
    expect([0, 29, 30, 59, 60, 119, 120, 5000].map(ageBandOf)).toEqual([
      'under30',
      'under30',
      'from30to60',
      'from30to60',
      'from60to120',
      'from60to120',
      'over120',
      'over120',
    ]);
  });

  it('works rates out exactly in hundredths of a percent, half up, and none of nothing', () => {
    expect(basisPoints(1, 3)).toBe(3333);
    expect(basisPoints(2, 3)).toBe(6667);
    expect(basisPoints(1, 8)).toBe(1250);
    expect(basisPoints(1, 80_000)).toBe(0);
    expect(basisPoints(1, 20_000)).toBe(1);
    expect(basisPoints(0, 5)).toBe(0);
    expect(basisPoints(5, 0)).toBeNull();
    expect(basisPoints(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)).toBe(10_000);
    expect(percentText(3333)).toBe('33.33');
    expect(percentText(5)).toBe('0.05');
    expect(percentText(10_000)).toBe('100.00');
    expect(percentText(null)).toBe('');
  });
});
