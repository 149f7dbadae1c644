import { describe, expect, it } from 'vitest';
import { CountError, countTotal, denominationsFor } from './denominations';

describe('counting cash by denomination', () => {
  it('adds notes and coins in minor units', () => {
    expect(countTotal('EUR', [{ denominationMinor: 2000, qty: 3 }, { denominationMinor: 5, qty: 7 }])).toBe(6035);
    expect(countTotal('JPY', [{ denominationMinor: 10_000, qty: 2 }, { denominationMinor: 1, qty: 3 }])).toBe(20_003);
    expect(countTotal('KWD', [{ denominationMinor: 250, qty: 4 }])).toBe(1000);
  });

  it('refuses a note the currency does not have, or one counted twice', () => {
    expect(() => countTotal('USD', [{ denominationMinor: 200, qty: 1 }])).toThrow(CountError);
    expect(() => countTotal('EUR', [{ denominationMinor: 100, qty: 1 }, { denominationMinor: 100, qty: 2 }])).toThrow(/twice/);
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
