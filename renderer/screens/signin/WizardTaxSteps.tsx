import type { TaxMode } from '../../../shared/domain/tax';
import { ErrorNote } from '../../components/ErrorNote';
import { t, type MessageKey } from '../../i18n/t';
import { MAX_RATES, type RateDraft, type StepProps } from './wizard-draft';
import { described, WizardField } from './WizardField';

const MODES: { mode: TaxMode; label: MessageKey; hint: MessageKey }[] = [
  { mode: 'inclusive', label: 'settings.taxInclusive', hint: 'settings.taxInclusiveHint' },
  { mode: 'exclusive', label: 'settings.taxExclusive', hint: 'settings.taxExclusiveHint' },
];

/** Step 3: whether prices include tax, and the rates (the first is the standard one the starter items take). */
export function TaxStep({ draft, problems, edit }: StepProps) {
  const rates = draft.rates;
  const setRates = (next: RateDraft[]): void => edit.set({ rates: next }, 'rates');
  const setRate = (index: number, patch: Partial<RateDraft>): void => setRates(rates.map((rate, i) => (i === index ? { ...rate, ...patch } : rate)));
  return (
    <>
      <p className="wizard__lead">{t('firstRun.wizard.taxLead')}</p>
      <fieldset className="wizard__choices wizard__choices--two">
        <legend>{t('firstRun.wizard.taxMode')}</legend>
        {MODES.map(({ mode, label, hint }, i) => (
          <label key={mode} className={`wizard__choice${draft.taxMode === mode ? ' wizard__choice--on' : ''}`}>
            <input
              type="radio"
              name="wizard-tax-mode"
              value={mode}
              autoFocus={i === 0}
              checked={draft.taxMode === mode}
              onChange={() => edit.set({ taxMode: mode }, 'taxMode')}
            />
            <span className="wizard__choice-label">{t(label)}</span>
            <span className="wizard__choice-hint">{t(hint)}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="wizard__rates">
        <legend>{t('firstRun.wizard.rates')}</legend>
        <p className="field__hint">{t('firstRun.wizard.ratesHint')}</p>
        {rates.map((rate, i) => {
          const n = i + 1;
          const labelError = problems[`rates.${i}.label`];
          const rateError = problems[`rates.${i}.rate`];
          return (
            <div key={i} className="wizard__rate">
              <div className="field">
                <input
                  aria-label={t('settings.rateLabel', { n })}
                  {...described(`rates.${i}.label`, labelError)}
                  autoComplete="off"
                  maxLength={40}
                  value={rate.label}
                  onChange={(e) => setRate(i, { label: e.target.value })}
                />
                <ErrorNote error={labelError ?? null} id={`wizard-rates-${i}-label-error`} />
              </div>
              <div className="field">
                <span className="wizard__percent">
                  <input
                    aria-label={t('settings.ratePercent', { n })}
                    {...described(`rates.${i}.rate`, rateError)}
                    inputMode="decimal"
                    autoComplete="off"
                    value={rate.rate}
                    onChange={(e) => setRate(i, { rate: e.target.value })}
                  />
                  <span aria-hidden="true">%</span>
                </span>
                <ErrorNote error={rateError ?? null} id={`wizard-rates-${i}-rate-error`} />
              </div>
              <button
                type="button"
                className="button button--ghost"
                aria-label={t('settings.rateRemoveLabel', { n })}
                disabled={rates.length <= 1}
                onClick={() => setRates(rates.filter((_, j) => j !== i))}
              >
                {t('settings.rateRemove')}
              </button>
            </div>
          );
        })}
        <ErrorNote error={problems.rates ?? null} />
        <div>
          <button
            type="button"
            className="button button--ghost"
            disabled={rates.length >= MAX_RATES}
            onClick={() => setRates([...rates, { label: '', rate: '' }])}
          >
            {t('settings.rateAdd')}
          </button>
        </div>
      </fieldset>
    </>
  );
}

/** Step 4: the numbered tokens the counter hands out. */
export function TokensStep({ draft, problems, edit }: StepProps) {
  const first = Number(draft.tokenFirst);
  const last = Number(draft.tokenLast);
  const whole = /^\d{1,4}$/.test(draft.tokenFirst.trim()) && /^\d{1,4}$/.test(draft.tokenLast.trim()) && first <= last;
  return (
    <>
      <p className="wizard__lead">{t('firstRun.wizard.tokensLead')}</p>
      <div className="wizard__pair wizard__pair--narrow">
        <WizardField field="tokenFirst" label={t('settings.tokenFirst')} error={problems.tokenFirst}>
          <input
            {...described('tokenFirst', problems.tokenFirst)}
            autoFocus
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            value={draft.tokenFirst}
            onChange={(e) => edit.set({ tokenFirst: e.target.value })}
          />
        </WizardField>
        <WizardField field="tokenLast" label={t('settings.tokenLast')} error={problems.tokenLast}>
          <input
            {...described('tokenLast', problems.tokenLast)}
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            value={draft.tokenLast}
            onChange={(e) => edit.set({ tokenLast: e.target.value })}
          />
        </WizardField>
      </div>
      {whole && (
        <p className="wizard__sample" aria-live="polite">
          {t('firstRun.wizard.tokensCount', { count: last - first + 1, first, last })}
        </p>
      )}
    </>
  );
}
