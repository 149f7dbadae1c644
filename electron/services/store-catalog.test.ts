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
    expect(l.call('staff.current', {})).toMatchObject({ name: 'Owner', role: 'owner' });
  });

  it('derives the exponent from the currency', () => {
    expect(l.call('store.update', { currency: 'JPY', locale: 'ja-JP' }).exponent).toBe(0);
    expect(l.call('store.update', { currency: 'KWD' }).exponent).toBe(3);
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

describe('catalog', () => {
  it('creates, updates and archives items and categories', () => {
    const cat = l.call('catalog.createCategory', { name: 'Drinks' });
    expect(l.fail('catalog.createCategory', { name: 'drinks' }).code).toBe('conflict');
    const item = l.call('catalog.createItem', { categoryId: cat.id, name: 'Chai', kind: 'product', priceMinor: 390, rateMilli: 10_000, expectText: 'Spiced, with milk.' });
    expect(item).toMatchObject({ categoryId: cat.id, name: 'Chai', priceMinor: 390, archived: false });
    expect(l.call('catalog.updateItem', { itemId: item.id, name: 'Masala chai', priceMinor: 420 })).toMatchObject({ name: 'Masala chai', priceMinor: 420, expectText: 'Spiced, with milk.' });
    l.call('catalog.archiveItem', { itemId: item.id });
    expect(l.call('catalog.list', {}).items).toEqual([]);
    expect(l.call('catalog.list', { includeArchived: true }).items).toHaveLength(1);
    expect(l.call('catalog.updateCategory', { categoryId: cat.id, archived: true }).archived).toBe(true);
    expect(l.fail('catalog.createItem', { categoryId: cat.id, name: 'X', kind: 'product', priceMinor: 1, rateMilli: 10_000, expectText: '' }).code).toBe('conflict');
    expect(l.fail('catalog.createItem', { categoryId: null, name: 'X', kind: 'product', priceMinor: 1, rateMilli: 12_345, expectText: '' }).code).toBe('invalid_input');
  });

  it('loads the café and salon starters once, priced for the currency', () => {
    const cafe = l.call('catalog.loadStarter', { kind: 'cafe' });
    expect(cafe.items.find((i) => i.name === 'Latte')).toMatchObject({ priceMinor: 440, kind: 'product', rateMilli: 10_000 });
    expect(l.call('catalog.loadStarter', { kind: 'cafe' }).items).toHaveLength(cafe.items.length);
    const salon = l.call('catalog.loadStarter', { kind: 'salon' });
    expect(salon.items.find((i) => i.name === 'Men’s cut')).toMatchObject({ kind: 'service', priceMinor: 3200 });
    expect(salon.items.every((i) => i.expectText.length > 0)).toBe(true);
  });

  it('scales starter prices to JPY and KWD', () => {
    l.call('store.update', { currency: 'JPY' });
    expect(l.call('catalog.loadStarter', { kind: 'cafe' }).items.find((i) => i.name === 'Latte')?.priceMinor).toBe(440);
    const k = makeLedger();
    k.call('store.update', { currency: 'KWD' });
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
    expect(l.call('store.get', {})).toMatchObject({ amberMinutes: 45, redMinutes: 90, payAfterTerms: "Pay at the counter when you're done. Not happy? Tell us." });
    expect(l.call('store.update', { amberMinutes: 20, redMinutes: 40, payAfterTerms: 'Pay when you leave.' })).toMatchObject({ amberMinutes: 20, redMinutes: 40, payAfterTerms: 'Pay when you leave.' });
    expect(l.fail('store.update', { amberMinutes: 50 }).field).toBe('amberMinutes');
  });
});
