import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backTheWayItWasPaid, portionKey, refundTax, shareOverLeft, unitCosts } from './refund';
import { computeTabTotals, type TaxMode } from './tax';

const zero = (rateMilli: number) => ({ rateMilli, grossMinor: 0, taxMinor: 0 });

describe('what each unit cost', () => {
  it('a comped unit is worth what was paid for it, the full-price ones the rest, adding up to the rate exactly', () => {
    const lines = [{ id: 1, qty: 3, unitMinor: 440, rateMilli: 10_000, comp: { kind: 'percent' as const, value: 50, qty: 1 } }];
    const totals = computeTabTotals(lines, 'inclusive');
    const units = unitCosts(lines, 'inclusive', [{ rateMilli: 10_000, grossMinor: totals.grossTotal, taxMinor: totals.taxTotal }]);
    expect(units.get(portionKey(1, true))).toEqual([220]);
    expect(units.get(portionKey(1, false))).toEqual([440, 440]);
  });

  it('shares what a rate cost after a reward (less than its lines) over its units, exclusive tax and a zero-decimal currency alike', () => {
    const lines = [
      { id: 1, qty: 2, unitMinor: 1000, rateMilli: 8_000, comp: null },
      { id: 2, qty: 1, unitMinor: 500, rateMilli: 8_000, comp: null },
    ];
    // 2,500 yen plus 8 % is 2,700; a reward took 270 off: 2,430 is what the rate cost.
    const units = unitCosts(lines, 'exclusive', [{ rateMilli: 8_000, grossMinor: 2_430, taxMinor: 180 }]);
    expect(units.get(portionKey(1, false))).toEqual([972, 972]);
    expect(units.get(portionKey(2, false))).toEqual([486]);
  });

  it('always adds up to each rate’s cost', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            qty: fc.integer({ min: 1, max: 9 }),
            unitMinor: fc.integer({ min: 0, max: 5000 }),
            rate: fc.constantFrom(0, 7_000, 19_000),
            comp: fc.option(fc.integer({ min: 1, max: 100 }), { nil: null }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        fc.constantFrom<TaxMode>('inclusive', 'exclusive'),
        (specs, mode) => {
          const lines = specs.map((s, i) => ({
            id: i + 1,
            qty: s.qty,
            unitMinor: s.unitMinor,
            rateMilli: s.rate,
            comp: s.comp === null ? null : { kind: 'percent' as const, value: s.comp, qty: 1 },
          }));
          const totals = computeTabTotals(lines, mode);
          const rates = totals.byRate.map((r) => ({ rateMilli: r.rateMilli, grossMinor: r.receivable, taxMinor: r.tax }));
          const units = unitCosts(lines, mode, rates);
          for (const rate of rates) {
            const ofRate = lines
              .filter((l) => l.rateMilli === rate.rateMilli)
              .flatMap((l) => [...(units.get(portionKey(l.id, true)) ?? []), ...(units.get(portionKey(l.id, false)) ?? [])]);
            expect(ofRate.reduce((s, v) => s + v, 0)).toBe(rate.grossMinor);
          }
        },
      ),
    );
  });
});

describe('the tax a refund gives back', () => {
  it('is the rate’s tax in proportion to all refunded so far, half up, so refunding everything gives back exactly all of it', () => {
    const cost = { rateMilli: 10_000, grossMinor: 1_100, taxMinor: 100 };
    expect(refundTax(cost, zero(10_000), 55)).toBe(5);
    expect(refundTax(cost, { rateMilli: 10_000, grossMinor: 55, taxMinor: 5 }, 1_045)).toBe(95);
    expect(() => refundTax(cost, zero(10_000), 1_101)).toThrow(RangeError);
    expect(refundTax(zero(0), zero(0), 0)).toBe(0);
  });

  it('over any sequence of partial refunds, never goes negative and adds up to the rate’s tax', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 25 }),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 12 }),
        (gross, percent, weights) => {
          const cost = { rateMilli: percent * 1000, grossMinor: gross, taxMinor: Math.floor((gross * percent) / (100 + percent)) };
          const total = weights.reduce((s, w) => s + w, 0);
          const pieces = weights.map((w) => Math.floor((gross * w) / total));
          pieces[pieces.length - 1]! += gross - pieces.reduce((s, p) => s + p, 0);
          let before = zero(cost.rateMilli);
          for (const piece of pieces) {
            const tax = refundTax(cost, before, piece);
            expect(tax).toBeGreaterThanOrEqual(0);
            before = { rateMilli: cost.rateMilli, grossMinor: before.grossMinor + piece, taxMinor: before.taxMinor + tax };
          }
          expect(before).toEqual({ rateMilli: cost.rateMilli, grossMinor: gross, taxMinor: cost.taxMinor });
        },
      ),
    );
  });
});

describe('an amount over the rates, and over the tenders', () => {
  it('shares an amount by what is left at each rate, never past it', () => {
    expect([
      ...shareOverLeft(320, [
        { rateMilli: 0, leftMinor: 200 },
        { rateMilli: 10_000, leftMinor: 440 },
      ]),
    ]).toEqual([
      [0, 100],
      [10_000, 220],
    ]);
    expect(() =>
      shareOverLeft(641, [
        { rateMilli: 0, leftMinor: 200 },
        { rateMilli: 10_000, leftMinor: 440 },
      ]),
    ).toThrow(RangeError);
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 100_000 }), { minLength: 1, maxLength: 5 }), fc.nat(), (lefts, seed) => {
        const left = lefts.map((leftMinor, i) => ({ rateMilli: i * 1000, leftMinor }));
        const total = lefts.reduce((s, v) => s + v, 0);
        const amount = total === 0 ? 0 : seed % (total + 1);
        const shares = shareOverLeft(amount, left);
        expect([...shares.values()].reduce((s, v) => s + v, 0)).toBe(amount);
        for (const r of left) expect(shares.get(r.rateMilli)!).toBeLessThanOrEqual(r.leftMinor);
      }),
    );
  });

  it('goes back the way it was paid: the tender with the most left first', () => {
    const tenders = [
      { method: 'cash' as const, leftMinor: 400 },
      { method: 'card' as const, leftMinor: 830 },
    ];
    expect(backTheWayItWasPaid(1000, tenders)).toEqual([
      { method: 'card', amountMinor: 830 },
      { method: 'cash', amountMinor: 170 },
    ]);
    expect(backTheWayItWasPaid(300, tenders)).toEqual([{ method: 'card', amountMinor: 300 }]);
    expect(() => backTheWayItWasPaid(1231, tenders)).toThrow(RangeError);
  });
});
