import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asksFromNumbers, cashBeyondNotes, confirmationOf, largeAmounts, numbersOf, tipAboveShare, unconfirmed, type LargeAmount } from './large-amounts';

describe('a tip above the share of the bill', () => {
  it('asks only above the share: exactly 30 % is taken, one minor unit more is asked about', () => {
    expect(tipAboveShare(120, 400, 30)).toBe(false);
    expect(tipAboveShare(121, 400, 30)).toBe(true);
    // 30 % of 3.33 is 0.999: a tip of 0.99 is under it, 1.00 over it, without rounding the share.
    expect(tipAboveShare(99, 333, 30)).toBe(false);
    expect(tipAboveShare(100, 333, 30)).toBe(true);
  });

  it('asks about the tip of issue 9: 1,000.00 on a bill of 4.00', () => {
    expect(tipAboveShare(100_000, 400, 30)).toBe(true);
  });

  it('never asks about no tip, and always about a tip on a bill of nothing', () => {
    expect(tipAboveShare(0, 0, 30)).toBe(false);
    expect(tipAboveShare(0, 400, 1)).toBe(false);
    expect(tipAboveShare(1, 0, 1000)).toBe(true);
  });

  it('JPY: whole yen; 30 % of ¥1,000 is ¥300', () => {
    expect(tipAboveShare(300, 1000, 30)).toBe(false);
    expect(tipAboveShare(301, 1000, 30)).toBe(true);
  });

  it('KWD: three decimals; 30 % of 2.625 is 0.7875, so 0.787 is taken and 0.788 asked about', () => {
    expect(tipAboveShare(787, 2625, 30)).toBe(false);
    expect(tipAboveShare(788, 2625, 30)).toBe(true);
  });

  it('follows the store setting, up to 1000 %', () => {
    expect(tipAboveShare(200, 400, 50)).toBe(false);
    expect(tipAboveShare(201, 400, 50)).toBe(true);
    expect(tipAboveShare(4000, 400, 1000)).toBe(false);
    expect(tipAboveShare(4001, 400, 1000)).toBe(true);
  });

  it('is exact at the edge of the safe integers, where floats would not be', () => {
    const bill = Number.MAX_SAFE_INTEGER;
    // 30 % of 2^53 − 1 is 2702159776422297.3: the last tip under it is taken.
    expect(tipAboveShare(2_702_159_776_422_297, bill, 30)).toBe(false);
    expect(tipAboveShare(2_702_159_776_422_298, bill, 30)).toBe(true);
  });

  it('agrees with the share worked out in rationals for any amounts', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), fc.nat({ max: 10_000_000 }), fc.integer({ min: 1, max: 1000 }), (tip, bill, pct) => {
        expect(tipAboveShare(tip, bill, pct)).toBe(tip * 100 > bill * pct);
      }),
    );
  });
});

describe('cash far beyond any note', () => {
  it('EUR: on 7.60, one €500 note too many is taken; 1,000,000.00 and anything past 507.60 are asked about', () => {
    expect(cashBeyondNotes(50_760, 760, 'EUR')).toBe(false);
    expect(cashBeyondNotes(50_761, 760, 'EUR')).toBe(true);
    expect(cashBeyondNotes(100_000_000, 760, 'EUR')).toBe(true);
    expect(cashBeyondNotes(760, 760, 'EUR')).toBe(false);
  });

  it('USD: the largest note is $100, so $200 on $7.60 is asked about', () => {
    expect(cashBeyondNotes(10_000, 760, 'USD')).toBe(false);
    expect(cashBeyondNotes(20_000, 760, 'USD')).toBe(true);
  });

  it('JPY: ¥10,000 is the largest note', () => {
    expect(cashBeyondNotes(10_760, 760, 'JPY')).toBe(false);
    expect(cashBeyondNotes(10_761, 760, 'JPY')).toBe(true);
  });

  it('KWD: KD 20 is the largest note, in fils', () => {
    expect(cashBeyondNotes(22_625, 2625, 'KWD')).toBe(false);
    expect(cashBeyondNotes(22_626, 2625, 'KWD')).toBe(true);
  });

  it('a currency without a list of notes asks past ten times what is owed', () => {
    expect(cashBeyondNotes(76_000, 7600, 'KRW')).toBe(false);
    expect(cashBeyondNotes(76_001, 7600, 'KRW')).toBe(true);
    expect(cashBeyondNotes(1, 0, 'KRW')).toBe(true);
  });
});

describe('the questions of one payment', () => {
  const eur = (over: Partial<Parameters<typeof largeAmounts>[0]> = {}) =>
    largeAmounts({ billMinor: 400, tipMinor: 0, tipConfirmPercent: 30, cash: null, currency: 'EUR', ...over });

  it('asks about nothing for an everyday payment', () => {
    expect(eur({ tipMinor: 60, cash: { tenderedMinor: 1000, owedMinor: 460 } })).toEqual([]);
  });

  it('names each amount with what it is measured against', () => {
    const asks = eur({ tipMinor: 100_000, cash: { tenderedMinor: 100_000_000, owedMinor: 100_400 } });
    expect(asks).toEqual([
      { kind: 'tip', tipMinor: 100_000, billMinor: 400, percent: 30 },
      { kind: 'cash', tenderedMinor: 100_000_000, owedMinor: 100_400 },
    ]);
  });

  it('a card payment is never asked about its cash', () => {
    expect(eur({ tipMinor: 100 })).toEqual([]);
  });

  it('takes a yes only for the very amount it names', () => {
    const asks: LargeAmount[] = [
      { kind: 'tip', tipMinor: 100_000, billMinor: 400, percent: 30 },
      { kind: 'cash', tenderedMinor: 100_000_000, owedMinor: 100_400 },
    ];
    expect(confirmationOf(asks)).toEqual({ tipMinor: 100_000, tenderedMinor: 100_000_000 });
    expect(unconfirmed(asks, confirmationOf(asks))).toEqual([]);
    expect(unconfirmed(asks, undefined)).toEqual(asks);
    expect(unconfirmed(asks, { tipMinor: 100_000 })).toEqual([asks[1]]);
    expect(unconfirmed(asks, { tipMinor: 10_000, tenderedMinor: 100_000_000 })).toEqual([asks[0]]);
  });

  it('carries its numbers through a refusal and back, dropping anything that is not a whole amount', () => {
    const asks: LargeAmount[] = [
      { kind: 'tip', tipMinor: 100_000, billMinor: 400, percent: 30 },
      { kind: 'cash', tenderedMinor: 100_000_000, owedMinor: 100_400 },
    ];
    expect(asksFromNumbers({ ...numbersOf(asks), tip: '€1,000.00' })).toEqual(asks);
    expect(asksFromNumbers(numbersOf([asks[1]!]))).toEqual([asks[1]]);
    expect(asksFromNumbers({ tipMinor: '100000', billMinor: 400, percent: 30 })).toEqual([]);
    expect(asksFromNumbers({ tenderedMinor: 1.5, owedMinor: 400 })).toEqual([]);
    expect(asksFromNumbers({})).toEqual([]);
  });
});
