import { describe, expect, it } from 'vitest';
import { moneyTools } from '../hooks/use-money';
import { signedMoney, varianceKind, varianceText } from './variance';

const money = moneyTools({ currency: 'EUR', locale: 'en-IE', exponent: 2 });

describe('the variance in words', () => {
  const f = money.format;
  it('says over, short or exact without a sign on the amount', () => {
    expect(varianceKind(0)).toBe('even');
    expect(varianceText(0, f)).toBe('The drawer is exact.');
    expect(varianceText(-20, f)).toBe('The drawer is €0.20 short.');
    expect(varianceText(150, f)).toBe('The drawer is €1.50 over.');
  });

  it('shows a signed amount for tables', () => {
    expect(signedMoney(-20, f)).toBe('−€0.20');
    expect(signedMoney(150, f)).toBe('+€1.50');
    expect(signedMoney(0, f)).toBe('€0.00');
  });
});
