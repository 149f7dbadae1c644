import type { Result } from '../../../shared/errors';
import type { Catalog } from '../../../shared/types';
import { api } from '../../api';
import { useLiveQuery, type LiveQuery } from '../../hooks/use-live-query';

// Module level: useLiveQuery needs a stable loader.
const loadAll = (): Promise<Result<Catalog>> => api['catalog.list']({ includeArchived: true });

/** The whole catalog, archived parts included, refetched when it changes in any window. */
export function useFullCatalog(): LiveQuery<Catalog> {
  return useLiveQuery(loadAll, 'catalog.changed');
}
