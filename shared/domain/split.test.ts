import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { changeDue, splitByWeights, splitEvenly } from './split';

describe('splitting a bill', () => {
  it('splits evenly with the extra cents on the first parts', () => {
    expect(splitEvenly(1000, 3)).toEqual([334, 333, 333]);
    expect(splitEvenly(2, 3)).toEqual([1, 1, 0]);
    expect(() => splitEvenly(100, 0)).toThrow(RangeError);
  });
  it('splits by weights with the largest remainder', () => {
    expect(splitByWeights(1000, [1, 1, 1])).toEqual([334, 333, 333]);
    expect(splitByWeights(100, [440, 320])).toEqual([58, 42]);
    expect(splitByWeights(10, [0, 0])).toEqual([5, 5]);
  });
  it('even parts always sum exactly and differ by at most one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 1, max: 50 }), (total, n) => {
        const parts = splitEvenly(total, n);
        expect(parts).toHaveLength(n);
        expect(parts.reduce((s, p) => s + BigInt(p), 0n)).toBe(BigInt(total));
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
      }),
    );
  });
  it('weighted parts always sum exactly and are never negative', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 30 }), (total, weights) => {
        const parts = splitByWeights(total, weights);
        expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
        for (const p of parts) expect(p).toBeGreaterThanOrEqual(0);
      }),
    );
  });
  it('works out change for cash', () => {
    expect(changeDue(2000, 1540)).toBe(460);
    expect(changeDue(1540, 1540)).toBe(0);
  });
});
