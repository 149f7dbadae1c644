import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SERVICE_MINUTES_MAX, SERVICE_MINUTES_MIN } from '../../shared/domain/service-time';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';
import { detail } from '../test-support/tab-detail';
import { starterCatalogs } from './starter-catalogs';

let l: TestLedger;
beforeEach(() => {
  l = makeLedger();
});
afterEach(() => l.cleanup());

const CUT_WORDS = 'Washed, cut and styled. Free neckline touch-up within 7 days.';
const cut = { categoryId: null, name: 'Cut', kind: 'service', priceMinor: 3200, rateMilli: 10_000, expectText: CUT_WORDS, durationMinutes: 30 } as const;
const tea = { categoryId: null, name: 'Tea', kind: 'product', priceMinor: 300, rateMilli: 10_000, expectText: '' } as const;
const items = () => l.call('catalog.list', { includeArchived: true }).items;

describe('a service takes time, a product does not', () => {
  it('keeps a service’s minutes and words, and gives a product neither', () => {
    expect(l.call('catalog.createItem', cut)).toMatchObject({ kind: 'service', durationMinutes: 30, expectText: CUT_WORDS });
    expect(l.call('catalog.createItem', tea)).toMatchObject({ kind: 'product', durationMinutes: null, expectText: '' });
    expect(l.call('catalog.createItem', { ...tea, name: 'Coffee', durationMinutes: null }).durationMinutes).toBeNull();
  });

  it('refuses a service without minutes and a product with minutes or words, by the field, writing nothing', () => {
    expect(l.fail('catalog.createItem', { ...cut, durationMinutes: undefined })).toMatchObject({
      code: 'invalid_input',
      key: 'errors.serviceMinutesMissing',
      field: 'durationMinutes',
      message: 'a service needs its duration: 5 to 600 minutes, in steps of 5',
    });
    expect(l.fail('catalog.createItem', { ...cut, durationMinutes: null }).key).toBe('errors.serviceMinutesMissing');
    expect(l.fail('catalog.createItem', { ...tea, durationMinutes: 10 })).toMatchObject({ key: 'errors.productMinutes', field: 'durationMinutes' });
    expect(l.fail('catalog.createItem', { ...tea, expectText: 'Hot.' })).toMatchObject({
      key: 'errors.productExpect',
      field: 'expectText',
      message: 'a product has no "what to expect" text; only a service has one',
    });
    expect(items()).toEqual([]);
  });

  it('takes 5 to 600 minutes in steps of 5 and refuses anything else at the boundary', () => {
    for (const minutes of [0, 4, 7, 32, 605, 12.5, -5]) {
      expect(l.fail('catalog.createItem', { ...cut, durationMinutes: minutes }), String(minutes)).toMatchObject({
        code: 'invalid_input',
        key: 'errors.field.serviceMinutes',
        field: 'durationMinutes',
      });
    }
    expect(items()).toEqual([]);
    expect(l.call('catalog.createItem', { ...cut, durationMinutes: SERVICE_MINUTES_MIN }).durationMinutes).toBe(5);
    expect(l.call('catalog.createItem', { ...cut, name: 'Long colour', durationMinutes: SERVICE_MINUTES_MAX }).durationMinutes).toBe(600);
  });

  it('keeps the minutes and words through an unrelated edit, and changes them when asked', () => {
    const item = l.call('catalog.createItem', cut);
    expect(l.call('catalog.updateItem', { itemId: item.id, priceMinor: 3500 })).toMatchObject({ priceMinor: 3500, durationMinutes: 30, expectText: CUT_WORDS });
    expect(l.call('catalog.updateItem', { itemId: item.id, durationMinutes: 45, expectText: 'New words.' })).toMatchObject({
      durationMinutes: 45,
      expectText: 'New words.',
    });
    expect(l.fail('catalog.updateItem', { itemId: item.id, durationMinutes: null })).toMatchObject({
      key: 'errors.serviceMinutesMissing',
      field: 'durationMinutes',
    });
    expect(l.fail('catalog.updateItem', { itemId: item.id, durationMinutes: 47 })).toMatchObject({
      key: 'errors.field.serviceMinutes',
      field: 'durationMinutes',
    });
    expect(items()[0]).toMatchObject({ durationMinutes: 45, expectText: 'New words.', priceMinor: 3500 });
  });

  it('drops a service’s minutes and words when it becomes a product, and asks for minutes the other way', () => {
    const item = l.call('catalog.createItem', cut);
    expect(l.fail('catalog.updateItem', { itemId: item.id, kind: 'product', durationMinutes: 30 }).key).toBe('errors.productMinutes');
    expect(l.fail('catalog.updateItem', { itemId: item.id, kind: 'product', expectText: 'Still here.' }).key).toBe('errors.productExpect');
    expect(l.call('catalog.updateItem', { itemId: item.id, kind: 'product' })).toMatchObject({ kind: 'product', durationMinutes: null, expectText: '' });
    expect(l.fail('catalog.updateItem', { itemId: item.id, kind: 'service' })).toMatchObject({ key: 'errors.serviceMinutesMissing', field: 'durationMinutes' });
    expect(items()[0]).toMatchObject({ kind: 'product', durationMinutes: null });
    expect(l.call('catalog.updateItem', { itemId: item.id, kind: 'service', durationMinutes: 20 })).toMatchObject({
      kind: 'service',
      durationMinutes: 20,
      expectText: '',
    });
  });
});

describe('the starters', () => {
  it('gives every salon service its minutes and plain words, and no product either', () => {
    const salon = l.call('catalog.loadStarter', { kind: 'salon' });
    const services = salon.items.filter((i) => i.kind === 'service');
    expect(services).toHaveLength(starterCatalogs.salon.flatMap((c) => c.items).filter((i) => i.kind === 'service').length);
    expect(services.length).toBeGreaterThan(5);
    for (const service of services) {
      expect(service.durationMinutes, service.name).not.toBeNull();
      expect(service.durationMinutes! % 5, service.name).toBe(0);
      expect(service.expectText.length, service.name).toBeGreaterThan(60);
    }
    expect(salon.items.find((i) => i.name === 'Full head highlights')).toMatchObject({ durationMinutes: 150 });
    const cafe = l.call('catalog.loadStarter', { kind: 'cafe' });
    for (const product of cafe.items.filter((i) => i.kind === 'product')) expect(product).toMatchObject({ durationMinutes: null, expectText: '' });
  });
});

describe('a line keeps what to expect as it was when it was added', () => {
  it('snapshots a service’s words on its line, none on a product’s, and never rewrites a settled tab', () => {
    const service = l.call('catalog.createItem', cut);
    const product = l.call('catalog.createItem', tea);
    const tab = l.call('tab.open', {});
    l.call('tab.addLine', { tabId: tab.id, itemId: service.id });
    l.call('tab.addLine', { tabId: tab.id, itemId: product.id });
    expect(detail(l, tab.id).lines.map((line) => [line.name, line.expectText])).toEqual([
      ['Cut', CUT_WORDS],
      ['Tea', ''],
    ]);

    // Reworded in the catalog: the line on the tab keeps its words, and the next one is a line of its own.
    l.call('catalog.updateItem', { itemId: service.id, expectText: 'Different words.' });
    l.call('tab.addLine', { tabId: tab.id, itemId: service.id });
    expect(detail(l, tab.id).lines.map((line) => [line.name, line.qty, line.expectText])).toEqual([
      ['Cut', 1, CUT_WORDS],
      ['Tea', 1, ''],
      ['Cut', 1, 'Different words.'],
    ]);

    expect(l.call('settle.pay', { tabId: tab.id, method: 'card' }).settled).toBe(true);
    l.call('catalog.updateItem', { itemId: service.id, expectText: 'Rewritten after settling.', durationMinutes: 60 });
    expect(l.call('tab.get', { tabId: tab.id }).lines.map((line) => line.expectText)).toEqual([CUT_WORDS, '', 'Different words.']);
  });
});
