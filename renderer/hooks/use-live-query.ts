import { useEffect, useState } from 'react';
import type { Result } from '../../shared/errors';
import type { AppEvent } from '../../shared/types';
import { onEvent, type ScreenEvent } from '../api';
import { describeError } from '../i18n/describe-error';

export type LiveQuery<T> = { data: T | null; error: string | null };

/**
 * Loads once, then again on every event of the given types that `concerns` (when given) says is
 * about this data, and once on a resync (events may have been missed). `load` and `concerns` must
 * be stable (defined at module level, or cached per key). A late answer to an older request never
 * overwrites a newer one.
 */
export function useLiveQuery<T>(
  load: () => Promise<Result<T>>,
  refreshOn: AppEvent['type'] | readonly AppEvent['type'][],
  concerns?: (event: AppEvent) => boolean,
): LiveQuery<T> {
  const [state, setState] = useState<LiveQuery<T>>({ data: null, error: null });
  // A string key, so a list written inline does not restart the subscription on every render.
  const types = typeof refreshOn === 'string' ? refreshOn : refreshOn.join(' ');

  useEffect(() => {
    const wanted = new Set(types.split(' '));
    let active = true;
    let sent = 0;
    let applied = 0;
    const refresh = (): void => {
      const seq = ++sent;
      void load().then((result) => {
        if (!active || seq < applied) return;
        applied = seq;
        // On failure keep what is on screen and say why; the next event retries.
        setState((prev) => (result.ok ? { data: result.value, error: null } : { data: prev.data, error: describeError(result.error) }));
      });
    };
    refresh();
    const unsubscribe = onEvent((event: ScreenEvent) => {
      if (event.type === 'resync' || (wanted.has(event.type) && (concerns?.(event) ?? true))) refresh();
    });
    return () => {
      active = false;
      unsubscribe();
    };
  }, [load, types, concerns]);

  return state;
}
