import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { serversOf, tipShares, type ServedLine } from './tip-shares';
import { tipSplits } from '../types';

const ada = 3;
const ben = 5;
const twoBaristas: ServedLine[] = [
  { staffId: ada, chargedMinor: 300 },
  { staffId: ben, chargedMinor: 150 },
];
const base = { lines: twoBaristas, personId: null, payerId: 1 };

describe('sharing a tip among the people who served', () => {
  it('by their lines: 1.00 on lines of 3.00 and 1.50 is 0.67 and 0.33', () => {
    expect(tipShares({ ...base, tipMinor: 100, split: 'lines' })).toEqual([
      { staffId: ada, tipMinor: 67 },
      { staffId: ben, tipMinor: 33 },
    ]);
  });

  it('evenly, the odd unit going to the lower staff id', () => {
    expect(tipShares({ ...base, tipMinor: 100, split: 'even' })).toEqual([
      { staffId: ada, tipMinor: 50 },
      { staffId: ben, tipMinor: 50 },
    ]);
    expect(tipShares({ ...base, tipMinor: 101, split: 'even' })).toEqual([
      { staffId: ada, tipMinor: 51 },
      { staffId: ben, tipMinor: 50 },
    ]);
  });

  it('to one person, whoever served', () => {
    expect(tipShares({ ...base, tipMinor: 100, split: 'person', personId: 9 })).toEqual([{ staffId: 9, tipMinor: 100 }]);
    expect(() => tipShares({ ...base, tipMinor: 100, split: 'person' })).toThrow(RangeError);
  });

  it('adds up a person’s lines and breaks an exact tie by staff id, whatever the lines’ order', () => {
    const lines = [
      { staffId: ben, chargedMinor: 100 },
      { staffId: ada, chargedMinor: 50 },
      { staffId: ada, chargedMinor: 50 },
    ];
    expect(tipShares({ ...base, lines, tipMinor: 5, split: 'lines' })).toEqual([
      { staffId: ada, tipMinor: 3 },
      { staffId: ben, tipMinor: 2 },
    ]);
  });

  it('shares evenly when every line is comped to nothing, and tips the payer when nobody served', () => {
    const comped = twoBaristas.map((l) => ({ ...l, chargedMinor: 0 }));
    expect(tipShares({ ...base, lines: comped, tipMinor: 7, split: 'lines' })).toEqual([
      { staffId: ada, tipMinor: 4 },
      { staffId: ben, tipMinor: 3 },
    ]);
    expect(tipShares({ ...base, lines: [], tipMinor: 7, split: 'lines' })).toEqual([{ staffId: 1, tipMinor: 7 }]);
    expect(tipShares({ ...base, lines: [], tipMinor: 7, split: 'even' })).toEqual([{ staffId: 1, tipMinor: 7 }]);
    expect(() => tipShares({ ...base, lines: [], payerId: null, tipMinor: 7, split: 'lines' })).toThrow(RangeError);
  });

  it('refuses a tip that is not a whole, non-negative number of minor units', () => {
    expect(() => tipShares({ ...base, tipMinor: -1, split: 'lines' })).toThrow(RangeError);
    expect(() => tipShares({ ...base, tipMinor: 0.5, split: 'lines' })).toThrow();
  });

  it('lists each server once, lowest id first', () => {
    expect(
      serversOf([
        { staffId: 8, chargedMinor: 1 },
        { staffId: 2, chargedMinor: 1 },
        { staffId: 8, chargedMinor: 3 },
      ]),
    ).toEqual([2, 8]);
  });

  const lines = fc.array(
    fc.record({
      staffId: fc.integer({ min: 1, max: 8 }),
      chargedMinor: fc.oneof(
        fc.integer({ min: 0, max: 1_000_000 }).map((n) => n * 2 + 1),
        fc.constant(0),
      ),
    }),
    { minLength: 1, maxLength: 20 },
  );

  it('any tip, any lines, any way: whole shares, never negative, summing exactly to the tip, one per server', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), lines, fc.constantFrom(...tipSplits), (tip, served, split) => {
        const shares = tipShares({ tipMinor: tip, split, lines: served, personId: 2, payerId: 1 });
        expect(shares.reduce((s, x) => s + x.tipMinor, 0)).toBe(tip);
        for (const s of shares) {
          expect(Number.isSafeInteger(s.tipMinor)).toBe(true);
          expect(s.tipMinor).toBeGreaterThanOrEqual(0);
        }
        expect(shares.map((s) => s.staffId)).toEqual(split === 'person' ? [2] : serversOf(served));
      }),
    );
  });

  it('even shares differ by at most one unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), lines, (tip, served) => {
        const amounts = tipShares({ tipMinor: tip, split: 'even', lines: served, personId: null, payerId: 1 }).map((s) => s.tipMinor);
        expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('shares by lines are each less than one unit from the exact proportion', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), lines, (tip, served) => {
        const total = served.reduce((s, l) => s + l.chargedMinor, 0);
        fc.pre(total > 0);
        for (const share of tipShares({ tipMinor: tip, split: 'lines', lines: served, personId: null, payerId: 1 })) {
          const weight = served.filter((l) => l.staffId === share.staffId).reduce((s, l) => s + l.chargedMinor, 0);
          // Compared in whole numbers: |share × total − tip × weight| < total.
          const off = BigInt(share.tipMinor) * BigInt(total) - BigInt(tip) * BigInt(weight);
          expect(off < BigInt(total) && off > -BigInt(total)).toBe(true);
        }
      }),
    );
  });
});
