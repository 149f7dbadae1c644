import { describe, expect, it } from 'vitest';
import { moneyTools } from '../../hooks/use-money';
import { emptyCount, lineTotal, parseQty, readCount, runningTotal } from './cash-count';

const money = moneyTools({ currency: 'EUR', locale: 'en-IE', exponent: 2 });
const notes = [2000, 1000, 500, 200, 100, 50];
const words = { qtyError: (d: number) => `bad ${d}`, totalMissing: 'no total', totalNegative: 'below zero' };

describe('a drawer count', () => {
  it('starts note by note when the currency has notes, else as a total', () => {
    expect(emptyCount(notes).mode).toBe('denominations');
    expect(emptyCount([]).mode).toBe('total');
  });

  it('reads quantities: empty is none, whole numbers up to 100000 only', () => {
    expect(parseQty('')).toBe(0);
    expect(parseQty(' 12 ')).toBe(12);
    expect(parseQty('100000')).toBe(100000);
    expect(parseQty('100001')).toBeNull();
    expect(parseQty('1.5')).toBeNull();
    expect(parseQty('-2')).toBeNull();
    expect(lineTotal(2000, '3')).toBe(6000);
    expect(lineTotal(2000, 'x')).toBeNull();
  });

  it('sends only the notes counted, with the total as a preview', () => {
    const draft = { mode: 'denominations' as const, qty: { '2000': '2', '1000': '4', '200': '5', '100': '', '50': '0' }, total: '' };
    expect(readCount(draft, notes, money, words)).toEqual({
      ok: true,
      count: {
        kind: 'denominations',
        counts: [
          { denominationMinor: 2000, qty: 2 },
          { denominationMinor: 1000, qty: 4 },
          { denominationMinor: 200, qty: 5 },
        ],
      },
      totalMinor: 9000,
    });
    expect(runningTotal(draft, notes, money)).toBe(9000);
  });

  it('names each quantity it cannot read and has no running total meanwhile', () => {
    const draft = { mode: 'denominations' as const, qty: { '2000': 'two', '50': '1.5', '100': '3' }, total: '' };
    expect(readCount(draft, notes, money, words)).toEqual({ ok: false, problems: { '2000': 'bad 2000', '50': 'bad 50' } });
    expect(runningTotal(draft, notes, money)).toBeNull();
  });

  it('reads a total in the locale, and asks for one when it is empty', () => {
    const total = { mode: 'total' as const, qty: { '2000': '9' }, total: '108,00' };
    expect(readCount(total, notes, moneyTools({ currency: 'EUR', locale: 'de-DE', exponent: 2 }), words)).toEqual({
      ok: true,
      count: { kind: 'total', totalMinor: 10800 },
      totalMinor: 10800,
    });
    expect(readCount({ ...total, total: '  ' }, notes, money, words)).toEqual({ ok: false, problems: { total: 'no total' } });
    expect(runningTotal({ ...total, total: '' }, notes, money)).toBe(0);
    expect(readCount({ ...total, total: 'lots' }, notes, money, words)).toEqual({ ok: false, problems: { total: '"lots" is not an amount' } });
  });

  it('refuses a negative total by its field, with no running total meanwhile', () => {
    const negative = { mode: 'total' as const, qty: {}, total: '-100.00' };
    expect(readCount(negative, notes, money, words)).toEqual({ ok: false, problems: { total: 'below zero' } });
    expect(runningTotal(negative, notes, money)).toBeNull();
    expect(readCount({ ...negative, total: '0' }, notes, money, words)).toMatchObject({ ok: true, totalMinor: 0 });
  });

  it('counts a currency without notes as a total, whatever the mode says', () => {
    expect(readCount({ mode: 'denominations', qty: {}, total: '5' }, [], money, words)).toMatchObject({ ok: true, count: { kind: 'total', totalMinor: 500 } });
  });
});
