import { describe, expect, it } from 'vitest';
import { moneyTools } from '../../hooks/use-money';
import { testStore } from '../../test-support/store';
import { buildUpdate, changedKeys, formOf } from '../settings/settings-form';
import { loyaltyFields } from './loyalty-draft';

// The café starter's card: Coffee (category 3), every 10th free, switched off.
const store = testStore({ loyalty: { scheme: 'off', categoryId: 3, stampsEvery: 10, pointsSpendMinor: 100, pointValueMinor: 1, pointsMin: 100 } });
const money = moneyTools(store);

describe('loyalty in the settings form', () => {
  it('counts a changed scheme as one change and sends the whole setting with it', () => {
    const base = formOf(store);
    const draft = { ...base, loyalty: { ...base.loyalty, scheme: 'stamps' as const }, redMinutes: '100' };
    expect(changedKeys(draft, base)).toEqual(['redMinutes', 'loyalty']);
    expect(buildUpdate(draft, base, money, store.loyalty)).toEqual({
      ok: true,
      update: { redMinutes: 100, loyalty: { scheme: 'stamps', categoryId: 3, stampsEvery: 10, pointsSpendMinor: 100, pointValueMinor: 1, pointsMin: 100 } },
      changed: ['redMinutes', 'loyalty'],
    });
  });

  it('sends nothing for loyalty when only other fields changed', () => {
    const base = formOf(store);
    const built = buildUpdate({ ...base, name: 'Corner Café' }, base, money, store.loyalty);
    expect(built).toEqual({ ok: true, update: { name: 'Corner Café' }, changed: ['name'] });
  });

  it('reads the points figures as money and puts each problem beside its own field', () => {
    const base = formOf(store);
    const ok = buildUpdate({ ...base, loyalty: { ...base.loyalty, scheme: 'points', spend: '2.50', value: '0.05', min: '40' } }, base, money, store.loyalty);
    expect(ok.ok && ok.update.loyalty).toEqual({ scheme: 'points', categoryId: 3, stampsEvery: 10, pointsSpendMinor: 250, pointValueMinor: 5, pointsMin: 40 });

    const bad = buildUpdate({ ...base, loyalty: { ...base.loyalty, scheme: 'points', spend: '', value: '0.001', min: '0' } }, base, money, store.loyalty);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(Object.keys(bad.problems).sort()).toEqual(['loyalty.pointValueMinor', 'loyalty.pointsMin', 'loyalty.pointsSpendMinor']);
    expect(bad.problems['loyalty.pointsSpendMinor']).toEqual({ key: 'errors.field.amountMissing' });
    expect(bad.problems['loyalty.pointValueMinor']).toEqual({ text: '"0.001" has more than 2 decimals' });
    expect(bad.problems['loyalty.pointsMin']).toEqual({ key: 'errors.field.loyaltyPointsMin' });
  });

  it('refuses a stamp card without a category or with a free item outside 2 to 100, before sending', () => {
    const base = formOf(store);
    const built = buildUpdate({ ...base, loyalty: { ...base.loyalty, scheme: 'stamps', categoryId: '', every: '1' } }, base, money, store.loyalty);
    expect(built).toEqual({
      ok: false,
      problems: { 'loyalty.categoryId': { key: 'errors.loyalty.categoryNeeded' }, 'loyalty.stampsEvery': { key: 'errors.field.loyaltyEvery' } },
    });
  });

  it('keeps figures the chosen scheme does not use: as typed when they read, else as the store holds them', () => {
    const base = formOf(store);
    const built = buildUpdate(
      { ...base, loyalty: { ...base.loyalty, scheme: 'stamps', every: '8', spend: '3.00', value: 'abc', min: '' } },
      base,
      money,
      store.loyalty,
    );
    expect(built.ok && built.update.loyalty).toEqual({
      scheme: 'stamps',
      categoryId: 3,
      stampsEvery: 8,
      pointsSpendMinor: 300,
      pointValueMinor: 1,
      pointsMin: 100,
    });
  });

  it('places a refusal of a figure only while that figure is on screen', () => {
    expect(loyaltyFields('stamps')).toEqual(['loyalty.categoryId', 'loyalty.stampsEvery']);
    expect(loyaltyFields('off')).toEqual([]);
  });
});
