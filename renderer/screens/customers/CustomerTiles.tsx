import { Link } from 'react-router';
import type { Customer } from '../../../shared/customer-types';
import { t } from '../../i18n/t';
import './customers.css';

type Props = {
  customers: readonly Customer[];
  /** What a tile does: open the profile (a link) or pick it (a button). */
  href?: (customer: Customer) => string;
  onPick?: (customer: Customer) => void;
  pickLabel?: (customer: Customer) => string;
  label: string;
};

/** Customers as large tiles: the name first, then how to reach them, so the right one is easy to tap. */
export function CustomerTiles({ customers, href, onPick, pickLabel, label }: Props) {
  return (
    <ul className="customer-tiles" aria-label={label}>
      {customers.map((customer) => {
        const body = (
          <>
            <span className="customer-tile__name">{customer.name}</span>
            <span className="customer-tile__contact">{[customer.phone, customer.email].filter(Boolean).join(' · ') || '\u00a0'}</span>
            {customer.contactOk && <span className="customer-tile__badge">{t('customers.contactOkBadge')}</span>}
          </>
        );
        return (
          <li key={customer.id}>
            {href ? (
              <Link className="customer-tile" to={href(customer)}>
                {body}
              </Link>
            ) : (
              <button type="button" className="customer-tile" aria-label={pickLabel?.(customer)} onClick={() => onPick?.(customer)}>
                {body}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
