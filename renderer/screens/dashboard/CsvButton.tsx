import type { DashboardTable } from '../../../shared/dashboard-types';
import type { Period } from '../../../shared/domain/dashboard-period';
import { api } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { useCsvDownload } from '../../hooks/use-csv-download';
import { t } from '../../i18n/t';

/** One table of the dashboard as a CSV file made by the ledger, downloaded under the name it gives. */
export function CsvButton({ table, title, period }: { table: DashboardTable; title: string; period: Period }) {
  const { busy, error, done, download } = useCsvDownload(
    () => api['report.dashboardCsv']({ from: period.from, to: period.to, table }),
    (filename) => t('dashboard.downloaded', { filename }),
  );
  return (
    <div className="dashboard-csv no-print">
      <button
        type="button"
        className="button button--ghost"
        disabled={busy}
        aria-label={t('dashboard.csvOf', { table: title })}
        onClick={() => void download()}
      >
        {t('dashboard.csv')}
      </button>
      <span className="report__muted" role="status">
        {done ?? ''}
      </span>
      <ErrorNote error={error} />
    </div>
  );
}
