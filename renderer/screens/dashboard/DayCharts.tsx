import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import type { DashboardDay } from '../../../shared/dashboard-types';
import type { Period } from '../../../shared/domain/dashboard-period';
import { ReportSection, ReportTable } from '../../components/ReportTable';
import type { MoneyTools } from '../../hooks/use-money';
import { formatBusinessDate } from '../../hooks/use-when';
import { t } from '../../i18n/t';
import { CsvButton } from './CsvButton';
import type { ChartSize } from './charts';
import { dayPoints, percent, secondsText } from './dashboard-format';

// The chart library is most of the bundle's weight: it loads with the dashboard, not at start.
const MoneyBars = lazy(() => import('./charts').then((m) => ({ default: m.MoneyBars })));

type Props = { days: readonly DashboardDay[]; period: Period; locale: string; money: MoneyTools; chartSize?: ChartSize | undefined };

/**
 * Sales and walkouts per business day as charts, with the table of every day's numbers beside
 * them: a closed day links to its Z, a day still trading says so.
 */
export function DayCharts({ days, period, locale, money, chartSize }: Props) {
  const points = dayPoints(days, locale);
  const rows = days.map((d) => [
    d.zNumber !== null ? (
      <Link
        key="day"
        to={`/reports/z/${d.zNumber}`}
        aria-label={t('dashboard.days.openZ', { number: d.zNumber, date: formatBusinessDate(d.businessDate, locale) })}
      >
        {formatBusinessDate(d.businessDate, locale)}
      </Link>
    ) : (
      <span key="day">
        {formatBusinessDate(d.businessDate, locale)}
        {d.source === 'x' && <span className="report-table__note">{t('dashboard.days.soFar')}</span>}
      </span>
    ),
    money.format(d.netSalesMinor),
    d.settled,
    d.walkouts,
    money.format(d.walkoutMinor),
    percent(d.walkoutTabsBp, locale),
    percent(d.walkoutAmountBp, locale),
    money.format(d.compsMinor),
    secondsText(d.averageSecondsToPay),
    money.format(d.owedAtCloseMinor),
    d.openAtClose,
  ]);
  return (
    <ReportSection id="dashboard-days" title={t('dashboard.days.heading')} className="report-section--wide">
      {days.length === 0 ? (
        <p className="report__muted">{t('dashboard.days.none')}</p>
      ) : (
        <div className="dashboard-charts">
          <div>
            <h3 className="dashboard__subheading">{t('dashboard.sales.heading')}</h3>
            <Suspense fallback={<div className="report-chart dashboard-chart" />}>
              <MoneyBars
                data={points}
                labelKey="label"
                valueKey="netMinor"
                name={t('dashboard.col.sales')}
                label={t('dashboard.sales.chart')}
                colour="#1f5f4a"
                money={money}
                height={240}
                size={chartSize}
              />
            </Suspense>
          </div>
          <div>
            <h3 className="dashboard__subheading">{t('dashboard.walkouts.heading')}</h3>
            <Suspense fallback={<div className="report-chart dashboard-chart" />}>
              <MoneyBars
                data={points}
                labelKey="label"
                valueKey="walkoutMinor"
                name={t('dashboard.col.walkoutAmount')}
                label={t('dashboard.walkouts.chart')}
                colour="#a3261c"
                money={money}
                height={240}
                size={chartSize}
              />
            </Suspense>
          </div>
        </div>
      )}
      <div className="dashboard-scroll" tabIndex={0} role="region" aria-label={t('dashboard.days.table')}>
        <ReportTable
          label={t('dashboard.days.table')}
          empty={t('dashboard.days.none')}
          columns={[
            { label: t('dashboard.col.date') },
            { label: t('dashboard.col.sales'), numeric: true },
            { label: t('dashboard.col.settled'), numeric: true },
            { label: t('dashboard.col.walkouts'), numeric: true },
            { label: t('dashboard.col.walkoutAmount'), numeric: true },
            { label: t('dashboard.col.walkoutTabsRate'), numeric: true },
            { label: t('dashboard.col.walkoutAmountRate'), numeric: true },
            { label: t('dashboard.col.comps'), numeric: true },
            { label: t('dashboard.col.timeToPay'), numeric: true },
            { label: t('dashboard.col.owedAtClose'), numeric: true },
            { label: t('dashboard.col.openAtClose'), numeric: true },
          ]}
          rows={rows}
        />
      </div>
      {days.length > 0 && <CsvButton table="days" title={t('dashboard.days.table')} period={period} />}
    </ReportSection>
  );
}
