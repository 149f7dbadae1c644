import { useState } from 'react';
import type { StoreSettings } from '../../../shared/types';
import { describedBy } from '../../components/field-error';
import { previewMoney, sampleMinor } from '../../format/money-preview';
import { screenLanguage, t } from '../../i18n/t';
import { cashRoundingOptions, stepForCurrency } from './cash-rounding';
import { SettingsField } from './SettingsField';
import type { SettingsDraft } from './use-settings-draft';

const CURRENCIES = ['EUR', 'GBP', 'USD', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'CAD', 'AUD', 'NZD', 'JPY', 'SGD', 'HKD', 'INR', 'AED', 'KWD'];
const LOCALES = [
  'en-IE',
  'en-GB',
  'en-US',
  'en-CA',
  'en-AU',
  'de-DE',
  'de-AT',
  'de-CH',
  'fr-FR',
  'fr-CA',
  'es-ES',
  'it-IT',
  'nl-NL',
  'pt-PT',
  'sv-SE',
  'pl-PL',
  'ja-JP',
  'ar-KW',
];
const OTHER = 'other';

// A locale's name in the language this PC's screens speak (English for the pseudo-locale).
const localeName = (code: string): string => {
  try {
    const language = screenLanguage();
    const names = new Intl.DisplayNames([language === 'pseudo' ? 'en' : language], { type: 'language' });
    return `${names.of(code) ?? code} · ${code}`;
  } catch {
    return code;
  }
};

type Props = { form: SettingsDraft; store: StoreSettings };

/** Name, currency, number format and cash rounding. */
export function StoreSection({ form, store }: Props) {
  const { draft, set, errorAt } = form;
  const [typingCode, setTypingCode] = useState(!CURRENCIES.includes(draft.currency));
  const money = previewMoney(store, draft.currency, draft.locale);
  const rounding = cashRoundingOptions(draft.currency.trim().toUpperCase(), Number(draft.cashRoundingMinor));
  const locales = LOCALES.includes(draft.locale) ? LOCALES : [draft.locale, ...LOCALES];
  const showCode = typingCode || !CURRENCIES.includes(draft.currency);
  const chooseCurrency = (code: string): void => {
    set('currency', code);
    // The rounding step follows the coins: CHF has no 0.01 coin, JPY no ¥25 one.
    const step = stepForCurrency(code.trim().toUpperCase(), draft.cashRoundingMinor);
    if (step !== draft.cashRoundingMinor) set('cashRoundingMinor', step);
  };

  return (
    <section className="panel settings-section" aria-labelledby="settings-store">
      <h2 id="settings-store">{t('settings.section.store')}</h2>
      <SettingsField id="settings-name" label={t('settings.name')} error={errorAt('name')}>
        <input
          id="settings-name"
          value={draft.name}
          maxLength={80}
          autoComplete="off"
          onChange={(e) => set('name', e.target.value)}
          {...describedBy('settings-name', errorAt('name'))}
        />
      </SettingsField>

      <SettingsField
        id="settings-currency"
        label={t('settings.currency')}
        hint={store.currencyLocked ? t('settings.currencyLockedHint') : t('settings.currencyHint')}
        error={errorAt('currency')}
      >
        <div className="settings-row">
          <select
            id="settings-currency"
            value={showCode ? OTHER : draft.currency}
            // Once money is on the books the server refuses any other currency, so say so before anyone tries.
            disabled={store.currencyLocked}
            onChange={(e) => {
              if (e.target.value === OTHER) return setTypingCode(true);
              setTypingCode(false);
              chooseCurrency(e.target.value);
            }}
            {...describedBy('settings-currency', errorAt('currency'), true)}
          >
            {CURRENCIES.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
            <option value={OTHER}>{t('settings.currencyOther')}</option>
          </select>
          {showCode && (
            <input
              aria-label={t('settings.currencyCode')}
              className="settings-code"
              disabled={store.currencyLocked}
              value={draft.currency}
              maxLength={3}
              autoComplete="off"
              onChange={(e) => chooseCurrency(e.target.value.toUpperCase())}
            />
          )}
        </div>
      </SettingsField>

      <SettingsField
        id="settings-locale"
        label={t('settings.locale')}
        hint={t('settings.localeExample', { example: money.format(sampleMinor(money.exponent)) })}
        error={errorAt('locale')}
      >
        <select
          id="settings-locale"
          value={draft.locale}
          onChange={(e) => set('locale', e.target.value)}
          {...describedBy('settings-locale', errorAt('locale'), true)}
        >
          {locales.map((code) => (
            <option key={code} value={code}>
              {localeName(code)}
            </option>
          ))}
        </select>
      </SettingsField>

      <SettingsField id="settings-rounding" label={t('settings.cashRounding')} hint={t('settings.cashRoundingHint')} error={errorAt('cashRoundingMinor')}>
        <select
          id="settings-rounding"
          value={draft.cashRoundingMinor}
          onChange={(e) => set('cashRoundingMinor', e.target.value)}
          {...describedBy('settings-rounding', errorAt('cashRoundingMinor'), true)}
        >
          {rounding.map((minor) => (
            <option key={minor} value={String(minor)}>
              {minor === 1 ? t('settings.cashRoundingNone') : t('settings.cashRoundingTo', { amount: money.format(minor) })}
            </option>
          ))}
        </select>
      </SettingsField>
    </section>
  );
}
