import { describe, expect, it } from 'vitest';
import { cashRoundingSteps, CountError, countTotal, denominationsFor } from './denominations';

describe('counting cash by denomination', () => {
  it('adds notes and coins in minor units', () => {
    expect(
      countTotal('EUR', [
        { denominationMinor: 2000, qty: 3 },
        { denominationMinor: 5, qty: 7 },
      ]),
    ).toBe(6035);
    expect(
      countTotal('JPY', [
        { denominationMinor: 10_000, qty: 2 },
        { denominationMinor: 1, qty: 3 },
      ]),
    ).toBe(20_003);
    expect(countTotal('KWD', [{ denominationMinor: 250, qty: 4 }])).toBe(1000);
  });

  it('refuses a note the currency does not have, or one counted twice', () => {
    expect(() => countTotal('USD', [{ denominationMinor: 200, qty: 1 }])).toThrow(CountError);
    expect(() =>
      countTotal('EUR', [
        { denominationMinor: 100, qty: 1 },
        { denominationMinor: 100, qty: 2 },
      ]),
    ).toThrow(/twice/);
  });

  it('lists largest first, and nothing for a currency counted as a total', () => {
    for (const currency of ['EUR', 'USD', 'GBP', 'JPY', 'KWD']) {
      const list = denominationsFor(currency);
      expect([...list].sort((a, b) => b - a)).toEqual(list);
      expect(new Set(list).size).toBe(list.length);
    }
    expect(denominationsFor('XAF')).toEqual([]);
  });
});

describe('the steps cash can be rounded to', () => {
  it('are the smallest real coins of the currency, never a step no coin makes', () => {
    expect(cashRoundingSteps('EUR')).toEqual([1, 5, 10]);
    // A dime is no whole number of quarters, so US and Canadian cash rounds to the nickel at most.
    expect(cashRoundingSteps('USD')).toEqual([1, 5]);
    expect(cashRoundingSteps('GBP')).toEqual([1, 5, 10]);
    expect(cashRoundingSteps('JPY')).toEqual([1, 5, 10]);
    expect(cashRoundingSteps('CHF')).toEqual([5, 10]);
    expect(cashRoundingSteps('CAD')).toEqual([5]);
    expect(cashRoundingSteps('AUD')).toEqual([5, 10]);
    expect(cashRoundingSteps('SGD')).toEqual([5, 10]);
    expect(cashRoundingSteps('KWD')).toEqual([5, 10]);
    expect(cashRoundingSteps('NZD')).toEqual([10, 50, 100]);
    expect(cashRoundingSteps('HKD')).toEqual([10, 50, 100]);
    expect(cashRoundingSteps('DKK')).toEqual([50, 100]);
    expect(cashRoundingSteps('AED')).toEqual([25, 50, 100]);
    expect(cashRoundingSteps('SEK')).toEqual([100, 500, 1000]);
    expect(cashRoundingSteps('INR')).toEqual([100, 500, 1000]);
  });

  it('offer no rounding only where a coin of one minor unit exists', () => {
    expect(cashRoundingSteps('CHF')).not.toContain(1);
    expect(cashRoundingSteps('SEK')).not.toContain(1);
    expect(cashRoundingSteps('JPY')).not.toContain(25);
    expect(cashRoundingSteps('USD')).not.toContain(25);
    expect(cashRoundingSteps('EUR')).not.toContain(2);
  });

  it('are each a coin that every larger coin and note is a whole number of', () => {
    for (const currency of ['EUR', 'USD', 'GBP', 'CHF', 'CAD', 'AUD', 'NZD', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'JPY', 'KWD', 'INR', 'SGD', 'HKD', 'AED']) {
      const all = denominationsFor(currency);
      const steps = cashRoundingSteps(currency);
      expect(steps[0]).toBe(all.at(-1));
      for (const step of steps) {
        expect(all).toContain(step);
        expect(all.filter((d) => d > step).every((d) => d % step === 0)).toBe(true);
      }
    }
  });

  it('leave the cash of a currency without a coin list unrounded', () => {
    expect(cashRoundingSteps('XAF')).toEqual([1]);
  });
});
