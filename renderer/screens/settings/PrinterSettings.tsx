import { useState } from 'react';
import { printerKinds, printerPapers, thermalPapers, type DeviceView, type PrinterKind, type PrinterPaper } from '../../../shared/device-types';
import type { AppError } from '../../../shared/errors';
import { api } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { describedBy } from '../../components/field-error';
import { describeError } from '../../i18n/describe-error';
import { t } from '../../i18n/t';
import { sentWords } from '../../printing/print-words';
import { printerChanged, printerDraft, printerInput, thermalKind, withKind, type PrinterDraft, type PrinterInput } from './printer-draft';
import { SettingsField } from './SettingsField';
import './printer-settings.css';

type Props = {
  view: DeviceView;
  /** device.update with this printer; resolves to the refusal, or null once saved. */
  save: (printer: PrinterInput) => Promise<AppError | null>;
};

const NONE = '';

/**
 * This PC's printer: none, the system's (A4, PDF, any driver), or a receipt printer spoken to in
 * ESC/POS on the network or through a print queue, with its roll, its drawer and whether settled
 * tabs print their receipt. "Test print" saves what is on the form first, then prints a test page.
 */
export function PrinterSettings({ view, save }: Props) {
  const [draft, setDraft] = useState<PrinterDraft>(() => printerDraft(view.printer));
  const [error, setError] = useState<AppError | string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<PrinterDraft>): void => setDraft((d) => ({ ...d, ...patch }));
  const fieldError = (field: string): string | null => (error && typeof error !== 'string' && error.field === `printer.${field}` ? describeError(error) : null);
  const portError = error === 'port' ? t('errors.field.printerPort') : fieldError('port');
  const otherError = error === 'port' || (error && typeof error !== 'string' && error.field?.startsWith('printer.')) ? null : error;
  const thermal = thermalKind(draft.kind);
  const papers: readonly PrinterPaper[] = thermal ? thermalPapers : printerPapers;

  async function saved(): Promise<boolean> {
    const parsed = printerInput(draft);
    if (!parsed.ok) {
      setError('port');
      return false;
    }
    const refusal = await save(parsed.input);
    setError(refusal);
    return refusal === null;
  }

  async function onSave(): Promise<void> {
    setStatus(null);
    setBusy(true);
    if (await saved()) setStatus(t('device.saved'));
    setBusy(false);
  }

  async function onTest(): Promise<void> {
    // A failure from the last try goes: only this try's outcome is shown.
    setStatus(null);
    setError(null);
    setBusy(true);
    if (!printerChanged(draft, view.printer) || (await saved())) {
      setStatus(t('print.printing'));
      const result = await api['print.test']({});
      setStatus(result.ok ? sentWords(result.value) : null);
      if (!result.ok) setError(result.error);
    }
    setBusy(false);
  }

  return (
    <fieldset className="printer-settings">
      <legend>{t('device.printer')}</legend>
      <SettingsField id="device-printer-kind" label={t('device.printerKind')} hint={t('device.kindHint')} error={null}>
        <select
          id="device-printer-kind"
          value={draft.kind}
          onChange={(e) => setDraft((d) => withKind(d, e.target.value as PrinterKind | ''))}
          {...describedBy('device-printer-kind', null, true)}
        >
          <option value={NONE}>{t('device.paperNone')}</option>
          {printerKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`device.kind.${kind}`)}
            </option>
          ))}
        </select>
      </SettingsField>
      {draft.kind !== NONE && (
        <SettingsField id="device-paper" label={t('device.paper')} error={null}>
          <select id="device-paper" value={draft.paper} onChange={(e) => set({ paper: e.target.value as PrinterPaper })}>
            {papers.map((size) => (
              <option key={size} value={size}>
                {t(`device.paper.${size}`)}
              </option>
            ))}
          </select>
        </SettingsField>
      )}
      {draft.kind === 'system' && (
        <SettingsField id="device-printer-name" label={t('device.printerName')} hint={t('device.printerNameHint')} error={fieldError('name')}>
          <input
            id="device-printer-name"
            autoComplete="off"
            maxLength={80}
            value={draft.name}
            onChange={(e) => set({ name: e.target.value })}
            {...describedBy('device-printer-name', fieldError('name'), true)}
          />
        </SettingsField>
      )}
      {draft.kind === 'escpos-network' && (
        <div className="printer-settings__address">
          <SettingsField id="device-printer-host" label={t('device.printerHost')} error={fieldError('host')}>
            <input
              id="device-printer-host"
              autoComplete="off"
              spellCheck={false}
              maxLength={253}
              value={draft.host}
              onChange={(e) => set({ host: e.target.value })}
              {...describedBy('device-printer-host', fieldError('host'))}
            />
          </SettingsField>
          <SettingsField id="device-printer-port" label={t('device.printerPort')} hint={t('device.printerPortHint')} error={portError}>
            <input
              id="device-printer-port"
              className="settings-number"
              inputMode="numeric"
              autoComplete="off"
              maxLength={5}
              value={draft.port}
              onChange={(e) => set({ port: e.target.value })}
              {...describedBy('device-printer-port', portError, true)}
            />
          </SettingsField>
        </div>
      )}
      {draft.kind === 'escpos-queue' && (
        <SettingsField id="device-printer-queue" label={t('device.printerQueue')} hint={t('device.printerQueueHint')} error={fieldError('queue')}>
          <input
            id="device-printer-queue"
            autoComplete="off"
            spellCheck={false}
            maxLength={127}
            value={draft.queue}
            onChange={(e) => set({ queue: e.target.value })}
            {...describedBy('device-printer-queue', fieldError('queue'), true)}
          />
        </SettingsField>
      )}
      {thermal && (
        <div className="printer-settings__checks">
          <label className="printer-settings__check">
            <input type="checkbox" checked={draft.drawer} onChange={(e) => set({ drawer: e.target.checked })} />
            <span>{t('device.drawer')}</span>
          </label>
          <label className="printer-settings__check">
            <input type="checkbox" checked={draft.autoReceipt} onChange={(e) => set({ autoReceipt: e.target.checked })} />
            <span>{t('device.autoReceipt')}</span>
          </label>
        </div>
      )}
      <div className="printer-settings__buttons">
        <button type="button" className="button" disabled={busy} onClick={() => void onSave()}>
          {t('device.savePrinter')}
        </button>
        {thermal && (
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void onTest()} aria-describedby="device-test-hint">
            {t('device.testPrint')}
          </button>
        )}
      </div>
      {thermal && (
        <p className="settings-field__hint" id="device-test-hint">
          {t('device.testPrintHint')}
        </p>
      )}
      {status && (
        <p className="settings__status" role="status">
          {status}
        </p>
      )}
      <ErrorNote error={otherError} />
    </fieldset>
  );
}
