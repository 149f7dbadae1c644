import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api';
import type { AppointmentDetail, StaffColumn } from '../../../shared/salon-types';
import type { PaymentMethod, StoreSettings } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { SidePanel } from '../../components/SidePanel';
import { methodName } from '../../format/method-name';
import { useMay } from '../../hooks/current-staff';
import { useCommand } from '../../hooks/use-command';
import { useEscapeFirst } from '../../hooks/use-escape-first';
import { useMoney, type MoneyTools } from '../../hooks/use-money';
import { useNow } from '../../hooks/use-now';
import { formatBusinessDate, useWhen } from '../../hooks/use-when';
import { t } from '../../i18n/t';
import { BookingForm } from './BookingForm';
import { depositFor, hasStarted, minuteText, storeNow } from './salon-time';
import { cancelWords, forfeitOf, policyWords, statusName } from './salon-words';
import { useAppointment } from './use-salon';

type Props = { appointmentId: number; store: StoreSettings; staff: StaffColumn[]; onClose: () => void };
type View = 'main' | 'edit' | 'cancel' | 'noShow' | 'take';

/** Whether a no-show may be marked is asked again each half minute, so the button appears at the start time. */
const TICK_MS = 30_000;

/** One appointment: what was booked and what is held, and what can be done with it in its state. */
export function AppointmentPanel({ appointmentId, store, staff, onClose }: Props) {
  const detail = useAppointment(appointmentId);
  const [view, setView] = useState<View>('main');
  useEscapeFirst(() => (view === 'main' ? onClose() : setView('main')), view !== 'edit');
  if (!detail.data) {
    return (
      <SidePanel titleId="appointment-title" onSubmit={(e) => e.preventDefault()} className="appointment-panel">
        <h2 id="appointment-title">{t('salon.panel.title')}</h2>
        {detail.error ? <ErrorNote error={t('salon.confirm.missing', { message: detail.error })} /> : <p className="salon__muted">{t('salon.loading')}</p>}
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('salon.panel.close')}
          </button>
        </div>
      </SidePanel>
    );
  }
  const a = detail.data;
  if (view === 'edit') return <BookingForm start={{ date: a.date }} appointment={a} staff={staff} store={store} onDone={() => setView('main')} />;
  if (view === 'cancel' || view === 'noShow') return <CloseForm a={a} store={store} kind={view} onBack={() => setView('main')} />;
  if (view === 'take') return <TakeDeposit a={a} store={store} onBack={() => setView('main')} />;
  return <Overview a={a} store={store} onView={setView} onClose={onClose} />;
}

function Overview({ a, store, onView, onClose }: { a: AppointmentDetail; store: StoreSettings; onView: (v: View) => void; onClose: () => void }) {
  const money = useMoney(store);
  const when = useWhen(store);
  const navigate = useNavigate();
  const now = useNow(TICK_MS);
  const checkIn = useCommand('appointment.checkIn');
  const mayWrite = useMay('appointments.write');
  const started = hasStarted(a.date, a.startMinute, storeNow(store.timeZone, new Date(now)));
  const held = a.deposits.filter((d) => d.status === 'held');
  const booked = a.status === 'booked';
  const wantsDeposit =
    booked &&
    held.length === 0 &&
    a.depositHeldMinor === 0 &&
    a.deposits.length === 0 &&
    depositFor(
      a.policy,
      a.services.map((s) => s.priceMinor),
    ) > 0;

  const doCheckIn = async (): Promise<void> => {
    const result = await checkIn.run({ appointmentId: a.id });
    if (result) navigate(`/tab/${result.tabId}`);
  };

  return (
    <SidePanel titleId="appointment-title" onSubmit={(e) => e.preventDefault()} className="appointment-panel">
      <h2 id="appointment-title">
        {a.customerName} <span className={`appointment-panel__status appointment-panel__status--${a.status}`}>{statusName(a.status)}</span>
      </h2>
      <p className="appointment-panel__when" data-testid="appointment-when">
        {t('salon.panel.when', { date: formatBusinessDate(a.date, store.locale), start: minuteText(a.startMinute), end: minuteText(a.endMinute) })} ·{' '}
        {t('salon.panel.with', { name: a.staffName })}
      </p>
      <Link className="button button--ghost" to={`/customers/${a.customerId}`}>
        {t('salon.panel.openCustomer')}
      </Link>

      <section aria-labelledby="appointment-services">
        <h3 id="appointment-services" className="appointment-panel__heading">
          {t('salon.panel.services')}
        </h3>
        <ul className="appointment-panel__services">
          {a.services.map((s, i) => (
            <li key={`${s.itemId}-${i}`}>
              <p className="appointment-panel__service">
                <span>{s.name}</span>
                <span>
                  {t('salon.confirm.duration', { minutes: s.durationMinutes })} · {money.format(s.priceMinor)}
                </span>
              </p>
              <p className="appointment-panel__expect">{s.expectText || t('salon.panel.expectNone')}</p>
            </li>
          ))}
        </ul>
      </section>
      {a.note && (
        <p className="appointment-panel__note">
          <strong>{t('salon.panel.note')}:</strong> {a.note}
        </p>
      )}

      <section aria-labelledby="appointment-deposit">
        <h3 id="appointment-deposit" className="appointment-panel__heading">
          {t('salon.panel.deposit')}
        </h3>
        {a.deposits.length === 0 ? (
          <p className="salon__muted">{t('salon.panel.depositNone')}</p>
        ) : (
          <ul className="appointment-panel__deposits">
            {a.deposits.map((d) => (
              <li key={d.id} data-testid="appointment-deposit">
                {d.status === 'held'
                  ? t('salon.panel.depositTaken', { amount: money.format(d.amountMinor), method: methodName(d.method), when: when.format(d.takenAt) })
                  : t('salon.panel.depositClosed', {
                      amount: money.format(d.amountMinor),
                      method: methodName(d.method),
                      applied: money.format(d.appliedMinor),
                      refunded: money.format(d.refundedMinor),
                      forfeited: money.format(d.forfeitedMinor),
                    })}
              </li>
            ))}
          </ul>
        )}
        <p className="field__hint">{policyWords(a.policy, money.format)}</p>
      </section>

      {a.tabId !== null && a.token !== null && (
        <p>
          {t('salon.panel.tab', { token: a.token })} <Link to={`/tab/${a.tabId}`}>{t('salon.panel.openTab')}</Link>
        </p>
      )}

      <ErrorNote error={checkIn.error} />
      <div className="appointment-panel__actions">
        {booked && mayWrite && (
          <>
            <button type="button" className="button button--primary" disabled={checkIn.pending} onClick={() => void doCheckIn()}>
              {t('salon.panel.checkIn')}
            </button>
            <button type="button" className="button button--ghost" onClick={() => onView('edit')}>
              {t('salon.panel.edit')}
            </button>
            {wantsDeposit && (
              <button type="button" className="button button--ghost" onClick={() => onView('take')}>
                {t('salon.panel.takeDeposit')}
              </button>
            )}
            <button type="button" className="button button--ghost" onClick={() => onView('cancel')}>
              {t('salon.panel.cancel')}
            </button>
            {started && (
              <button type="button" className="button button--danger" onClick={() => onView('noShow')}>
                {t('salon.panel.noShow')}
              </button>
            )}
          </>
        )}
        <Link className="button button--ghost" to={`/appointments/${a.id}/confirmation`}>
          {t('salon.panel.confirmation')}
        </Link>
        <button type="button" className="button button--ghost" onClick={onClose}>
          {t('salon.panel.close')}
        </button>
      </div>
      {booked && mayWrite && !started && <p className="field__hint">{t('salon.panel.noShowNotYet', { time: minuteText(a.startMinute) })}</p>}
    </SidePanel>
  );
}

/** What closing now does with the held deposit, in words, before it is done. */
function outcomeWords(a: AppointmentDetail, kind: 'cancel' | 'noShow', refundAnyway: boolean, money: MoneyTools): string {
  const held = a.deposits.filter((d) => d.status === 'held');
  if (held.length === 0) return t('salon.close.noDeposit');
  const amount = held.reduce((sum, d) => sum + d.amountMinor, 0);
  const method = methodName(held[0]?.method ?? 'cash');
  const free = refundAnyway || (kind === 'cancel' && a.cancelInTime);
  if (free) return t('salon.close.refundAll', { amount: money.format(amount), method });
  const kept = held.reduce((sum, d) => sum + forfeitOf(d.amountMinor, a.policy.forfeitPercent), 0);
  return t('salon.close.forfeit', { amount: money.format(amount), kept: money.format(kept), refunded: money.format(amount - kept), method });
}

/**
 * Cancelling or marking a no-show: says first whether it is in time and what happens to the
 * deposit. A staff member keeping a deposit is asked for a manager's PIN (the approval dialog);
 * refunding it anyway is a manager's call with a reason. A cancel says which outcome it showed
 * (expectInTime): if the free window closed while the form was open, the ledger refuses it and
 * the form reads the appointment again, so the outcome shown is the one a second confirm does.
 */
function CloseForm({ a: given, store, kind, onBack }: { a: AppointmentDetail; store: StoreSettings; kind: 'cancel' | 'noShow'; onBack: () => void }) {
  const money = useMoney(store);
  const cancel = useCommand('appointment.cancel');
  const noShow = useCommand('appointment.noShow');
  const command = kind === 'cancel' ? cancel : noShow;
  const [reread, setReread] = useState<AppointmentDetail | null>(null);
  const a = reread ?? given;
  const timingChanged = command.error?.code === 'cancel_timing_changed';
  useEffect(() => {
    if (!timingChanged) return;
    let active = true;
    void api['appointment.get']({ appointmentId: given.id }).then((r) => {
      if (active && r.ok) setReread(r.value);
    });
    return () => {
      active = false;
    };
  }, [timingChanged, given.id]);
  const [anyway, setAnyway] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const held = a.deposits.some((d) => d.status === 'held');
  const forfeits = held && !(kind === 'cancel' && a.cancelInTime) && a.policy.forfeitPercent > 0;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (anyway && reason.trim() === '') return setReasonError(t('salon.close.reasonMissing'));
    setReasonError(null);
    const base = kind === 'cancel' ? { appointmentId: a.id, expectInTime: a.cancelInTime } : { appointmentId: a.id };
    const input = anyway ? { ...base, refundAnyway: reason.trim() } : base;
    if (await command.run(input)) onBack();
  };

  const title = kind === 'cancel' ? t('salon.cancel.title') : t('salon.noShow.title');
  return (
    <SidePanel titleId="close-title" onSubmit={(e) => void submit(e)} className="appointment-panel">
      <h2 id="close-title">{title}</h2>
      <p>
        {a.customerName} · {formatBusinessDate(a.date, store.locale)} {minuteText(a.startMinute)} · {a.staffName}
      </p>
      {kind === 'cancel' && (
        <p className="appointment-panel__timing" data-testid="cancel-timing">
          {a.cancelInTime ? t('salon.cancel.inTime', { hours: a.policy.freeCancelHours }) : t('salon.cancel.late', { hours: a.policy.freeCancelHours })}
        </p>
      )}
      <p className="appointment-panel__outcome" data-testid="close-outcome">
        {outcomeWords(a, kind, anyway, money)}
      </p>
      <p className="field__hint">{cancelWords(a.policy)}</p>
      {forfeits && (
        <>
          {!anyway && <p className="field__hint">{t('salon.close.approvalHint')}</p>}
          <label className="appointment-panel__check">
            <input type="checkbox" checked={anyway} onChange={(e) => setAnyway(e.target.checked)} />
            <span>{t('salon.close.refundAnyway')}</span>
          </label>
          {anyway && (
            <label className="field">
              <span>{t('salon.close.reason')}</span>
              <input value={reason} autoFocus onChange={(e) => setReason(e.target.value)} aria-invalid={reasonError ? true : undefined} autoComplete="off" />
            </label>
          )}
          <ErrorNote error={reasonError ?? (command.error?.field === 'refundAnyway' ? command.error : null)} />
        </>
      )}
      <ErrorNote error={command.error?.field === 'refundAnyway' ? null : command.error} />
      <div className="form-actions">
        <button type="submit" className="button button--danger" disabled={command.pending}>
          {kind === 'cancel' ? t('salon.cancel.confirm') : t('salon.noShow.confirm')}
        </button>
        <button type="button" className="button button--ghost" onClick={onBack}>
          {t('salon.close.back')}
        </button>
      </div>
    </SidePanel>
  );
}

/** Taking the policy's deposit for a booking made without one (by phone, paid later). */
function TakeDeposit({ a, store, onBack }: { a: AppointmentDetail; store: StoreSettings; onBack: () => void }) {
  const money = useMoney(store);
  const take = useCommand('appointment.takeDeposit');
  const [method, setMethod] = useState<PaymentMethod>('card');
  const [reference, setReference] = useState('');
  const amount = depositFor(
    a.policy,
    a.services.map((s) => s.priceMinor),
  );
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (await take.run({ appointmentId: a.id, method, reference: reference.trim() })) onBack();
  };
  return (
    <SidePanel titleId="take-title" onSubmit={(e) => void submit(e)} className="appointment-panel">
      <h2 id="take-title">{t('salon.take.title')}</h2>
      <p>{t('salon.take.amount', { amount: money.format(amount) })}</p>
      <fieldset>
        <legend>{t('salon.method.label')}</legend>
        <div className="side-panel__toggle">
          {(['cash', 'card', 'other'] as const).map((m) => (
            <label key={m} className={method === m ? 'is-on' : undefined}>
              <input type="radio" name="take-method" value={m} checked={method === m} onChange={() => setMethod(m)} />
              {t(`salon.method.${m}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="field">
        <span>{t('salon.take.reference')}</span>
        <input value={reference} onChange={(e) => setReference(e.target.value)} autoComplete="off" />
      </label>
      <ErrorNote error={take.error} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={take.pending}>
          {t('salon.take.confirm', { amount: money.format(amount) })}
        </button>
        <button type="button" className="button button--ghost" onClick={onBack}>
          {t('salon.close.back')}
        </button>
      </div>
    </SidePanel>
  );
}
