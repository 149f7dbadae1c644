import { Link, useParams } from 'react-router';
import { ErrorNote } from '../../components/ErrorNote';
import { Screen } from '../../components/Screen';
import { useStore, useZReport } from '../../hooks/use-live-data';
import { t } from '../../i18n/t';
import { ReportView } from './ReportView';

/** A closed day's Z report, frozen; any past Z opens here from the list. */
export function ZReportScreen() {
  const { zNumber } = useParams();
  const n = Number(zNumber);
  const valid = Number.isSafeInteger(n) && n > 0;
  return (
    <Screen title={t('reports.zTitle', { number: zNumber ?? '' })} back="/reports" className="reports">
      {valid ? <ZLoader zNumber={n} /> : <Missing number={zNumber ?? ''} />}
    </Screen>
  );
}

function ZLoader({ zNumber }: { zNumber: number }) {
  const report = useZReport(zNumber);
  const store = useStore();
  if (report.error) {
    return (
      <div className="no-print">
        <ErrorNote error={report.error} />
        <Link className="button button--ghost" to="/reports">
          {t('reports.backToReports')}
        </Link>
      </div>
    );
  }
  if (!report.data || !store.data) return <p>{t('reports.loading')}</p>;
  return <ReportView report={report.data} store={store.data} />;
}

function Missing({ number }: { number: string }) {
  return (
    <div className="no-print">
      <p>{t('reports.zMissing', { number })}</p>
      <Link className="button button--ghost" to="/reports">
        {t('reports.backToReports')}
      </Link>
    </div>
  );
}
