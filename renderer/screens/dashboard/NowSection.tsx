import { lazy, Suspense, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { DashboardNow } from '../../../shared/dashboard-types';
import type { Period } from '../../../shared/domain/dashboard-period';
import { ReportSection, ReportTable } from '../../components/ReportTable';
import type { MoneyTools } from '../../hooks/use-money';
import type { WhenTools } from '../../hooks/use-when';
import { t } from '../../i18n/t';
import { CsvButton } from './CsvButton';
import { duration } from './dashboard-format';
import type { ChartSize } from './charts';

// The chart library is most of the bundle's weight: it loads with the dashboard, not at start.
const MoneyBars = lazy(() => import('./charts').then((m) => ({ default: m.MoneyBars })));

type Props = { now: DashboardNow; period: Period; money: MoneyTools; when: WhenTools; chartSize?: ChartSize | undefined };

/** A figure a person reads from across the counter, with what it is under it. */
export function Tile({ label, value, detail, testId }: { label: string; value: ReactNode; detail?: ReactNode; testId?: string }) {
  return (
    <div className="dashboard-tile" data-testid={testId}>
      <dt className="dashboard-tile__label">{label}</dt>
      <dd className="dashboard-tile__value">{value}</dd>
      {detail !== undefined && <dd className="dashboard-tile__detail">{detail}</dd>}
    </div>
  );
}

/** What is out right now: owed on open tabs, how many, the oldest (a link to it), tokens out, deposits held; owed by age. */
export function NowSection({ now, period, money, when, chartSize }: Props) {
  const bands = now.bands.map((b) => ({ ...b, label: t(`dashboard.band.${b.band}`) }));
  return (
    <section className="dashboard-now" aria-labelledby="dashboard-now-heading">
      <div className="dashboard__head">
        <h2 id="dashboard-now-heading" className="dashboard__heading">
          {t('dashboard.now.heading')}
        </h2>
        <p className="report__muted">{t('dashboard.now.at', { time: when.time(now.at) })}</p>
      </div>
      <dl className="dashboard-tiles">
        <Tile testId="now-owed" label={t('dashboard.now.owed')} value={money.format(now.owedMinor)} />
        <Tile testId="now-open" label={t('dashboard.now.openTabs')} value={now.openTabs} />
        <Tile
          testId="now-oldest"
          label={t('dashboard.now.oldest')}
          value={
            now.oldest ? (
              <Link to={`/tab/${now.oldest.tabId}`} aria-label={t('dashboard.now.oldestLink', { token: now.oldest.token })}>
                {t('dashboard.now.oldestToken', { token: now.oldest.token })}
              </Link>
            ) : (
              t('dashboard.now.oldestNone')
            )
          }
          detail={now.oldest ? t('dashboard.now.oldestDetail', { age: duration(now.oldest.ageMinutes), amount: money.format(now.oldest.dueMinor) }) : undefined}
        />
        <Tile
          testId="now-tokens"
          label={t('dashboard.now.tokens')}
          value={t('dashboard.now.tokensValue', { out: now.tokens.out, total: now.tokens.total })}
          detail={now.tokens.missing > 0 ? t('dashboard.now.tokensMissing', { count: now.tokens.missing }) : undefined}
        />
        <Tile
          testId="now-deposits"
          label={t('dashboard.now.deposits')}
          value={money.format(now.depositsHeld.amountMinor)}
          detail={t('dashboard.now.depositsCount', { count: now.depositsHeld.count })}
        />
      </dl>
      <ReportSection id="dashboard-owed" title={t('dashboard.owed.heading')} className="dashboard-pair" level={3}>
        <Suspense fallback={<div className="report-chart dashboard-chart" />}>
          <MoneyBars
            data={bands}
            labelKey="label"
            valueKey="owedMinor"
            name={t('dashboard.col.owed')}
            label={t('dashboard.owed.chart')}
            colour="#a36a1c"
            money={money}
            height={220}
            everyLabel
            size={chartSize}
          />
        </Suspense>
        <div className="dashboard-pair__table">
          <ReportTable
            label={t('dashboard.owed.table')}
            empty={t('dashboard.owed.empty')}
            columns={[{ label: t('dashboard.col.band') }, { label: t('dashboard.col.tabs'), numeric: true }, { label: t('dashboard.col.owed'), numeric: true }]}
            rows={bands.map((b) => [b.label, b.tabs, money.format(b.owedMinor)])}
            foot={[t('dashboard.total'), now.openTabs, money.format(now.owedMinor)]}
          />
          <CsvButton table="owed" title={t('dashboard.owed.table')} period={period} />
        </div>
      </ReportSection>
    </section>
  );
}
