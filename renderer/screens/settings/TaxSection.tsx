import type { TaxMode } from '../../../shared/domain/tax';
import { ErrorNote } from '../../components/ErrorNote';
import { describedBy } from '../../components/field-error';
import { t } from '../../i18n/t';
import type { RateDraft } from './settings-form';
import type { SettingsDraft } from './use-settings-draft';

const MAX_RATES = 8;
const MODES: { mode: TaxMode; label: 'settings.taxInclusive' | 'settings.taxExclusive'; hint: 'settings.taxInclusiveHint' | 'settings.taxExclusiveHint' }[] = [
  { mode: 'inclusive', label: 'settings.taxInclusive', hint: 'settings.taxInclusiveHint' },
  { mode: 'exclusive', label: 'settings.taxExclusive', hint: 'settings.taxExclusiveHint' },
];

/** How prices carry tax, with a plain explanation of each, and the store's rates. */
export function TaxSection({ form }: { form: SettingsDraft }) {
  const { draft, set, errorAt } = form;
  const rates = draft.taxRates;
  const setRate = (index: number, patch: Partial<RateDraft>): void =>
    set(
      'taxRates',
      rates.map((r, i) => (i === index ? { ...r, ...patch } : r)),
    );

  return (
    <section className="panel settings-section" aria-labelledby="settings-tax">
      <h2 id="settings-tax">{t('settings.section.tax')}</h2>
      <fieldset className="settings-modes">
        <legend>{t('settings.taxMode')}</legend>
        {MODES.map(({ mode, label, hint }) => (
          <label key={mode} className={`settings-mode${draft.taxMode === mode ? ' settings-mode--on' : ''}`}>
            <input type="radio" name="taxMode" value={mode} checked={draft.taxMode === mode} onChange={() => set('taxMode', mode)} />
            <span className="settings-mode__label">{t(label)}</span>
            <span className="settings-mode__hint">{t(hint)}</span>
          </label>
        ))}
        <ErrorNote error={errorAt('taxMode')} />
      </fieldset>

      <fieldset className="settings-rates">
        <legend>{t('settings.rates')}</legend>
        {rates.map((rate, i) => {
          const n = i + 1;
          const labelError = errorAt(`taxRates.${i}.label`);
          const rateError = errorAt(`taxRates.${i}.rateMilli`);
          return (
            <div key={i} className="settings-rate">
              <div className="field">
                <input
                  aria-label={t('settings.rateLabel', { n })}
                  value={rate.label}
                  maxLength={40}
                  autoComplete="off"
                  onChange={(e) => setRate(i, { label: e.target.value })}
                  {...describedBy(`settings-rate-${i}-label`, labelError)}
                />
                <ErrorNote error={labelError} id={`settings-rate-${i}-label-error`} />
              </div>
              <div className="field settings-rate__percent">
                <span className="settings-rate__input">
                  <input
                    aria-label={t('settings.ratePercent', { n })}
                    value={rate.rate}
                    inputMode="decimal"
                    autoComplete="off"
                    onChange={(e) => setRate(i, { rate: e.target.value })}
                    {...describedBy(`settings-rate-${i}-rate`, rateError)}
                  />
                  <span aria-hidden="true">%</span>
                </span>
                <ErrorNote error={rateError} id={`settings-rate-${i}-rate-error`} />
              </div>
              <button
                type="button"
                className="button button--ghost"
                aria-label={t('settings.rateRemoveLabel', { n })}
                disabled={rates.length <= 1}
                onClick={() =>
                  set(
                    'taxRates',
                    rates.filter((_, j) => j !== i),
                  )
                }
              >
                {t('settings.rateRemove')}
              </button>
            </div>
          );
        })}
        <ErrorNote error={errorAt('taxRates')} />
        <div className="settings-row">
          <button
            type="button"
            className="button button--ghost"
            disabled={rates.length >= MAX_RATES}
            onClick={() => set('taxRates', [...rates, { label: '', rate: '' }])}
          >
            {t('settings.rateAdd')}
          </button>
          <p className="settings-field__hint">{t('settings.ratesHint')}</p>
        </div>
      </fieldset>
    </section>
  );
}
