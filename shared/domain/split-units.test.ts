import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkUnitPicks, linePortions, portionShares, splitByUnits, type UnitLine, type UnitPick } from './split-units';
import { computeTabTotals, type TaxMode } from './tax';

const latte = (id: number, qty: number, comp: UnitLine['comp'] = null): UnitLine => ({ id, qty, unitMinor: 440, rateMilli: 10_000, comp });

describe('a line in portions', () => {
  it('keeps comped units apart from full-price ones', () => {
    expect(linePortions(latte(1, 2, { kind: 'percent', value: 50, qty: 1 })).map((p) => [p.comped, p.qty])).toEqual([
      [true, 1],
      [false, 1],
    ]);
    expect(linePortions(latte(1, 2)).map((p) => [p.comped, p.qty])).toEqual([[false, 2]]);
    expect(linePortions(latte(1, 2, { kind: 'amount', value: 100 })).map((p) => [p.comped, p.qty])).toEqual([[true, 2]]);
  });

  it('portions owe exactly what the tab does', () => {
    const lines = [latte(1, 2, { kind: 'percent', value: 50, qty: 1 }), latte(2, 3, { kind: 'amount', value: 500, qty: 2 })];
    const shares = portionShares(lines, 'inclusive');
    expect(shares.map((s) => s.amount)).toEqual([220, 440, 380, 440]);
    expect(shares.reduce((s, x) => s + x.amount, 0)).toBe(computeTabTotals(lines, 'inclusive').grossTotal);
  });
});

describe('splitting by units', () => {
  it('two lattes, one comped 50 %: the comped one costs 2.20, the other 4.40', () => {
    const lines = [latte(1, 2, { kind: 'percent', value: 50, qty: 1 })];
    const parts: UnitPick[][] = [[{ lineId: 1, qty: 1, comped: true }], [{ lineId: 1, qty: 1, comped: false }]];
    expect(splitByUnits(lines, 'inclusive', parts)).toEqual([220, 440]);
  });

  it('one of three units each, exclusive tax at 8.875 %: the odd cent goes by the largest remainder', () => {
    const lines: UnitLine[] = [{ id: 7, qty: 3, unitMinor: 333, rateMilli: 8_875, comp: null }];
    const total = computeTabTotals(lines, 'exclusive').grossTotal;
    expect(total).toBe(1088);
    const parts = [[{ lineId: 7, qty: 1 }], [{ lineId: 7, qty: 2 }]];
    expect(splitByUnits(lines, 'exclusive', parts)).toEqual([363, 725]);
  });

  it('names the first thing wrong with the picks', () => {
    const lines = [latte(1, 2, { kind: 'percent', value: 50, qty: 1 }), latte(2, 2)];
    const all = [
      { lineId: 1, qty: 1, comped: true },
      { lineId: 1, qty: 1, comped: false },
    ];
    expect(checkUnitPicks(lines, [all, [{ lineId: 2, qty: 2 }]])).toBeNull();
    expect(checkUnitPicks(lines, [all, [{ lineId: 3, qty: 1 }]])).toEqual({ kind: 'unknownLine', lineId: 3 });
    expect(checkUnitPicks(lines, [[{ lineId: 1, qty: 2 }], [{ lineId: 2, qty: 2 }]])).toEqual({ kind: 'unclear', lineId: 1 });
    expect(
      checkUnitPicks(lines, [
        all,
        [
          { lineId: 2, qty: 1 },
          { lineId: 2, qty: 1 },
        ],
      ]),
    ).toEqual({ kind: 'twice', part: 2, lineId: 2 });
    expect(checkUnitPicks(lines, [[...all, { lineId: 2, qty: 1 }], [{ lineId: 2, qty: 2 }]])).toEqual({
      kind: 'over',
      lineId: 2,
      comped: false,
      qty: 2,
      taken: 3,
    });
    expect(checkUnitPicks(lines, [all, [{ lineId: 2, qty: 1, comped: true }]])).toEqual({ kind: 'over', lineId: 2, comped: true, qty: 0, taken: 1 });
    expect(checkUnitPicks(lines, [all, [{ lineId: 2, qty: 1 }]])).toEqual({ kind: 'missing', lineId: 2, comped: false, left: 1 });
    expect(() => splitByUnits(lines, 'inclusive', [all, [{ lineId: 2, qty: 1 }]])).toThrow(RangeError);
  });
});

describe('splits by units always add up', () => {
  const arbLine = fc
    .record({
      qty: fc.integer({ min: 1, max: 9 }),
      unitMinor: fc.integer({ min: 0, max: 100_000 }),
      rateMilli: fc.constantFrom(0, 7_000, 8_875, 10_000, 19_000),
      comp: fc.option(
        fc.record({
          kind: fc.constantFrom('percent' as const, 'amount' as const),
          value: fc.integer({ min: 1, max: 100 }),
          units: fc.integer({ min: 1, max: 9 }),
        }),
        { nil: null },
      ),
    })
    .map(({ comp, ...line }) => ({
      ...line,
      comp: comp && { kind: comp.kind, value: comp.kind === 'amount' ? comp.value * 37 : comp.value, qty: Math.min(comp.units, line.qty) },
    }));

  const arbCase = fc
    .tuple(
      fc.array(arbLine, { minLength: 1, maxLength: 8 }),
      fc.integer({ min: 2, max: 6 }),
      fc.constantFrom<TaxMode>('inclusive', 'exclusive'),
      fc.infiniteStream(fc.nat()),
    )
    .map(([raw, partCount, mode, picks]) => {
      const lines: UnitLine[] = raw.map((line, i) => ({ ...line, id: i + 1 }));
      // Every unit of every portion goes to a part chosen by the stream.
      const byPart: Map<string, UnitPick>[] = Array.from({ length: partCount }, () => new Map());
      const chooser = picks[Symbol.iterator]();
      for (const portion of lines.flatMap(linePortions)) {
        for (let unit = 0; unit < portion.qty; unit += 1) {
          const part = byPart[(chooser.next().value ?? 0) % partCount];
          const k = `${portion.lineId}:${portion.comped}`;
          const pick = part?.get(k) ?? { lineId: portion.lineId, qty: 0, comped: portion.comped };
          part?.set(k, { ...pick, qty: pick.qty + 1 });
        }
      }
      return { lines, mode, parts: byPart.map((m) => [...m.values()]) };
    });

  it('the parts sum exactly to what is due, odd amounts and partial comps included', () => {
    fc.assert(
      fc.property(arbCase, ({ lines, mode, parts }) => {
        const amounts = splitByUnits(lines, mode, parts);
        expect(amounts).toHaveLength(parts.length);
        expect(amounts.reduce((s, a) => s + a, 0)).toBe(computeTabTotals(lines, mode).grossTotal);
        for (const a of amounts) {
          expect(Number.isSafeInteger(a)).toBe(true);
          expect(a).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('a part pays its units’ exact share, off by less than one minor unit per portion it shares', () => {
    fc.assert(
      fc.property(arbCase, ({ lines, mode, parts }) => {
        const shares = portionShares(lines, mode);
        const amounts = splitByUnits(lines, mode, parts);
        // Exact shares as fractions over the product of the portions' unit counts, in BigInt.
        const denominator = shares.reduce((d, s) => d * BigInt(s.portion.qty), 1n);
        parts.forEach((picks, i) => {
          let exact = 0n;
          let shared = 0n;
          for (const { portion, amount } of shares) {
            const taken = picks.find((p) => p.lineId === portion.lineId && p.comped === portion.comped)?.qty ?? 0;
            exact += (BigInt(amount) * BigInt(taken) * denominator) / BigInt(portion.qty);
            if (taken > 0 && taken < portion.qty) shared += 1n;
          }
          const off = BigInt(amounts[i] ?? 0) * denominator - exact;
          expect((off < 0n ? -off : off) < (shared === 0n ? 1n : shared * denominator)).toBe(true);
        });
      }),
    );
  });
});
