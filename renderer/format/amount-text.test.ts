import { describe, expect, it } from 'vitest';
import { moneyTools } from '../hooks/use-money';
import { amountInputText, normalizeAmountText } from './amount-text';

describe('typed amounts in any locale', () => {
  it.each([
    ['4,40', ',', '4.40'],
    ['4.40', ',', '4.40'],
    ['20.00', ',', '20.00'],
    ['1.234', ',', '1234'],
    ['1.234,50', ',', '1234.50'],
    ['1 234,5', ',', '1234.5'],
    ['4.40', '.', '4.40'],
    ['4,40', '.', '4.40'],
    ['1,234', '.', '1234'],
    ['1,234.50', '.', '1234.50'],
    ["1'234.50", '.', '1234.50'],
    ['12', '.', '12'],
  ])('%s with decimal mark %s reads as %s', (text, mark, expected) => {
    expect(normalizeAmountText(text, mark)).toBe(expected);
  });

  it('leaves what cannot be an amount for the parser to refuse', () => {
    expect(normalizeAmountText('1.2.3', '.')).toBe('1.2.3');
    expect(normalizeAmountText('1,2,3', ',')).toBe('1.2,3');
    expect(normalizeAmountText('12abc', '.')).toBe('12abc');
  });
});

describe('amountInputText', () => {
  it('writes an amount the way the locale types it and parses back to the same amount', () => {
    expect(amountInputText(440, 2, 'en-IE')).toBe('4.40');
    expect(amountInputText(440, 2, 'de-DE')).toBe('4,40');
    expect(amountInputText(1000, 0, 'ja-JP')).toBe('1000');
    expect(amountInputText(1250, 3, 'en-US')).toBe('1.250');
    expect(amountInputText(5, 3, 'de-DE')).toBe('0,005');
    for (const [currency, locale, exponent] of [
      ['EUR', 'de-DE', 2],
      ['EUR', 'fr-FR', 2],
      ['USD', 'en-US', 2],
      ['JPY', 'ja-JP', 0],
      ['KWD', 'ar-KW', 3],
    ] as const) {
      const parsed = moneyTools({ currency, locale, exponent }).parse(amountInputText(123_456, exponent, locale));
      expect(parsed).toEqual({ ok: true, minor: 123_456 });
    }
  });
});
