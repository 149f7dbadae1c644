import { useState } from 'react';
import type { DayReport } from '../../../shared/closing-types';
import type { AppError } from '../../../shared/errors';
import { api } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { csvBlob, downloadBlob } from '../../download';
import { t } from '../../i18n/t';
import { PrintAction } from '../../printing/PrintAction';
import { electronBridge, reportPdfName, savePdf } from './export-files';

type What = 'report' | 'journal';

/** CSV of the report or of the day's journal (made by the main process), and the report as a PDF. */
export function ExportActions({ report }: { report: DayReport }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const download = async (what: What): Promise<void> => {
    setBusy(true);
    setError(null);
    setDone(null);
    const result = await api['report.csv']({ what, businessDate: report.businessDate });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    downloadBlob(csvBlob(result.value.text), result.value.filename);
    setDone(t('reports.downloaded', { filename: result.value.filename }));
  };

  const pdf = async (): Promise<void> => {
    setError(null);
    setDone(null);
    const outcome = await savePdf(reportPdfName(report), electronBridge(), () => window.print());
    if (outcome.kind === 'failed') setError(outcome.result.error);
    if (outcome.kind === 'saved') setDone(t('reports.pdfSaved', { path: outcome.path }));
  };

  return (
    <div className="report-export no-print" role="group" aria-label={t('reports.export')}>
      <div className="report-export__buttons">
        <PrintAction
          document={
            report.kind === 'z' && report.zNumber !== null ? { document: 'z', zNumber: report.zNumber } : { document: 'x', businessDate: report.businessDate }
          }
          label={t('reports.print')}
          className="button button--ghost"
        />
        <button type="button" className="button button--ghost" disabled={busy} onClick={() => void download('report')}>
          {t('reports.csvReport')}
        </button>
        <button type="button" className="button button--ghost" disabled={busy} onClick={() => void download('journal')}>
          {t('reports.csvJournal')}
        </button>
        <button type="button" className="button button--ghost" onClick={() => void pdf()}>
          {t('reports.savePdf')}
        </button>
      </div>
      <p className="report__muted" role="status">
        {done ?? ''}
      </p>
      <ErrorNote error={error} />
    </div>
  );
}
