import { describe, expect, it } from 'vitest';
import { normalizeAmountText } from './amount-text';

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
