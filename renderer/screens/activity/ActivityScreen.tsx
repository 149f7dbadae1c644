import { useMemo, useState } from 'react';
import type { DayStatus } from '../../../shared/closing-types';
import { activityKinds, type ActivityKind } from '../../../shared/domain/activity';
import { addDays, boundaryText } from '../../../shared/domain/business-day';
import type { Result } from '../../../shared/errors';
import type { StaffMember, StoreSettings } from '../../../shared/types';
import { api } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { Screen } from '../../components/Screen';
import { useDayStatus, useStore } from '../../hooks/use-live-data';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useMoney } from '../../hooks/use-money';
import { useShortcut } from '../../hooks/use-shortcut';
import { formatBusinessDate, useWhen } from '../../hooks/use-when';
import { t } from '../../i18n/t';
import { ActivityExport } from './ActivityExport';
import { ActivityTable } from './ActivityTable';
import { kindName, type ActivityFormat } from './activity-text';
import { useActivity, type ActivityFilter } from './use-activity';
import './activity.css';

const loadStaff = (): Promise<Result<StaffMember[]>> => api['staff.list']({ includeArchived: true });

/** The owner's record of who did what: filter by person, kind and business day; export the day as CSV. */
export function ActivityScreen() {
  const store = useStore();
  const status = useDayStatus();
  const staff = useLiveQuery(loadStaff, 'staff.changed');
  const error = store.error ?? status.error;
  return (
    <Screen title={t('activity.title')} back="/" className="activity">
      {error && <ErrorNote error={t('activity.loadFailed', { message: error })} />}
      {store.data && status.data ? <ActivityView store={store.data} status={status.data} staff={staff.data ?? []} /> : !error && <p>{t('activity.loading')}</p>}
      <ErrorNote error={staff.error} />
    </Screen>
  );
}

function ActivityView({ store, status, staff }: { store: StoreSettings; status: DayStatus; staff: StaffMember[] }) {
  const [picked, setPicked] = useState<string | null>(null);
  const [staffId, setStaffId] = useState<number | null>(null);
  const [kind, setKind] = useState<ActivityKind | null>(null);
  const businessDate = picked ?? status.currentBusinessDate;
  const filter: ActivityFilter = { businessDate, staffId, kind };
  const list = useActivity(filter);
  const money = useMoney(store);
  const when = useWhen(store);
  const format: ActivityFormat = useMemo(() => {
    const names = new Map(staff.map((s) => [s.id, s.name]));
    return { money: money.format, when: when.format, date: (d) => formatBusinessDate(d, store.locale), person: (id) => names.get(id) ?? null };
  }, [money, when, store.locale, staff]);
  const atToday = businessDate >= status.currentBusinessDate;
  const step = (days: number) => setPicked(addDays(businessDate, days));
  useShortcut('[', () => step(-1));
  useShortcut(']', () => {
    if (!atToday) step(1);
  });

  return (
    <>
      <section className="activity-filters" aria-label={t('activity.filters')}>
        <div className="field">
          <label htmlFor="activity-day">{t('activity.day')}</label>
          <div className="activity-filters__day">
            <button type="button" className="button button--ghost" aria-keyshortcuts="[" onClick={() => step(-1)}>
              {t('activity.dayBefore')}
            </button>
            <input
              id="activity-day"
              type="date"
              value={businessDate}
              max={status.currentBusinessDate}
              required
              onChange={(e) => {
                if (e.target.value) setPicked(e.target.value);
              }}
            />
            <button type="button" className="button button--ghost" aria-keyshortcuts="]" disabled={atToday} onClick={() => step(1)}>
              {t('activity.dayAfter')}
            </button>
            <button type="button" className="button button--ghost" disabled={businessDate === status.currentBusinessDate} onClick={() => setPicked(null)}>
              {t('activity.today')}
            </button>
          </div>
          <p className="activity__muted">
            {formatBusinessDate(businessDate, store.locale)} · {t('activity.dayNote', { time: boundaryText(store.dayBoundaryMinutes), zone: store.timeZone })}
          </p>
        </div>
        <div className="field">
          <label htmlFor="activity-person">{t('activity.person')}</label>
          <select id="activity-person" value={staffId ?? ''} onChange={(e) => setStaffId(e.target.value ? Number(e.target.value) : null)}>
            <option value="">{t('activity.everyone')}</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.active ? s.name : t('activity.archived', { name: s.name })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="activity-kind">{t('activity.kind')}</label>
          <select id="activity-kind" value={kind ?? ''} onChange={(e) => setKind(activityKinds.find((k) => k === e.target.value) ?? null)}>
            <option value="">{t('activity.everyKind')}</option>
            {activityKinds.map((k) => (
              <option key={k} value={k}>
                {kindName(k)}
              </option>
            ))}
          </select>
        </div>
        <ActivityExport filter={filter} />
      </section>
      <ErrorNote error={list.error} />
      {list.loading ? <p>{t('activity.loading')}</p> : <ActivityTable rows={list.rows} format={format} time={when.time} />}
      {!list.loading && (
        <div className="activity__more">
          <p className="activity__muted" role="status">
            {t('activity.shown', { count: list.rows.length })}
          </p>
          {list.nextBeforeId !== null && (
            <button type="button" className="button button--ghost" disabled={list.loadingOlder} onClick={list.older}>
              {list.loadingOlder ? t('activity.olderLoading') : t('activity.older')}
            </button>
          )}
        </div>
      )}
    </>
  );
}
