import { useLayoutEffect, useRef } from 'react';

/**
 * Ctrl+P (Cmd+P on a Mac) prints what the screen shows, the way its Print button does: on this
 * PC's receipt printer when it has one, else through the system's print dialog as before.
 */
export function usePrintShortcut(onPrint: () => void, enabled: boolean): void {
  const latest = useRef(onPrint);
  useLayoutEffect(() => {
    latest.current = onPrint;
  });
  useLayoutEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'p') return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
