import type { DayReport } from '../../../shared/closing-types';
import type { StoreSettings } from '../../../shared/types';
import type { MoneyTools } from '../../hooks/use-money';
import { whenTools } from '../../hooks/use-when';
import { t } from '../../i18n/t';
import { depositRows, Figures } from '../drawer/Figures';
import { signedMoney, varianceKind } from '../drawer/variance';
import { accountLabel } from './account-label';
import { ActionsTable } from './ActionsTable';
import { averageToPayText, minutesText } from './report-format';
import { ReportSection, ReportTable } from './ReportTable';

type Props = { report: DayReport; money: MoneyTools; store: Pick<StoreSettings, 'locale' | 'timeZone'> };

/** The drawer, the customers, the tabs left open and how the day's books move. */
export function DaySections({ report, money, store }: Props) {
  const f = money.format;
  const { receivable } = report;
  return (
    <>
      <DrawerPart report={report} money={money} store={store} />

      <ReportSection id="satisfaction" title={t('reports.satisfaction')}>
        <Figures
          label={t('reports.satisfaction')}
          rows={(['happy', 'okay', 'unhappy', 'unrated'] as const).map((r) => [t(`reports.satisfaction.${r}`), String(report.satisfaction[r])])}
        />
      </ReportSection>

      <ReportSection id="tabs" title={t('reports.tabs')}>
        <Figures
          label={t('reports.tabs')}
          rows={[
            [t('reports.tabs.settled'), String(report.tabs.settled)],
            [t('reports.tabs.writtenOff'), String(report.tabs.writtenOff)],
            [t('reports.tabs.averageToPay'), averageToPayText(report.tabs.averageSecondsToPay)],
          ]}
        />
      </ReportSection>

      <ReportSection id="carried" title={t('reports.carried')} className="report-section--wide">
        <ReportTable
          label={t('reports.carried')}
          empty={t('reports.carried.none')}
          columns={[
            { label: t('reports.col.token'), numeric: true },
            { label: t('reports.col.name') },
            { label: t('reports.col.age'), numeric: true },
            { label: t('reports.col.due'), numeric: true },
          ]}
          rows={report.carried.map((c) => [c.token, c.name, minutesText(c.ageMinutes), f(c.dueMinor)])}
        />
      </ReportSection>

      <ReportSection id="receivable" title={t('reports.receivable')}>
        <Figures
          label={t('reports.receivable')}
          rows={[
            [t('reports.receivable.brought'), f(receivable.broughtForwardMinor)],
            [t('reports.receivable.charged'), f(receivable.chargedMinor)],
            [t('reports.receivable.paid'), f(receivable.paidMinor)],
            [t('reports.receivable.writtenOff'), f(receivable.writtenOffMinor)],
            [t('reports.receivable.carried'), f(receivable.carriedForwardMinor), 'figures__row--strong'],
          ]}
        />
      </ReportSection>

      <ReportSection id="accounts" title={t('reports.accounts')}>
        <ReportTable
          label={t('reports.accounts')}
          empty={t('reports.accounts.none')}
          columns={[{ label: t('reports.col.account') }, { label: t('reports.col.meaning') }, { label: t('reports.col.movement'), numeric: true }]}
          rows={report.accounts.map((a) => [<code key="a">{a.account}</code>, accountLabel(a.account, report.tips), signedMoney(a.movementMinor, f)])}
        />
        <p className="report__muted">{t('reports.accounts.note')}</p>
      </ReportSection>
    </>
  );
}

/**
 * The drawers signed off on the day: their totals beside one row per session. A drawer still open
 * when an X is made has no figures yet; it is said in words rather than shown as zeros.
 */
function DrawerPart({ report, money, store }: Props) {
  const f = money.format;
  const { drawer } = report;
  const openNote = drawer.openNow && <p className="report-section__note report__muted">{t('reports.drawer.openNow')}</p>;
  const when = whenTools({ locale: report.locale, timeZone: store.timeZone });
  // Paid in and out are known at the counter while a drawer is open; a variance only once it is signed off.
  const byHand = (
    <ActionsTable actions={report.actions} kinds={['paid_in', 'paid_out', 'variance']} label={t('reports.actions.drawer')} money={money} when={when} className="report-section__full" />
  );
  if (drawer.openNow && drawer.sessions.length === 0) {
    return (
      <ReportSection id="drawer" title={t('reports.drawer')} className="report-section--wide">
        {openNote}
        {byHand}
      </ReportSection>
    );
  }
  const varianceRow = (minor: number): [string, string, string] => [t('reports.drawer.variance'), signedMoney(minor, f), `figures__row--${varianceKind(minor)}`];
  return (
    <ReportSection id="drawer" title={t('reports.drawer')} className="report-section--wide report-section--split">
      {openNote}
      <Figures
        label={t('reports.drawer')}
        rows={[
          [t('reports.drawer.float'), f(drawer.floatMinor)],
          [t('reports.drawer.cashIn'), f(drawer.cashInMinor)],
          ...depositRows(drawer.depositsInMinor, drawer.depositsOutMinor, t('reports.drawer.depositsIn'), t('reports.drawer.depositsOut'), f),
          [t('reports.drawer.paidIn'), f(drawer.paidInMinor)],
          [t('reports.drawer.paidOut'), f(drawer.paidOutMinor)],
          [t('reports.drawer.expected'), f(drawer.expectedMinor), 'figures__row--strong'],
          [t('reports.drawer.counted'), f(drawer.countedMinor), 'figures__row--strong'],
          varianceRow(drawer.varianceMinor),
        ]}
      />
      <ReportTable
        label={t('reports.drawer.sessions')}
        empty={t('reports.drawer.none')}
        columns={[
          { label: t('reports.col.session') },
          { label: t('reports.drawer.float'), numeric: true },
          { label: t('reports.drawer.expected'), numeric: true },
          { label: t('reports.drawer.counted'), numeric: true },
          { label: t('reports.drawer.variance'), numeric: true },
          { label: t('reports.col.reason') },
          { label: t('reports.col.signedOff') },
        ]}
        rows={drawer.sessions.map((s) => [
          t('reports.sessionLabel', { from: when.time(s.openedAt), to: when.time(s.closedAt) }),
          f(s.floatMinor),
          f(s.expectedMinor),
          <CountedCell key="counted" countedMinor={s.countedMinor} firstCountMinor={s.firstCountMinor} format={f} />,
          signedMoney(s.varianceMinor, f),
          s.varianceReason,
          s.signedOffBy,
        ])}
      />
      {byHand}
    </ReportSection>
  );
}

/** The amount counted, and the first count under it when the drawer was counted twice. */
function CountedCell({ countedMinor, firstCountMinor, format }: { countedMinor: number; firstCountMinor: number | null; format: (minor: number) => string }) {
  return (
    <>
      {format(countedMinor)}
      {firstCountMinor !== null && <span className="report-table__note">{t('reports.drawer.firstCount', { amount: format(firstCountMinor) })}</span>}
    </>
  );
}
