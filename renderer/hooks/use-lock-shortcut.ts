import { useLayoutEffect, useRef } from 'react';

/**
 * Ctrl+L locks the screen from anywhere, a field included: the person walking away should not
 * have to click out of what they were typing first. (In a browser it also keeps the address bar.)
 */
export function useLockShortcut(onLock: () => void, enabled: boolean): void {
  const latest = useRef(onLock);
  useLayoutEffect(() => {
    latest.current = onLock;
  });
  useLayoutEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent): void => {
      if (!event.ctrlKey || event.altKey || event.metaKey || event.shiftKey || event.key.toLowerCase() !== 'l') return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
