import { useSyncExternalStore } from 'react';
import type { DevicePrinter } from '../../shared/device-types';

/**
 * This PC's printer, as device.get and device.update last said (language-store.ts applies every
 * device view): a screen's Print follows it. Null, the system's printing, until one is known.
 */
let printer: DevicePrinter | null = null;
const listeners = new Set<() => void>();

export function setDevicePrinter(next: DevicePrinter | null): void {
  if (JSON.stringify(next) === JSON.stringify(printer)) return;
  printer = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useDevicePrinter(): DevicePrinter | null {
  return useSyncExternalStore(subscribe, () => printer);
}
