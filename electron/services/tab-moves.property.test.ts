import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TabSummary } from '../../shared/types';
import { assertInvariants } from '../test-support/invariants';
import { makeLedger, snapshot, type TestLedger } from '../test-support/ledger-fixture';
import { detail } from '../test-support/tab-detail';

const pick = fc.nat({ max: 1000 });
const moveOp = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('move' as const),
      from: pick,
      to: pick,
      lines: fc.array(fc.record({ line: pick, qty: fc.integer({ min: 1, max: 4 }) }), { minLength: 1, maxLength: 3 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('merge' as const), from: pick, to: pick }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('token' as const), tab: pick, token: fc.integer({ min: 1, max: 12 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('replay' as const) }) },
);
const setupTab = fc.record({
  lines: fc.array(fc.record({ item: pick, qty: fc.integer({ min: 1, max: 4 }) }), { minLength: 0, maxLength: 4 }),
  comp: fc.option(fc.record({ line: pick, percent: fc.boolean(), value: fc.integer({ min: 1, max: 600 }), units: fc.integer({ min: 1, max: 4 }) }), {
    nil: undefined,
  }),
  paid: fc.option(fc.integer({ min: 1, max: 900 }), { nil: undefined }),
});
const scenario = fc.record({
  taxMode: fc.constantFrom('inclusive' as const, 'exclusive' as const),
  prices: fc.array(fc.integer({ min: 1, max: 1999 }), { minLength: 2, maxLength: 4 }),
  tabs: fc.array(setupTab, { minLength: 2, maxLength: 5 }),
  ops: fc.array(moveOp, { minLength: 1, maxLength: 14 }),
});

const at = <T>(list: readonly T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length]);

/**
 * What the day sold, exactly, whatever moves: every line's list amount and what it charges by
 * rate, and what the report says was charged. Each tab works out its own tax (domain.md), so in a
 * tax-inclusive store what customers are charged is exact and the net/tax split may shift by a
 * rounding unit; in a tax-exclusive one the sales and comps are exact and the tax may.
 */
function sold(l: TestLedger, mode: 'inclusive' | 'exclusive') {
  const lines = l.db
    .prepare<[], { rate: number; list: number; n: number }>(
      "SELECT tax_rate_milli AS rate, SUM(unit_minor * qty) AS list, COUNT(*) AS n FROM tab_lines WHERE state = 'active' GROUP BY tax_rate_milli ORDER BY tax_rate_milli",
    )
    .all()
    .map(({ rate, list }) => ({ rate, list }));
  const { sales } = l.call('report.x', {});
  const exact =
    mode === 'inclusive'
      ? { totalMinor: sales.totalMinor, removedMinor: sales.removedMinor }
      : { rungUpMinor: sales.rungUpMinor, compsMinor: sales.compsMinor, removedMinor: sales.removedMinor };
  return { lines, exact };
}

describe('moving lines and merging tabs, at random', () => {
  it('keeps every invariant, refuses without writing, and never changes what the day sold', () => {
    // How often each command went through, so the property is known to have exercised them.
    const done: Record<string, number> = { 'tab.moveLines': 0, 'tab.merge': 0, 'tab.changeToken': 0 };
    fc.assert(
      fc.property(scenario, (s) => {
        const l = makeLedger();
        try {
          l.call('store.update', {
            taxMode: s.taxMode,
            taxRates: [
              { rateMilli: 10_000, label: 'Standard' },
              { rateMilli: 0, label: 'Zero' },
            ],
            tokenLast: 12,
          });
          const items = s.prices.map((priceMinor, i) =>
            l.call('catalog.createItem', {
              categoryId: null,
              name: `Item ${i}`,
              kind: 'product',
              priceMinor,
              rateMilli: i % 2 === 0 ? 10_000 : 0,
              expectText: '',
            }),
          );
          for (const spec of s.tabs) {
            const tabId = l.call('tab.open', {}).id;
            for (const line of spec.lines) l.call('tab.addLine', { tabId, itemId: at(items, line.item)!.id, qty: line.qty });
            const full = detail(l, tabId);
            let tab: TabSummary = full;
            const comped = spec.comp && at(full.lines, spec.comp.line);
            if (spec.comp && comped) {
              const units = Math.min(spec.comp.units, comped.qty);
              const input = spec.comp.percent
                ? { tabId: tab.id, lineId: comped.id, kind: 'percent' as const, value: Math.min(100, spec.comp.value), qty: units, reason: 'slow' }
                : {
                    tabId: tab.id,
                    lineId: comped.id,
                    kind: 'amount' as const,
                    value: Math.min(spec.comp.value, comped.unitMinor * units) || 1,
                    qty: units,
                    reason: 'cold',
                  };
              if (input.value > 0 && comped.unitMinor > 0) tab = l.call('tab.compLine', input);
            }
            if (spec.paid !== undefined && tab.dueMinor > 1)
              l.call('settle.pay', { tabId: tab.id, method: 'card', amountMinor: Math.min(spec.paid, tab.dueMinor - 1) });
          }
          const before = sold(l, s.taxMode);
          let last: { name: string; input: unknown; id: string; result: unknown } | null = null;
          s.ops.forEach((o, step) => {
            const open = l.call('tab.listOpen', {});
            const tab = (i: number) => at(open, i);
            let name: string;
            let input: unknown;
            if (o.op === 'replay') {
              if (!last) return;
              const written = snapshot(l);
              // A replay answers as before (or as refused before) and writes nothing new: a move
              // made twice would still keep what the day sold, so the ledger's rows are compared.
              expect(l.raw(last.name, last.input, last.id), `${last.name} sent again`).toEqual(last.result);
              expect(snapshot(l), `${last.name} sent again wrote`).toEqual(written);
              assertInvariants(l.db);
              return;
            }
            if (o.op === 'move') {
              const from = tab(o.from);
              const to = tab(o.to);
              if (!from || !to) return;
              const lines = l.call('tab.get', { tabId: from.id }).lines.filter((x) => x.state === 'active');
              name = 'tab.moveLines';
              input = {
                fromTabId: from.id,
                toTabId: to.id,
                lines: o.lines.flatMap((x) => (at(lines, x.line) ? [{ lineId: at(lines, x.line)!.id, qty: x.qty }] : [{ lineId: 999_999, qty: x.qty }])),
              };
            } else if (o.op === 'merge') {
              const from = tab(o.from);
              const to = tab(o.to);
              if (!from || !to) return;
              name = 'tab.merge';
              input = { fromTabId: from.id, intoTabId: to.id };
            } else {
              const t = tab(o.tab);
              if (!t) return;
              name = 'tab.changeToken';
              input = { tabId: t.id, token: o.token };
            }
            const id = `property-op-${step}`;
            const written = snapshot(l);
            const result = l.raw(name, input, id);
            last = { name, input, id, result };
            if (!result.ok) expect(snapshot(l), `${name} was refused (${result.error.message}) but wrote`).toEqual(written);
            else done[name] = (done[name] ?? 0) + 1;
            assertInvariants(l.db);
            expect(sold(l, s.taxMode), `${name} changed what the day sold`).toEqual(before);
            expect(l.call('ledger.check', {}).problems).toEqual([]);
          });
          // Whatever moved where, every open tab can still be paid off, and the day still adds up.
          for (const t of l.call('tab.listOpen', {})) if (t.dueMinor > 0) l.call('settle.pay', { tabId: t.id, method: 'card' });
          const x = l.call('report.x', {});
          expect(x.receivable.carriedForwardMinor).toBe(0);
          expect(x.accounts.find((a) => a.account === 'tab_transfers')).toBeUndefined();
        } finally {
          l.cleanup();
        }
      }),
      { numRuns: 30 },
    );
    expect(Math.min(...Object.values(done)), JSON.stringify(done)).toBeGreaterThan(5);
  }, 120_000);
});
