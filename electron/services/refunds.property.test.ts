import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommandInput } from '../../shared/contract';
import type { PaymentMethod } from '../../shared/types';
import { assertInvariants } from '../test-support/invariants';
import { makeLedger } from '../test-support/ledger-fixture';

const method = fc.constantFrom<PaymentMethod>('cash', 'card', 'other');
/** A settled tab: some units of a 10 % latte and a 0 % water, maybe a comp, paid in one to three parts. */
const tabPlan = fc.record({
  lattes: fc.integer({ min: 1, max: 4 }),
  waters: fc.integer({ min: 0, max: 3 }),
  comp: fc.option(fc.record({ percent: fc.integer({ min: 1, max: 100 }), units: fc.integer({ min: 1, max: 4 }) }), { nil: undefined }),
  parts: fc.array(fc.record({ method, tip: fc.integer({ min: 0, max: 150 }) }), { minLength: 1, maxLength: 3 }),
});
const refundOp = fc.record({
  tab: fc.nat({ max: 9 }),
  mode: fc.constantFrom('whole' as const, 'lines' as const, 'amount' as const),
  amount: fc.integer({ min: 1, max: 2500 }),
  line: fc.nat({ max: 9 }),
  comped: fc.boolean(),
  qty: fc.integer({ min: 1, max: 4 }),
  tips: fc.boolean(),
  by: fc.option(method, { nil: undefined }),
});

describe('random refunds of random settled tabs', () => {
  it('never give back more than was paid (in all, by tender, in tips), and keep the journal balanced', () => {
    // Refusals are half the point, but the run must give refunds too: counted across every case.
    let given = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.array(tabPlan, { minLength: 1, maxLength: 3 }), fc.array(refundOp, { minLength: 1, maxLength: 12 }), (plans, ops) => {
        const l = makeLedger('2026-11-24T09:00:00.000Z');
        try {
          l.call('store.update', {
            taxRates: [
              { rateMilli: 10_000, label: 'Standard' },
              { rateMilli: 0, label: 'Zero' },
            ],
          });
          const latte = l.call('catalog.createItem', {
            categoryId: null,
            name: 'Latte',
            kind: 'product',
            priceMinor: 440,
            rateMilli: 10_000,
            expectText: '',
          }).id;
          const water = l.call('catalog.createItem', { categoryId: null, name: 'Water', kind: 'product', priceMinor: 195, rateMilli: 0, expectText: '' }).id;
          const tabs = plans.map((plan) => {
            const tab = l.call('tab.open', {});
            const latteLine = l.call('tab.addLine', { tabId: tab.id, itemId: latte, qty: plan.lattes }).lineId;
            if (plan.waters > 0) l.call('tab.addLine', { tabId: tab.id, itemId: water, qty: plan.waters });
            if (plan.comp)
              l.call('tab.compLine', {
                tabId: tab.id,
                lineId: latteLine,
                kind: 'percent',
                value: plan.comp.percent,
                qty: Math.min(plan.comp.units, plan.lattes),
                reason: 'cold',
              });
            const due = l.call('tab.get', { tabId: tab.id }).dueMinor;
            if (plan.parts.length > 1 && due >= plan.parts.length) l.call('settle.split', { tabId: tab.id, mode: 'even', parts: plan.parts.length });
            const split = due >= plan.parts.length ? plan.parts : plan.parts.slice(0, 1);
            split.forEach((part, i) => {
              const partNo = split.length > 1 ? i + 1 : undefined;
              const input = { tabId: tab.id, method: part.method, tipMinor: part.tip, confirmed: { tipMinor: part.tip }, ...(partNo ? { partNo } : {}) };
              const paid = l.raw('settle.pay', input);
              // A tip beyond the store's cap is a manager's call; the tab is paid without it then.
              if (!paid.ok) l.call('settle.pay', { tabId: tab.id, method: part.method, ...(partNo ? { partNo } : {}) });
            });
            return l.call('tab.get', { tabId: tab.id });
          });
          for (const op of ops) {
            const tab = tabs[op.tab % tabs.length]!;
            const left = l.call('tab.refundable', { tabId: tab.id });
            const portion = left.lines[op.line % Math.max(1, left.lines.length)];
            const base = { tabId: tab.id, includeTips: op.tips, reason: 'property' };
            const byChoice = (amountMinor: number) => (op.by ? { tenders: [{ method: op.by, amountMinor }] } : {});
            const input: CommandInput<'tab.refund'> =
              op.mode === 'whole'
                ? { ...base, mode: 'whole', ...byChoice(left.leftMinor) }
                : op.mode === 'amount'
                  ? { ...base, mode: 'amount', amountMinor: op.amount, ...byChoice(op.amount) }
                  : { ...base, mode: 'lines', lines: [{ lineId: portion?.lineId ?? 1, qty: op.qty, comped: portion?.comped ?? op.comped }] };
            const answer = l.raw('tab.refund', input);
            if (answer.ok) given += 1;
            else refused += 1;
            if (!answer.ok) expect(['overpayment', 'nothing_due', 'invalid_input', 'not_found', 'conflict', 'drawer_closed']).toContain(answer.error.code);
            assertInvariants(l.db);
            const after = l.call('tab.refundable', { tabId: tab.id });
            expect(after.refundedMinor).toBeLessThanOrEqual(after.paidMinor);
            expect(after.refundedMinor + after.leftMinor).toBe(after.paidMinor);
            for (const t of after.tenders) {
              expect(t.refundedMinor).toBeLessThanOrEqual(t.paidMinor);
              expect(t.tipsLeftMinor).toBeGreaterThanOrEqual(0);
            }
          }
          const check = l.call('ledger.check', {});
          expect(check).toMatchObject({ balanced: true, problems: [] });
        } finally {
          l.cleanup();
        }
      }),
      { numRuns: 40 },
    );
    expect(given).toBeGreaterThan(40);
    expect(refused).toBeGreaterThan(10);
  }, 120_000);
});
