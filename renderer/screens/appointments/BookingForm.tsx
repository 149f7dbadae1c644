import { useEffect, useState, type FormEvent } from 'react';
import type { Customer } from '../../../shared/customer-types';
import { isValidDate } from '../../../shared/domain/business-day';
import type { AppointmentDetail, StaffColumn } from '../../../shared/salon-types';
import type { PaymentMethod, StoreSettings } from '../../../shared/types';
import { api } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { errorElsewhere, errorFor } from '../../components/field-error';
import { FormActions } from '../../components/FormActions';
import { SidePanel } from '../../components/SidePanel';
import { useCommand } from '../../hooks/use-command';
import { useEscapeFirst } from '../../hooks/use-escape-first';
import { useCatalog, useDrawer } from '../../hooks/use-live-data';
import { useMoney } from '../../hooks/use-money';
import { t } from '../../i18n/t';
import { CustomerForm } from '../customers/CustomerForm';
import { CustomerTiles } from '../customers/CustomerTiles';
import { useCustomerSearch } from '../customers/use-customer-search';
import { bookableServices, depositFor, hoursOn, minuteText, servicesChanged, startTimes } from './salon-time';
import { policyWords } from './salon-words';

export type BookingStart = { date: string; staffId?: number | undefined; startMinute?: number | undefined; customerId?: number | undefined };

type Props = {
  /** What the new booking starts from (a tapped slot, a customer's page); ignored when editing. */
  start: BookingStart;
  /** An appointment to move, reassign or change; none books a new one. */
  appointment?: AppointmentDetail;
  staff: StaffColumn[];
  store: StoreSettings;
  onDone: (saved: AppointmentDetail | null) => void;
};

type DepositChoice = PaymentMethod | 'later';
const FIELDS = ['customerId', 'staffId', 'date', 'startMinute', 'itemIds', 'note', 'deposit', 'deposit.method'];
/** How many customers the search shows at once: enough to find one, few enough to tap. */
const SHOWN = 6;

/**
 * Booking a customer, or changing a booking: who, with whom, when, which services (the end follows
 * from their durations, shown as they are picked), a note, and the deposit the policy asks for.
 * The ledger's refusals (an overlap, outside the hours, a closed drawer) show beside their field.
 */
export function BookingForm({ start, appointment, staff, store, onDone }: Props) {
  const book = useCommand('appointment.book');
  const update = useCommand('appointment.update');
  const command = appointment ? update : book;
  const catalog = useCatalog();
  const drawer = useDrawer();
  const money = useMoney(store);
  const [customer, setCustomer] = useState<Pick<Customer, 'id' | 'name'> | null>(
    appointment ? { id: appointment.customerId, name: appointment.customerName } : null,
  );
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);
  const [staffId, setStaffId] = useState<number | null>(appointment?.staffId ?? start.staffId ?? staff[0]?.id ?? null);
  const [date, setDate] = useState(appointment?.date ?? start.date);
  const [startMinute, setStartMinute] = useState<number | null>(appointment?.startMinute ?? start.startMinute ?? null);
  const [itemIds, setItemIds] = useState<number[]>(appointment ? appointment.services.map((s) => s.itemId) : []);
  const [note, setNote] = useState(appointment?.note ?? '');
  const [deposit, setDeposit] = useState<DepositChoice>('card');
  const [problem, setProblem] = useState<{ field: string; text: string } | null>(null);
  const search = useCustomerSearch(query.trim(), customer === null && !adding);
  useEscapeFirst(() => onDone(null), !adding);

  // A booking started from a customer's page arrives with that customer picked.
  useEffect(() => {
    if (appointment || !start.customerId) return;
    let active = true;
    void api['customer.get']({ customerId: start.customerId }).then((r) => {
      if (active && r.ok) setCustomer((c) => c ?? { id: r.value.customer.id, name: r.value.customer.name });
    });
    return () => {
      active = false;
    };
  }, [appointment, start.customerId]);

  const services = bookableServices(catalog.data?.items ?? []);
  // A booked service since archived still shows, from the booking's own snapshot.
  const picked = itemIds.map((id) => {
    const item = services.find((s) => s.id === id);
    const booked = appointment?.services.find((s) => s.itemId === id);
    return {
      id,
      name: item?.name ?? booked?.name ?? String(id),
      minutes: item?.durationMinutes ?? booked?.durationMinutes ?? 0,
      priceMinor: item?.priceMinor ?? booked?.priceMinor ?? 0,
    };
  });
  const minutes = picked.reduce((sum, p) => sum + p.minutes, 0);
  const hours = isValidDate(date) ? hoursOn(store.openingHours, date) : null;
  const times = startTimes(hours, minutes);
  // A start outside the day's hours (a booking being moved) is still offered, so it is not silently changed.
  const timeOptions = startMinute !== null && !times.includes(startMinute) ? [startMinute, ...times] : times;
  const depositMinor = appointment
    ? 0
    : depositFor(
        store.depositPolicy,
        picked.map((p) => p.priceMinor),
      );
  const drawerOpen = drawer.data?.session?.status === 'open';

  const toggle = (id: number): void => {
    setProblem(null);
    command.clearError();
    setItemIds((ids) => (ids.includes(id) ? ids.filter((i) => i !== id) : [...ids, id]));
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!customer) return setProblem({ field: 'customerId', text: t('salon.form.noCustomer') });
    if (staffId === null) return setProblem({ field: 'staffId', text: t('salon.noStaff') });
    if (itemIds.length === 0) return setProblem({ field: 'itemIds', text: t('salon.form.pickServices') });
    if (startMinute === null) return setProblem({ field: 'startMinute', text: t('salon.form.timeMissing') });
    setProblem(null);
    const saved = appointment
      ? await update.run({ appointmentId: appointment.id, staffId, date, startMinute, ...(servicesChanged(appointment, itemIds) ? { itemIds } : {}), note })
      : await book.run({
          customerId: customer.id,
          staffId,
          date,
          startMinute,
          itemIds,
          note,
          deposit: depositMinor > 0 && deposit !== 'later' ? { method: deposit, reference: '' } : null,
        });
    if (saved) onDone(saved);
  };

  // The ledger names the field it refused; a refusal of the time itself (an overlap, outside the hours) sits by the start.
  const at = (field: string) =>
    problem?.field === field ? problem.text : errorFor(command.error, field === 'deposit' ? ['deposit', 'deposit.method'] : [field]);
  const rest = errorElsewhere(command.error, FIELDS);
  const spanText =
    minutes === 0
      ? null
      : startMinute !== null
        ? t('salon.form.span', { minutes, start: minuteText(startMinute), end: minuteText(startMinute + minutes) })
        : t('salon.form.spanNoTime', { minutes });

  return (
    <>
      <SidePanel titleId="booking-title" onSubmit={(e) => void submit(e)} className="booking-form">
        <h2 id="booking-title">{appointment ? t('salon.form.editTitle') : t('salon.form.newTitle')}</h2>

        <fieldset className="booking-form__customer">
          <legend>{t('salon.form.customer')}</legend>
          {customer ? (
            <div className="booking-form__picked-customer">
              <span className="booking-form__customer-name" data-testid="booking-customer">
                {customer.name}
              </span>
              {!appointment && (
                <button type="button" className="button button--ghost" onClick={() => setCustomer(null)}>
                  {t('salon.form.changeCustomer')}
                </button>
              )}
            </div>
          ) : (
            <>
              <label className="field">
                <span>{t('salon.form.customerSearch')}</span>
                <input
                  type="search"
                  autoFocus
                  value={query}
                  onChange={(e) => setQuery(e.target.value)}
                  autoComplete="off"
                  aria-describedby="booking-customer-hint"
                />
              </label>
              <p className="field__hint" id="booking-customer-hint">
                {t('salon.form.customerHint')}
              </p>
              <ErrorNote error={search.error} />
              <CustomerTiles
                customers={(search.results ?? []).slice(0, SHOWN)}
                onPick={(c) => {
                  setCustomer(c);
                  setProblem(null);
                }}
                pickLabel={(c) => t('salon.form.pickCustomer', { name: c.name })}
                label={t('customers.found')}
              />
              <div>
                <button type="button" className="button button--ghost" onClick={() => setAdding(true)}>
                  {t('salon.form.newCustomer')}
                </button>
              </div>
            </>
          )}
          <ErrorNote error={at('customerId')} />
        </fieldset>

        <div className="side-panel__pair">
          <label className="field">
            <span>{t('salon.form.staff')}</span>
            <select value={staffId ?? ''} onChange={(e) => setStaffId(Number(e.target.value))} aria-invalid={at('staffId') ? true : undefined}>
              {staff.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('salon.form.date')}</span>
            <input type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-invalid={at('date') ? true : undefined} />
          </label>
        </div>
        <ErrorNote error={at('staffId')} />
        <ErrorNote error={at('date')} />

        <fieldset>
          <legend>{t('salon.form.services')}</legend>
          {services.length === 0 && catalog.data ? (
            <p className="salon__muted">{t('salon.form.noServices')}</p>
          ) : (
            <>
              <p className="field__hint">{t('salon.form.servicesHint')}</p>
              <div className="booking-form__services">
                {services.map((s) => (
                  <button
                    key={s.id}
                    type="button"
                    className={`booking-form__service${itemIds.includes(s.id) ? ' booking-form__service--on' : ''}`}
                    aria-pressed={itemIds.includes(s.id)}
                    onClick={() => toggle(s.id)}
                  >
                    <span className="booking-form__service-name">{s.name}</span>
                    <span className="booking-form__service-meta">
                      {t('salon.confirm.duration', { minutes: s.durationMinutes ?? 0 })} · {money.format(s.priceMinor)}
                    </span>
                  </button>
                ))}
              </div>
            </>
          )}
          {picked.length > 0 && (
            <ol className="booking-form__picked" aria-label={t('salon.form.picked')}>
              {picked.map((p) => (
                <li key={p.id}>{t('salon.form.serviceLine', { name: p.name, minutes: p.minutes })}</li>
              ))}
            </ol>
          )}
          {spanText && (
            <p className="booking-form__span" data-testid="booking-span">
              {spanText}
            </p>
          )}
          <ErrorNote error={at('itemIds')} />
        </fieldset>

        <label className="field">
          <span>{t('salon.form.time')}</span>
          {hours ? (
            <select
              value={startMinute ?? ''}
              onChange={(e) => {
                setStartMinute(e.target.value === '' ? null : Number(e.target.value));
                command.clearError();
                setProblem(null);
              }}
              aria-invalid={at('startMinute') ? true : undefined}
            >
              <option value="">—</option>
              {timeOptions.map((m) => (
                <option key={m} value={m}>
                  {minuteText(m)}
                </option>
              ))}
            </select>
          ) : (
            <span className="salon__muted">{t('salon.form.closed')}</span>
          )}
        </label>
        <ErrorNote error={at('startMinute')} />

        <label className="field">
          <span>{t('salon.form.note')}</span>
          <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <ErrorNote error={at('note')} />

        {depositMinor > 0 && (
          <fieldset aria-describedby="booking-deposit-hint">
            <legend>{t('salon.form.deposit', { amount: money.format(depositMinor) })}</legend>
            <p className="field__hint" id="booking-deposit-hint">
              {policyWords(store.depositPolicy, money.format)}
            </p>
            <div className="side-panel__toggle booking-form__tenders">
              {(['cash', 'card', 'other', 'later'] as const).map((m) => (
                <label key={m} className={deposit === m ? 'is-on' : undefined}>
                  <input type="radio" name="booking-deposit" value={m} checked={deposit === m} onChange={() => setDeposit(m)} />
                  {m === 'later' ? t('salon.form.depositLater') : t(`salon.method.${m}`)}
                </label>
              ))}
            </div>
            {deposit === 'cash' && drawer.data && !drawerOpen && <p className="field__hint">{t('salon.form.depositDrawer')}</p>}
            <ErrorNote error={at('deposit')} />
          </fieldset>
        )}
        {appointment && <p className="field__hint">{t('salon.form.editDepositNote')}</p>}

        <ErrorNote error={rest} />
        <FormActions confirm={appointment ? t('salon.form.save') : t('salon.form.book')} pending={command.pending} onCancel={() => onDone(null)} />
      </SidePanel>
      {adding && (
        <CustomerForm
          onDone={(created) => {
            setAdding(false);
            if (created) setCustomer(created);
          }}
        />
      )}
    </>
  );
}
