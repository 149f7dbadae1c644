import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ActivityRow } from '../../../shared/closing-types';
import type { ActivityKind } from '../../../shared/domain/activity';
import { api, onEvent, type ScreenEvent } from '../../api';
import { describeError } from '../../i18n/describe-error';
import { mergeNewest } from './merge-newest';

export type ActivityFilter = { businessDate: string; staffId: number | null; kind: ActivityKind | null };

export type ActivityList = {
  rows: ActivityRow[];
  /** Null once the oldest row of the filter is shown. */
  nextBeforeId: number | null;
  loading: boolean;
  loadingOlder: boolean;
  error: string | null;
  older: () => void;
};

type State = { key: string; rows: ActivityRow[]; nextBeforeId: number | null; loaded: boolean; loadingOlder: boolean; error: string | null };

/** Anything a command changes writes an audit row; these are the events commands announce. */
const REFRESH_ON: ReadonlySet<ScreenEvent['type']> = new Set([
  'tabs.changed',
  'drawer.changed',
  'day.changed',
  'store.changed',
  'catalog.changed',
  'staff.changed',
  'backup.changed',
  'customers.changed',
  'appointments.changed',
  'tokens.changed',
  'resync',
]);

/** The command input for a filter; the CSV takes the same one without a page. */
export function filterInput(filter: ActivityFilter, beforeId?: number) {
  return {
    businessDate: filter.businessDate,
    ...(filter.staffId === null ? {} : { staffId: filter.staffId }),
    ...(filter.kind === null ? {} : { kind: filter.kind }),
    ...(beforeId === undefined ? {} : { beforeId }),
  };
}

const empty = (key: string): State => ({ key, rows: [], nextBeforeId: null, loaded: false, loadingOlder: false, error: null });

/** The audit rows for a filter, newest first, with older pages on demand; new rows appear as commands run. */
export function useActivity(filter: ActivityFilter): ActivityList {
  const key = JSON.stringify(filter);
  const [state, setState] = useState<State>(() => empty(key));
  // What older() reads: the list as last rendered, not as it was when older() was made. Set before
  // the screen can be seen or tapped (a layout effect), so the first tap on Older already has it.
  const current = useRef(state);
  useLayoutEffect(() => {
    current.current = state;
  });

  useEffect(() => {
    const wanted: ActivityFilter = JSON.parse(key) as ActivityFilter;
    let active = true;
    let sent = 0;
    let applied = 0;
    const refresh = (): void => {
      const seq = ++sent;
      void api['audit.list'](filterInput(wanted)).then((result) => {
        if (!active || seq < applied) return;
        applied = seq;
        setState((prev) => {
          // A list for another filter is not built upon: this filter starts from nothing.
          const base = prev.key === key ? prev : empty(key);
          // On failure keep what is on screen and say why; the next change retries.
          if (!result.ok) return { ...base, loaded: true, error: describeError(result.error) };
          return { ...base, ...mergeNewest(base.rows, base.nextBeforeId, result.value), loaded: true, error: null };
        });
      });
    };
    refresh();
    const unsubscribe = onEvent((event) => {
      if (REFRESH_ON.has(event.type)) refresh();
    });
    return () => {
      active = false;
      unsubscribe();
    };
  }, [key]);

  const older = useCallback(() => {
    const now = current.current;
    if (now.key !== key || now.nextBeforeId === null || now.loadingOlder) return;
    setState({ ...now, loadingOlder: true });
    void api['audit.list'](filterInput(JSON.parse(key) as ActivityFilter, now.nextBeforeId)).then((result) => {
      setState((prev) => {
        if (prev.key !== key) return prev;
        if (!result.ok) return { ...prev, loadingOlder: false, error: describeError(result.error) };
        const last = prev.rows.at(-1)?.id ?? Number.MAX_SAFE_INTEGER;
        return {
          ...prev,
          rows: [...prev.rows, ...result.value.rows.filter((r) => r.id < last)],
          nextBeforeId: result.value.nextBeforeId,
          loadingOlder: false,
          error: null,
        };
      });
    });
  }, [key]);

  const mine = state.key === key ? state : empty(key);
  return { rows: mine.rows, nextBeforeId: mine.nextBeforeId, loading: !mine.loaded, loadingOlder: mine.loadingOlder, error: mine.error, older };
}
