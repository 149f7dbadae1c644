import { useMemo } from 'react';
import { Link } from 'react-router';
import { addDays, isValidDate } from '../../../shared/domain/business-day';
import type { Appointment, AppointmentDay, StaffColumn } from '../../../shared/salon-types';
import type { StoreSettings } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { Screen } from '../../components/Screen';
import { useMay } from '../../hooks/current-staff';
import { useStore } from '../../hooks/use-live-data';
import { useSearchState } from '../../hooks/use-search-state';
import { useShortcut } from '../../hooks/use-shortcut';
import { formatBusinessDate } from '../../hooks/use-when';
import { t } from '../../i18n/t';
import { AppointmentPanel } from './AppointmentPanel';
import { BookingForm, type BookingStart } from './BookingForm';
import { BookGrid, type GridColumn } from './BookGrid';
import { mondayOf, nextOpenDate, storeNow } from './salon-time';
import { statusName } from './salon-words';
import { useAppointmentDay, useAppointmentWeek } from './use-salon';
import './appointments.css';

/** Booked, checked in or done hold their time; the rest are listed under the grid. */
const onGrid = (a: Appointment): boolean => a.status === 'booked' || a.status === 'checked_in' || a.status === 'done';

/**
 * The salon's book. The URL holds what is shown (?date, ?view=week&staff, ?open=<appointment>,
 * ?book=1&customer=…), so a link from a customer's page or the board opens the right day and
 * appointment, and a reload comes back to it.
 */
export function AppointmentsScreen() {
  const store = useStore();
  if (!store.data) {
    return (
      <Screen title={t('salon.title')} back="/">
        {store.error ? <ErrorNote error={t('salon.loadFailed', { message: store.error })} /> : <p className="salon__muted">{t('salon.loading')}</p>}
      </Screen>
    );
  }
  return <Book store={store.data} />;
}

function Book({ store }: { store: StoreSettings }) {
  const [params, change] = useSearchState();
  const today = storeNow(store.timeZone).date;
  const asked = params.get('date') ?? '';
  const date = isValidDate(asked) ? asked : today;
  const week = params.get('view') === 'week';
  const openId = Number(params.get('open') ?? '');
  const booking = params.get('book') === '1';
  const mayWrite = useMay('appointments.write');
  const day = useAppointmentDay(date);
  const staffList = day.data?.staff ?? [];
  const staffParam = Number(params.get('staff') ?? '');
  const weekStaff = staffList.find((s) => s.id === staffParam) ?? staffList[0] ?? null;

  const goTo = (next: string): void => change({ date: next });
  const step = week ? 7 : 1;
  const overlay = booking || (Number.isSafeInteger(openId) && openId > 0);

  useShortcut(
    ['b', 'B'],
    (e) => {
      e.preventDefault();
      if (mayWrite) change({ book: '1', open: null });
    },
    { enabled: !overlay },
  );
  useShortcut(['t', 'T'], () => goTo(today), { enabled: !overlay });
  useShortcut('ArrowLeft', () => goTo(addDays(date, -step)), { enabled: !overlay });
  useShortcut('ArrowRight', () => goTo(addDays(date, step)), { enabled: !overlay });
  useShortcut(['w', 'W'], () => change({ view: week ? null : 'week', staff: weekStaff ? String(weekStaff.id) : null }), { enabled: !overlay });

  const actions = (
    <>
      {mayWrite && (
        <button type="button" className="button button--primary" onClick={() => change({ book: '1', open: null })} aria-keyshortcuts="b">
          {t('salon.book')}
          <kbd className="key-hint" aria-hidden="true">
            B
          </kbd>
        </button>
      )}
    </>
  );

  const start: BookingStart = {
    date,
    staffId: Number(params.get('bookStaff') ?? '') || (week ? weekStaff?.id : undefined),
    startMinute: params.has('at') ? Number(params.get('at')) : undefined,
    customerId: Number(params.get('customer') ?? '') || undefined,
  };

  return (
    <Screen title={t('salon.title')} back="/" actions={actions} className="salon">
      <div className="salon__bar">
        <div className="salon__nav" role="group" aria-label={t('salon.title')}>
          <button type="button" className="button button--ghost" onClick={() => goTo(addDays(date, -step))} aria-keyshortcuts="ArrowLeft">
            ← {week ? t('salon.prevWeek') : t('salon.prevDay')}
          </button>
          <button type="button" className="button button--ghost" onClick={() => goTo(today)} disabled={date === today} aria-keyshortcuts="t">
            {t('salon.today')}
          </button>
          <button type="button" className="button button--ghost" onClick={() => goTo(addDays(date, step))} aria-keyshortcuts="ArrowRight">
            {week ? t('salon.nextWeek') : t('salon.nextDay')} →
          </button>
          <input
            className="salon__date"
            type="date"
            aria-label={t('salon.form.date')}
            value={date}
            onChange={(e) => isValidDate(e.target.value) && goTo(e.target.value)}
          />
        </div>
        <div className="salon__views" role="group" aria-label={t('salon.dayView')}>
          <button
            type="button"
            className={`button ${week ? 'button--ghost' : 'button--primary'}`}
            aria-pressed={!week}
            onClick={() => change({ view: null })}
            aria-keyshortcuts="w"
          >
            {t('salon.dayView')}
          </button>
          <button
            type="button"
            className={`button ${week ? 'button--primary' : 'button--ghost'}`}
            aria-pressed={week}
            onClick={() => change({ view: 'week', staff: weekStaff ? String(weekStaff.id) : null })}
            disabled={staffList.length === 0}
          >
            {t('salon.weekView')}
          </button>
          {week && staffList.length > 0 && (
            <select className="salon__who" aria-label={t('salon.form.staff')} value={weekStaff?.id ?? ''} onChange={(e) => change({ staff: e.target.value })}>
              {staffList.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </div>
      </div>
      <p className="salon__hint">{t('salon.keysHint')}</p>
      <ErrorNote error={day.error ? t('salon.loadFailed', { message: day.error }) : null} />
      {day.data &&
        (week && weekStaff ? (
          <WeekView
            staff={weekStaff}
            date={date}
            store={store}
            onOpen={(id) => change({ open: String(id) })}
            onSlot={(d, m) => mayWrite && change({ book: '1', date: d, at: String(m), bookStaff: String(weekStaff.id) })}
          />
        ) : (
          <DayView
            day={day.data}
            store={store}
            onGo={goTo}
            onOpen={(id) => change({ open: String(id) })}
            onSlot={(s, m) => mayWrite && change({ book: '1', at: String(m), bookStaff: String(s) })}
          />
        ))}
      {!day.data && !day.error && <p className="salon__muted">{t('salon.loading')}</p>}
      {booking && day.data && (
        <BookingForm
          start={start}
          staff={day.data.staff}
          store={store}
          onDone={(booked) =>
            change({ book: null, at: null, bookStaff: null, customer: null, open: booked ? String(booked.id) : null, date: booked ? booked.date : date })
          }
        />
      )}
      {!booking && openId > 0 && <AppointmentPanel appointmentId={openId} store={store} staff={staffList} onClose={() => change({ open: null })} />}
    </Screen>
  );
}

function DayView({
  day,
  store,
  onGo,
  onOpen,
  onSlot,
}: {
  day: AppointmentDay;
  store: StoreSettings;
  onGo: (date: string) => void;
  onOpen: (id: number) => void;
  onSlot: (staffId: number, minute: number) => void;
}) {
  const label = formatBusinessDate(day.date, store.locale);
  const off = day.appointments.filter((a) => !onGrid(a));
  const columns: GridColumn[] = useMemo(
    () =>
      day.staff.map((s) => ({
        key: String(s.id),
        title: s.name,
        hours: day.hours,
        appointments: day.appointments.filter((a) => a.staffId === s.id && onGrid(a)),
        slotLabel: (time: string) => t('salon.slot', { name: s.name, time }),
        onSlot: (minute: number) => onSlot(s.id, minute),
      })),
    [day, onSlot],
  );
  if (!day.hours) return <ClosedDay date={day.date} store={store} onGo={onGo} />;
  if (day.staff.length === 0) return <p className="salon__muted">{t('salon.noStaff')}</p>;
  return (
    <>
      <h2 className="salon__day">
        {label} · {t('salon.count', { count: day.appointments.filter(onGrid).length })}
      </h2>
      <BookGrid label={t('salon.dayGrid', { date: label })} columns={columns} from={day.hours.open} to={day.hours.close} onOpen={onOpen} />
      <OffGrid appointments={off} onOpen={onOpen} />
    </>
  );
}

/** A closed day says so and offers the nearest open days, so the book is never a dead end. */
function ClosedDay({ date, store, onGo }: { date: string; store: StoreSettings; onGo: (date: string) => void }) {
  const next = nextOpenDate(store.openingHours, date, 1);
  const prev = nextOpenDate(store.openingHours, date, -1);
  const may = useMay('store.manage');
  return (
    <div className="salon__closed" role="status">
      <p>{t('salon.closedDay', { date: formatBusinessDate(date, store.locale) })}</p>
      {next ? (
        <div className="salon__closed-actions">
          {prev && (
            <button type="button" className="button button--ghost" onClick={() => onGo(prev)}>
              {t('salon.prevOpen', { date: formatBusinessDate(prev, store.locale) })}
            </button>
          )}
          <button type="button" className="button button--primary" onClick={() => onGo(next)}>
            {t('salon.nextOpen', { date: formatBusinessDate(next, store.locale) })}
          </button>
        </div>
      ) : (
        <>
          <p>{t('salon.noHours')}</p>
          {may && (
            <Link className="button button--primary" to="/settings">
              {t('salon.openSettings')}
            </Link>
          )}
        </>
      )}
    </div>
  );
}

function WeekView({
  staff,
  date,
  store,
  onOpen,
  onSlot,
}: {
  staff: StaffColumn;
  date: string;
  store: StoreSettings;
  onOpen: (id: number) => void;
  onSlot: (date: string, minute: number) => void;
}) {
  const from = mondayOf(date);
  const week = useAppointmentWeek(staff.id, from);
  if (week.error) return <ErrorNote error={t('salon.loadFailed', { message: week.error })} />;
  if (!week.data) return <p className="salon__muted">{t('salon.loading')}</p>;
  const open = week.data.days.flatMap((d) => (d.hours ? [d.hours] : []));
  const columns: GridColumn[] = week.data.days.map((d) => ({
    key: d.date,
    title: formatBusinessDate(d.date, store.locale),
    hours: d.hours,
    appointments: d.appointments.filter(onGrid),
    slotLabel: (time: string) => t('salon.slotDay', { date: formatBusinessDate(d.date, store.locale), time }),
    onSlot: (minute: number) => onSlot(d.date, minute),
  }));
  return (
    <>
      <h2 className="salon__day">
        {t('salon.weekGrid', { name: staff.name })} · {t('salon.weekOf')} {formatBusinessDate(from, store.locale)}
      </h2>
      {open.length === 0 ? (
        <p className="salon__muted">{t('salon.noHours')}</p>
      ) : (
        <BookGrid
          label={t('salon.weekGrid', { name: staff.name })}
          columns={columns}
          from={Math.min(...open.map((h) => h.open))}
          to={Math.max(...open.map((h) => h.close))}
          onOpen={onOpen}
        />
      )}
      <OffGrid appointments={week.data.days.flatMap((d) => d.appointments.filter((a) => !onGrid(a)))} onOpen={onOpen} />
    </>
  );
}

/** Cancelled appointments and no-shows free their time but stay one tap away. */
function OffGrid({ appointments, onOpen }: { appointments: Appointment[]; onOpen: (id: number) => void }) {
  if (appointments.length === 0) return null;
  return (
    <ul className="salon__off" aria-label={t('salon.offGrid')}>
      {appointments.map((a) => (
        <li key={a.id}>
          <button type="button" className="button button--ghost" onClick={() => onOpen(a.id)}>
            {statusName(a.status)} · {a.customerName} · {a.staffName}
          </button>
        </li>
      ))}
    </ul>
  );
}
