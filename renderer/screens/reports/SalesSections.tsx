import type { DayReport } from '../../../shared/closing-types';
import type { TaxRate } from '../../../shared/types';
import type { MoneyTools } from '../../hooks/use-money';
import type { WhenTools } from '../../hooks/use-when';
import { t } from '../../i18n/t';
import { Figures } from '../drawer/Figures';
import { methodName } from '../tab/history-message';
import { SalonRows } from '../appointments/SalonRows';
import { ActionsTable } from './ActionsTable';
import { rateText } from './report-format';
import { ReportSection, ReportTable } from './ReportTable';

type Props = { report: DayReport; money: MoneyTools; when: WhenTools; storeRates: readonly TaxRate[] };

/** What was sold, taken off, taxed and paid: every figure straight from the ledger's report. */
export function SalesSections({ report, money, when, storeRates }: Props) {
  const f = money.format;
  const { sales } = report;
  const minus = (minor: number) => (minor === 0 ? f(0) : `−${f(minor)}`);
  // A Z closed before payments could be voided has no voids to show.
  const voided = report.payments.filter((p) => (p.voidedCount ?? 0) > 0);
  return (
    <>
      <ReportSection id="sales" title={t('reports.sales')}>
        <Figures
          label={t('reports.sales')}
          rows={[
            [t('reports.sales.rungUp'), f(sales.rungUpMinor)],
            [t('reports.sales.removed', { count: sales.removedCount }), minus(sales.removedMinor)],
            [t('reports.sales.gross'), f(sales.grossMinor), 'figures__row--strong'],
            [t('reports.sales.comps'), minus(sales.compsMinor)],
            // Loyalty rewards, apart from comps; a Z frozen before loyalty has none.
            ...(report.loyalty ? [[`${t('loyalty.z')} (${t('loyalty.z.count', { count: report.loyalty.rewards })})`, minus(report.loyalty.amountMinor)] as [string, string]] : []),
            [t('reports.sales.net'), f(sales.netMinor), 'figures__row--strong'],
            [t('reports.sales.tax'), f(sales.taxMinor)],
            [t('reports.sales.total'), f(sales.totalMinor), 'figures__row--strong'],
          ]}
        />
        <p className="report__muted">{t('reports.sales.note')}</p>
      </ReportSection>

      <ReportSection id="comps" title={t('reports.comps')}>
        <ReportTable
          label={t('reports.comps')}
          empty={t('reports.comps.none')}
          columns={[{ label: t('reports.col.reason') }, { label: t('reports.col.count'), numeric: true }, { label: t('reports.col.amount'), numeric: true }]}
          rows={report.comps.map((c) => [c.reason, c.count, f(c.amountMinor)])}
        />
        <ActionsTable actions={report.actions} kinds={['comp']} label={t('reports.actions.comp')} money={money} when={when} />
      </ReportSection>

      {report.actions && (
        <ReportSection id="removed" title={t('reports.actions.removedTitle')}>
          <ActionsTable actions={report.actions} kinds={['removed']} label={t('reports.actions.removed')} money={money} when={when} empty={t('reports.actions.removedNone')} />
        </ReportSection>
      )}

      <ReportSection id="taxes" title={t('reports.taxes')}>
        <ReportTable
          label={t('reports.taxes')}
          empty={t('reports.taxes.none')}
          columns={[{ label: t('reports.col.rate') }, { label: t('reports.col.net'), numeric: true }, { label: t('reports.col.tax'), numeric: true }]}
          rows={report.taxes.map((r) => [rateText(r.rateMilli, storeRates, report.locale), f(r.netMinor), f(r.taxMinor)])}
        />
      </ReportSection>

      <ReportSection id="payments" title={t('reports.payments')}>
        <ReportTable
          label={t('reports.payments')}
          empty={t('reports.payments.none')}
          columns={[
            { label: t('reports.col.method') },
            { label: t('reports.col.count'), numeric: true },
            { label: t('reports.col.amount'), numeric: true },
            { label: t('reports.col.tip'), numeric: true },
            { label: t('reports.col.taken'), numeric: true },
          ]}
          rows={report.payments.map((p) => [methodName(p.method), p.count, f(p.amountMinor), f(p.tipMinor), f(p.takenMinor)])}
        />
        {voided.length > 0 && (
          <>
            <Figures
              label={t('reports.payments.voided')}
              rows={voided.map((p) => [t('reports.payments.voidedRow', { method: methodName(p.method), count: p.voidedCount ?? 0 }), minus(p.voidedMinor ?? 0)])}
            />
            <p className="report__muted">{t('reports.payments.note')}</p>
          </>
        )}
        <ActionsTable actions={report.actions} kinds={['payment_void']} label={t('reports.actions.payment_void')} money={money} when={when} />
        <Figures label={t('reports.rounding')} rows={[[t('reports.rounding'), f(report.roundingMinor)]]} />
      </ReportSection>

      <ReportSection id="tips" title={t('reports.tips')}>
        <ReportTable
          label={t('reports.tips')}
          empty={t('reports.tips.none')}
          columns={[{ label: t('reports.col.staff') }, { label: t('reports.col.amount'), numeric: true }]}
          rows={report.tips.map((tip) => [tip.staffName, f(tip.amountMinor)])}
        />
      </ReportSection>

      <ReportSection id="deposits" title={t('reports.deposits')}>
        <Figures
          label={t('reports.deposits')}
          rows={[
            // A Z frozen before deposits existed has no brought-forward figure (it was always zero).
            ...(report.deposits.broughtForwardMinor === undefined ? [] : [[t('salon.z.broughtForward'), f(report.deposits.broughtForwardMinor)] as [string, string]]),
            [t('reports.deposits.taken'), f(report.deposits.takenMinor)],
            [t('reports.deposits.applied'), f(report.deposits.appliedMinor)],
            [t('reports.deposits.refunded'), f(report.deposits.refundedMinor)],
            [t('reports.deposits.forfeited'), f(report.deposits.forfeitedMinor)],
            [t('reports.deposits.held'), f(report.deposits.heldMinor)],
          ]}
        />
        <SalonRows report={report} money={money} />
      </ReportSection>

      <ReportSection id="walkouts" title={t('reports.walkouts')}>
        <Figures
          label={t('reports.walkouts')}
          rows={[
            [t('reports.walkouts.count'), String(report.walkouts.count)],
            [t('reports.walkouts.amount'), f(report.walkouts.amountMinor)],
          ]}
        />
        <ActionsTable actions={report.actions} kinds={['walkout']} label={t('reports.actions.walkout')} money={money} when={when} />
      </ReportSection>
    </>
  );
}
