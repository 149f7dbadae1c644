import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';

let l: TestLedger;
beforeEach(() => {
  l = makeLedger();
});
afterEach(() => l.cleanup());

describe('store settings', () => {
  it('starts with a default store and owner', () => {
    expect(l.call('store.get', {})).toMatchObject({ currency: 'EUR', exponent: 2, taxMode: 'inclusive', tokenFirst: 1, tokenLast: 40 });
    expect(l.call('staff.list', {})).toMatchObject([{ name: 'Owner', role: 'owner', hasPin: false }]);
  });

  it('derives the exponent from the currency', () => {
    expect(l.call('store.update', { currency: 'JPY', locale: 'ja-JP' }).exponent).toBe(0);
    expect(l.call('store.update', { currency: 'KWD', cashRoundingMinor: 5 }).exponent).toBe(3);
  });

  it('refuses a currency change once money is on the books, and a tax mode change with open tabs', () => {
    const item = l.call('catalog.createItem', { categoryId: null, name: 'Tea', kind: 'product', priceMinor: 300, rateMilli: 10_000, expectText: '' });
    const tab = l.call('tab.open', {});
    expect(l.fail('store.update', { taxMode: 'exclusive' }).code).toBe('store_locked');
    l.call('tab.addLine', { tabId: tab.id, itemId: item.id });
    expect(l.fail('store.update', { currency: 'USD' }).code).toBe('store_locked');
    expect(l.fail('store.update', { tokenFirst: 2, tokenLast: 10 }).code).toBe('store_locked');
    expect(l.fail('store.update', { tokenFirst: 10, tokenLast: 2 }).code).toBe('invalid_input');
    expect(l.fail('store.update', { taxRates: [{ rateMilli: 20_000, label: 'New' }] }).code).toBe('store_locked');
    expect(l.fail('store.update', { currency: 'ABC' }).code).toBe('invalid_input');
    expect(l.fail('store.update', { locale: 'not a locale!' }).code).toBe('invalid_input');
  });
});

describe('cash rounding', () => {
  it('takes only a step the currency coins make, and refuses any other by its field, changing nothing', () => {
    l.call('store.update', { locale: 'en-US' });
    expect(l.call('store.update', { cashRoundingMinor: 5 }).cashRoundingMinor).toBe(5);
    expect(l.call('store.update', { cashRoundingMinor: 10 }).cashRoundingMinor).toBe(10);
    const before = l.call('store.get', {});
    for (const step of [2, 25, 50, 100]) {
      expect(l.fail('store.update', { cashRoundingMinor: step })).toMatchObject({
        code: 'invalid_input',
        key: 'errors.cashRoundingStep',
        field: 'cashRoundingMinor',
        message: 'cash in EUR can be rounded only to a step its coins make: €0.01, €0.05, €0.10',
      });
    }
    expect(l.fail('store.update', { currency: 'JPY', cashRoundingMinor: 25 }).message).toBe(
      'cash in JPY can be rounded only to a step its coins make: ¥1, ¥5, ¥10',
    );
    expect(l.call('store.get', {})).toEqual(before);
    expect(l.call('store.update', { currency: 'JPY', cashRoundingMinor: 5 })).toMatchObject({ currency: 'JPY', cashRoundingMinor: 5 });
  });

  it('checks the step against a new currency: no rounding is no choice where the smallest coin is larger', () => {
    l.call('store.update', { locale: 'en-US' });
    expect(l.fail('store.update', { currency: 'CHF' })).toMatchObject({
      key: 'errors.cashRoundingStep',
      message: 'cash in CHF can be rounded only to a step its coins make: CHF\u00a00.05, CHF\u00a00.10',
    });
    expect(l.call('store.get', {})).toMatchObject({ currency: 'EUR', cashRoundingMinor: 1 });
    expect(l.call('store.update', { currency: 'CHF', cashRoundingMinor: 5 })).toMatchObject({ currency: 'CHF', cashRoundingMinor: 5 });
    expect(l.fail('store.update', { currency: 'SEK', cashRoundingMinor: 5 }).message).toBe(
      'cash in SEK can be rounded only to a step its coins make: SEK\u00a01.00, SEK\u00a05.00, SEK\u00a010.00',
    );
    expect(l.call('store.update', { currency: 'SEK', cashRoundingMinor: 100 })).toMatchObject({ currency: 'SEK', cashRoundingMinor: 100 });
    // Settings that have nothing to do with cash are not held up by it.
    expect(l.call('store.update', { amberMinutes: 30 }).amberMinutes).toBe(30);
  });

  it('leaves the cash of a currency without a coin list unrounded', () => {
    expect(l.call('store.update', { currency: 'XAF' })).toMatchObject({ currency: 'XAF', cashRoundingMinor: 1 });
    expect(l.fail('store.update', { cashRoundingMinor: 5 })).toMatchObject({
      key: 'errors.cashRoundingNoCoins',
      field: 'cashRoundingMinor',
      message: 'there is no list of XAF coins here, so its cash cannot be rounded; choose no rounding',
    });
    expect(l.call('store.get', {}).cashRoundingMinor).toBe(1);
  });
});

describe('catalog', () => {
  it('creates, updates and archives items and categories', () => {
    const cat = l.call('catalog.createCategory', { name: 'Drinks' });
    expect(l.fail('catalog.createCategory', { name: 'drinks' }).code).toBe('conflict');
    const item = l.call('catalog.createItem', { categoryId: cat.id, name: 'Chai', kind: 'product', priceMinor: 390, rateMilli: 10_000, expectText: '' });
    expect(item).toMatchObject({ categoryId: cat.id, name: 'Chai', priceMinor: 390, archived: false });
    expect(l.call('catalog.updateItem', { itemId: item.id, name: 'Masala chai', priceMinor: 420 })).toMatchObject({
      name: 'Masala chai',
      priceMinor: 420,
      rateMilli: 10_000,
    });
    l.call('catalog.archiveItem', { itemId: item.id });
    expect(l.call('catalog.list', {}).items).toEqual([]);
    expect(l.call('catalog.list', { includeArchived: true }).items).toHaveLength(1);
    expect(l.call('catalog.updateCategory', { categoryId: cat.id, archived: true }).archived).toBe(true);
    expect(l.fail('catalog.createItem', { categoryId: cat.id, name: 'X', kind: 'product', priceMinor: 1, rateMilli: 10_000, expectText: '' }).code).toBe(
      'conflict',
    );
    expect(l.fail('catalog.createItem', { categoryId: null, name: 'X', kind: 'product', priceMinor: 1, rateMilli: 12_345, expectText: '' }).code).toBe(
      'invalid_input',
    );
  });

  it('loads the café and salon starters once, priced for the currency', () => {
    const cafe = l.call('catalog.loadStarter', { kind: 'cafe' });
    expect(cafe.items.find((i) => i.name === 'Latte')).toMatchObject({ priceMinor: 440, kind: 'product', rateMilli: 10_000 });
    expect(l.call('catalog.loadStarter', { kind: 'cafe' }).items).toHaveLength(cafe.items.length);
    const salon = l.call('catalog.loadStarter', { kind: 'salon' });
    expect(salon.items.find((i) => i.name === 'Men’s cut')).toMatchObject({ kind: 'service', priceMinor: 3200 });
    expect(salon.items.filter((i) => i.kind === 'service').every((i) => i.expectText.length > 0 && i.durationMinutes !== null)).toBe(true);
  });

  it('scales starter prices to JPY and KWD', () => {
    l.call('store.update', { currency: 'JPY' });
    expect(l.call('catalog.loadStarter', { kind: 'cafe' }).items.find((i) => i.name === 'Latte')?.priceMinor).toBe(440);
    const k = makeLedger();
    k.call('store.update', { currency: 'KWD', cashRoundingMinor: 5 });
    expect(k.call('catalog.loadStarter', { kind: 'cafe' }).items.find((i) => i.name === 'Latte')?.priceMinor).toBe(4400);
    k.cleanup();
  });
});

describe('currency and the catalog', () => {
  it('refuses a currency with another exponent while items are priced in the old one', () => {
    l.call('catalog.loadStarter', { kind: 'cafe' });
    expect(l.fail('store.update', { currency: 'JPY' }).code).toBe('store_locked');
    expect(l.call('store.update', { currency: 'USD' }).currency).toBe('USD');
  });
});

describe('counter settings', () => {
  it('has board thresholds and pay-after terms, amber before red', () => {
    expect(l.call('store.get', {})).toMatchObject({
      amberMinutes: 45,
      redMinutes: 90,
      payAfterTerms: "Pay at the counter when you're done. Not happy? Tell us.",
    });
    expect(l.call('store.update', { amberMinutes: 20, redMinutes: 40, payAfterTerms: 'Pay when you leave.' })).toMatchObject({
      amberMinutes: 20,
      redMinutes: 40,
      payAfterTerms: 'Pay when you leave.',
    });
    expect(l.fail('store.update', { amberMinutes: 50 }).field).toBe('amberMinutes');
  });
});
