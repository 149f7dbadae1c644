import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { currencyExponent, decimalMark, divRoundHalfUp, formatMoney, MoneyError, minorToDecimalString, parseMinor, roundToIncrement, sumMinor } from './money';

describe('currency exponents follow ISO 4217', () => {
  it.each([
    ['JPY', 0],
    ['EUR', 2],
    ['USD', 2],
    ['KWD', 3],
    ['BHD', 3],
  ])('%s has %i decimals', (code, digits) => expect(currencyExponent(code)).toBe(digits));
  it('refuses an unknown code', () => expect(() => currencyExponent('XXY')).toThrow(MoneyError));
});

describe('parseMinor never goes through a float', () => {
  it.each([
    ['4.40', 2, 440],
    ['4.4', 2, 440],
    ['0.1', 2, 10],
    ['1,234.56', 2, 123456],
    ['-12', 2, -1200],
    ['1200', 0, 1200],
    ['1.234', 3, 1234],
    ['0.005', 3, 5],
    ['90071992547409.91', 2, 9007199254740991],
  ])('%s with exponent %i is %i', (text, exponent, minor) => expect(parseMinor(text, exponent)).toBe(minor));
  it.each([
    ['4.404', 2],
    ['1.5', 0],
    ['abc', 2],
    ['', 2],
    ['1e3', 2],
    ['900719925474099.12', 2],
  ])('refuses %s with exponent %i', (text, exponent) => expect(() => parseMinor(text, exponent)).toThrow(MoneyError));
  it('round-trips through the decimal string for any safe amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e14, max: 1e14 }), fc.constantFrom(0, 2, 3), (minor, exp) => {
        expect(parseMinor(minorToDecimalString(minor, exp), exp)).toBe(minor);
      }),
    );
  });
});

describe('rounding', () => {
  it('rounds half up (away from zero)', () => {
    expect(divRoundHalfUp(5n, 2n)).toBe(3);
    expect(divRoundHalfUp(4n, 3n)).toBe(1);
    expect(divRoundHalfUp(-5n, 2n)).toBe(-3);
    expect(divRoundHalfUp(0n, 7n)).toBe(0);
  });
  it('rounds cash to the increment', () => {
    expect(roundToIncrement(442, 5)).toBe(440);
    expect(roundToIncrement(443, 5)).toBe(445);
    expect(roundToIncrement(447, 10)).toBe(450);
    expect(roundToIncrement(442, 1)).toBe(442);
    expect(() => roundToIncrement(442, 0)).toThrow(MoneyError);
  });
  it('refuses sums that leave the safe integer range', () => {
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow(MoneyError);
    expect(() => sumMinor([0.5])).toThrow(MoneyError);
  });
});

describe('formatMoney uses Intl for the store currency and locale', () => {
  it('formats each exponent exactly', () => {
    expect(formatMoney(440, 'EUR', 'en-IE')).toBe('€4.40');
    expect(formatMoney(1200, 'JPY', 'ja-JP')).toBe('￥1,200');
    expect(formatMoney(1234, 'KWD', 'en-US')).toMatch(/KWD\s?1\.234/);
    expect(formatMoney(9007199254740991, 'USD', 'en-US')).toBe('$90,071,992,547,409.91');
  });
});

describe('decimalMark', () => {
  it('is the mark the locale writes before the decimals', () => {
    expect([decimalMark('en-IE'), decimalMark('de-DE'), decimalMark('de-CH'), decimalMark('ar-EG')]).toEqual(['.', ',', '.', '٫']);
  });
});
