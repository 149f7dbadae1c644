import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import { api } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { t } from '../../i18n/t';
import { csvBlob, downloadBlob } from '../reports/export-files';
import { filterInput, type ActivityFilter } from './use-activity';

/** The whole business day for this filter as CSV (made by the main process), not only the rows shown. */
export function ActivityExport({ filter }: { filter: ActivityFilter }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const download = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    setDone(null);
    const result = await api['audit.csv'](filterInput(filter));
    setBusy(false);
    if (!result.ok) return setError(result.error);
    downloadBlob(csvBlob(result.value.text), result.value.filename);
    setDone(t('activity.downloaded', { filename: result.value.filename }));
  };

  return (
    <div className="activity-export">
      <button type="button" className="button button--primary" disabled={busy} onClick={() => void download()}>
        {busy ? t('activity.exporting') : t('activity.export')}
      </button>
      <p className="activity__muted" role="status">
        {done ?? ''}
      </p>
      <ErrorNote error={error} />
    </div>
  );
}
