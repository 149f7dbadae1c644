import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';

let l: TestLedger;
let tabId: number;
let lineId: number;
beforeAll(() => {
  l = makeLedger();
  const latte = l.call('catalog.loadStarter', { kind: 'cafe' }).items.find((i) => i.name === 'Latte')!;
  tabId = l.call('tab.open', {}).id;
  lineId = l.call('tab.addLine', { tabId, itemId: latte.id, qty: 2 }).lineId;
});
afterAll(() => l.cleanup());

const badQty: unknown[] = [0, -1, 1.5, 1000, Number.NaN, '1', null, true];

describe('a comp on some units, at the boundary', () => {
  it('refuses a quantity that is not a whole number from 1 to 999, beside the field, writing nothing', () => {
    for (const qty of badQty) {
      const error = l.fail('tab.compLine', { tabId, lineId, kind: 'percent', value: 50, qty, reason: 'cold' });
      expect([error.code, error.key, error.field], String(qty)).toEqual(['invalid_input', 'errors.field.qty', 'qty']);
    }
  });
});

describe('a split by lines with units, at the boundary', () => {
  const split = (groups: unknown) => l.fail('settle.split', { tabId, mode: 'lines', groups });
  // Made when a test runs: the line exists only after beforeAll.
  const one = () => ({ lineId, qty: 1 });

  it('refuses a bad quantity in any pick, naming where it is, writing nothing', () => {
    for (const qty of badQty) {
      const error = split([[one()], [{ lineId, qty }]]);
      expect([error.code, error.key, error.field], String(qty)).toEqual(['invalid_input', 'errors.field.qty', 'groups.1.0.qty']);
    }
  });

  it('refuses picks of the wrong shape: a bare line id, no quantity, unknown fields, a comped flag that is not true or false', () => {
    for (const bad of [
      lineId,
      { lineId },
      { ...one(), sneaky: 1 },
      { ...one(), comped: 'yes' },
      { ...one(), comped: 1 },
      { ...one(), lineId: -1 },
      { ...one(), lineId: 1.5 },
    ]) {
      expect(split([[one()], [bad]]).code, JSON.stringify(bad)).toBe('invalid_input');
    }
  });

  it('refuses fewer than two parts, an empty part and more than 50 parts', () => {
    for (const bad of [[[one(), one()]], [[one()], []], Array.from({ length: 51 }, () => [one()])]) {
      expect(split(bad).code).toBe('invalid_input');
    }
  });
});
