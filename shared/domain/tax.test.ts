import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeTabTotals, formatRate, lineAmounts, rateLabel, taxOn, type TaxLine } from './tax';

const line = (unitMinor: number, rateMilli: number, qty = 1, comp: TaxLine['comp'] = null): TaxLine => ({ unitMinor, rateMilli, qty, comp });

describe('tax vectors, inclusive pricing', () => {
  it('a 4.40 latte at 10% contains 0.40 tax (the domain example)', () => {
    const t = computeTabTotals([line(440, 10_000)], 'inclusive');
    expect(t.byRate).toEqual([{ rateMilli: 10_000, list: 440, comp: 0, sales: 400, comps: 0, tax: 40, receivable: 440 }]);
    expect([t.netTotal, t.taxTotal, t.grossTotal]).toEqual([400, 40, 440]);
  });
  it('rounds per rate on the tab, not per line', () => {
    // Three 1.00 items at 19%: per line 0.16 each (0.48); on the total 3.00 the tax is 0.479 -> 0.48.
    // Seven 0.10 items at 19%: per line 0.02 each (0.14); on 0.70 it is 0.1117 -> 0.11.
    expect(computeTabTotals([line(10, 19_000, 7)], 'inclusive').taxTotal).toBe(11);
    expect(
      computeTabTotals(
        Array.from({ length: 7 }, () => line(10, 19_000)),
        'inclusive',
      ).taxTotal,
    ).toBe(11);
  });
  it('keeps rates apart and sums them', () => {
    const t = computeTabTotals([line(1190, 19_000), line(1070, 7_000), line(500, 0)], 'inclusive');
    expect(t.byRate.map((r) => [r.rateMilli, r.tax, r.receivable])).toEqual([
      [0, 0, 500],
      [7_000, 70, 1070],
      [19_000, 190, 1190],
    ]);
    expect(t.grossTotal).toBe(2760);
    expect(t.taxTotal).toBe(260);
  });
  it('a comp lowers the tax with the price; sales minus comps is the net charged', () => {
    const t = computeTabTotals([line(440, 10_000, 1, { kind: 'percent', value: 50 })], 'inclusive');
    const r = t.byRate[0]!;
    expect(r.receivable).toBe(220);
    expect(r.tax).toBe(20);
    expect(r.sales - r.comps).toBe(200);
    expect(r.comps).toBe(200);
  });
  it('JPY (no decimals): 1,100 yen at 10% holds 100 yen tax', () => {
    expect(computeTabTotals([line(1100, 10_000)], 'inclusive').taxTotal).toBe(100);
    expect(computeTabTotals([line(999, 8_000)], 'inclusive').taxTotal).toBe(74); // 73.999... -> 74
  });
  it('KWD (three decimals): 1.250 KWD at 5% holds 0.060', () => {
    expect(taxOn(1250, 5_000, 'inclusive')).toBe(60); // 59.52 -> 60
  });
});

describe('tax vectors, exclusive pricing (US sales tax)', () => {
  it('8.875% on 10.00 is 0.89 (0.8875 rounds half up)', () => {
    const t = computeTabTotals([line(1000, 8_875)], 'exclusive');
    expect([t.netTotal, t.taxTotal, t.grossTotal]).toEqual([1000, 89, 1089]);
  });
  it('half a cent rounds up: 5% of 0.10 is 0.01', () => {
    expect(taxOn(10, 5_000, 'exclusive')).toBe(1);
    expect(taxOn(9, 5_000, 'exclusive')).toBe(0);
  });
  it('a comp in exclusive mode is taken before tax', () => {
    const t = computeTabTotals([line(1000, 10_000, 2, { kind: 'amount', value: 500 })], 'exclusive');
    expect(t.byRate[0]).toMatchObject({ list: 2000, comp: 500, sales: 2000, comps: 500, tax: 150, receivable: 1650 });
  });
  it('JPY exclusive: 10% on 455 yen is 46 (45.5 rounds up)', () => {
    expect(computeTabTotals([line(455, 10_000)], 'exclusive').grossTotal).toBe(501);
  });
  it('KWD exclusive: 15% on 0.333 is 0.050 (49.95 rounds up)', () => {
    expect(taxOn(333, 15_000, 'exclusive')).toBe(50);
  });
});

describe('comps on a line', () => {
  it('a percent comp rounds half up and a fixed comp never exceeds the line', () => {
    expect(lineAmounts(line(333, 0, 1, { kind: 'percent', value: 50 }))).toEqual({ list: 333, comp: 167, charged: 166 });
    expect(lineAmounts(line(300, 0, 2, { kind: 'amount', value: 900 }))).toEqual({ list: 600, comp: 600, charged: 0 });
    expect(lineAmounts(line(300, 0, 2, { kind: 'percent', value: 100 })).charged).toBe(0);
  });
  it('a comp on some units takes its percent of those units, or an amount up to their list amount', () => {
    expect(lineAmounts(line(440, 10_000, 2, { kind: 'percent', value: 50, qty: 1 }))).toEqual({ list: 880, comp: 220, charged: 660 });
    expect(lineAmounts(line(333, 0, 3, { kind: 'percent', value: 50, qty: 1 }))).toEqual({ list: 999, comp: 167, charged: 832 });
    expect(lineAmounts(line(300, 0, 3, { kind: 'amount', value: 900, qty: 2 }))).toEqual({ list: 900, comp: 600, charged: 300 });
    expect(lineAmounts(line(300, 0, 3, { kind: 'amount', value: 900, qty: 3 })).comp).toBe(900);
    expect(() => lineAmounts(line(300, 0, 2, { kind: 'percent', value: 10, qty: 3 }))).toThrow(RangeError);
    expect(() => lineAmounts(line(300, 0, 2, { kind: 'percent', value: 10, qty: 0 }))).toThrow(RangeError);
  });
});

describe('tax identities hold for any tab', () => {
  const arbLine = fc.record({
    unitMinor: fc.integer({ min: 0, max: 1_000_000 }),
    rateMilli: fc.constantFrom(0, 5_000, 7_000, 8_875, 10_000, 19_000, 25_500),
    qty: fc.integer({ min: 1, max: 20 }),
    comp: fc.option(
      fc.oneof(
        fc.record({ kind: fc.constant('percent' as const), value: fc.integer({ min: 1, max: 100 }) }),
        fc.record({ kind: fc.constant('amount' as const), value: fc.integer({ min: 1, max: 5_000_000 }) }),
      ),
      { nil: null },
    ),
  });
  it('receivable = sales - comps + tax, amounts are safe integers and never negative', () => {
    fc.assert(
      fc.property(fc.array(arbLine, { maxLength: 12 }), fc.constantFrom('inclusive' as const, 'exclusive' as const), (lines, mode) => {
        const t = computeTabTotals(lines, mode);
        for (const r of t.byRate) {
          expect(r.receivable).toBe(r.sales - r.comps + r.tax);
          for (const v of [r.sales, r.comps, r.tax, r.receivable]) {
            expect(Number.isSafeInteger(v)).toBe(true);
            expect(v).toBeGreaterThanOrEqual(0);
          }
        }
        expect(t.grossTotal).toBe(t.netTotal + t.taxTotal);
      }),
    );
  });
});

describe('rate labels', () => {
  it('prints rates as account suffixes', () => {
    expect([rateLabel(10_000), rateLabel(8_875), rateLabel(0), rateLabel(7_700), rateLabel(25_500)]).toEqual(['10', '8.875', '0', '7.7', '25.5']);
  });
});

describe('formatRate', () => {
  it('shows whole rates without decimals', () => {
    expect(formatRate(10_000)).toBe('10%');
    expect(formatRate(0)).toBe('0%');
    expect(formatRate(100_000)).toBe('100%');
  });

  it('keeps only the decimals a rate has', () => {
    expect(formatRate(8875)).toBe('8.875%');
    expect(formatRate(5500)).toBe('5.5%');
    expect(formatRate(7)).toBe('0.007%');
  });

  it('uses the locale decimal separator', () => {
    expect(formatRate(5500, 'de-DE')).toBe('5,5%');
  });
});
