import { api } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { useCsvDownload } from '../../hooks/use-csv-download';
import { t } from '../../i18n/t';
import { filterInput, type ActivityFilter } from './use-activity';

/** The whole business day for this filter as CSV (made by the main process), not only the rows shown. */
export function ActivityExport({ filter }: { filter: ActivityFilter }) {
  const { busy, error, done, download } = useCsvDownload(
    () => api['audit.csv'](filterInput(filter)),
    (filename) => t('activity.downloaded', { filename }),
  );

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
