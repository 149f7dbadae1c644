import type { Result } from '../../../shared/errors';
import type { StoreSettings, TabSummary } from '../../../shared/types';
import { api } from '../../api';
import { useLiveQuery, type LiveQuery } from '../../hooks/use-live-query';

const loadOpenTabs = (): Promise<Result<TabSummary[]>> => api['tab.listOpen']({});
const loadStore = (): Promise<Result<StoreSettings>> => api['store.get']({});

/** The open tabs, refetched whenever any tab changes in any window. */
export function useOpenTabs(): LiveQuery<TabSummary[]> {
  return useLiveQuery(loadOpenTabs, 'tabs.changed');
}

/** Store name, currency and locale, refetched when the settings change. */
export function useStoreSettings(): LiveQuery<StoreSettings> {
  return useLiveQuery(loadStore, 'store.changed');
}
