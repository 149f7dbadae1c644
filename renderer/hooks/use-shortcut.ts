import { useLayoutEffect, useRef } from 'react';

export type ShortcutOptions = {
  enabled?: boolean;
  /** Also fire while the user is typing in a field (for Escape and Enter). */
  inFields?: boolean;
};

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Calls handler when one of keys (KeyboardEvent.key values, e.g. 'n', '/', 'Escape') is pressed
 * without Ctrl, Alt or Meta. Typing in a field never triggers a letter shortcut.
 */
export function useShortcut(keys: string | readonly string[], handler: (event: KeyboardEvent) => void, options: ShortcutOptions = {}): void {
  const { enabled = true, inFields = false } = options;
  const latest = useRef(handler);
  // Layout effects: the key is live in the same commit that shows the button it stands for,
  // so a key pressed the moment a control appears is never lost.
  useLayoutEffect(() => {
    latest.current = handler;
  });
  const list = typeof keys === 'string' ? [keys] : keys;
  const joined = list.join('\u0000');
  useLayoutEffect(() => {
    if (!enabled) return;
    const wanted = new Set(joined.split('\u0000'));
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
      if (!wanted.has(event.key)) return;
      if (!inFields && isTypingTarget(event.target)) return;
      latest.current(event);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [joined, enabled, inFields]);
}
