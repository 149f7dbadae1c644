import { describe, expect, it } from 'vitest';
import { moneyTools } from './use-money';

describe('money typed at the counter', () => {
  it('reads a dot as cents in a comma locale (the de-DE review case), and thousands when grouped', () => {
    const de = moneyTools({ currency: 'EUR', locale: 'de-DE', exponent: 2 });
    expect(de.parse('4.40')).toEqual({ ok: true, minor: 440 });
    expect(de.parse('4,40')).toEqual({ ok: true, minor: 440 });
    expect(de.parse('20.00')).toEqual({ ok: true, minor: 2000 });
    expect(de.parse('1.234,50')).toEqual({ ok: true, minor: 123450 });
    expect(de.format(440)).toBe('4,40\u00a0€');
  });

  it('refuses too many decimals, quoting what was typed', () => {
    const en = moneyTools({ currency: 'EUR', locale: 'en-IE', exponent: 2 });
    expect(en.parse('4.404')).toEqual({ ok: false, message: '"4.404" has more than 2 decimals' });
    expect(en.parse('4,404')).toEqual({ ok: true, minor: 440400 }); // a thousands comma in en-IE
    expect(en.parse('abc')).toEqual({ ok: false, message: '"abc" is not an amount' });
    expect(moneyTools({ currency: 'JPY', locale: 'ja-JP', exponent: 0 }).parse('1.5')).toEqual({
      ok: false,
      message: '"1.5" cannot have decimals in this currency',
    });
  });
});
