import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../shared/money';
import { compBadge, compReceiptText } from './comp-text';

const euro = (minor: number): string => formatMoney(minor, 'EUR', 'en-IE');
const half = { kind: 'percent' as const, value: 50, qty: 1, reason: 'cold', amountMinor: 220 };

describe('a comp in words', () => {
  it('says how many units it covers when they are fewer than the line has', () => {
    expect(compBadge(half, 2, euro)).toBe('1 of 2 comped 50% (cold) · −€2.20');
    expect(compReceiptText(half, 2, euro)).toBe('1 of 2 comped 50% (cold)');
    expect(compReceiptText({ ...half, kind: 'amount', value: 100 }, 3, euro)).toBe('1 of 3 comped €1.00 (cold)');
  });

  it('keeps the whole-line words when it covers every unit', () => {
    expect(compBadge({ ...half, qty: 2, amountMinor: 440 }, 2, euro)).toBe('Comp 50% · cold · −€4.40');
    expect(compReceiptText(half, 1, euro)).toBe('Comp 50%: cold');
  });
});
