import type { DayReport } from '../../../shared/closing-types';
import { Figures } from '../../components/Figures';
import { ReportSection, ReportTable } from '../../components/ReportTable';
import { methodName } from '../../format/method-name';
import type { MoneyTools } from '../../hooks/use-money';
import type { WhenTools } from '../../hooks/use-when';
import { tPaper } from '../../i18n/t';
import { ActionsTable } from './ActionsTable';

/**
 * The day's refunds of settled tabs: how many, the bill part and its tax, the tips, what the tenders
 * gave back, then by reason and by tender, and who gave (and approved) each. A Z frozen before
 * refunds has no such section, and none is shown.
 */
export function RefundsSection({ report, money, when }: { report: DayReport; money: MoneyTools; when: WhenTools }) {
  const refunds = report.refunds;
  if (!refunds) return null;
  const f = money.format;
  return (
    <ReportSection id="refunds" title={tPaper('reports.refunds')} className="report-section--wide">
      {refunds.count === 0 ? (
        <p className="report__muted">{tPaper('reports.refunds.none')}</p>
      ) : (
        <>
          <Figures
            label={tPaper('reports.refunds')}
            rows={[
              [tPaper('reports.refunds.count'), String(refunds.count)],
              [tPaper('reports.refunds.amount'), f(refunds.amountMinor)],
              [tPaper('reports.refunds.tax'), f(refunds.taxMinor)],
              [tPaper('reports.refunds.net'), f(refunds.netMinor)],
              [tPaper('reports.refunds.tips'), f(refunds.tipMinor)],
              [tPaper('reports.refunds.given'), f(refunds.givenMinor), 'figures__row--strong'],
            ]}
          />
          <ReportTable
            label={tPaper('reports.refunds.byReason')}
            empty={tPaper('reports.refunds.none')}
            columns={[
              { label: tPaper('reports.col.reason') },
              { label: tPaper('reports.col.count'), numeric: true },
              { label: tPaper('reports.col.amount'), numeric: true },
              { label: tPaper('reports.col.tip'), numeric: true },
            ]}
            rows={refunds.byReason.map((r) => [r.reason, r.count, f(r.amountMinor), f(r.tipMinor)])}
          />
          <ReportTable
            label={tPaper('reports.refunds.byMethod')}
            empty={tPaper('reports.refunds.none')}
            columns={[
              { label: tPaper('reports.col.method') },
              { label: tPaper('reports.col.count'), numeric: true },
              { label: tPaper('reports.col.amount'), numeric: true },
              { label: tPaper('reports.col.tip'), numeric: true },
              { label: tPaper('reports.col.given'), numeric: true },
            ]}
            rows={refunds.byMethod.map((m) => [methodName(m.method, tPaper), m.count, f(m.amountMinor), f(m.tipMinor), f(m.givenMinor)])}
          />
          <ActionsTable actions={report.actions} kinds={['refund']} label={tPaper('reports.actions.refund')} money={money} when={when} />
        </>
      )}
      <p className="report__muted">{tPaper('reports.refunds.note')}</p>
    </ReportSection>
  );
}
