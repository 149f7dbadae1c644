import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLine } from './line-move';
import { lineAmounts, type TaxLine } from './tax';

const line = (over: Partial<TaxLine> = {}): TaxLine => ({ qty: 3, unitMinor: 440, rateMilli: 10_000, comp: null, ...over });

describe('splitting a line to move some of its units', () => {
  it('moves full-price units first and keeps a comp on the units it was given', () => {
    expect(splitLine(line({ comp: { kind: 'percent', value: 50, qty: 1 } }), 2)).toEqual({
      ok: true,
      stay: line({ qty: 1, comp: { kind: 'percent', value: 50, qty: 1 } }),
      moved: line({ qty: 2, comp: null }),
    });
  });

  it('sends a comped unit with its share of an amount comp, half up by comped unit', () => {
    const split = splitLine(line({ unitMinor: 350, comp: { kind: 'amount', value: 301, qty: 2 } }), 2);
    expect(split).toMatchObject({
      ok: true,
      stay: { qty: 1, comp: { kind: 'amount', value: 150, qty: 1 } },
      moved: { qty: 2, comp: { kind: 'amount', value: 151, qty: 1 } },
    });
  });

  it('refuses a percentage whose rounding would not share exactly, and a quantity that is not a part', () => {
    expect(splitLine(line({ qty: 2, unitMinor: 101, comp: { kind: 'percent', value: 50 } }), 1)).toEqual({ ok: false, reason: 'compNotExact', fullPrice: 0 });
    expect(splitLine(line(), 3)).toMatchObject({ ok: false, reason: 'qty' });
    expect(splitLine(line(), 0)).toMatchObject({ ok: false, reason: 'qty' });
  });

  it('never changes what the two parts charge together', () => {
    const comp = fc.option(
      fc.oneof(
        fc.record({ kind: fc.constant('percent' as const), value: fc.integer({ min: 1, max: 100 }), units: fc.integer({ min: 1, max: 9 }) }),
        fc.record({ kind: fc.constant('amount' as const), value: fc.integer({ min: 1, max: 99_999 }), units: fc.integer({ min: 1, max: 9 }) }),
      ),
      { nil: null },
    );
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 0, max: 9_999 }), comp, fc.integer({ min: 1, max: 8 }), (qty, unitMinor, c, move) => {
        const whole = line({ qty, unitMinor, comp: c ? { kind: c.kind, value: c.value, qty: Math.min(c.units, qty) } : null });
        const split = splitLine(whole, Math.min(move, qty - 1));
        if (!split.ok) {
          expect(split.reason).toBe('compNotExact');
          return;
        }
        expect(split.stay.qty + split.moved.qty).toBe(qty);
        expect(lineAmounts(split.stay).charged + lineAmounts(split.moved).charged).toBe(lineAmounts(whole).charged);
        expect(lineAmounts(split.stay).comp + lineAmounts(split.moved).comp).toBe(lineAmounts(whole).comp);
      }),
    );
  });
});
