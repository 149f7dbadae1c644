import { describe, expect, it } from 'vitest';
import { previewMoney } from '../../format/money-preview';
import { buildUpdate, changedKeys, formOf, placeServerError, rebase, type SettingsForm } from './settings-form';
import { testStore } from '../../test-support/store';

const store = testStore({ payAfterTerms: 'Pay at the counter when you are done.' });

/** As the screen calls it: amounts read in the currency and locale being saved. */
function build(draft: SettingsForm, base: SettingsForm) {
  return buildUpdate(draft, base, previewMoney(store, draft.currency, draft.locale), store.loyalty);
}

describe('buildUpdate', () => {
  it('sends nothing when nothing changed', () => {
    const base = formOf(store);
    expect(build(base, base)).toEqual({ ok: true, update: {}, changed: [] });
  });

  it('sends only the changed fields, parsed', () => {
    const base = formOf(store);
    const draft = { ...base, name: '  Corner Café ', amberMinutes: '30', cashRoundingMinor: '5', currency: 'usd' };
    expect(build(draft, base)).toEqual({
      ok: true,
      update: { name: 'Corner Café', amberMinutes: 30, cashRoundingMinor: 5, currency: 'USD' },
      changed: ['name', 'currency', 'cashRoundingMinor', 'amberMinutes'],
    });
  });

  it('sends the whole list of rates when one of them changed', () => {
    const base = formOf(store);
    const draft = { ...base, taxRates: [...base.taxRates, { label: 'NYC', rate: '8.875' }] };
    const result = build(draft, base);
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
    const result = build(draft, base);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.problems).sort()).toEqual(['currency', 'name', 'redMinutes', 'taxRates.0.label', 'taxRates.0.rateMilli', 'tokenLast']);
    expect(result.problems['taxRates.0.rateMilli']).toEqual({ key: 'settings.error.rateTooPrecise' });
    expect(result.problems.redMinutes).toEqual({ key: 'settings.error.wholeNumber', vars: { min: 1, max: 1440 } });
  });

  it('refuses minutes outside the range the ledger accepts', () => {
    const base = formOf(store);
    const result = build({ ...base, amberMinutes: '0' }, base);
    expect(result).toMatchObject({ ok: false, problems: { amberMinutes: { key: 'settings.error.wholeNumber' } } });
  });
});

describe('the share of the bill above which a tip is confirmed', () => {
  it('shows the percentage as typed and sends it as a whole number', () => {
    const base = formOf(store);
    expect(base.tipConfirmPercent).toBe('30');
    expect(build({ ...base, tipConfirmPercent: ' 45 ' }, base)).toEqual({ ok: true, update: { tipConfirmPercent: 45 }, changed: ['tipConfirmPercent'] });
    expect(build({ ...base, tipConfirmPercent: '1000' }, base)).toMatchObject({ ok: true, update: { tipConfirmPercent: 1000 } });
  });

  it('refuses anything but a whole percentage from 1 to 1000, by its field', () => {
    const base = formOf(store);
    for (const typed of ['0', '1001', '12.5', '30%', '', 'thirty']) {
      expect(build({ ...base, tipConfirmPercent: typed }, base), typed).toEqual({
        ok: false,
        problems: { tipConfirmPercent: { key: 'settings.error.wholeNumber', vars: { min: 1, max: 1000 } } },
      });
    }
  });
});

describe('the staff and approval fields', () => {
  it('shows the defaults as typed text, the comp amount as money in the store locale', () => {
    const base = formOf(store);
    expect([base.idleLockMinutes, base.approvalCompPercent, base.approvalCompMinor, base.tipApprovalPercent]).toEqual(['5', '20', '5.00', '100']);
    expect(formOf({ ...store, locale: 'de-DE', approvalCompMinor: 1250 }).approvalCompMinor).toBe('12,50');
    expect(formOf({ ...store, currency: 'JPY', exponent: 0, approvalCompMinor: 500 }).approvalCompMinor).toBe('500');
  });

  it('sends each as a whole number, the amount in minor units', () => {
    const base = formOf(store);
    const draft = { ...base, idleLockMinutes: ' 10 ', approvalCompPercent: '0', approvalCompMinor: '7.5', tipApprovalPercent: '250' };
    expect(build(draft, base)).toEqual({
      ok: true,
      update: { idleLockMinutes: 10, approvalCompPercent: 0, approvalCompMinor: 750, tipApprovalPercent: 250 },
      changed: ['tipApprovalPercent', 'idleLockMinutes', 'approvalCompPercent', 'approvalCompMinor'],
    });
    const german = formOf({ ...store, locale: 'de-DE' });
    expect(buildUpdate({ ...german, approvalCompMinor: '12,50' }, german, previewMoney(store, 'EUR', 'de-DE'), store.loyalty)).toMatchObject({
      ok: true,
      update: { approvalCompMinor: 1250 },
    });
  });

  it('refuses what the ledger would, each by its own field, and sends nothing', () => {
    const base = formOf(store);
    const result = build({ ...base, idleLockMinutes: '0', approvalCompPercent: '101', approvalCompMinor: '5.005', tipApprovalPercent: '1001' }, base);
    expect(result).toEqual({
      ok: false,
      problems: {
        idleLockMinutes: { key: 'settings.error.wholeNumber', vars: { min: 1, max: 240 } },
        approvalCompPercent: { key: 'settings.error.wholeNumber', vars: { min: 0, max: 100 } },
        approvalCompMinor: { text: '"5.005" has more than 2 decimals' },
        tipApprovalPercent: { key: 'settings.error.wholeNumber', vars: { min: 1, max: 1000 } },
      },
    });
    expect(build({ ...base, approvalCompMinor: ' ' }, base)).toEqual({ ok: false, problems: { approvalCompMinor: { key: 'errors.field.amountMissing' } } });
    expect(build({ ...base, approvalCompMinor: '-1' }, base)).toEqual({ ok: false, problems: { approvalCompMinor: { key: 'errors.field.amountNegative' } } });
    expect(build({ ...base, idleLockMinutes: '241' }, base)).toMatchObject({ ok: false, problems: { idleLockMinutes: { key: 'settings.error.wholeNumber' } } });
  });

  it('reads a typed comp amount in the currency saved with it, and leaves an untouched one to the ledger', () => {
    const base = formOf(store);
    expect(build({ ...base, currency: 'JPY' }, base)).toEqual({ ok: true, update: { currency: 'JPY' }, changed: ['currency'] });
    expect(build({ ...base, currency: 'JPY', approvalCompMinor: '800' }, base)).toMatchObject({
      ok: true,
      update: { currency: 'JPY', approvalCompMinor: 800 },
    });
    expect(build({ ...base, currency: 'JPY', approvalCompMinor: '8.00' }, base)).toMatchObject({
      ok: false,
      problems: { approvalCompMinor: { text: expect.stringContaining('"8.00"') as unknown } },
    });
    expect(build({ ...base, currency: 'KWD', approvalCompMinor: '1.250' }, base)).toMatchObject({
      ok: true,
      update: { currency: 'KWD', approvalCompMinor: 1250 },
    });
  });
});

describe('the business day fields', () => {
  it('shows the boundary as HH:MM and sends it back as minutes, with the time zone as chosen', () => {
    const base = formOf({ ...store, dayBoundaryMinutes: 240, timeZone: 'UTC' });
    expect(base.dayBoundaryMinutes).toBe('04:00');
    const result = build({ ...base, dayBoundaryMinutes: '2:30', timeZone: 'Europe/Dublin' }, base);
    expect(result).toEqual({ ok: true, update: { dayBoundaryMinutes: 150, timeZone: 'Europe/Dublin' }, changed: ['dayBoundaryMinutes', 'timeZone'] });
  });

  it('refuses a boundary that is not a time of day, by its field', () => {
    const base = formOf(store);
    expect(build({ ...base, dayBoundaryMinutes: '25:00' }, base)).toEqual({ ok: false, problems: { dayBoundaryMinutes: { key: 'day.error.boundary' } } });
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
