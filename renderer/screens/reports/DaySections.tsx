import type { DayReport } from '../../../shared/closing-types';
import type { StoreSettings } from '../../../shared/types';
import { depositRows, Figures } from '../../components/Figures';
import { ReportSection, ReportTable } from '../../components/ReportTable';
import { signedMoney, varianceKind } from '../../format/variance';
import type { MoneyTools } from '../../hooks/use-money';
import { whenTools } from '../../hooks/use-when';
import { tPaper } from '../../i18n/t';
import { accountLabel } from './account-label';
import { ActionsTable } from './ActionsTable';
import { averageToPayText, minutesText } from './report-format';

type Props = { report: DayReport; money: MoneyTools; store: Pick<StoreSettings, 'locale' | 'timeZone'> };

/** The drawer, the customers, the tabs left open and how the day's books move. */
export function DaySections({ report, money, store }: Props) {
  const f = money.format;
  const { receivable } = report;
  return (
    <>
      <DrawerPart report={report} money={money} store={store} />

      <ReportSection id="satisfaction" title={tPaper('reports.satisfaction')}>
        <Figures
          label={tPaper('reports.satisfaction')}
          rows={(['happy', 'okay', 'unhappy', 'unrated'] as const).map((r) => [tPaper(`reports.satisfaction.${r}`), String(report.satisfaction[r])])}
        />
      </ReportSection>

      <ReportSection id="tabs" title={tPaper('reports.tabs')}>
        <Figures
          label={tPaper('reports.tabs')}
          rows={[
            [tPaper('reports.tabs.settled'), String(report.tabs.settled)],
            [tPaper('reports.tabs.writtenOff'), String(report.tabs.writtenOff)],
            [tPaper('reports.tabs.averageToPay'), averageToPayText(report.tabs.averageSecondsToPay)],
          ]}
        />
      </ReportSection>

      <ReportSection id="carried" title={tPaper('reports.carried')} className="report-section--wide">
        <ReportTable
          label={tPaper('reports.carried')}
          empty={tPaper('reports.carried.none')}
          columns={[
            { label: tPaper('reports.col.token'), numeric: true },
            { label: tPaper('reports.col.name') },
            { label: tPaper('reports.col.age'), numeric: true },
            { label: tPaper('reports.col.due'), numeric: true },
          ]}
          rows={report.carried.map((c) => [c.token, c.name, minutesText(c.ageMinutes), f(c.dueMinor)])}
        />
      </ReportSection>

      <ReportSection id="receivable" title={tPaper('reports.receivable')}>
        <Figures
          label={tPaper('reports.receivable')}
          rows={[
            [tPaper('reports.receivable.brought'), f(receivable.broughtForwardMinor)],
            [tPaper('reports.receivable.charged'), f(receivable.chargedMinor)],
            [tPaper('reports.receivable.paid'), f(receivable.paidMinor)],
            [tPaper('reports.receivable.writtenOff'), f(receivable.writtenOffMinor)],
            [tPaper('reports.receivable.carried'), f(receivable.carriedForwardMinor), 'figures__row--strong'],
          ]}
        />
      </ReportSection>

      <ReportSection id="accounts" title={tPaper('reports.accounts')}>
        <ReportTable
          label={tPaper('reports.accounts')}
          empty={tPaper('reports.accounts.none')}
          columns={[
            { label: tPaper('reports.col.account') },
            { label: tPaper('reports.col.meaning') },
            { label: tPaper('reports.col.movement'), numeric: true },
          ]}
          rows={report.accounts.map((a) => [<code key="a">{a.account}</code>, accountLabel(a.account, report.tips), signedMoney(a.movementMinor, f)])}
        />
        <p className="report__muted">{tPaper('reports.accounts.note')}</p>
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
  const openNote = drawer.openNow && <p className="report-section__note report__muted">{tPaper('reports.drawer.openNow')}</p>;
  const when = whenTools({ locale: report.locale, timeZone: store.timeZone }, true);
  // Paid in and out are known at the counter while a drawer is open; a variance only once it is signed off.
  const byHand = (
    <ActionsTable
      actions={report.actions}
      kinds={['paid_in', 'paid_out', 'variance']}
      label={tPaper('reports.actions.drawer')}
      money={money}
      when={when}
      className="report-section__full"
    />
  );
  if (drawer.openNow && drawer.sessions.length === 0) {
    return (
      <ReportSection id="drawer" title={tPaper('reports.drawer')} className="report-section--wide">
        {openNote}
        {byHand}
      </ReportSection>
    );
  }
  const varianceRow = (minor: number): [string, string, string] => [
    tPaper('reports.drawer.variance'),
    signedMoney(minor, f),
    `figures__row--${varianceKind(minor)}`,
  ];
  return (
    <ReportSection id="drawer" title={tPaper('reports.drawer')} className="report-section--wide report-section--split">
      {openNote}
      <Figures
        label={tPaper('reports.drawer')}
        rows={[
          [tPaper('reports.drawer.float'), f(drawer.floatMinor)],
          [tPaper('reports.drawer.cashIn'), f(drawer.cashInMinor)],
          ...depositRows(drawer.depositsInMinor, drawer.depositsOutMinor, tPaper('reports.drawer.depositsIn'), tPaper('reports.drawer.depositsOut'), f),
          // Cash refunds out of the drawer; a Z frozen before refunds has none.
          ...(drawer.refundsOutMinor ? [[tPaper('reports.drawer.refundsOut'), f(drawer.refundsOutMinor)] as [string, string]] : []),
          [tPaper('reports.drawer.paidIn'), f(drawer.paidInMinor)],
          [tPaper('reports.drawer.paidOut'), f(drawer.paidOutMinor)],
          [tPaper('reports.drawer.expected'), f(drawer.expectedMinor), 'figures__row--strong'],
          [tPaper('reports.drawer.counted'), f(drawer.countedMinor), 'figures__row--strong'],
          varianceRow(drawer.varianceMinor),
        ]}
      />
      <ReportTable
        label={tPaper('reports.drawer.sessions')}
        empty={tPaper('reports.drawer.none')}
        columns={[
          { label: tPaper('reports.col.session') },
          { label: tPaper('reports.drawer.float'), numeric: true },
          { label: tPaper('reports.drawer.expected'), numeric: true },
          { label: tPaper('reports.drawer.counted'), numeric: true },
          { label: tPaper('reports.drawer.variance'), numeric: true },
          { label: tPaper('reports.col.reason') },
          { label: tPaper('reports.col.signedOff') },
        ]}
        rows={drawer.sessions.map((s) => [
          tPaper('reports.sessionLabel', { from: when.time(s.openedAt), to: when.time(s.closedAt) }),
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
      {firstCountMinor !== null && <span className="report-table__note">{tPaper('reports.drawer.firstCount', { amount: format(firstCountMinor) })}</span>}
    </>
  );
}
