import { Link } from 'react-router';
import type { Appointment } from '../../../shared/salon-types';
import type { StoreSettings } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { methodName } from '../../format/method-name';
import { useMay } from '../../hooks/current-staff';
import { useMoney } from '../../hooks/use-money';
import { formatBusinessDate, useWhen } from '../../hooks/use-when';
import { t } from '../../i18n/t';
import { minuteText, storeNow } from './salon-time';
import { statusName } from './salon-words';
import { useCustomerAppointments } from './use-salon';

/** Still ahead: booked (or checked in) and not over. */
function isUpcoming(a: Appointment, today: string): boolean {
  return (a.status === 'booked' || a.status === 'checked_in') && a.date >= today;
}

/**
 * A customer's side of the book: appointments to come and past ones, the deposits held for them,
 * and how often they did not come or cancelled late. Each appointment opens on the book.
 */
export function CustomerAppointments({ customerId, store, live }: { customerId: number; store: StoreSettings; live: boolean }) {
  const data = useCustomerAppointments(customerId);
  const money = useMoney(store);
  const when = useWhen(store);
  const mayBook = useMay('appointments.write');
  const today = storeNow(store.timeZone).date;
  const all = data.data?.appointments ?? [];
  const upcoming = all.filter((a) => isUpcoming(a, today)).sort((a, b) => (a.date === b.date ? a.startMinute - b.startMinute : a.date < b.date ? -1 : 1));
  const past = all.filter((a) => !isUpcoming(a, today)).sort((a, b) => (a.date === b.date ? b.startMinute - a.startMinute : a.date < b.date ? 1 : -1));
  const noShows = all.filter((a) => a.status === 'no_show').length;
  const late = all.filter((a) => a.status === 'late_cancel').length;
  const held = data.data?.heldDeposits ?? [];
  const row = (a: Appointment) => (
    <li key={a.id}>
      <Link to={`/appointments?date=${a.date}&open=${a.id}`}>
        {t('salon.customer.row', {
          date: formatBusinessDate(a.date, store.locale),
          time: minuteText(a.startMinute),
          staff: a.staffName,
          services: a.services.map((s) => s.name).join(', '),
        })}{' '}
        · {statusName(a.status)}
      </Link>
    </li>
  );
  return (
    <section className="panel customer-salon" aria-labelledby="customer-salon-heading">
      <h2 id="customer-salon-heading" className="panel__heading">
        {t('salon.customer.heading')}
      </h2>
      <ErrorNote error={data.error} />
      {mayBook && live && (
        <div>
          <Link className="button button--primary" to={`/appointments?book=1&customer=${customerId}`}>
            {t('salon.customer.book')}
          </Link>
        </div>
      )}
      <h3 className="appointment-panel__heading">{t('salon.customer.upcoming')}</h3>
      {upcoming.length === 0 ? <p className="customers__muted">{t('salon.customer.none')}</p> : <ul className="customer-salon__list">{upcoming.map(row)}</ul>}
      <h3 className="appointment-panel__heading">{t('salon.customer.held')}</h3>
      {held.length === 0 ? (
        <p className="customers__muted">{t('salon.customer.heldNone')}</p>
      ) : (
        <ul className="customer-salon__list" data-testid="customer-deposits">
          {held.map((d) => (
            <li key={d.id}>
              {t('salon.customer.heldRow', { amount: money.format(d.amountMinor), method: methodName(d.method), date: when.format(d.takenAt) })}
            </li>
          ))}
        </ul>
      )}
      <h3 className="appointment-panel__heading">{t('salon.customer.misses')}</h3>
      <p data-testid="customer-misses">{t('salon.customer.missesCount', { noShows, late })}</p>
      <h3 className="appointment-panel__heading">{t('salon.customer.past')}</h3>
      {past.length === 0 ? <p className="customers__muted">{t('salon.customer.none')}</p> : <ul className="customer-salon__list">{past.map(row)}</ul>}
    </section>
  );
}
