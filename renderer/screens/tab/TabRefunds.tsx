import { Link } from 'react-router';
import type { TabDetail } from '../../../shared/types';
import { t } from '../../i18n/t';

/** The refunds given on a settled tab, each opening its receipt. Nothing when there are none. */
export function TabRefunds({ tab, format }: { tab: Pick<TabDetail, 'refunds'>; format: (minor: number) => string }) {
  const refunds = tab.refunds ?? [];
  if (refunds.length === 0) return null;
  return (
    <section className="panel tab-detail__panel" aria-labelledby="tab-refunds-heading">
      <h2 id="tab-refunds-heading" className="tab-detail__heading">
        {t('tabDetail.refundsHeading')}
      </h2>
      <ul className="tab-refunds">
        {refunds.map((r) => (
          <li key={r.refundId}>
            <Link to={`/refund/${r.refundId}`}>
              {t('tabDetail.refundRow', { number: String(r.refundId), amount: format(r.amountMinor + r.tipMinor), reason: r.reason })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
