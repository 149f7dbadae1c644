import { Link, useNavigate } from 'react-router';
import type { StoreSettings } from '../../../shared/types';
import { useMay } from '../../hooks/current-staff';
import { useCatalog } from '../../hooks/use-live-data';
import { useShortcut } from '../../hooks/use-shortcut';
import { t } from '../../i18n/t';
import { bookableServices, minuteText } from './salon-time';
import { useUpcoming } from './use-salon';
// Its own styles, not borrowed from a screen the board happens to load with it.
import './appointments.css';

/**
 * The board's side: who is booked in the next two hours, each a tap from its appointment. A
 * store that books nobody (no service with a duration, no hours) never sees an empty panel.
 */
export function UpcomingPanel({ store }: { store: StoreSettings }) {
  const may = useMay('appointments.read');
  const navigate = useNavigate();
  // A opens the book from the board, whether or not the side list is showing.
  useShortcut(
    ['a', 'A'],
    (event) => {
      event.preventDefault();
      navigate('/appointments');
    },
    { enabled: may },
  );
  return may ? <Upcoming store={store} /> : null;
}

function Upcoming({ store }: { store: StoreSettings }) {
  const upcoming = useUpcoming();
  const catalog = useCatalog();
  const list = upcoming.data ?? [];
  const books = store.openingHours.some((h) => h !== null) && bookableServices(catalog.data?.items ?? []).length > 0;
  if (list.length === 0 && !books) return null;
  return (
    <aside className="panel upcoming" aria-labelledby="upcoming-heading">
      <h2 id="upcoming-heading" className="upcoming__heading">
        {t('salon.upcoming.heading')}
      </h2>
      {list.length === 0 ? (
        <p className="salon__muted">{upcoming.data ? t('salon.upcoming.none') : t('salon.loading')}</p>
      ) : (
        <ul className="upcoming__list" aria-label={t('salon.upcoming.label')}>
          {list.map((a) => (
            <li key={a.id}>
              <Link
                className="upcoming__item"
                to={`/appointments?date=${a.date}&open=${a.id}`}
                aria-label={t('salon.upcoming.open', {
                  time: minuteText(a.startMinute),
                  customer: a.customerName,
                  staff: a.staffName,
                  services: a.services.map((s) => s.name).join(', '),
                })}
              >
                <span className="upcoming__time">
                  {minuteText(a.startMinute)} {a.customerName}
                </span>
                <span className="upcoming__detail">
                  {a.staffName} · {a.services.map((s) => s.name).join(', ')}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Link className="button button--ghost" to="/appointments" aria-keyshortcuts="a">
        {t('salon.upcoming.all')}
      </Link>
    </aside>
  );
}
