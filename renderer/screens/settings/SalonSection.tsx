import type { DepositMode } from '../../../shared/salon-types';
import type { StoreSettings } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { describedBy } from '../../components/field-error';
import { useMoney } from '../../hooks/use-money';
import { t } from '../../i18n/t';
import { policyWords } from '../appointments/salon-words';
import { parsePolicy, type DayDraft, type PolicyDraft } from './salon-settings';
import { SettingsField } from './SettingsField';
import type { SettingsDraft } from './use-settings-draft';

const DAYS = [0, 1, 2, 3, 4, 5, 6] as const;
const MODES: readonly DepositMode[] = ['none', 'fixed', 'percent'];

/** The salon's week: each day open or closed, and from when to when (the book's grid and what it accepts). */
export function HoursSection({ form }: { form: SettingsDraft }) {
  const days = form.draft.openingHours;
  const setDay = (i: number, change: Partial<DayDraft>): void =>
    form.set(
      'openingHours',
      days.map((d, j) => (j === i ? { ...d, ...change } : d)),
    );
  return (
    <section className="panel settings-section" aria-labelledby="settings-hours">
      <h2 id="settings-hours">{t('salon.settings.hours')}</h2>
      <p className="settings-field__hint">{t('salon.settings.hoursHint')}</p>
      <div className="settings-hours">
        {DAYS.map((i) => {
          const d = days[i];
          if (!d) return null;
          const day = t(`salon.settings.day${i}`);
          const openError = form.errorAt(`openingHours.${i}.open`);
          const closeError = form.errorAt(`openingHours.${i}.close`);
          return (
            <div key={i} className="settings-hours__day" role="group" aria-label={day}>
              <label className="settings-hours__open">
                <input type="checkbox" checked={d.open} onChange={(e) => setDay(i, { open: e.target.checked })} />
                <span>{day}</span>
              </label>
              {d.open ? (
                <>
                  <input
                    id={`settings-hours-${i}-from`}
                    className="settings-time"
                    aria-label={`${day} ${t('salon.settings.from')}`}
                    value={d.from}
                    inputMode="numeric"
                    autoComplete="off"
                    onChange={(e) => setDay(i, { from: e.target.value })}
                    {...describedBy(`settings-hours-${i}-from`, openError)}
                  />
                  <span aria-hidden="true">–</span>
                  <input
                    id={`settings-hours-${i}-to`}
                    className="settings-time"
                    aria-label={`${day} ${t('salon.settings.to')}`}
                    value={d.to}
                    inputMode="numeric"
                    autoComplete="off"
                    onChange={(e) => setDay(i, { to: e.target.value })}
                    {...describedBy(`settings-hours-${i}-to`, closeError)}
                  />
                </>
              ) : (
                <span className="settings-field__hint">{t('salon.closedShort')}</span>
              )}
              <ErrorNote error={openError} id={`settings-hours-${i}-from-error`} className="settings-hours__error" />
              <ErrorNote error={closeError} id={`settings-hours-${i}-to-error`} className="settings-hours__error" />
            </div>
          );
        })}
      </div>
      <ErrorNote error={form.errorAt('openingHours')} />
    </section>
  );
}

/** The deposit a booking takes, when cancelling is free and what a no-show keeps, with the words customers will read. */
export function DepositSection({ form, store }: { form: SettingsDraft; store: StoreSettings }) {
  const p = form.draft.depositPolicy;
  const money = useMoney(store);
  const set = (change: Partial<PolicyDraft>): void => form.set('depositPolicy', { ...p, ...change });
  // The preview reads the figures as typed; until they parse it shows the saved policy's words.
  const problems = {};
  const parsed = parsePolicy(p, p, money, problems);
  const preview = Object.keys(problems).length === 0 ? parsed : store.depositPolicy;
  const field = (key: 'fixed' | 'percent' | 'freeCancelHours' | 'forfeitPercent', errorKey: string, label: string, className: string) => {
    const id = `settings-deposit-${key}`;
    const error = form.errorAt(`depositPolicy.${errorKey}`);
    return (
      <SettingsField id={id} label={label} error={error}>
        <input
          id={id}
          className={className}
          inputMode={key === 'fixed' ? 'decimal' : 'numeric'}
          autoComplete="off"
          value={p[key]}
          onChange={(e) => set({ [key]: e.target.value })}
          {...describedBy(id, error)}
        />
      </SettingsField>
    );
  };
  return (
    <section className="panel settings-section" aria-labelledby="settings-deposit">
      <h2 id="settings-deposit">{t('salon.settings.deposit')}</h2>
      <fieldset>
        <legend className="visually-hidden">{t('salon.settings.deposit')}</legend>
        {MODES.map((m) => (
          <label key={m} className={`settings-mode${p.mode === m ? ' settings-mode--on' : ''}`}>
            <input type="radio" name="deposit-mode" value={m} checked={p.mode === m} onChange={() => set({ mode: m })} />
            <span>{t(`salon.settings.mode.${m}`)}</span>
          </label>
        ))}
      </fieldset>
      {p.mode === 'fixed' && field('fixed', 'fixedMinor', t('salon.settings.fixed', { currency: store.currency }), 'settings-amount')}
      {p.mode === 'percent' && field('percent', 'percent', t('salon.settings.percent'), 'settings-percent')}
      {p.mode !== 'none' && (
        <div className="settings-pair">
          {field('freeCancelHours', 'freeCancelHours', t('salon.settings.freeCancel'), 'settings-percent')}
          {field('forfeitPercent', 'forfeitPercent', t('salon.settings.forfeit'), 'settings-percent')}
        </div>
      )}
      <p className="settings-deposit__preview" data-testid="deposit-preview">
        <strong>{t('salon.settings.preview')}</strong> {policyWords(preview, money.format)}
      </p>
      <ErrorNote error={form.errorAt('depositPolicy')} />
    </section>
  );
}
