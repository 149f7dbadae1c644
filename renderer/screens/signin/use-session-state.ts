import { useCallback, useEffect, useState } from 'react';
import type { SessionState } from '../../../shared/types';
import { api, onEvent } from '../../api';
import { describeError } from '../../i18n/describe-error';

export type SessionStateLoad = { state: SessionState | null; error: string | null; reload: () => void };

/**
 * What the PIN pad shows (the store, the names to tap, a lockout, whether the owner must set a
 * first PIN), read afresh each time the pad opens and whenever staff change while it is open.
 */
export function useSessionState(wanted: boolean): SessionStateLoad {
  const [loaded, setLoaded] = useState<{ state: SessionState | null; error: string | null }>({ state: null, error: null });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((n) => n + 1), []);

  useEffect(() => {
    if (!wanted) return;
    let active = true;
    const load = (): void => {
      void api['session.state']({}).then((result) => {
        if (!active) return;
        setLoaded((prev) => (result.ok ? { state: result.value, error: null } : { state: prev.state, error: describeError(result.error) }));
      });
    };
    load();
    const off = onEvent((event) => {
      if (event.type === 'staff.changed' || event.type === 'store.changed' || event.type === 'resync') load();
    });
    return () => {
      active = false;
      off();
    };
  }, [wanted, round]);

  return { ...loaded, reload };
}
