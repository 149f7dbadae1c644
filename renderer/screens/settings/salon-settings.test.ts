import { describe, expect, it } from 'vitest';
import { moneyTools } from '../../hooks/use-money';
import { testStore } from '../../test-support/store';
import { buildUpdate, formOf } from './settings-form';

const store = testStore();
const money = moneyTools(store);

describe('opening hours and the deposit policy in the settings form', () => {
  it('sends the week and the policy as the ledger keeps them', () => {
    const base = formOf(store);
    const hours = base.openingHours.map((d, i) => (i === 6 ? { open: true, from: '10:00', to: '16:30' } : d));
    const built = buildUpdate(
      { ...base, openingHours: hours, depositPolicy: { mode: 'fixed', fixed: '12.50', percent: '0', freeCancelHours: '48', forfeitPercent: '50' } },
      base,
      money,
      store.loyalty,
    );
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.update.openingHours?.[6]).toEqual({ open: 600, close: 990 });
    expect(built.update.openingHours?.[0]).toEqual({ open: 540, close: 1080 });
    expect(built.update.depositPolicy).toEqual({ mode: 'fixed', fixedMinor: 1250, percent: 0, freeCancelHours: 48, forfeitPercent: 50 });
  });

  it('puts each problem beside its own day or figure and sends nothing', () => {
    const base = formOf(store);
    const hours = base.openingHours.map((d, i) =>
      i === 1 ? { open: true, from: '9:07', to: '18:00' } : i === 2 ? { open: true, from: '18:00', to: '09:00' } : d,
    );
    const built = buildUpdate(
      { ...base, openingHours: hours, depositPolicy: { mode: 'percent', fixed: '', percent: '0', freeCancelHours: '24', forfeitPercent: '101' } },
      base,
      money,
      store.loyalty,
    );
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(Object.keys(built.problems).sort()).toEqual([
      'depositPolicy.forfeitPercent',
      'depositPolicy.percent',
      'openingHours.1.open',
      'openingHours.2.close',
    ]);
    expect(built.problems['openingHours.2.close']).toEqual({ key: 'salon.settings.orderError' });
  });

  it('leaves a closed day closed and keeps the fixed amount when the mode changes to none', () => {
    const base = formOf(testStore({ depositPolicy: { mode: 'fixed', fixedMinor: 1000, percent: 0, freeCancelHours: 24, forfeitPercent: 100 } }));
    const built = buildUpdate({ ...base, depositPolicy: { ...base.depositPolicy, mode: 'none' } }, base, money, store.loyalty);
    expect(built.ok && built.update.depositPolicy).toEqual({ mode: 'none', fixedMinor: 1000, percent: 0, freeCancelHours: 24, forfeitPercent: 100 });
    expect(built.ok && built.update.openingHours).toBeUndefined();
  });
});
