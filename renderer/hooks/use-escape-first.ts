import { useLayoutEffect, useRef } from 'react';

/**
 * While a panel is open, Esc closes it instead of leaving the screen: this listener runs in the
 * capture phase, before the Screen's own Esc (which skips events already handled).
 */
export function useEscapeFirst(onEscape: () => void, enabled: boolean): void {
  const latest = useRef(onEscape);
  useLayoutEffect(() => {
    latest.current = onEscape;
  });
  useLayoutEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled]);
}
