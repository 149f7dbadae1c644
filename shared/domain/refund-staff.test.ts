import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refundsByServer, type RefundToShare, type ServedAtRate } from './refund-staff';

const ANA = 1;
const BEN = 2;
const MIA = 3;
const asObject = (m: Map<number, number>) => Object.fromEntries([...m].sort(([a], [b]) => a - b));

describe('refundsByServer', () => {
  // Ana served 8.80 at 10 % (two lattes), Ben 3.50 at 10 % (a cake) and 2.00 at 0 % (a water).
  const served: ServedAtRate[] = [
    { rateMilli: 10_000, staffId: ANA, grossMinor: 880 },
    { rateMilli: 10_000, staffId: BEN, grossMinor: 350 },
    { rateMilli: 0, staffId: BEN, grossMinor: 200 },
  ];

  it('counts units of lines given back for whoever served them, net of their tax', () => {
    const [byLine] = refundsByServer(served, [
      { staffId: MIA, rates: [{ rateMilli: 10_000, amountMinor: 440, taxMinor: 40 }], lines: [{ rateMilli: 10_000, staffId: ANA, amountMinor: 440 }] },
    ]);
    expect(asObject(byLine!)).toEqual({ [ANA]: 400 });
  });

  it('shares an amount by each server’s part of what is left at each rate, to the minor unit', () => {
    const [amount] = refundsByServer(served, [
      {
        staffId: MIA,
        rates: [
          { rateMilli: 10_000, amountMinor: 615, taxMinor: 56 },
          { rateMilli: 0, amountMinor: 100, taxMinor: 0 },
        ],
        lines: [],
      },
    ]);
    // 6.15 at 10 %: Ana 880/1230 of it (4.40), Ben the rest (1.75); the net 5.59 shared the same way.
    expect(asObject(amount!)).toEqual({ [ANA]: 400, [BEN]: 159 + 100 });
  });

  it('takes later refunds from what earlier ones left, so a whole refund after a line refund comes off the others', () => {
    const refunds: RefundToShare[] = [
      { staffId: MIA, rates: [{ rateMilli: 10_000, amountMinor: 350, taxMinor: 32 }], lines: [{ rateMilli: 10_000, staffId: BEN, amountMinor: 350 }] },
      {
        staffId: MIA,
        rates: [
          { rateMilli: 10_000, amountMinor: 880, taxMinor: 80 },
          { rateMilli: 0, amountMinor: 200, taxMinor: 0 },
        ],
        lines: [],
      },
    ];
    const [cake, rest] = refundsByServer(served, refunds);
    expect(asObject(cake!)).toEqual({ [BEN]: 318 });
    expect(asObject(rest!)).toEqual({ [ANA]: 800, [BEN]: 200 });
  });

  it('counts a rate nobody is on record as serving for whoever gave the refund', () => {
    const [r] = refundsByServer([], [{ staffId: MIA, rates: [{ rateMilli: 0, amountMinor: 300, taxMinor: 0 }], lines: [] }]);
    expect(asObject(r!)).toEqual({ [MIA]: 300 });
  });

  it('always adds up to each refund’s net exactly', () => {
    const rate = fc.constantFrom(0, 7_000, 10_000);
    fc.assert(
      fc.property(
        fc.array(fc.record({ rateMilli: rate, staffId: fc.integer({ min: 1, max: 4 }), grossMinor: fc.integer({ min: 0, max: 50_000 }) }), { maxLength: 8 }),
        fc.array(
          fc.record({
            staffId: fc.integer({ min: 1, max: 4 }),
            rates: fc.uniqueArray(
              fc
                .record({ rateMilli: rate, amountMinor: fc.integer({ min: 1, max: 20_000 }), taxMinor: fc.integer({ min: 0, max: 2_000 }) })
                .map((r) => ({ ...r, taxMinor: Math.min(r.taxMinor, r.amountMinor) })),
              { selector: (r) => r.rateMilli, maxLength: 3 },
            ),
            lines: fc.array(fc.record({ rateMilli: rate, staffId: fc.integer({ min: 1, max: 4 }), amountMinor: fc.integer({ min: 0, max: 5_000 }) }), {
              maxLength: 4,
            }),
          }),
          { maxLength: 5 },
        ),
        (servedRows, refunds) => {
          const shares = refundsByServer(servedRows, refunds);
          refunds.forEach((refund, i) => {
            const net = refund.rates.reduce((s, r) => s + r.amountMinor - r.taxMinor, 0);
            expect([...shares[i]!.values()].reduce((s, v) => s + v, 0)).toBe(net);
          });
        },
      ),
    );
  });
});
