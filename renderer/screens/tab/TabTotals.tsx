import type { TabDetail } from '../../../shared/types';
import { t } from '../../i18n/t';
import { formatRate } from './format-rate';

type Props = { tab: TabDetail; format: (minor: number) => string; locale: string; showDue?: boolean };

/** The totals exactly as the ledger computed them; nothing here is added up in the renderer. */
export function TabTotals({ tab, format, locale, showDue = true }: Props) {
  return (
    <dl className="tab-totals" aria-label={t('tabDetail.totalsHeading')}>
      {tab.compMinor > 0 && <Row label={t('tabDetail.totals.comps')} value={`−${format(tab.compMinor)}`} />}
      <Row label={t('tabDetail.totals.net')} value={format(tab.netMinor)} />
      {tab.rates.map((r) => (
        <Row key={r.rateMilli} label={t('tabDetail.totals.tax', { rate: formatRate(r.rateMilli, locale) })} value={format(r.taxMinor)} />
      ))}
      <Row label={t('tabDetail.totals.total')} value={format(tab.totalMinor)} strong />
      {tab.paidMinor > 0 && <Row label={t('tabDetail.totals.paid')} value={format(tab.paidMinor)} />}
      {showDue && <Row label={t('tabDetail.totals.due')} value={format(tab.dueMinor)} className="tab-totals__due" />}
    </dl>
  );
}

function Row({ label, value, strong, className }: { label: string; value: string; strong?: boolean; className?: string }) {
  return (
    <div className={`tab-totals__row ${strong ? 'tab-totals__row--strong' : ''} ${className ?? ''}`}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
