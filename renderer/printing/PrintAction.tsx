import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CommandInput } from '../../shared/contract';
import { isThermal } from '../../shared/device-types';
import type { AppError } from '../../shared/errors';
import type { PaperPreview } from '../../shared/paper/paper-doc';
import { api } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { SidePanel } from '../components/SidePanel';
import { useEscapeFirst } from '../hooks/use-escape-first';
import { t } from '../i18n/t';
import { PaperView } from './PaperView';
import { paperWords, sentWords } from './print-words';
import { useDevicePrinter } from './use-device-printer';
import { usePrintShortcut } from './use-print-shortcut';
import './paper-view.css';

export type PaperDocument = CommandInput<'print.document'>;

type Props = {
  /** What this screen prints, by reference: the host reads and lays it out itself. */
  document: PaperDocument;
  label: string;
  disabled?: boolean;
  className?: string;
  /** The system's printing (the A4 page, a PDF), as the screen always had. */
  systemPrint?: () => void;
};

/**
 * A screen's Print (and Ctrl+P): with a receipt printer on this PC, a preview of the roll exactly
 * as it will print, then the print; without one, the system's print dialog as before.
 */
export function PrintAction({ document, label, disabled = false, className = 'button button--primary', systemPrint = () => window.print() }: Props) {
  const printer = useDevicePrinter();
  const [previewing, setPreviewing] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const ready = !disabled;
  const start = (): void => {
    if (!ready) return;
    setStatus(null);
    if (isThermal(printer)) setPreviewing(true);
    else systemPrint();
  };
  usePrintShortcut(start, ready && !previewing);
  return (
    <span className="print-action">
      <button type="button" className={className} onClick={start} disabled={!ready} aria-keyshortcuts="Control+P" title={t('print.shortcut')}>
        {label}
      </button>
      {status && (
        <span className="print-action__status" role="status">
          {status}
        </span>
      )}
      {previewing && (
        <PrintPreviewPanel
          document={document}
          onClose={() => setPreviewing(false)}
          onPrinted={(words) => {
            setPreviewing(false);
            setStatus(words);
          }}
        />
      )}
    </span>
  );
}

/** The roll on screen (print.preview) and its Print (print.document): the same lines, laid out by the host. */
export function PrintPreviewPanel({ document, onClose, onPrinted }: { document: PaperDocument; onClose: () => void; onPrinted: (words: string) => void }) {
  const [preview, setPreview] = useState<PaperPreview | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [printing, setPrinting] = useState(false);
  const printButton = useRef<HTMLButtonElement>(null);
  const key = JSON.stringify(document);
  useEscapeFirst(onClose, true);
  useEffect(() => {
    let live = true;
    void api['print.preview'](JSON.parse(key) as PaperDocument).then((result) => {
      if (!live) return;
      if (result.ok) setPreview(result.value);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [key]);
  // Enter prints once the paper is there to check.
  useEffect(() => {
    if (preview) printButton.current?.focus();
  }, [preview]);

  async function print(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (!preview || printing) return;
    setPrinting(true);
    setError(null);
    const result = await api['print.document'](document);
    setPrinting(false);
    if (result.ok) onPrinted(sentWords(result.value));
    else setError(result.error);
  }

  return (
    <SidePanel titleId="print-preview-title" onSubmit={(event) => void print(event)} className="print-preview">
      <h2 id="print-preview-title">{t('print.preview.title')}</h2>
      {preview ? (
        <>
          <p className="settings-field__hint">{paperWords(preview)}</p>
          <div className="print-preview__paper">
            <PaperView preview={preview} label={t('print.preview.title')} />
          </div>
        </>
      ) : (
        !error && <p>{t('print.preview.loading')}</p>
      )}
      <div className="print-preview__buttons">
        {/* Enter prints: the preview is there to be checked, then printed. */}
        <button ref={printButton} type="submit" className="button button--primary" disabled={!preview || printing}>
          {printing ? t('print.printing') : t('print.preview.print')}
        </button>
        <button type="button" className="button button--ghost" onClick={onClose} aria-keyshortcuts="Escape">
          {t('print.preview.close')}
        </button>
      </div>
      <ErrorNote error={error} />
    </SidePanel>
  );
}
