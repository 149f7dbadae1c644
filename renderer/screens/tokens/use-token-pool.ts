import { describeError } from '../../i18n/describe-error';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TokenState } from '../../../shared/types';
import { api, onEvent } from '../../api';

export type TokenPool = { data: TokenState[] | null; error: string | null; reload: () => void };

/**
 * The whole token pool, live: refetched whenever a tab or a token changes anywhere, and on demand
 * after the ledger refused a token this screen thought was free. `for: 'missing'` is for a screen
 * that reads only which tokens are missing (the board): those change with a token's marks and the
 * store's range, never with a tab, so it is not asked again on every tab change.
 */
export function useTokenPool(options: { for?: 'missing' } = {}): TokenPool {
  const onlyMissing = options.for === 'missing';
  const [state, setState] = useState<{ data: TokenState[] | null; error: string | null }>({ data: null, error: null });
  const sent = useRef(0);
  const applied = useRef(0);

  const reload = useCallback(() => {
    const seq = ++sent.current;
    void api['token.pool']({}).then((result) => {
      // A late answer to an older request never overwrites a newer one.
      if (seq < applied.current) return;
      applied.current = seq;
      setState((prev) => (result.ok ? { data: result.value, error: null } : { data: prev.data, error: describeError(result.error) }));
    });
  }, []);

  useEffect(() => {
    let active = true;
    const guarded = (): void => {
      if (active) reload();
    };
    guarded();
    const unsubscribe = onEvent((event) => {
      // The pool's range comes from the store settings, who holds what from the tabs, missing tokens from token marks.
      if ((event.type === 'tabs.changed' && !onlyMissing) || event.type === 'tokens.changed' || event.type === 'store.changed' || event.type === 'resync')
        guarded();
    });
    return () => {
      active = false;
      unsubscribe();
    };
  }, [reload, onlyMissing]);

  return { ...state, reload };
}
