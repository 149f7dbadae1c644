import { useEffect, useState } from 'react';
import { printerPapers, type DeviceView, type PrinterPaper } from '../../../shared/device-types';
import type { AppError } from '../../../shared/errors';
import { languageNames, languages, type UiLanguage } from '../../../shared/i18n/languages';
import { api } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { applyDeviceView } from '../../i18n/language-store';
import { t } from '../../i18n/t';
import { describedBy, SettingsField } from './SettingsField';

const STORE_LANGUAGE = '';

/**
 * What belongs to this PC, not to the store: the language its screens speak and the printer it
 * prints on. Each change is saved at once (it is not part of the store's draft): a language
 * changes every word on the screen, so there is nothing to keep unsaved.
 */
export function DeviceSection() {
  const [view, setView] = useState<DeviceView | null>(null);
  const [error, setError] = useState<AppError | string | null>(null);
  const [paper, setPaper] = useState<PrinterPaper | ''>('');
  const [printerName, setPrinterName] = useState('');
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let live = true;
    void api['device.get']({}).then((result) => {
      if (!live) return;
      if (result.ok) {
        setView(result.value);
        setPaper(result.value.printer?.paper ?? '');
        setPrinterName(result.value.printer?.name ?? '');
      } else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, []);

  async function update(input: { language?: UiLanguage | 'store'; printer?: { paper: PrinterPaper | 'none'; name: string } }): Promise<boolean> {
    setError(null);
    setSaved(false);
    const result = await api['device.update'](input);
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    setView(result.value);
    setSaved(true);
    // A new language re-renders the whole app in it.
    applyDeviceView(result.value);
    return true;
  }

  if (!view) {
    return (
      <section className="settings-section" aria-labelledby="settings-device">
        <h2 id="settings-device">{t('device.section')}</h2>
        {error ? <ErrorNote error={error} /> : <p>{t('settings.loading')}</p>}
      </section>
    );
  }

  const storeName = languageNames[view.storeLanguage];
  return (
    <section className="settings-section" aria-labelledby="settings-device">
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
      <fieldset>
        <legend>{t('device.printer')}</legend>
        <SettingsField id="device-paper" label={t('device.paper')} error={null}>
          <select id="device-paper" value={paper} onChange={(e) => setPaper(e.target.value as PrinterPaper | '')}>
            <option value="">{t('device.paperNone')}</option>
            {printerPapers.map((size) => (
              <option key={size} value={size}>
                {t(`device.paper.${size}`)}
              </option>
            ))}
          </select>
        </SettingsField>
        <SettingsField id="device-printer-name" label={t('device.printerName')} hint={t('device.printerNameHint')} error={null}>
          <input
            id="device-printer-name"
            autoComplete="off"
            maxLength={80}
            disabled={paper === ''}
            value={printerName}
            onChange={(e) => setPrinterName(e.target.value)}
            {...describedBy('device-printer-name', null, true)}
          />
        </SettingsField>
        <button
          type="button"
          className="button"
          onClick={() => void update({ printer: { paper: paper === '' ? 'none' : paper, name: paper === '' ? '' : printerName.trim() } })}
        >
          {t('device.savePrinter')}
        </button>
      </fieldset>
      {saved && (
        <p className="settings__status" role="status">
          {t('device.saved')}
        </p>
      )}
      <ErrorNote error={error} />
    </section>
  );
}
