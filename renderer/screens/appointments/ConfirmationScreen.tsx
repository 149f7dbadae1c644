import { Link, useParams } from 'react-router';
import type { AppointmentDetail } from '../../../shared/salon-types';
import type { StoreSettings } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { Screen } from '../../components/Screen';
import { methodName } from '../../format/method-name';
import { useStore } from '../../hooks/use-live-data';
import { useMoney } from '../../hooks/use-money';
import { formatBusinessDate } from '../../hooks/use-when';
import { t } from '../../i18n/t';
import { PrintAction } from '../../printing/PrintAction';
import { minuteText } from './salon-time';
import { cancelWords, statusName } from './salon-words';
import { useAppointment } from './use-salon';
import '../slip/slip.css';
import './appointments.css';

/** The booking confirmation, shown to the client on screen or printed like the token slip. */
export function ConfirmationScreen() {
  const { appointmentId } = useParams();
  const id = Number(appointmentId);
  return Number.isSafeInteger(id) && id > 0 ? <ConfirmationFor appointmentId={id} /> : <Missing message={String(appointmentId)} />;
}

function Missing({ message }: { message: string }) {
  return (
    <Screen title={t('salon.confirm.title')} back="/appointments" className="slip-screen">
      <ErrorNote error={t('salon.confirm.missing', { message })} />
      <Link className="button button--primary" to="/appointments">
        {t('salon.confirm.back')}
      </Link>
    </Screen>
  );
}

function ConfirmationFor({ appointmentId }: { appointmentId: number }) {
  const detail = useAppointment(appointmentId);
  const store = useStore();
  if (detail.error && !detail.data) return <Missing message={detail.error} />;
  const back = detail.data ? `/appointments?date=${detail.data.date}&open=${appointmentId}` : '/appointments';
  const actions = (
    <>
      <PrintAction document={{ document: 'confirmation', appointmentId }} label={t('salon.confirm.print')} disabled={!detail.data || !store.data} />
      <Link className="button button--ghost" to={back}>
        {t('salon.confirm.back')}
      </Link>
    </>
  );
  return (
    <Screen title={t('salon.confirm.title')} back={back} actions={actions} className="slip-screen">
      {detail.data && store.data ? <Confirmation a={detail.data} store={store.data} /> : <p className="slip-loading">{t('salon.loading')}</p>}
    </Screen>
  );
}

/**
 * What the client keeps: the store, who and when, each service with what to expect (result,
 * limits, aftercare) and how long it takes, the deposit paid and the cancellation policy in plain
 * words. The words are the booking's own snapshot, so a later catalog edit does not rewrite it.
 */
export function Confirmation({ a, store }: { a: AppointmentDetail; store: StoreSettings }) {
  const money = useMoney(store);
  const paid = a.deposits.filter((d) => d.appointmentId === a.id);
  return (
    <article className="slip confirmation" aria-label={t('salon.confirm.title')}>
      <p className="slip__store">{store.name}</p>
      <p className="slip__token-label">{t('salon.confirm.title')}</p>
      <p className="slip__who">{t('salon.confirm.client', { name: a.customerName })}</p>
      <p className="confirmation__when">
        {t('salon.confirm.when', { date: formatBusinessDate(a.date, store.locale), start: minuteText(a.startMinute), end: minuteText(a.endMinute) })}
      </p>
      <p>{t('salon.confirm.with', { name: a.staffName })}</p>
      {a.status !== 'booked' && a.status !== 'checked_in' && <p className="slip__closed">{t('salon.confirm.status', { status: statusName(a.status) })}</p>}
      <section className="slip__expect" aria-labelledby="confirmation-services">
        <h2 id="confirmation-services" className="slip__expect-heading">
          {t('salon.confirm.services')}
        </h2>
        <ul>
          {a.services.map((s, i) => (
            <li key={`${s.itemId}-${i}`} className="slip__service">
              <p className="slip__service-name">
                {s.name} · {t('salon.confirm.duration', { minutes: s.durationMinutes })}
              </p>
              {s.expectText && <p className="slip__service-expect">{s.expectText}</p>}
            </li>
          ))}
        </ul>
      </section>
      <section className="slip__terms confirmation__terms">
        {paid.length === 0 ? (
          <p>{t('salon.confirm.noDeposit')}</p>
        ) : (
          paid.map((d) => (
            <p key={d.id} data-testid="confirmation-deposit">
              {t('salon.confirm.deposit', { amount: money.format(d.amountMinor), method: methodName(d.method) })}
            </p>
          ))
        )}
        {(a.policy.mode !== 'none' || paid.length > 0) && <p>{cancelWords(a.policy)}</p>}
      </section>
      {store.payAfterTerms && <p className="slip__terms">{store.payAfterTerms}</p>}
    </article>
  );
}
