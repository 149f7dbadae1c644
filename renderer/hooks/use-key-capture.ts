import { useEffect, useRef } from 'react';

type Capture = (event: KeyboardEvent) => void;

/** The surfaces that own the keyboard now (the PIN pad, the approval dialog); the last one opened wins. */
const owners: { current: Capture }[] = [];

function onKey(event: KeyboardEvent): void {
  const owner = owners.at(-1);
  if (!owner) return;
  // Nothing behind the surface hears the key: not the board's digit jump, not a screen's Esc.
  // The browser's own action (Tab moving focus, a focused button's Enter) still happens.
  event.stopImmediatePropagation();
  owner.current(event);
}

// Installed when this module loads, before any screen adds its own listeners, so it always runs first.
if (typeof window !== 'undefined') window.addEventListener('keydown', onKey, true);

/**
 * While enabled, every key press goes to handler and to nothing else on the page: a PIN pad or a
 * dialog shown over a screen takes the keyboard whole, so typing a PIN never also jumps to a tab.
 */
export function useKeyCapture(handler: Capture, enabled: boolean): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!enabled) return;
    const owner = { current: (event: KeyboardEvent) => latest.current(event) };
    owners.push(owner);
    return () => {
      const at = owners.indexOf(owner);
      if (at >= 0) owners.splice(at, 1);
    };
  }, [enabled]);
}

/** A key that types a PIN digit: 0–9 without Ctrl, Alt or Meta (the number pad gives the same keys). */
export function pinDigit(event: KeyboardEvent): string | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  return /^[0-9]$/.test(event.key) ? event.key : null;
}

/** Enter on a focused button is that button's own (a name tile, Cancel); elsewhere it submits. */
export function enterSubmits(event: KeyboardEvent): boolean {
  return event.key === 'Enter' && !(event.target instanceof HTMLButtonElement);
}
