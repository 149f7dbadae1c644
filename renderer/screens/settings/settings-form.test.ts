import { describe, expect, it } from 'vitest';
import { buildUpdate, changedKeys, formOf, placeServerError, rebase } from './settings-form';
import { testStore } from '../../test-support/store';

const store = testStore({ payAfterTerms: 'Pay at the counter when you are done.' });

describe('buildUpdate', () => {
  it('sends nothing when nothing changed', () => {
    const base = formOf(store);
    expect(buildUpdate(base, base)).toEqual({ ok: true, update: {}, changed: [] });
  });

  it('sends only the changed fields, parsed', () => {
    const base = formOf(store);
    const draft = { ...base, name: '  Corner Café ', amberMinutes: '30', cashRoundingMinor: '5', currency: 'jpy' };
    expect(buildUpdate(draft, base)).toEqual({
      ok: true,
      update: { name: 'Corner Café', amberMinutes: 30, cashRoundingMinor: 5, currency: 'JPY' },
      changed: ['name', 'currency', 'cashRoundingMinor', 'amberMinutes'],
    });
  });

  it('sends the whole list of rates when one of them changed', () => {
    const base = formOf(store);
    const draft = { ...base, taxRates: [...base.taxRates, { label: 'NYC', rate: '8.875' }] };
    const result = buildUpdate(draft, base);
    expect(result).toMatchObject({
      ok: true,
      update: {
        taxRates: [
          { label: 'Standard', rateMilli: 10_000 },
          { label: 'Zero', rateMilli: 0 },
          { label: 'NYC', rateMilli: 8875 },
        ],
      },
    });
  });

  it('puts each problem next to its field and sends nothing', () => {
    const base = formOf(store);
    const draft = {
      ...base,
      name: ' ',
      redMinutes: 'soon',
      tokenLast: '12.5',
      currency: 'EURO',
      taxRates: [{ label: '', rate: '8.8755' }],
    };
    const result = buildUpdate(draft, base);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.problems).sort()).toEqual(['currency', 'name', 'redMinutes', 'taxRates.0.label', 'taxRates.0.rateMilli', 'tokenLast']);
    expect(result.problems['taxRates.0.rateMilli']).toEqual({ key: 'settings.error.rateTooPrecise' });
    expect(result.problems.redMinutes).toEqual({ key: 'settings.error.wholeNumber', vars: { min: 1, max: 1440 } });
  });

  it('refuses minutes outside the range the ledger accepts', () => {
    const base = formOf(store);
    const result = buildUpdate({ ...base, amberMinutes: '0' }, base);
    expect(result).toMatchObject({ ok: false, problems: { amberMinutes: { key: 'settings.error.wholeNumber' } } });
  });
});

describe('the share of the bill above which a tip is confirmed', () => {
  it('shows the percentage as typed and sends it as a whole number', () => {
    const base = formOf(store);
    expect(base.tipConfirmPercent).toBe('30');
    expect(buildUpdate({ ...base, tipConfirmPercent: ' 45 ' }, base)).toEqual({ ok: true, update: { tipConfirmPercent: 45 }, changed: ['tipConfirmPercent'] });
    expect(buildUpdate({ ...base, tipConfirmPercent: '1000' }, base)).toMatchObject({ ok: true, update: { tipConfirmPercent: 1000 } });
  });

  it('refuses anything but a whole percentage from 1 to 1000, by its field', () => {
    const base = formOf(store);
    for (const typed of ['0', '1001', '12.5', '30%', '', 'thirty']) {
      expect(buildUpdate({ ...base, tipConfirmPercent: typed }, base), typed).toEqual({
        ok: false,
        problems: { tipConfirmPercent: { key: 'settings.error.wholeNumber', vars: { min: 1, max: 1000 } } },
      });
    }
  });
});

describe('the business day fields', () => {
  it('shows the boundary as HH:MM and sends it back as minutes, with the time zone as chosen', () => {
    const base = formOf({ ...store, dayBoundaryMinutes: 240, timeZone: 'UTC' });
    expect(base.dayBoundaryMinutes).toBe('04:00');
    const result = buildUpdate({ ...base, dayBoundaryMinutes: '2:30', timeZone: 'Europe/Dublin' }, base);
    expect(result).toEqual({ ok: true, update: { dayBoundaryMinutes: 150, timeZone: 'Europe/Dublin' }, changed: ['dayBoundaryMinutes', 'timeZone'] });
  });

  it('refuses a boundary that is not a time of day, by its field', () => {
    const base = formOf(store);
    expect(buildUpdate({ ...base, dayBoundaryMinutes: '25:00' }, base)).toEqual({ ok: false, problems: { dayBoundaryMinutes: { key: 'day.error.boundary' } } });
  });
});

describe('rebase', () => {
  it('takes new values for untouched fields and keeps what is being typed', () => {
    const oldBase = formOf(store);
    const newBase = formOf({ ...store, name: 'Renamed elsewhere', redMinutes: 120, amberMinutes: 60 });
    const draft = { ...oldBase, amberMinutes: '50' };
    const next = rebase(draft, oldBase, newBase);
    expect(next.name).toBe('Renamed elsewhere');
    expect(next.redMinutes).toBe('120');
    expect(next.amberMinutes).toBe('50');
    expect(changedKeys(next, newBase)).toEqual(['amberMinutes']);
  });
});

describe('placeServerError', () => {
  const shown = ['name', 'currency', 'taxRates', 'taxRates.0.label', 'amberMinutes'];
  it('finds the field, then its section, then nothing', () => {
    expect(placeServerError('amberMinutes', shown)).toBe('amberMinutes');
    expect(placeServerError('taxRates.0.label', shown)).toBe('taxRates.0.label');
    expect(placeServerError('taxRates.3.rateMilli', shown)).toBe('taxRates');
    expect(placeServerError('somethingElse', shown)).toBeNull();
    expect(placeServerError(undefined, shown)).toBeNull();
  });
});
