import { useCallback } from 'react';
import { Link } from 'react-router';
import type { LoyaltyMovement } from '../../../shared/loyalty-types';
import type { StoreSettings } from '../../../shared/types';
import { api } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useMoney } from '../../hooks/use-money';
import { useWhen } from '../../hooks/use-when';
import { t } from '../../i18n/t';
import { standingText } from './loyalty-words';
import './loyalty.css';

const kindLabel = { earn: 'loyalty.kind.earn', redeem: 'loyalty.kind.redeem', reverse: 'loyalty.kind.reverse' } as const;

function unitsText(m: LoyaltyMovement): string {
  const units = m.units > 0 ? `+${m.units}` : String(m.units);
  return m.scheme === 'stamps' ? t('loyalty.unit.stamps', { units }) : t('loyalty.unit.points', { units });
}

/** A customer's page: their stamps or points under the scheme in force, and every movement. */
export function CustomerLoyalty({ customerId, store }: { customerId: number; store: StoreSettings }) {
  const load = useCallback(() => api['loyalty.forCustomer']({ customerId }), [customerId]);
  const account = useLiveQuery(load, ['tabs.changed', 'store.changed', 'customers.changed']);
  const money = useMoney(store);
  const when = useWhen(store);
  const standing = account.data?.standing ?? null;
  const history = account.data?.history ?? [];
  return (
    <section className="panel" aria-labelledby="customer-loyalty-heading">
      <h2 id="customer-loyalty-heading" className="panel__heading">
        {t('loyalty.customer.title')}
      </h2>
      <ErrorNote error={account.error} />
      <p className="loyalty-reward__standing">{standing ? standingText(standing, money.format) : t('loyalty.customer.off')}</p>
      {history.length === 0 ? (
        <p>{t('loyalty.customer.empty')}</p>
      ) : (
        <table className="loyalty-history">
          <thead>
            <tr>
              <th scope="col">{t('loyalty.customer.when')}</th>
              <th scope="col">{t('loyalty.customer.tab')}</th>
              <th scope="col">{t('loyalty.customer.what')}</th>
              <th scope="col">{t('loyalty.customer.units')}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((m) => (
              <tr key={m.id}>
                <td>{when.format(m.at)}</td>
                <td>
                  <Link to={`/tab/${m.tabId}/receipt`}>{t('receipt.token', { token: m.token })}</Link>
                </td>
                <td>
                  {t(kindLabel[m.kind])}
                  {m.discountMinor > 0 && ` (−${money.format(m.discountMinor)})`}
                </td>
                <td className="num">{unitsText(m)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
