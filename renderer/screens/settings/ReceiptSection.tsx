import { useState } from 'react';
import { languageNames, languages, type Language } from '../../../shared/i18n/languages';
import { ADDRESS_LINES_MAX, LEGAL_NAME_MAX, LOGO_MAX_BYTES, TAX_NUMBER_MAX } from '../../../shared/receipt-header';
import { ErrorNote } from '../../components/ErrorNote';
import { describedBy } from '../../components/field-error';
import { t } from '../../i18n/t';
import { readLogoFile } from './receipt-settings';
import type { FieldProblem } from './settings-form';
import { SettingsField } from './SettingsField';
import type { SettingsDraft } from './use-settings-draft';
import './receipt-section.css';

function words(problem: FieldProblem): string {
  return 'text' in problem ? problem.text : t(problem.key, problem.vars);
}

/**
 * What a tax office expects at the head of every receipt (legal name, address, tax number), the
 * logo, and the language receipts, slips and the Z are printed in. Part of the one settings form:
 * each field is a change of the draft, saved with the rest.
 */
export function ReceiptSection({ form }: { form: SettingsDraft }) {
  const { draft, set, errorAt } = form;
  // A picture that could not be taken (not a PNG or JPEG, too large) never reaches the draft.
  const [logoProblem, setLogoProblem] = useState<string | null>(null);
  const pickLogo = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    const read = await readLogoFile(file);
    if (read.ok) {
      setLogoProblem(null);
      set('logo', read.dataUrl);
    } else setLogoProblem(words(read.problem));
  };
  const logoError = logoProblem ?? errorAt('logo');

  return (
    <section className="panel settings-section" aria-labelledby="settings-receipt">
      <h2 id="settings-receipt">{t('settings.section.receipt')}</h2>
      <p className="settings-field__hint">{t('settings.receiptHint')}</p>

      <SettingsField id="settings-legal-name" label={t('settings.legalName')} error={errorAt('legalName')}>
        <input
          id="settings-legal-name"
          value={draft.legalName}
          maxLength={LEGAL_NAME_MAX}
          autoComplete="organization"
          onChange={(e) => set('legalName', e.target.value)}
          {...describedBy('settings-legal-name', errorAt('legalName'))}
        />
      </SettingsField>

      <SettingsField
        id="settings-address"
        label={t('settings.address')}
        hint={t('settings.addressHint', { max: ADDRESS_LINES_MAX })}
        error={errorAt('address')}
      >
        <textarea
          id="settings-address"
          rows={ADDRESS_LINES_MAX}
          value={draft.address}
          autoComplete="street-address"
          onChange={(e) => set('address', e.target.value)}
          {...describedBy('settings-address', errorAt('address'), true)}
        />
      </SettingsField>

      <SettingsField id="settings-tax-number" label={t('settings.taxNumber')} error={errorAt('taxNumber')}>
        <input
          id="settings-tax-number"
          value={draft.taxNumber}
          maxLength={TAX_NUMBER_MAX}
          autoComplete="off"
          onChange={(e) => set('taxNumber', e.target.value)}
          {...describedBy('settings-tax-number', errorAt('taxNumber'))}
        />
      </SettingsField>

      <div className="field settings-field" role="group" aria-labelledby="settings-logo-label">
        <span id="settings-logo-label" className="settings-logo__label">
          {t('settings.logo')}
        </span>
        {draft.logo ? (
          <img className="settings-logo__preview" src={draft.logo} alt={t('settings.logoPreview')} />
        ) : (
          <p className="settings-field__hint">{t('settings.logoNone')}</p>
        )}
        <div className="settings-row">
          <label className="button button--ghost settings-logo__choose">
            {draft.logo ? t('settings.logoReplace') : t('settings.logoChoose')}
            <input
              type="file"
              className="settings-logo__file"
              accept="image/png,image/jpeg"
              onChange={(e) => {
                void pickLogo(e.target.files?.[0]);
                // The same file may be picked again after a problem was fixed elsewhere.
                e.target.value = '';
              }}
              {...describedBy('settings-logo', logoError, true)}
            />
          </label>
          {draft.logo && (
            <button
              type="button"
              className="button button--ghost"
              onClick={() => {
                setLogoProblem(null);
                set('logo', null);
              }}
            >
              {t('settings.logoRemove')}
            </button>
          )}
        </div>
        <p className="settings-field__hint" id="settings-logo-hint">
          {t('settings.logoHint', { kb: LOGO_MAX_BYTES / 1024 })}
        </p>
        <ErrorNote error={logoError} id="settings-logo-error" />
      </div>

      <SettingsField id="settings-language" label={t('settings.language')} hint={t('settings.languageHint')} error={errorAt('language')}>
        <select
          id="settings-language"
          value={draft.language}
          onChange={(e) => set('language', e.target.value as Language)}
          {...describedBy('settings-language', errorAt('language'), true)}
        >
          {languages.map((code) => (
            <option key={code} value={code}>
              {languageNames[code]}
            </option>
          ))}
        </select>
      </SettingsField>
    </section>
  );
}
