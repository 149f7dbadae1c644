import type { ClosedDay, DayReport, DayStatus, DrawerState } from '../../shared/closing-types';
import type { Result } from '../../shared/errors';
import type { Catalog, StoreSettings, TabDetail, TabSummary } from '../../shared/types';
import { api } from '../api';
import { setPaperLanguage } from '../i18n/t';
import { useLiveQuery, type LiveQuery } from './use-live-query';

const loadOpenTabs = (): Promise<Result<TabSummary[]>> => api['tab.listOpen']({});
/**
 * Every load of the store settings also sets the paper's language (receipts, slips, the Z), before
 * any screen renders with them, so what prints follows the store's language as soon as it changes.
 */
const loadStore = async (): Promise<Result<StoreSettings>> => {
  const result = await api['store.get']({});
  if (result.ok) setPaperLanguage(result.value.language);
  return result;
};
const loadCatalog = (): Promise<Result<Catalog>> => api['catalog.list']({});

/** The open tabs, refetched whenever any tab changes in any window. */
export function useOpenTabs(): LiveQuery<TabSummary[]> {
  return useLiveQuery(loadOpenTabs, 'tabs.changed');
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

/** One tab with its lines, payments and history, refetched whenever tabs change. */
export function useTab(tabId: number): LiveQuery<TabDetail> {
  // useLiveQuery wants a stable loader; one per tab id keeps it stable across renders.
  let load = tabLoaders.get(tabId);
  if (!load) {
    load = () => api['tab.get']({ tabId });
    tabLoaders.set(tabId, load);
  }
  return useLiveQuery(load, 'tabs.changed');
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
