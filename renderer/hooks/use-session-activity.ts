import { useEffect, useRef } from 'react';

/**
 * What counts as someone working at the counter. keyup rather than keydown: a PIN pad or dialog
 * takes the key presses whole (use-key-capture), and typing a manager's PIN is work too.
 */
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keyup', 'touchstart', 'wheel'] as const;

/** The main process ends a session idle for its lock time plus a minute; telling it once a minute is enough. */
export const KEEPALIVE_MS = 60_000;

type Options = {
  enabled: boolean;
  idleMinutes: number;
  /** No pointer, key or touch for idleMinutes: lock the screen. */
  onIdle: () => void;
  /** Someone is working: at most once a minute, so the main process keeps their session. */
  onActive: () => void;
};

/** The idle lock and the keep-alive of a signed-in screen, both measured from the last input. */
export function useSessionActivity({ enabled, idleMinutes, onIdle, onActive }: Options): void {
  const latest = useRef({ onIdle, onActive });
  useEffect(() => {
    latest.current = { onIdle, onActive };
  });
  useEffect(() => {
    if (!enabled) return;
    const idleMs = Math.max(1, idleMinutes) * 60_000;
    let last = Date.now();
    let told = last;
    let timer: ReturnType<typeof setTimeout>;
    // One timer, re-armed for what is left when it fires: input only moves a timestamp.
    const check = (): void => {
      const quiet = Date.now() - last;
      if (quiet >= idleMs) latest.current.onIdle();
      else timer = setTimeout(check, idleMs - quiet);
    };
    const active = (): void => {
      last = Date.now();
      if (last - told >= KEEPALIVE_MS) {
        told = last;
        latest.current.onActive();
      }
    };
    timer = setTimeout(check, idleMs);
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, active, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, active, { capture: true });
    };
  }, [enabled, idleMinutes]);
}
