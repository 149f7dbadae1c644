import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, commandNames, type CommandInput, type CommandName } from '../../shared/contract';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';

let l: TestLedger;
let samples: { [N in CommandName]: CommandInput<N> };

beforeAll(() => {
  l = makeLedger();
  const catalog = l.call('catalog.loadStarter', { kind: 'cafe' });
  const item = catalog.items[0]!;
  const tab = l.call('tab.open', {});
  const line = l.call('tab.addLine', { tabId: tab.id, itemId: item.id, qty: 2 }).lines[0]!;
  const empty = l.call('tab.open', {});
  const categoryId = catalog.categories[0]!.id;
  samples = {
    'store.get': {},
    'store.update': { name: 'Corner Café', tokenLast: 60, taxRates: [{ rateMilli: 10_000, label: 'Standard' }], amberMinutes: 30, redMinutes: 60, payAfterTerms: 'Pay when done.' },
    'staff.current': {},
    'catalog.list': { includeArchived: true },
    'catalog.createCategory': { name: 'Cakes' },
    'catalog.updateCategory': { categoryId, name: 'Hot drinks', position: 2 },
    'catalog.createItem': { categoryId, name: 'Mocha', kind: 'product', priceMinor: 460, rateMilli: 10_000, expectText: 'Chocolate and espresso.' },
    'catalog.updateItem': { itemId: item.id, priceMinor: 300, name: 'Espresso doppio' },
    'catalog.archiveItem': { itemId: item.id, archived: true },
    'catalog.loadStarter': { kind: 'salon' },
    'token.pool': {},
    'token.next': {},
    'tab.open': { token: 12, name: 'Ana', label: 'Table 2', note: 'no sugar' },
    'tab.update': { tabId: tab.id, name: 'Ben', note: 'allergic to nuts' },
    'tab.addLine': { tabId: tab.id, itemId: item.id, qty: 1, staffId: 1 },
    'tab.setQty': { tabId: tab.id, lineId: line.id, qty: 3 },
    'tab.removeLine': { tabId: tab.id, lineId: line.id, reason: 'wrong order' },
    'tab.compLine': { tabId: tab.id, lineId: line.id, kind: 'percent', value: 50, reason: 'not satisfied' },
    'tab.void': { tabId: empty.id, reason: 'opened by mistake' },
    'tab.writeOff': { tabId: tab.id, reason: 'walked out' },
    'tab.listOpen': {},
    'tab.get': { tabId: tab.id },
    'settle.split': { tabId: tab.id, mode: 'amounts', amountsMinor: [100, 200] },
    'settle.clearSplit': { tabId: tab.id },
    'settle.pay': { tabId: tab.id, method: 'cash', amountMinor: 100, tipPercent: 10, tenderedMinor: 200, reference: 'r' },
    'settle.rate': { tabId: tab.id, rating: 'happy' },
    'ledger.check': {},
    'drawer.get': {},
    'drawer.open': { float: { kind: 'denominations', counts: [{ denominationMinor: 1000, qty: 2 }] } },
    'drawer.move': { kind: 'paid_out', amountMinor: 500, reason: 'milk' },
    'drawer.count': { count: { kind: 'total', totalMinor: 2500 } },
    'drawer.close': { varianceReason: 'miscounted change' },
    'day.status': {},
    'day.close': { businessDate: '2026-11-24' },
    'report.x': { businessDate: '2026-11-24' },
    'report.z': { zNumber: 1 },
    'report.zList': { limit: 10 },
    'report.csv': { what: 'journal', businessDate: '2026-11-24' },
    'backup.status': {},
    'backup.configure': { folder: '/media/usb/aftertab', keep: 7, everyMinutes: 30 },
    'backup.now': {},
    'backup.restore': { name: 'aftertab-20261124T090000Z-manual.sqlite' },
    'recovery.status': {},
    'recovery.restore': { name: 'aftertab-20261124T090000Z-manual.sqlite' },
  };
});
afterAll(() => l.cleanup());

type Leaf = { path: (string | number)[]; value: unknown };
function leaves(value: unknown, path: (string | number)[] = []): Leaf[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [{ path, value }];
}
function setAt(input: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(input) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = replacement;
  return copy;
}

describe.each(commandNames)('%s at the boundary', (name) => {
  it('accepts its sample input (so the refusals below are about the change alone)', () => {
    expect(contract[name].input.safeParse(samples[name]).success).toBe(true);
  });

  it('refuses unknown fields and inputs of the wrong shape, writing nothing', () => {
    for (const bad of [{ ...samples[name], sneaky: 1 }, 'hello', [], 42]) {
      expect(l.fail(name, bad).code).toBe('invalid_input');
    }
  });

  it('refuses negative, fractional, huge and wrongly typed numbers, writing nothing', () => {
    const numeric = leaves(samples[name]).filter((leaf) => typeof leaf.value === 'number' || leaf.value === null);
    for (const leaf of numeric) {
      for (const bad of [-1, 1.5, 1e20, Number.NaN, '12', true]) {
        const error = l.fail(name, setAt(samples[name], leaf.path, bad));
        expect(error.code, `${leaf.path.join('.')} = ${String(bad)}`).toBe('invalid_input');
      }
    }
  });

  it('refuses huge and wrongly typed strings and booleans, writing nothing', () => {
    const other = leaves(samples[name]).filter((leaf) => typeof leaf.value === 'string' || typeof leaf.value === 'boolean');
    for (const leaf of other) {
      const bads = typeof leaf.value === 'string' ? ['x'.repeat(100_000), 42, null] : ['yes', 1];
      for (const bad of bads) {
        const error = l.fail(name, setAt(samples[name], leaf.path, bad));
        expect(error.code, `${leaf.path.join('.')} = ${String(bad).slice(0, 20)}`).toBe('invalid_input');
      }
    }
  });
});
