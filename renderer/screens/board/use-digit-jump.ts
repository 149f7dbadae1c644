import { useCallback, useEffect, useRef, useState } from 'react';
import { useShortcut } from '../../hooks/use-shortcut';
import { pushDigit } from './digit-jump';

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
/** Long enough to type "12" at a relaxed pace, short enough that a single "7" feels immediate. */
export const JUMP_DELAY_MS = 1000;

export type DigitJump = { buffer: string; clear: () => void };

/**
 * Collects digits typed anywhere on the screen (not in a field) and hands the number to
 * onCommit after a pause, or at once on Enter.
 */
export function useDigitJump(onCommit: (buffer: string) => void, enabled: boolean): DigitJump {
  const [buffer, setBuffer] = useState('');
  const latest = useRef(onCommit);
  useEffect(() => {
    latest.current = onCommit;
  });

  const commit = useCallback((typed: string) => {
    setBuffer('');
    if (typed) latest.current(typed);
  }, []);

  useShortcut(
    DIGITS,
    (event) => {
      event.preventDefault();
      setBuffer((typed) => pushDigit(typed, event.key));
    },
    { enabled },
  );
  useShortcut(
    'Enter',
    (event) => {
      event.preventDefault();
      commit(buffer);
    },
    // Only while digits are pending: otherwise Enter belongs to whatever button has focus.
    { enabled: enabled && buffer !== '' },
  );

  // Each new digit restarts the pause, so "1" then "2" becomes 12, not 1 and then 2.
  useEffect(() => {
    if (!buffer) return;
    const timer = setTimeout(() => commit(buffer), JUMP_DELAY_MS);
    return () => clearTimeout(timer);
  }, [buffer, commit]);

  const clear = useCallback(() => setBuffer(''), []);
  return { buffer, clear };
}
