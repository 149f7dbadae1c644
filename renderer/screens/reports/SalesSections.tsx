import type { DayReport } from '../../../shared/closing-types';
import type { TaxRate } from '../../../shared/types';
import { Figures } from '../../components/Figures';
import { ReportSection, ReportTable } from '../../components/ReportTable';
import { methodName } from '../../format/method-name';
import type { MoneyTools } from '../../hooks/use-money';
import type { WhenTools } from '../../hooks/use-when';
import { tPaper } from '../../i18n/t';
import { SalonRows } from '../appointments/SalonRows';
import { ActionsTable } from './ActionsTable';
import { RefundsSection } from './RefundsSection';
import { rateText } from './report-format';

type Props = { report: DayReport; money: MoneyTools; when: WhenTools; storeRates: readonly TaxRate[] };

/** What was sold, taken off, taxed and paid: every figure straight from the ledger's report. */
export function SalesSections({ report, money, when, storeRates }: Props) {
  const f = money.format;
  const { sales } = report;
  const minus = (minor: number) => (minor === 0 ? f(0) : `−${f(minor)}`);
  // A Z closed before payments could be voided has no voids to show.
  const voided = report.payments.filter((p) => (p.voidedCount ?? 0) > 0);
  const refunded = report.payments.filter((p) => (p.refundedCount ?? 0) > 0);
  return (
    <>
      <ReportSection id="sales" title={tPaper('reports.sales')}>
        <Figures
          label={tPaper('reports.sales')}
          rows={[
            [tPaper('reports.sales.rungUp'), f(sales.rungUpMinor)],
            [tPaper('reports.sales.removed', { count: sales.removedCount }), minus(sales.removedMinor)],
            [tPaper('reports.sales.gross'), f(sales.grossMinor), 'figures__row--strong'],
            [tPaper('reports.sales.comps'), minus(sales.compsMinor)],
            // Loyalty rewards, apart from comps; a Z frozen before loyalty has none.
            ...(report.loyalty
              ? [
                  [`${tPaper('loyalty.z')} (${tPaper('loyalty.z.count', { count: report.loyalty.rewards })})`, minus(report.loyalty.amountMinor)] as [
                    string,
                    string,
                  ],
                ]
              : []),
            // Refunds given on the day, net of tax; a Z frozen before refunds has none.
            ...(sales.refundsMinor !== undefined ? [[tPaper('reports.sales.refunds'), minus(sales.refundsMinor)] as [string, string]] : []),
            [tPaper('reports.sales.net'), f(sales.netMinor), 'figures__row--strong'],
            [tPaper('reports.sales.tax'), f(sales.taxMinor)],
            [tPaper('reports.sales.total'), f(sales.totalMinor), 'figures__row--strong'],
          ]}
        />
        <p className="report__muted">{tPaper('reports.sales.note')}</p>
      </ReportSection>

      <ReportSection id="comps" title={tPaper('reports.comps')}>
        <ReportTable
          label={tPaper('reports.comps')}
          empty={tPaper('reports.comps.none')}
          columns={[
            { label: tPaper('reports.col.reason') },
            { label: tPaper('reports.col.count'), numeric: true },
            { label: tPaper('reports.col.amount'), numeric: true },
          ]}
          rows={report.comps.map((c) => [c.reason, c.count, f(c.amountMinor)])}
        />
        <ActionsTable actions={report.actions} kinds={['comp']} label={tPaper('reports.actions.comp')} money={money} when={when} />
      </ReportSection>

      {report.actions && (
        <ReportSection id="removed" title={tPaper('reports.actions.removedTitle')}>
          <ActionsTable
            actions={report.actions}
            kinds={['removed']}
            label={tPaper('reports.actions.removed')}
            money={money}
            when={when}
            empty={tPaper('reports.actions.removedNone')}
          />
        </ReportSection>
      )}

      <ReportSection id="taxes" title={tPaper('reports.taxes')}>
        <ReportTable
          label={tPaper('reports.taxes')}
          empty={tPaper('reports.taxes.none')}
          columns={[
            { label: tPaper('reports.col.rate') },
            { label: tPaper('reports.col.net'), numeric: true },
            { label: tPaper('reports.col.tax'), numeric: true },
          ]}
          rows={report.taxes.map((r) => [rateText(r.rateMilli, storeRates, report.locale), f(r.netMinor), f(r.taxMinor)])}
        />
      </ReportSection>

      <ReportSection id="payments" title={tPaper('reports.payments')}>
        <ReportTable
          label={tPaper('reports.payments')}
          empty={tPaper('reports.payments.none')}
          columns={[
            { label: tPaper('reports.col.method') },
            { label: tPaper('reports.col.count'), numeric: true },
            { label: tPaper('reports.col.amount'), numeric: true },
            { label: tPaper('reports.col.tip'), numeric: true },
            { label: tPaper('reports.col.taken'), numeric: true },
          ]}
          rows={report.payments.map((p) => [methodName(p.method), p.count, f(p.amountMinor), f(p.tipMinor), f(p.takenMinor)])}
        />
        {voided.length > 0 && (
          <>
            <Figures
              label={tPaper('reports.payments.voided')}
              rows={voided.map((p) => [
                tPaper('reports.payments.voidedRow', { method: methodName(p.method), count: p.voidedCount ?? 0 }),
                minus(p.voidedMinor ?? 0),
              ])}
            />
            <p className="report__muted">{tPaper('reports.payments.note')}</p>
          </>
        )}
        <ActionsTable actions={report.actions} kinds={['payment_void']} label={tPaper('reports.actions.payment_void')} money={money} when={when} />
        {refunded.length > 0 && (
          <Figures
            label={tPaper('reports.payments.refunded')}
            rows={refunded.map((p) => [
              tPaper('reports.payments.refundedRow', { method: methodName(p.method, tPaper), count: p.refundedCount ?? 0 }),
              minus(p.refundedMinor ?? 0),
            ])}
          />
        )}
        <Figures label={tPaper('reports.rounding')} rows={[[tPaper('reports.rounding'), f(report.roundingMinor)]]} />
      </ReportSection>

      <RefundsSection report={report} money={money} when={when} />

      <ReportSection id="tips" title={tPaper('reports.tips')}>
        <ReportTable
          label={tPaper('reports.tips')}
          empty={tPaper('reports.tips.none')}
          columns={[{ label: tPaper('reports.col.staff') }, { label: tPaper('reports.col.amount'), numeric: true }]}
          rows={report.tips.map((tip) => [tip.staffName, f(tip.amountMinor)])}
        />
      </ReportSection>

      <ReportSection id="deposits" title={tPaper('reports.deposits')}>
        <Figures
          label={tPaper('reports.deposits')}
          rows={[
            // A Z frozen before deposits existed has no brought-forward figure (it was always zero).
            ...(report.deposits.broughtForwardMinor === undefined
              ? []
              : [[tPaper('salon.z.broughtForward'), f(report.deposits.broughtForwardMinor)] as [string, string]]),
            [tPaper('reports.deposits.taken'), f(report.deposits.takenMinor)],
            [tPaper('reports.deposits.applied'), f(report.deposits.appliedMinor)],
            [tPaper('reports.deposits.refunded'), f(report.deposits.refundedMinor)],
            [tPaper('reports.deposits.forfeited'), f(report.deposits.forfeitedMinor)],
            [tPaper('reports.deposits.held'), f(report.deposits.heldMinor)],
          ]}
        />
        <SalonRows report={report} money={money} />
      </ReportSection>

      <ReportSection id="walkouts" title={tPaper('reports.walkouts')}>
        <Figures
          label={tPaper('reports.walkouts')}
          rows={[
            [tPaper('reports.walkouts.count'), String(report.walkouts.count)],
            [tPaper('reports.walkouts.amount'), f(report.walkouts.amountMinor)],
          ]}
        />
        <ActionsTable actions={report.actions} kinds={['walkout']} label={tPaper('reports.actions.walkout')} money={money} when={when} />
      </ReportSection>
    </>
  );
}
