import type { CustomerVisit } from '../../../shared/customer-types';
import { Link } from 'react-router';
import { ratingName } from '../../format/method-name';
import { formatBusinessDate } from '../../hooks/use-when';
import { t } from '../../i18n/t';

type Props = { visits: readonly CustomerVisit[]; format: (minor: number) => string; locale: string };

/** Each tab of the customer, newest first: what they had, who served them, what it came to. */
export function VisitsTable({ visits, format, locale }: Props) {
  if (visits.length === 0) return <p className="customers__muted">{t('customers.visits.none')}</p>;
  return (
    <div className="customer-visits__scroll">
      <table className="customer-visits">
        <thead>
          <tr>
            <th scope="col">{t('customers.visits.date')}</th>
            <th scope="col">{t('customers.visits.token')}</th>
            <th scope="col">{t('customers.visits.items')}</th>
            <th scope="col">{t('customers.visits.staff')}</th>
            <th scope="col" className="customer-visits__amount">
              {t('customers.visits.total')}
            </th>
            <th scope="col">{t('customers.visits.rating')}</th>
            <th scope="col">{t('customers.visits.comps')}</th>
          </tr>
        </thead>
        <tbody>
          {visits.map((visit) => (
            <tr key={visit.tabId} data-testid="customer-visit">
              <td>
                {formatBusinessDate(visit.businessDate, locale)}
                {visit.status !== 'settled' && (
                  <span className="customer-visits__status"> · {t(visit.status === 'open' ? 'customers.visits.open' : 'customers.visits.written_off')}</span>
                )}
              </td>
              <td>
                <Link to={`/tab/${visit.tabId}`}>{visit.token}</Link>
              </td>
              <td>{visit.items.map((item) => `${item.name} × ${item.qty}`).join(', ')}</td>
              <td>{visit.staff.join(', ')}</td>
              <td className="customer-visits__amount">{format(visit.totalMinor)}</td>
              <td>{visit.rating ? ratingName(visit.rating) : ''}</td>
              <td>{visit.compMinor > 0 ? t('customers.visits.compLine', { amount: format(visit.compMinor), reasons: visit.compReasons.join(', ') }) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
