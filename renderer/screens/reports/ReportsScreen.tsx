import { useState } from 'react';
import { Link } from 'react-router';
import type { ClosedDay, DayStatus } from '../../../shared/closing-types';
import { boundaryText } from '../../../shared/domain/business-day';
import type { StoreSettings } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { ReportSection, ReportTable } from '../../components/ReportTable';
import { Screen } from '../../components/Screen';
import { useDayStatus, useStore, useXReport, useZList } from '../../hooks/use-live-data';
import { useMoney } from '../../hooks/use-money';
import { formatBusinessDate, useWhen } from '../../hooks/use-when';
import { t } from '../../i18n/t';
import { CloseDayPanel } from './CloseDayPanel';
import { ReportView } from './ReportView';
import './reports.css';

/** The day as it stands: which day trades and which closes next, its X report, closing it, past Zs. */
export function ReportsScreen() {
  const status = useDayStatus();
  const store = useStore();
  const error = status.error ?? store.error;
  return (
    <Screen title={t('reports.title')} back="/" className="reports">
      {error && <ErrorNote error={t('reports.loadFailed', { message: error })} />}
      {status.data && store.data ? <ReportsView status={status.data} store={store.data} /> : !error && <p>{t('reports.loading')}</p>}
    </Screen>
  );
}

/** The unclosed days an X can be shown for: those with postings, and the day trading now. */
export function openDays(status: DayStatus): string[] {
  return [...new Set([...status.unclosedDates, status.currentBusinessDate])].sort();
}

function ReportsView({ status, store }: { status: DayStatus; store: StoreSettings }) {
  const [picked, setPicked] = useState<string | null>(null);
  const days = openDays(status);
  const day = picked && days.includes(picked) ? picked : status.nextToClose;
  const dateText = (date: string) => formatBusinessDate(date, store.locale);
  return (
    <>
      <section className="panel report-day no-print" aria-labelledby="report-day-heading">
        <h2 id="report-day-heading" className="report-section__title">
          {t('reports.dayHeading')}
        </h2>
        <p className="report-day__now">{t('reports.currentDay', { date: dateText(status.currentBusinessDate) })}</p>
        <p>{t('reports.nextToClose', { date: dateText(status.nextToClose) })}</p>
        <p className="report__muted">{t('reports.boundary', { time: boundaryText(status.dayBoundaryMinutes), zone: status.timeZone })}</p>
        <p className="report__muted">
          {status.lastZ ? t('reports.lastZ', { number: status.lastZ.zNumber, date: dateText(status.lastZ.businessDate) }) : t('reports.noZ')}
        </p>
        {days.length > 1 && (
          <div className="report-day__pick" role="group" aria-label={t('reports.pickDay')}>
            {days.map((d) => (
              <button
                key={d}
                type="button"
                className={`button ${d === day ? 'button--primary' : 'button--ghost'}`}
                aria-pressed={d === day}
                onClick={() => setPicked(d)}
              >
                {t('reports.dayOption', { date: dateText(d) })}
              </button>
            ))}
          </div>
        )}
        <CloseDayPanel status={status} dateText={dateText} />
      </section>
      <XReport businessDate={day} store={store} />
      <ZList store={store} />
    </>
  );
}

function XReport({ businessDate, store }: { businessDate: string; store: StoreSettings }) {
  const report = useXReport(businessDate);
  if (report.error) return <ErrorNote error={report.error} />;
  if (!report.data || report.data.businessDate !== businessDate) return <p>{t('reports.loading')}</p>;
  return <ReportView report={report.data} store={store} />;
}

function ZList({ store }: { store: StoreSettings }) {
  const list = useZList();
  const money = useMoney(store);
  const when = useWhen(store);
  const rows = (list.data ?? []).map((z: ClosedDay) => [
    <Link key="z" to={`/reports/z/${z.zNumber}`} aria-label={t('reports.z.open', { number: z.zNumber })}>
      #{z.zNumber}
    </Link>,
    formatBusinessDate(z.businessDate, store.locale),
    when.format(z.closedAt),
    z.closedBy,
    money.format(z.netSalesMinor),
  ]);
  return (
    <ReportSection id="zlist" title={t('reports.zList')} className="report-zlist no-print">
      <ErrorNote error={list.error} />
      <ReportTable
        label={t('reports.zList')}
        empty={t('reports.zListEmpty')}
        columns={[
          { label: t('reports.z.number') },
          { label: t('reports.z.date') },
          { label: t('reports.z.closedAt') },
          { label: t('reports.z.closedBy') },
          { label: t('reports.z.net'), numeric: true },
        ]}
        rows={rows}
      />
    </ReportSection>
  );
}
