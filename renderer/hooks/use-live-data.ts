import type { ClosedDay, DayReport, DayStatus, DrawerState } from '../../shared/closing-types';
import type { Result } from '../../shared/errors';
import type { AppEvent, BoardCard, Catalog, StoreSettings, TabDetail, TabSummary } from '../../shared/types';
import { useEffect, useState } from 'react';
import { api, onEvent } from '../api';
import { describeError } from '../i18n/describe-error';
import { switchPaperLanguage } from '../i18n/t';
import { patchBoard } from '../screens/board/board-logic';
import { useLiveQuery, type LiveQuery } from './use-live-query';

/**
 * Every load of the store settings also sets the paper's language (receipts, slips, the Z), its
 * catalogue fetched if need be, before any screen renders with them, so what prints follows the
 * store's language as soon as it changes. A catalogue that cannot be fetched is said, rather than
 * a paper printed in the language before.
 */
const loadStore = async (): Promise<Result<StoreSettings>> => {
  const result = await api['store.get']({});
  if (!result.ok) return result;
  try {
    await switchPaperLanguage(result.value.language);
  } catch (error) {
    return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
  }
  return result;
};
const loadCatalog = (): Promise<Result<Catalog>> => api['catalog.list']({});

/**
 * The open tabs, live from every window. A tab change carries the changed tabs' cards, which are
 * patched in without asking for the list; the list is asked for only at first, on a change that
 * names no tab (a restore, a customer's new name) or carries no cards, and on a resync.
 */
export function useOpenTabs(): LiveQuery<TabSummary[]> {
  const [state, setState] = useState<LiveQuery<TabSummary[]>>({ data: null, error: null });
  useEffect(() => {
    let active = true;
    let sent = 0;
    let pending = false;
    // Whether the list shown is whole: it loaded, and every change since was patched in. After a
    // failed load it is not, and the next change asks for the list again rather than patch it.
    let whole = false;
    // Cards pushed while a request for the list is on its way: its answer may predate them.
    let since: BoardCard[] = [];
    const load = (): void => {
      const seq = ++sent;
      pending = true;
      since = [];
      void api['tab.listOpen']({}).then((result) => {
        // A newer request is on its way; its answer (with the cards since) will be shown.
        if (!active || seq !== sent) return;
        pending = false;
        whole = result.ok;
        const cards = since;
        // On failure keep what is on screen and say why.
        setState((prev) => (result.ok ? { data: patchBoard(result.value, cards), error: null } : { data: prev.data, error: describeError(result.error) }));
      });
    };
    load();
    const unsubscribe = onEvent((event) => {
      if (event.type === 'resync') {
        load();
        return;
      }
      if (event.type !== 'tabs.changed') return;
      const cards = event.board;
      if (!cards || (!whole && !pending)) {
        load();
        return;
      }
      if (pending) since = [...since, ...cards];
      setState((prev) => (prev.data ? { ...prev, data: patchBoard(prev.data, cards) } : prev));
    });
    return () => {
      active = false;
      unsubscribe();
    };
  }, []);
  return state;
}

/** Store settings (name, currency, locale, thresholds...), refetched when they change. */
export function useStore(): LiveQuery<StoreSettings> {
  return useLiveQuery(loadStore, 'store.changed');
}

/** The sellable catalog (archived items left out), refetched when it changes. */
export function useCatalog(): LiveQuery<Catalog> {
  return useLiveQuery(loadCatalog, 'catalog.changed');
}

const tabLoaders = new Map<number, () => Promise<Result<TabDetail>>>();
const tabConcerns = new Map<number, (event: AppEvent) => boolean>();
/** A tab shows its token's state (marked missing, found) besides its own changes. */
const TAB_EVENTS = ['tabs.changed', 'tokens.changed'] as const;

/** One tab with its lines, payments and history, refetched when a change names it (or names no tab: any may have changed). */
export function useTab(tabId: number): LiveQuery<TabDetail> {
  // useLiveQuery wants a stable loader and filter; one per tab id keeps them stable across renders.
  const load = stableLoader(tabLoaders, tabId, () => () => api['tab.get']({ tabId }));
  let concerns = tabConcerns.get(tabId);
  if (!concerns) {
    concerns = (event) => event.type !== 'tabs.changed' || event.tabIds.length === 0 || event.tabIds.includes(tabId);
    tabConcerns.set(tabId, concerns);
  }
  return useLiveQuery(load, TAB_EVENTS, concerns);
}

/**
 * Like useLiveQuery, refetched on any of several events: a report or the day's status moves
 * with tabs, the drawer, a close and the store's day boundary alike. `load` must be stable.
 */
const DRAWER_EVENTS = ['drawer.changed', 'tabs.changed', 'store.changed'] as const;
const DAY_EVENTS = ['day.changed', 'drawer.changed', 'tabs.changed', 'store.changed'] as const;

const loadDrawer = (): Promise<Result<DrawerState>> => api['drawer.get']({});
const loadDayStatus = (): Promise<Result<DayStatus>> => api['day.status']({});
const loadZList = (): Promise<Result<ClosedDay[]>> => api['report.zList']({ limit: 60 });

/** The drawer: the open session (its expected cash hidden until counted) and the last closed one. */
export function useDrawer(): LiveQuery<DrawerState> {
  return useLiveQuery(loadDrawer, DRAWER_EVENTS);
}

/** The current business day, the day that closes next, whether a drawer is open, the last Z. */
export function useDayStatus(): LiveQuery<DayStatus> {
  return useLiveQuery(loadDayStatus, DAY_EVENTS);
}

/** The closed days, newest first. */
export function useZList(): LiveQuery<ClosedDay[]> {
  return useLiveQuery(loadZList, ['day.changed']);
}

/** One loader per key, so useLiveQuery gets a stable function across renders. */
function stableLoader<K, T>(cache: Map<K, () => Promise<Result<T>>>, key: K, make: () => () => Promise<Result<T>>): () => Promise<Result<T>> {
  let load = cache.get(key);
  if (!load) {
    load = make();
    cache.set(key, load);
  }
  return load;
}

const xLoaders = new Map<string, () => Promise<Result<DayReport>>>();
const zLoaders = new Map<number, () => Promise<Result<DayReport>>>();

/** The X report of an unclosed business day, live: it moves with every tab, drawer and close. */
export function useXReport(businessDate: string): LiveQuery<DayReport> {
  const load = stableLoader(xLoaders, businessDate, () => () => api['report.x']({ businessDate }));
  return useLiveQuery(load, DAY_EVENTS);
}

/** A Z report: frozen once the day is closed, so it is loaded once. */
export function useZReport(zNumber: number): LiveQuery<DayReport> {
  const load = stableLoader(zLoaders, zNumber, () => () => api['report.z']({ zNumber }));
  return useLiveQuery(load, []);
}
