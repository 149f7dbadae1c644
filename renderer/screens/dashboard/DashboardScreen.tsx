import { useState } from 'react';
import type { StoreSettings } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { Screen } from '../../components/Screen';
import { useDayStatus, useStore } from '../../hooks/use-live-data';
import { useMoney } from '../../hooks/use-money';
import { useWhen } from '../../hooks/use-when';
import { t } from '../../i18n/t';
import type { ChartSize } from './charts';
import { DayCharts } from './DayCharts';
import { NowSection } from './NowSection';
import { defaultChoice, periodFor, type PeriodChoice } from './period-choice';
import { PeriodPicker } from './PeriodPicker';
import { PeriodSummary, PeriodTables } from './PeriodTables';
import { useDashboard } from './use-dashboard';
import '../reports/reports.css';
import './dashboard.css';

/**
 * The owner's trust and cash-flow dashboard: what is out on open tabs now, and a chosen period
 * from its closed days and today so far. Every figure is the ledger's; the screen only shows it.
 */
export function DashboardScreen({ chartSize }: { chartSize?: ChartSize }) {
  const status = useDayStatus();
  const store = useStore();
  const error = status.error ?? store.error;
  return (
    <Screen title={t('dashboard.title')} back="/" className="dashboard">
      {error && <ErrorNote error={t('dashboard.loadFailed', { message: error })} />}
      {status.data && store.data ? (
        <DashboardView today={status.data.currentBusinessDate} store={store.data} chartSize={chartSize} />
      ) : (
        !error && <p role="status">{t('dashboard.loading')}</p>
      )}
    </Screen>
  );
}

function DashboardView({ today, store, chartSize }: { today: string; store: StoreSettings; chartSize?: ChartSize | undefined }) {
  const [choice, setChoice] = useState<PeriodChoice>(defaultChoice);
  const period = periodFor(choice, today);
  const dashboard = useDashboard(period);
  const money = useMoney(store);
  const when = useWhen(store);
  const { data } = dashboard;
  return (
    <>
      <PeriodPicker choice={choice} today={today} locale={store.locale} onChange={setChoice} />
      <ErrorNote error={dashboard.error} />
      {!data ? (
        !dashboard.error && <p role="status">{t('dashboard.loading')}</p>
      ) : (
        <div className="dashboard__body" aria-busy={dashboard.loading}>
          {dashboard.loading && (
            <p className="report__muted" role="status">
              {t('dashboard.updating')}
            </p>
          )}
          <NowSection now={data.now} period={period} money={money} when={when} chartSize={chartSize} />
          <PeriodSummary data={data} locale={store.locale} money={money} />
          {data.days.every((d) => d.source === 'none') && <p className="dashboard__empty">{t('dashboard.empty')}</p>}
          <DayCharts days={data.days} period={{ from: data.from, to: data.to }} locale={store.locale} money={money} chartSize={chartSize} />
          <PeriodTables data={data} period={{ from: data.from, to: data.to }} locale={store.locale} money={money} />
        </div>
      )}
    </>
  );
}
