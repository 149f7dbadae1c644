import { describe, expect, it } from 'vitest';
import { quickTenders, tipFromPercent } from './tender';

describe('quick tender amounts', () => {
  it('offers the exact amount and the next round notes', () => {
    expect(quickTenders(1320, 'EUR', 2)).toEqual([1320, 1500, 2000, 5000]);
    expect(quickTenders(2000, 'EUR', 2)).toEqual([2000, 5000, 10000]);
    expect(quickTenders(1234, 'JPY', 0)).toEqual([1234, 2000, 5000, 10000]);
    expect(quickTenders(1250, 'KWD', 3)).toEqual([1250, 2000, 5000, 10000]);
    expect(quickTenders(730, 'XAF', 0)).toEqual([730, 740, 750, 800]); // no note table: 1-2-5 steps
  });
});

describe('tips by percentage', () => {
  it('rounds half up on the amount paid', () => {
    expect(tipFromPercent(1320, 15)).toBe(198);
    expect(tipFromPercent(1010, 15)).toBe(152); // 151.5
    expect(tipFromPercent(0, 20)).toBe(0);
    expect(() => tipFromPercent(100, 101)).toThrow(RangeError);
  });
});
