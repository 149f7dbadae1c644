import type { Result } from '../../shared/errors';
import type { Catalog, StoreSettings, TabDetail, TabSummary } from '../../shared/types';
import { api } from '../api';
import { useLiveQuery, type LiveQuery } from './use-live-query';

const loadOpenTabs = (): Promise<Result<TabSummary[]>> => api['tab.listOpen']({});
const loadStore = (): Promise<Result<StoreSettings>> => api['store.get']({});
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
