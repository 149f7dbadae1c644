import type { Dashboard } from '../../../shared/dashboard-types';
import type { Period } from '../../../shared/domain/dashboard-period';
import { ReportSection, ReportTable } from '../../components/ReportTable';
import type { MoneyTools } from '../../hooks/use-money';
import { formatBusinessDate } from '../../hooks/use-when';
import { t } from '../../i18n/t';
import { CsvButton } from './CsvButton';
import { percent, secondsText } from './dashboard-format';
import { Tile } from './NowSection';

type Props = { data: Dashboard; period: Period; locale: string; money: MoneyTools };

/** The period in a few figures: sales, the walkout rate by tabs and by amount, the comp rate, time to pay; the salon's no-shows. */
export function PeriodSummary({ data, locale, money }: Omit<Props, 'period'>) {
  const x = data.totals;
  return (
    <section className="dashboard-summary" aria-labelledby="dashboard-summary-heading">
      <div className="dashboard__head">
        <h2 id="dashboard-summary-heading" className="dashboard__heading">
          {t('dashboard.summary.heading')}
        </h2>
        <p className="report__muted">{t('dashboard.summary.sources', { closed: x.closedDays, open: x.openDays })}</p>
      </div>
      <dl className="dashboard-tiles">
        <Tile
          testId="period-sales"
          label={t('dashboard.summary.sales')}
          value={money.format(x.netSalesMinor)}
          detail={t('dashboard.summary.settled', { count: x.settled })}
        />
        <Tile
          testId="period-walkouts"
          label={t('dashboard.summary.walkoutRate')}
          value={percent(x.walkoutTabsBp, locale)}
          detail={t('dashboard.summary.walkoutDetail', {
            walkouts: x.walkouts,
            tabs: x.settled + x.walkouts,
            amount: money.format(x.walkoutMinor),
            rate: percent(x.walkoutAmountBp, locale),
          })}
        />
        <Tile
          testId="period-comps"
          label={t('dashboard.summary.compRate')}
          value={percent(x.compRateBp, locale)}
          detail={t('dashboard.summary.compDetail', { amount: money.format(x.compsMinor) })}
        />
        <Tile testId="period-pay" label={t('dashboard.summary.timeToPay')} value={secondsText(x.averageSecondsToPay)} />
        {data.salon && (
          <>
            <Tile
              testId="period-noshows"
              label={t('dashboard.summary.noShowRate')}
              value={percent(x.noShowRateBp, locale)}
              detail={t('dashboard.summary.noShowDetail', { noShows: x.noShows, appointments: x.appointmentsDone + x.noShows + x.lateCancels })}
            />
            <Tile testId="period-forfeited" label={t('dashboard.summary.forfeited')} value={money.format(x.forfeitedMinor)} />
          </>
        )}
      </dl>
    </section>
  );
}

/** Comps by reason, satisfaction by staff member and by item, and the salon's appointments: each a table with its CSV. */
export function PeriodTables({ data, period, locale, money }: Props) {
  const ratingColumns = [
    { label: t('dashboard.col.happy'), numeric: true },
    { label: t('dashboard.col.okay'), numeric: true },
    { label: t('dashboard.col.unhappy'), numeric: true },
  ];
  const compColumns = [
    { label: t('dashboard.col.compsGiven'), numeric: true },
    { label: t('dashboard.col.compsAmount'), numeric: true },
  ];
  return (
    <div className="report__grid">
      <ReportSection id="dashboard-comps" title={t('dashboard.comps.heading')}>
        <ReportTable
          label={t('dashboard.comps.heading')}
          empty={t('dashboard.comps.empty')}
          columns={[
            { label: t('dashboard.col.reason') },
            { label: t('dashboard.col.count'), numeric: true },
            { label: t('dashboard.col.amount'), numeric: true },
            { label: t('dashboard.col.ofGross'), numeric: true },
          ]}
          rows={data.comps.map((c) => [c.reason, c.count, money.format(c.amountMinor), percent(c.rateBp, locale)])}
        />
        {data.comps.length > 0 && <CsvButton table="comps" title={t('dashboard.comps.heading')} period={period} />}
      </ReportSection>
      <ReportSection id="dashboard-staff" title={t('dashboard.staff.heading')}>
        <ReportTable
          label={t('dashboard.staff.heading')}
          empty={t('dashboard.staff.empty')}
          columns={[
            { label: t('dashboard.col.person') },
            { label: t('dashboard.col.tabsServed'), numeric: true },
            ...ratingColumns,
            { label: t('dashboard.col.walkouts'), numeric: true },
            ...compColumns,
          ]}
          rows={data.staff.map((s) => [s.staffName, s.tabsServed, s.happy, s.okay, s.unhappy, s.walkouts, s.compsCount, money.format(s.compsMinor)])}
        />
        {data.staff.length > 0 && <CsvButton table="staff" title={t('dashboard.staff.heading')} period={period} />}
      </ReportSection>
      <ReportSection id="dashboard-items" title={t('dashboard.items.heading')}>
        <ReportTable
          label={t('dashboard.items.heading')}
          empty={t('dashboard.items.empty')}
          columns={[{ label: t('dashboard.col.item') }, ...ratingColumns, ...compColumns]}
          rows={data.items.map((i) => [i.name, i.happy, i.okay, i.unhappy, i.compsCount, money.format(i.compsMinor)])}
        />
        {data.items.length > 0 && <CsvButton table="items" title={t('dashboard.items.heading')} period={period} />}
      </ReportSection>
      {data.salon && (
        <ReportSection id="dashboard-appointments" title={t('dashboard.appointments.heading')}>
          <div className="dashboard-scroll" tabIndex={0} role="region" aria-label={t('dashboard.appointments.table')}>
            <ReportTable
              label={t('dashboard.appointments.table')}
              empty={t('dashboard.days.none')}
              columns={[
                { label: t('dashboard.col.date') },
                { label: t('dashboard.col.done'), numeric: true },
                { label: t('dashboard.col.noShows'), numeric: true },
                { label: t('dashboard.col.lateCancels'), numeric: true },
                { label: t('dashboard.col.forfeited'), numeric: true },
              ]}
              rows={data.days.map((d) => [
                formatBusinessDate(d.businessDate, locale),
                d.appointmentsDone,
                d.noShows,
                d.lateCancels,
                money.format(d.forfeitedMinor),
              ])}
              foot={[
                t('dashboard.total'),
                data.totals.appointmentsDone,
                data.totals.noShows,
                data.totals.lateCancels,
                money.format(data.totals.forfeitedMinor),
              ]}
            />
          </div>
          <CsvButton table="appointments" title={t('dashboard.appointments.table')} period={period} />
        </ReportSection>
      )}
    </div>
  );
}
