import { describe, expect, it } from 'vitest';
import { cashRoundingOptions, stepForCurrency } from './cash-rounding';

describe('cashRoundingOptions', () => {
  it('offers the steps of the currency coins: no ¥25, no 0.25, no 0.02', () => {
    expect(cashRoundingOptions('JPY')).toEqual([1, 5, 10]);
    expect(cashRoundingOptions('EUR')).toEqual([1, 5, 10]);
    expect(cashRoundingOptions('USD')).toEqual([1, 5]);
    expect(cashRoundingOptions('KWD')).toEqual([5, 10]);
  });

  it('offers no "no rounding" where the smallest coin is larger than one minor unit', () => {
    expect(cashRoundingOptions('CHF')).toEqual([5, 10]);
    expect(cashRoundingOptions('SEK')).toEqual([100, 500, 1000]);
  });

  it('offers only no rounding for a currency without a coin list', () => {
    expect(cashRoundingOptions('XAF')).toEqual([1]);
  });

  it('keeps a current value the coins do not make, so the select can show what is saved', () => {
    expect(cashRoundingOptions('EUR', 25)).toEqual([1, 5, 10, 25]);
    expect(cashRoundingOptions('EUR', 10)).toEqual([1, 5, 10]);
    expect(cashRoundingOptions('EUR', Number.NaN)).toEqual([1, 5, 10]);
  });
});

describe('stepForCurrency', () => {
  it('keeps a step the new currency makes, else takes its smallest', () => {
    expect(stepForCurrency('JPY', '5')).toBe('5');
    expect(stepForCurrency('CHF', '1')).toBe('5');
    expect(stepForCurrency('SEK', '10')).toBe('100');
    expect(stepForCurrency('XAF', '5')).toBe('1');
  });
});
