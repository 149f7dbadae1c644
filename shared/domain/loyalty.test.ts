import { describe, expect, it } from 'vitest';
import { discountByRate, pointsFor, pointsRedemption, shareByRate, stampsOnLine } from './loyalty';
import { computeTabTotals } from './tax';

describe('loyalty rules', () => {
  it('stamps the units charged: a wholly comped unit earns none, a partly comped one does', () => {
    expect(stampsOnLine({ qty: 3, unitMinor: 440, rateMilli: 10_000, comp: null })).toBe(3);
    expect(stampsOnLine({ qty: 3, unitMinor: 440, rateMilli: 10_000, comp: { kind: 'percent', value: 100, qty: 1 } })).toBe(2);
    expect(stampsOnLine({ qty: 3, unitMinor: 440, rateMilli: 10_000, comp: { kind: 'percent', value: 50, qty: 1 } })).toBe(3);
    expect(stampsOnLine({ qty: 2, unitMinor: 440, rateMilli: 10_000, comp: { kind: 'amount', value: 880 } })).toBe(0);
  });

  it('counts whole points and spends as many as the tab can take', () => {
    expect(pointsFor(1_705, 10)).toBe(170);
    expect(pointsFor(99, 100)).toBe(0);
    expect(pointsRedemption(99, 1, 100, 5_000)).toBeNull();
    expect(pointsRedemption(500, 10, 100, 2_345)).toEqual({ points: 234, discountMinor: 2_340 });
    expect(pointsRedemption(120, 1, 100, 5_000)).toEqual({ points: 120, discountMinor: 120 });
  });

  it('lowers each rate like a comp: JPY with tax included, KWD with tax added', () => {
    const yen = computeTabTotals(
      [
        { qty: 1, unitMinor: 440, rateMilli: 10_000, comp: null },
        { qty: 1, unitMinor: 385, rateMilli: 8_000, comp: null },
      ],
      'inclusive',
    );
    expect(discountByRate(yen.byRate, shareByRate(170, yen.byRate), 'inclusive')).toEqual([
      { rateMilli: 8_000, discountMinor: 79, taxMinor: 6, receivableMinor: 79, loyaltyMinor: 73 },
      { rateMilli: 10_000, discountMinor: 91, taxMinor: 8, receivableMinor: 91, loyaltyMinor: 83 },
    ]);
    const dinar = computeTabTotals(
      [
        { qty: 1, unitMinor: 1_250, rateMilli: 5_000, comp: null },
        { qty: 1, unitMinor: 1_500, rateMilli: 5_000, comp: null },
      ],
      'exclusive',
    );
    expect(discountByRate(dinar.byRate, new Map([[5_000, 1_250]]), 'exclusive')).toEqual([
      { rateMilli: 5_000, discountMinor: 1_250, taxMinor: 63, receivableMinor: 1_313, loyaltyMinor: 1_250 },
    ]);
    expect(() => shareByRate(3_000, dinar.byRate)).toThrow(RangeError);
  });
});
