import { lazy, Suspense } from 'react';
import type { DayReport } from '../../../shared/closing-types';
import type { StoreSettings } from '../../../shared/types';
import { ReportSection } from '../../components/ReportTable';
import { formatBusinessDate, useWhen } from '../../hooks/use-when';
import { tPaper } from '../../i18n/t';
import { chainHeadText, formatEntry } from '../backup/backup-format';
import { DaySections } from './DaySections';
import { ExportActions } from './ExportActions';
import { reportMoney } from './report-format';
import { SalesSections } from './SalesSections';
import { StaffSection } from './StaffSection';
import './reports.css';

// The chart library is most of the bundle's weight: it loads with the first report, not at start.
const HourChart = lazy(() => import('./HourChart').then((m) => ({ default: m.HourChart })));

type Props = { report: DayReport; store: StoreSettings };

/** One day's report, X or Z, with every section the ledger produced, laid out to print. */
export function ReportView({ report, store }: Props) {
  const money = reportMoney(report);
  const date = formatBusinessDate(report.businessDate, report.locale, true);
  // A Z keeps the locale it was closed in; its moments are read on the store's clock.
  const when = useWhen({ locale: report.locale, timeZone: store.timeZone }, true);
  const heading = report.kind === 'z' ? tPaper('reports.heading.z', { number: report.zNumber ?? '', date }) : tPaper('reports.heading.x', { date });
  return (
    <article className={`report report--${report.kind}`} aria-label={heading}>
      <header className="report__head">
        <p className="report__store">{report.storeName}</p>
        <h2 className="report__title">{heading}</h2>
        <p className="report__muted">{tPaper(`reports.kindNote.${report.kind}`)}</p>
        <p className="report__muted">
          {tPaper('reports.generated', { when: when.format(report.generatedAt), name: report.generatedBy, count: report.entryCount })}
        </p>
        {/* The chain head the Z closed on, printed with it: the paper can be compared with the ledger later. */}
        {report.chain && (
          <p
            className="report__muted report__chain"
            title={tPaper('reports.chainAtCloseFull', { seq: formatEntry(report.chain.seq, report.locale), hash: report.chain.hash })}
          >
            {tPaper('reports.chainAtClose', { head: chainHeadText(report.chain, report.locale) })}
          </p>
        )}
        <ExportActions report={report} />
      </header>
      <div className="report__grid">
        <SalesSections report={report} money={money} when={when} storeRates={store.taxRates} />
        <ReportSection id="by-hour" title={tPaper('reports.byHour')} className="report-section--wide">
          <Suspense fallback={<p className="report__muted">{tPaper('reports.loading')}</p>}>
            <HourChart byHour={report.byHour} boundaryMinutes={store.dayBoundaryMinutes} ofSale={report.byHourOfSale === true} money={money} />
          </Suspense>
        </ReportSection>
        <StaffSection report={report} money={money} />
        <DaySections report={report} money={money} store={store} />
      </div>
    </article>
  );
}
