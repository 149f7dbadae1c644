import { useEffect, useState } from 'react';
import type { DeviceView } from '../../../shared/device-types';
import type { AppError } from '../../../shared/errors';
import { languageNames, languages, type UiLanguage } from '../../../shared/i18n/languages';
import { api } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { describedBy } from '../../components/field-error';
import { applyDeviceView } from '../../i18n/language-store';
import { t } from '../../i18n/t';
import type { PrinterInput } from './printer-draft';
import { PrinterSettings } from './PrinterSettings';
import { SettingsField } from './SettingsField';

const STORE_LANGUAGE = '';

/**
 * What belongs to this PC, not to the store: the language its screens speak and the printer it
 * prints on. Each change is saved at once (it is not part of the store's draft): a language
 * changes every word on the screen, so there is nothing to keep unsaved.
 */
export function DeviceSection() {
  const [view, setView] = useState<DeviceView | null>(null);
  const [error, setError] = useState<AppError | string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let live = true;
    void api['device.get']({}).then((result) => {
      if (!live) return;
      if (result.ok) {
        setView(result.value);
      } else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, []);

  async function update(input: { language?: UiLanguage | 'store' }): Promise<boolean> {
    setError(null);
    setSaved(false);
    const result = await api['device.update'](input);
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    setView(result.value);
    setSaved(true);
    // A new language re-renders the whole app in it, once its catalogue is here.
    try {
      await applyDeviceView(result.value);
    } catch (failed) {
      setError(failed instanceof Error ? failed.message : String(failed));
      return false;
    }
    return true;
  }

  /** The printer's own part of the form says what was saved or refused, beside its fields. */
  async function savePrinter(printer: PrinterInput): Promise<AppError | null> {
    setSaved(false);
    const result = await api['device.update']({ printer });
    if (!result.ok) return result.error;
    setView(result.value);
    // Only the printer changed: the language in the answer is the one already on screen, its
    // catalogue here, so nothing is fetched (and the printer's form has nothing to say about it).
    void applyDeviceView(result.value).catch(() => undefined);
    return null;
  }

  if (!view) {
    return (
      <section className="panel settings-section" aria-labelledby="settings-device">
        <h2 id="settings-device">{t('device.section')}</h2>
        {error ? <ErrorNote error={error} /> : <p>{t('settings.loading')}</p>}
      </section>
    );
  }

  const storeName = languageNames[view.storeLanguage];
  return (
    <section className="panel settings-section" aria-labelledby="settings-device">
      <h2 id="settings-device">{t('device.section')}</h2>
      <p className="settings-field__hint">{t('device.intro')}</p>
      <SettingsField id="device-language" label={t('device.language')} hint={t('device.languageHint', { language: storeName })} error={null}>
        <select
          id="device-language"
          value={view.language === null || view.language === 'pseudo' ? STORE_LANGUAGE : view.language}
          onChange={(e) => void update({ language: e.target.value === STORE_LANGUAGE ? 'store' : (e.target.value as UiLanguage) })}
          {...describedBy('device-language', null, true)}
        >
          <option value={STORE_LANGUAGE}>{t('device.languageStore', { language: storeName })}</option>
          {languages.map((language) => (
            <option key={language} value={language} lang={language}>
              {languageNames[language]}
            </option>
          ))}
        </select>
      </SettingsField>
      <PrinterSettings view={view} save={savePrinter} />
      {saved && (
        <p className="settings__status" role="status">
          {t('device.saved')}
        </p>
      )}
      <ErrorNote error={error} />
    </section>
  );
}
