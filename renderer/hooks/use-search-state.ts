import { useLayoutEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The screen's URL query as state, changed a few keys at a time. react-router's own setter builds
 * on the query of the last render, and its navigation renders later (a transition), so two changes
 * before that render (Esc closing a panel, then a date typed) would lose the first: the panel
 * would come back. Each change here builds on the last change made, until the URL has caught up.
 */
export function useSearchState(): [URLSearchParams, (next: Record<string, string | null>) => void] {
  const [params, setParams] = useSearchParams();
  const latest = useRef(params);
  useLayoutEffect(() => {
    latest.current = params;
  }, [params]);
  const change = (next: Record<string, string | null>): void => {
    const merged = new URLSearchParams(latest.current);
    for (const [k, v] of Object.entries(next)) {
      if (v === null) merged.delete(k);
      else merged.set(k, v);
    }
    latest.current = merged;
    setParams(merged, { replace: true });
  };
  return [params, change];
}
