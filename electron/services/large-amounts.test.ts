import { afterEach, describe, expect, it } from 'vitest';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';

let l: TestLedger;
afterEach(() => l.cleanup());

/** A store in `currency` with one item at `price`, and an open tab holding `qty` of it. */
function tabOf(price: number, options: { currency?: string; qty?: number; rounding?: number } = {}) {
  l = makeLedger();
  l.call('store.update', {
    currency: options.currency ?? 'EUR',
    taxRates: [{ rateMilli: 10_000, label: 'Standard' }],
    cashRoundingMinor: options.rounding ?? 1,
  });
  const item = l.call('catalog.createItem', { categoryId: null, name: 'Latte', kind: 'product', priceMinor: price, rateMilli: 10_000, expectText: '' });
  const tab = l.call('tab.open', {});
  return l.call('tab.addLine', { tabId: tab.id, itemId: item.id, qty: options.qty ?? 1 });
}

function balances(): Record<string, number> {
  return Object.fromEntries(l.call('ledger.check', {}).accounts.map((a) => [a.account, a.balanceMinor]));
}

describe('a tip above the share of the bill', () => {
  it('a new store asks above 30 %', () => {
    l = makeLedger();
    expect(l.call('store.get', {}).tipConfirmPercent).toBe(30);
  });

  it('refuses a card tip of 1,000.00 on a 4.00 tab in words, posting nothing, and takes it once confirmed', () => {
    const tab = tabOf(400);
    expect(l.fail('settle.pay', { tabId: tab.id, method: 'card', tipMinor: 100_000 })).toEqual({
      code: 'confirmation_needed',
      key: 'errors.confirm.tip',
      message: 'tip €1,000.00 on a bill of €4.00? A tip above 30% of the bill is taken only once confirmed; nothing was taken',
      params: { tip: '€1,000.00', bill: '€4.00', tipMinor: 100_000, billMinor: 400, percent: 30 },
      field: 'confirmed',
    });
    const paid = l.call('settle.pay', { tabId: tab.id, method: 'card', tipMinor: 100_000, confirmed: { tipMinor: 100_000 } });
    expect(paid).toMatchObject({ settled: true, owedMinor: 100_400, payment: { tipMinor: 100_000 } });
    expect(balances()).toMatchObject({ card_clearing: 100_400, 'tips_payable:1': -100_000, tabs_receivable: 0 });
  });

  it('takes exactly 30 % without a question and asks one cent above it', () => {
    const tab = tabOf(400);
    expect(l.fail('settle.pay', { tabId: tab.id, method: 'card', tipMinor: 121 }).params).toMatchObject({ tip: '€1.21', bill: '€4.00' });
    expect(l.call('settle.pay', { tabId: tab.id, method: 'card', tipMinor: 120 }).payment.tipMinor).toBe(120);
  });

  it('a yes counts only for the amount it names', () => {
    const tab = tabOf(400);
    const error = l.fail('settle.pay', { tabId: tab.id, method: 'card', tipMinor: 100_000, confirmed: { tipMinor: 10_000 } });
    expect([error.code, error.params?.tip]).toEqual(['confirmation_needed', '€1,000.00']);
    expect(l.fail('settle.pay', { tabId: tab.id, method: 'card', tipMinor: 100_000, confirmed: {} }).code).toBe('confirmation_needed');
  });

  it('measures a split part against its own part of the bill', () => {
    const tab = tabOf(500, { qty: 2 });
    l.call('settle.split', { tabId: tab.id, mode: 'even', parts: 2 });
    // 2.00 is 20 % of the tab but 40 % of this payer's 5.00.
    expect(l.fail('settle.pay', { tabId: tab.id, method: 'card', partNo: 1, tipMinor: 200 }).params).toMatchObject({ tip: '€2.00', bill: '€5.00' });
    expect(l.call('settle.pay', { tabId: tab.id, method: 'card', partNo: 1, tipMinor: 150 }).settled).toBe(false);
  });

  it('asks about a percentage tip above the share too, with the tip the ledger works out', () => {
    const tab = tabOf(1320);
    l.call('store.update', { tipConfirmPercent: 10 });
    expect(l.fail('settle.pay', { tabId: tab.id, method: 'card', tipPercent: 15 }).params).toMatchObject({
      tip: '€1.98',
      bill: '€13.20',
      tipMinor: 198,
      percent: 10,
    });
    expect(l.call('settle.pay', { tabId: tab.id, method: 'card', tipPercent: 15, confirmed: { tipMinor: 198 } }).payment.tipMinor).toBe(198);
  });

  it('asks about any tip on a tab comped to nothing', () => {
    const tab = tabOf(400);
    l.call('tab.compLine', { tabId: tab.id, lineId: tab.lineId, kind: 'percent', value: 100, reason: 'goodwill' });
    expect(l.fail('settle.pay', { tabId: tab.id, method: 'card', tipMinor: 50 }).params).toMatchObject({ tip: '€0.50', bill: '€0.00' });
    expect(l.call('settle.pay', { tabId: tab.id, method: 'card' }).settled).toBe(true);
  });

  it('follows the share set in Settings and refuses one that is not a whole percentage from 1 to 1000', () => {
    const tab = tabOf(400);
    expect(l.call('store.update', { tipConfirmPercent: 50 }).tipConfirmPercent).toBe(50);
    expect(l.fail('settle.pay', { tabId: tab.id, method: 'card', tipMinor: 201 }).params).toMatchObject({ percent: 50 });
    for (const bad of [0, 1001, 12.5, -30, '30', null]) {
      const error = l.fail('store.update', { tipConfirmPercent: bad });
      expect([error.code, error.key, error.field], String(bad)).toEqual(['invalid_input', 'errors.field.tipConfirmPercent', 'tipConfirmPercent']);
    }
    expect(l.call('settle.pay', { tabId: tab.id, method: 'card', tipMinor: 200 }).settled).toBe(true);
  });
});

describe('cash far beyond any note', () => {
  it('refuses 1,000,000.00 handed over on 7.60 in words, posting nothing, and takes it once confirmed', () => {
    const tab = tabOf(760);
    expect(l.fail('settle.pay', { tabId: tab.id, method: 'cash', tenderedMinor: 100_000_000 })).toMatchObject({
      code: 'confirmation_needed',
      key: 'errors.confirm.cash',
      message: 'cash given €1,000,000.00 on €7.60? That much over what is owed is taken only once confirmed; nothing was taken',
      params: { cash: '€1,000,000.00', owed: '€7.60', tenderedMinor: 100_000_000, owedMinor: 760 },
    });
    const paid = l.call('settle.pay', { tabId: tab.id, method: 'cash', tenderedMinor: 100_000_000, confirmed: { tenderedMinor: 100_000_000 } });
    expect(paid).toMatchObject({ settled: true, owedMinor: 760, changeMinor: 99_999_240 });
    expect(balances()).toMatchObject({ cash_drawer: 760, tabs_receivable: 0 });
  });

  it('takes what is owed plus one €500 note without a question', () => {
    const tab = tabOf(760);
    expect(l.fail('settle.pay', { tabId: tab.id, method: 'cash', tenderedMinor: 50_761 }).key).toBe('errors.confirm.cash');
    expect(l.call('settle.pay', { tabId: tab.id, method: 'cash', tenderedMinor: 50_760 }).changeMinor).toBe(50_000);
  });

  it('measures the cash against what is owed after the tip and the cash rounding', () => {
    const tab = tabOf(442, { currency: 'CHF', rounding: 5 });
    // Owed 4.40 + 1.00 tip = 5.40; CHF 1,000 is the largest note, so 1,005.40 is the most taken unasked.
    expect(l.fail('settle.pay', { tabId: tab.id, method: 'cash', tipMinor: 98, tenderedMinor: 100_545 }).params).toMatchObject({ owedMinor: 540 });
    expect(l.call('settle.pay', { tabId: tab.id, method: 'cash', tipMinor: 98, tenderedMinor: 100_540 })).toMatchObject({
      owedMinor: 540,
      changeMinor: 100_000,
    });
  });

  it('asks about both at once, and still about the cash when only the tip was confirmed', () => {
    const tab = tabOf(400);
    const both = { tabId: tab.id, method: 'cash', tipMinor: 100_000, tenderedMinor: 100_000_000 };
    expect(l.fail('settle.pay', both)).toMatchObject({
      key: 'errors.confirm.tipAndCash',
      message: 'tip €1,000.00 on a bill of €4.00, and cash given €1,000,000.00 on €1,004.00? Both are taken only once confirmed; nothing was taken',
    });
    expect(l.fail('settle.pay', { ...both, confirmed: { tipMinor: 100_000 } }).key).toBe('errors.confirm.cash');
    expect(l.call('settle.pay', { ...both, method: 'cash', confirmed: { tipMinor: 100_000, tenderedMinor: 100_000_000 } }).changeMinor).toBe(99_899_600);
  });

  it('JPY: ¥10,000 is the largest note', () => {
    const tab = tabOf(1100, { currency: 'JPY' });
    expect(l.fail('settle.pay', { tabId: tab.id, method: 'cash', tenderedMinor: 11_101 }).params).toMatchObject({ cash: 'JP¥11,101', owed: 'JP¥1,100' });
    expect(l.call('settle.pay', { tabId: tab.id, method: 'cash', tenderedMinor: 11_100 }).changeMinor).toBe(10_000);
  });

  it('KWD: three decimals, KD 20 the largest note, and a tip measured in fils', () => {
    const tab = tabOf(2625, { currency: 'KWD', rounding: 5 });
    expect(l.fail('settle.pay', { tabId: tab.id, method: 'card', tipMinor: 788 }).params).toMatchObject({ tipMinor: 788, billMinor: 2625 });
    expect(l.fail('settle.pay', { tabId: tab.id, method: 'cash', tenderedMinor: 25_000 }).params).toMatchObject({ tenderedMinor: 25_000, owedMinor: 2625 });
    expect(l.call('settle.pay', { tabId: tab.id, method: 'cash', tipMinor: 785, tenderedMinor: 23_410 })).toMatchObject({
      owedMinor: 3410,
      changeMinor: 20_000,
    });
  });
});

describe('the confirmation at the boundary', () => {
  it('refuses a confirmation of the wrong shape as bad input, writing nothing', () => {
    const tab = tabOf(400);
    const base = { tabId: tab.id, method: 'card', tipMinor: 100_000 };
    for (const confirmed of [
      true,
      'yes',
      null,
      [100_000],
      { tipMinor: -1 },
      { tipMinor: 1.5 },
      { tipMinor: '100000' },
      { sneaky: 1 },
      { tenderedMinor: 100_000 },
    ]) {
      expect(l.fail('settle.pay', { ...base, confirmed }).code, JSON.stringify(confirmed)).toBe('invalid_input');
    }
    // Only cash is handed over: a confirmed cash amount belongs to cash alone.
    expect(l.fail('settle.pay', { tabId: tab.id, method: 'cash', confirmed: { tenderedMinor: 1e20 } }).code).toBe('invalid_input');
  });
});
