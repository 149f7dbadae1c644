import { formatRate } from '../../../shared/domain/tax';
import type { TabDetail } from '../../../shared/types';
import { t, tPaper, wordsLocale } from '../../i18n/t';

/** `tr` is tPaper where the totals are printed (the receipt): there they speak the store's language. */
type Props = { tab: TabDetail; format: (minor: number) => string; locale: string; showDue?: boolean; tr?: typeof t };

/** The totals exactly as the ledger computed them; nothing here is added up in the renderer. */
export function TabTotals({ tab, format, locale, showDue = true, tr = t }: Props) {
  // A date is written in the language of the words around it, in the store's region.
  const dateLocale = wordsLocale(locale, tr === tPaper) ?? locale;
  return (
    <dl className="tab-totals" aria-label={tr('tabDetail.totalsHeading')}>
      {tab.compMinor > 0 && <Row label={tr('tabDetail.totals.comps')} value={`−${format(tab.compMinor)}`} />}
      <Row label={tr('tabDetail.totals.net')} value={format(tab.netMinor)} />
      {tab.rates.map((r) => (
        <Row key={r.rateMilli} label={tr('tabDetail.totals.tax', { rate: formatRate(r.rateMilli, locale) })} value={format(r.taxMinor)} />
      ))}
      <Row label={tr('tabDetail.totals.total')} value={format(tab.totalMinor)} strong />
      {/* A deposit taken at booking and applied here, by the day it was paid ("Deposit paid 1 Dec: 10.00"). */}
      {(tab.deposits ?? [])
        .filter((d) => d.appliedMinor > 0)
        .map((d) => (
          <Row key={`deposit-${d.id}`} label={tr('salon.deposit.paid', { date: shortDate(d.takenBusinessDate, dateLocale) })} value={format(d.appliedMinor)} />
        ))}
      {tab.paidMinor > 0 && <Row label={tr('tabDetail.totals.paid')} value={format(tab.paidMinor)} />}
      {showDue && <Row label={tr('tabDetail.totals.due')} value={format(tab.dueMinor)} className="tab-totals__due" />}
    </dl>
  );
}

/** "1 Dec": a business date (a calendar date, read in UTC) as the locale writes it short. */
function shortDate(date: string, locale: string): string {
  const at = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(at.getTime())) return date;
  try {
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(at);
  } catch {
    return new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(at);
  }
}

function Row({ label, value, strong, className }: { label: string; value: string; strong?: boolean; className?: string }) {
  return (
    <div className={`tab-totals__row ${strong ? 'tab-totals__row--strong' : ''} ${className ?? ''}`}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
