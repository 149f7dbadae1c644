import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';

let l: TestLedger;
let tabId: number;
let lineIds: number[];

beforeEach(() => {
  l = makeLedger();
  const item = (name: string, priceMinor: number) =>
    l.call('catalog.createItem', { categoryId: null, name, kind: 'product', priceMinor, rateMilli: 10_000, expectText: '' }).id;
  const latte = item('Latte', 440);
  const cake = item('Cake', 350);
  tabId = l.call('tab.open', {}).id;
  lineIds = [latte, cake].map((itemId) => l.call('tab.addLine', { tabId, itemId }).lineId);
});
afterEach(() => l.cleanup());

const byReason = () => new Map(l.call('report.x', {}).comps.map((c) => [c.reason, c.amountMinor]));

describe('comps by reason', () => {
  it('share each rate’s comps between the reasons of the lines they come from, adding up exactly', () => {
    l.call('tab.compLine', { tabId, lineId: lineIds[0]!, kind: 'percent', value: 50, reason: 'cold' });
    l.call('tab.compLine', { tabId, lineId: lineIds[1]!, kind: 'amount', value: 100, reason: 'dry' });
    const report = l.call('report.x', {});
    expect(report.comps.reduce((s, c) => s + c.amountMinor, 0)).toBe(report.sales.compsMinor);
    expect([...byReason().keys()].sort()).toEqual(['cold', 'dry']);
  });

  it('follow a change of reason, a change of quantity and a removed line', () => {
    l.call('tab.compLine', { tabId, lineId: lineIds[1]!, kind: 'amount', value: 100, reason: 'dry' });
    const dry = byReason().get('dry')!;
    expect(dry).toBeGreaterThan(0);
    // The same amount for another reason moves no money, yet the breakdown follows it.
    l.call('tab.compLine', { tabId, lineId: lineIds[1]!, kind: 'amount', value: 100, reason: 'burnt' });
    expect(byReason()).toEqual(
      new Map([
        ['burnt', dry],
        ['dry', 0],
      ]),
    );
    l.call('tab.setQty', { tabId, lineId: lineIds[0]!, qty: 3 });
    l.call('tab.compLine', { tabId, lineId: lineIds[0]!, kind: 'percent', value: 100, reason: 'spilt' });
    expect(byReason().get('spilt')).toBe(1200); // 3 lattes fully comped: 1320 less 120 tax
    l.call('tab.setQty', { tabId, lineId: lineIds[0]!, qty: 2 });
    l.call('tab.removeLine', { tabId, lineId: lineIds[1]!, reason: 'wrong order' });
    const report = l.call('report.x', {});
    expect(report.comps.reduce((s, c) => s + c.amountMinor, 0)).toBe(report.sales.compsMinor);
    expect(byReason().get('burnt') ?? 0).toBe(0);
    expect(byReason().get('spilt')).toBe(800); // fewer lattes, fewer comped: 880 less 80 tax
  });

  it('follow a comp on some units: one latte of two is comped and so is its share of the report', () => {
    l.call('tab.setQty', { tabId, lineId: lineIds[0]!, qty: 2 });
    l.call('tab.compLine', { tabId, lineId: lineIds[0]!, kind: 'percent', value: 100, qty: 1, reason: 'spilt' });
    l.call('tab.compLine', { tabId, lineId: lineIds[1]!, kind: 'percent', value: 50, qty: 1, reason: 'dry' });
    expect(byReason()).toEqual(
      new Map([
        ['spilt', 400],
        ['dry', 159],
      ]),
    );
    // Growing the line leaves the comp on its one unit.
    l.call('tab.setQty', { tabId, lineId: lineIds[0]!, qty: 5 });
    expect(byReason().get('spilt')).toBe(400);
    const report = l.call('report.x', {});
    expect(report.comps.reduce((s, c) => s + c.amountMinor, 0)).toBe(report.sales.compsMinor);
  });
});
