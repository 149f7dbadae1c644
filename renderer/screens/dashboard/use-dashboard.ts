import { useEffect, useState } from 'react';
import type { Dashboard } from '../../../shared/dashboard-types';
import type { Period } from '../../../shared/domain/dashboard-period';
import type { AppError } from '../../../shared/errors';
import { api, onEvent, type ScreenEvent } from '../../api';

/** A burst of changes at the counter (a tab settled line by line) refetches once, this long after the first. */
export const REFRESH_AFTER_MS = 1_000;
/** Ages move on their own: what is owed by age is refetched this often even when nothing changes. */
export const TICK_MS = 60_000;
const EVENTS: ReadonlySet<ScreenEvent['type']> = new Set(['tabs.changed', 'day.changed', 'drawer.changed', 'store.changed', 'resync']);

export type DashboardState = {
  data: Dashboard | null;
  /** The ledger's refusal or failure of the latest load (the data shown stays what it was). */
  error: AppError | null;
  /** No answer yet for this period: the data, if any, is an earlier period's. */
  loading: boolean;
};
type Answer = { key: string; data: Dashboard | null; error: AppError | null };

/**
 * The dashboard for a period, refetched when the board, the drawer, a close or the store change
 * (at most once per REFRESH_AFTER_MS) and every minute. Data of an earlier period stays on screen,
 * marked loading, until the new one is in; a late answer never overwrites a newer one.
 */
export function useDashboard({ from, to }: Period): DashboardState {
  const key = `${from}|${to}`;
  const [answer, setAnswer] = useState<Answer>({ key: '', data: null, error: null });
  useEffect(() => {
    let active = true;
    let sent = 0;
    let applied = 0;
    let pending: ReturnType<typeof setTimeout> | null = null;
    const refresh = (): void => {
      const seq = ++sent;
      void api['report.dashboard']({ from, to }).then((result) => {
        if (!active || seq < applied) return;
        applied = seq;
        setAnswer((prev) =>
          result.ok ? { key: `${from}|${to}`, data: result.value, error: null } : { key: `${from}|${to}`, data: prev.data, error: result.error },
        );
      });
    };
    refresh();
    const unsubscribe = onEvent((event) => {
      if (!EVENTS.has(event.type) || pending) return;
      pending = setTimeout(() => {
        pending = null;
        refresh();
      }, REFRESH_AFTER_MS);
    });
    const tick = setInterval(refresh, TICK_MS);
    return () => {
      active = false;
      unsubscribe();
      clearInterval(tick);
      if (pending) clearTimeout(pending);
    };
  }, [from, to]);
  return { data: answer.data, error: answer.key === key ? answer.error : null, loading: answer.key !== key };
}
