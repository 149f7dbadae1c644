import { describe, expect, it } from 'vitest';
import { cashRoundingOptions } from './cash-rounding';

describe('cashRoundingOptions', () => {
  it('offers 0.05 up to 1.00 for a two-decimal currency', () => {
    expect(cashRoundingOptions(2)).toEqual([1, 5, 10, 25, 50, 100]);
  });

  it('offers ¥5 up to ¥100 for a currency without decimals', () => {
    expect(cashRoundingOptions(0)).toEqual([1, 5, 10, 25, 50, 100]);
  });

  it('goes up to one dinar for a three-decimal currency', () => {
    expect(cashRoundingOptions(3)).toEqual([1, 5, 10, 25, 50, 100, 250, 500, 1000]);
  });

  it('keeps an unusual current value so the select can show it', () => {
    expect(cashRoundingOptions(2, 20)).toEqual([1, 5, 10, 20, 25, 50, 100]);
    expect(cashRoundingOptions(2, 10)).toEqual([1, 5, 10, 25, 50, 100]);
  });
});
