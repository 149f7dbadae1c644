import { codes as currencyCodes } from 'currency-codes';
import { useMemo } from 'react';
import { languageNames, languages, type Language } from '../../../shared/i18n/languages';
import { currencyExponent, formatMoney, isKnownCurrency } from '../../../shared/money';
import { sampleMinor } from '../../format/money-preview';
import { screenLanguage, t } from '../../i18n/t';
import { ADDRESS_LINES, commonCurrencies, isKnownLocale, wizardLocales, type StepProps } from './wizard-draft';
import { described, WizardField } from './WizardField';

/** Step 1: the store as its receipts name it. */
export function StoreStep({ draft, problems, edit }: StepProps) {
  return (
    <>
      <p className="wizard__lead">{t('firstRun.wizard.storeLead')}</p>
      <div className="wizard__pair">
        <WizardField field="name" label={t('firstRun.wizard.name')} hint={t('firstRun.wizard.nameHint')} error={problems.name}>
          <input
            {...described('name', problems.name, true)}
            autoFocus
            autoComplete="organization"
            maxLength={80}
            value={draft.name}
            onChange={(e) => edit.set({ name: e.target.value })}
          />
        </WizardField>
        <WizardField field="legalName" label={t('firstRun.wizard.legalName')} hint={t('firstRun.wizard.legalNameHint')} error={problems.legalName}>
          <input
            {...described('legalName', problems.legalName, true)}
            autoComplete="off"
            maxLength={120}
            value={draft.legalName}
            onChange={(e) => edit.set({ legalName: e.target.value })}
          />
        </WizardField>
      </div>
      <div className="wizard__pair">
        <WizardField
          field="address"
          label={t('firstRun.wizard.address')}
          hint={t('firstRun.wizard.addressHint', { max: ADDRESS_LINES })}
          error={problems.address}
        >
          <textarea
            {...described('address', problems.address, true)}
            rows={ADDRESS_LINES}
            autoComplete="street-address"
            value={draft.address}
            onChange={(e) => edit.set({ address: e.target.value })}
          />
        </WizardField>
        <WizardField field="taxNumber" label={t('firstRun.wizard.taxNumber')} hint={t('firstRun.wizard.taxNumberHint')} error={problems.taxNumber}>
          <input
            {...described('taxNumber', problems.taxNumber, true)}
            autoComplete="off"
            maxLength={40}
            value={draft.taxNumber}
            onChange={(e) => edit.set({ taxNumber: e.target.value })}
          />
        </WizardField>
      </div>
    </>
  );
}

function displayNames(type: 'currency' | 'language'): Intl.DisplayNames | null {
  const language = screenLanguage();
  try {
    return new Intl.DisplayNames([language === 'pseudo' ? 'en' : language], { type });
  } catch {
    return null;
  }
}

/** "EUR · Euro": the code, then its name in the screen's language where the browser knows it. */
function currencyLabel(code: string, names: Intl.DisplayNames | null): string {
  const name = names?.of(code);
  return name && name !== code ? `${code} · ${name}` : code;
}

/** Every ISO 4217 code Aftertab can count in, the common ones left out (they come first). */
function otherCurrencies(): string[] {
  const common = new Set<string>(commonCurrencies);
  return currencyCodes()
    .filter((code) => isKnownCurrency(code) && !common.has(code))
    .sort();
}

function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(current) ? zones : [current, ...zones];
}

const OTHER = 'other';

/** Step 2: the currency, how amounts and dates are written, the store's clock, the receipts' language. */
export function MoneyStep({ draft, problems, edit }: StepProps) {
  const currencyNames = useMemo(() => displayNames('currency'), []);
  const localeNames = useMemo(() => displayNames('language'), []);
  const others = useMemo(() => otherCurrencies(), []);
  const zones = useMemo(() => timeZones(draft.timeZone), [draft.timeZone]);
  const listed = (wizardLocales as readonly string[]).includes(draft.locale);
  const code = draft.currency.trim().toUpperCase();
  const sample =
    isKnownCurrency(code) && isKnownLocale(draft.locale.trim()) ? formatMoney(sampleMinor(currencyExponent(code)), code, draft.locale.trim()) : null;
  return (
    <>
      <p className="wizard__lead">{t('firstRun.wizard.moneyLead')}</p>
      <div className="wizard__pair">
        <WizardField field="locale" label={t('firstRun.wizard.locale')} hint={t('firstRun.wizard.localeHint')} error={problems.locale}>
          <select
            {...described('locale', listed ? problems.locale : undefined, true)}
            autoFocus
            value={listed ? draft.locale : OTHER}
            onChange={(e) => edit.setLocale(e.target.value === OTHER ? '' : e.target.value)}
          >
            {wizardLocales.map((locale) => (
              <option key={locale} value={locale}>
                {`${localeNames?.of(locale) ?? locale} (${locale})`}
              </option>
            ))}
            <option value={OTHER}>{t('firstRun.wizard.localeOther')}</option>
          </select>
          {!listed && (
            <input
              aria-label={t('firstRun.wizard.localeCode')}
              {...described('locale', problems.locale)}
              id="wizard-locale-code"
              autoComplete="off"
              maxLength={35}
              placeholder="fr-BE"
              value={draft.locale}
              onChange={(e) => edit.setLocale(e.target.value)}
            />
          )}
        </WizardField>
        <WizardField field="currency" label={t('firstRun.wizard.currency')} error={problems.currency}>
          <select {...described('currency', problems.currency)} value={code} onChange={(e) => edit.set({ currency: e.target.value }, 'currency')}>
            {commonCurrencies.map((c) => (
              <option key={c} value={c}>
                {currencyLabel(c, currencyNames)}
              </option>
            ))}
            <optgroup label={t('firstRun.wizard.currencyAll')}>
              {others.map((c) => (
                <option key={c} value={c}>
                  {currencyLabel(c, currencyNames)}
                </option>
              ))}
            </optgroup>
          </select>
        </WizardField>
      </div>
      <p className="wizard__sample" data-testid="wizard-money-sample" aria-live="polite">
        {sample ? t('firstRun.wizard.moneySample', { sample }) : t('firstRun.wizard.moneySampleNone')}
      </p>
      <div className="wizard__pair">
        <WizardField field="timeZone" label={t('firstRun.wizard.timeZone')} hint={t('firstRun.wizard.timeZoneHint')} error={problems.timeZone}>
          <select {...described('timeZone', problems.timeZone, true)} value={draft.timeZone} onChange={(e) => edit.set({ timeZone: e.target.value })}>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </WizardField>
        <WizardField field="language" label={t('firstRun.wizard.language')} hint={t('firstRun.wizard.languageHint')} error={problems.language}>
          <select {...described('language', problems.language, true)} value={draft.language} onChange={(e) => edit.setLanguage(e.target.value as Language)}>
            {languages.map((language) => (
              <option key={language} value={language}>
                {languageNames[language]}
              </option>
            ))}
          </select>
        </WizardField>
      </div>
    </>
  );
}
