import type { CSSProperties } from 'react';
import type { Appointment, DayHours } from '../../../shared/salon-types';
import { t } from '../../i18n/t';
import { minuteText } from './salon-time';
import { statusName } from './salon-words';

export type GridColumn = {
  key: string;
  title: string;
  /** This column's own hours: outside them the grid is shaded and offers no booking. */
  hours: DayHours;
  appointments: Appointment[];
  slotLabel: (time: string) => string;
  onSlot: (minute: number) => void;
};

/** The grid's rows are 5 minutes each (the book's step); a free half hour is one tap to book. */
const ROW = 5;
const SLOT = 30;

type Props = { label: string; columns: GridColumn[]; from: number; to: number; onOpen: (appointmentId: number) => void };

/**
 * A time grid: one column per staff member (a day) or per day (one person's week). Each booking
 * sits from its start to its end; each free half hour inside the hours is a button that books it.
 */
export function BookGrid({ label, columns, from, to, onOpen }: Props) {
  const rows = Math.ceil((to - from) / ROW);
  const row = (minute: number): number => Math.floor((minute - from) / ROW) + 2;
  const style = { '--salon-columns': columns.length, gridTemplateRows: `auto repeat(${rows}, var(--salon-row))` } as CSSProperties;
  const marks: number[] = [];
  for (let m = Math.ceil(from / SLOT) * SLOT; m < to; m += SLOT) marks.push(m);
  return (
    <div className="book-grid__scroll">
      <div className="book-grid" role="group" aria-label={label} style={style}>
        {marks.map((m) => (
          <span key={`mark-${m}`} className="book-grid__time" style={{ gridColumn: 1, gridRow: `${row(m)} / span ${SLOT / ROW}` }} aria-hidden="true">
            {minuteText(m)}
          </span>
        ))}
        {columns.map((col, i) => {
          const gridColumn = i + 2;
          const open = col.hours;
          return [
            <h3 key={`head-${col.key}`} className="book-grid__head" style={{ gridColumn, gridRow: 1 }}>
              {col.title}
            </h3>,
            !open ? (
              <p key={`closed-${col.key}`} className="book-grid__closed" style={{ gridColumn, gridRow: `2 / span ${rows}` }}>
                {t('salon.closedShort')}
              </p>
            ) : (
              [
                open.open > from && <span key={`before-${col.key}`} className="book-grid__shade" style={{ gridColumn, gridRow: `2 / ${row(open.open)}` }} />,
                open.close < to && (
                  <span key={`after-${col.key}`} className="book-grid__shade" style={{ gridColumn, gridRow: `${row(open.close)} / ${rows + 2}` }} />
                ),
                ...marks
                  .filter((m) => m >= open.open && m < open.close)
                  .map((m) => (
                    <button
                      key={`slot-${col.key}-${m}`}
                      type="button"
                      className="book-grid__slot"
                      style={{ gridColumn, gridRow: `${row(m)} / span ${Math.min(SLOT, open.close - m) / ROW}` }}
                      aria-label={col.slotLabel(minuteText(m))}
                      onClick={() => col.onSlot(m)}
                    />
                  )),
              ]
            ),
            ...col.appointments.map((a) => (
              <button
                key={`a-${a.id}`}
                type="button"
                className={`book-grid__appointment book-grid__appointment--${a.status}`}
                style={{ gridColumn, gridRow: `${row(Math.max(a.startMinute, from))} / ${row(Math.min(a.endMinute, to))}` }}
                onClick={() => onOpen(a.id)}
                aria-label={`${t('salon.card', { time: `${minuteText(a.startMinute)}–${minuteText(a.endMinute)}`, customer: a.customerName, services: a.services.map((s) => s.name).join(', ') })} (${statusName(a.status)})`}
                data-testid="appointment-card"
              >
                {/* Time and name on one line, so even a 20-minute booking shows who and what. */}
                <span className="book-grid__a-head">
                  <span className="book-grid__a-time">{minuteText(a.startMinute)}</span> <span className="book-grid__a-name">{a.customerName}</span>
                  {a.status !== 'booked' && <span className="book-grid__a-status"> · {statusName(a.status)}</span>}
                </span>
                <span className="book-grid__a-services">{a.services.map((s) => s.name).join(', ')}</span>
              </button>
            )),
          ];
        })}
      </div>
    </div>
  );
}
