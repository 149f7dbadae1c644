import { useEffect } from 'react';
import type { DeviceView } from '../../shared/device-types';
import type { UiLanguage } from '../../shared/i18n/languages';
import { api, onEvent } from '../api';
import { setDevicePrinter } from '../printing/use-device-printer';
import { screenLanguage, setPaperLanguage, setScreenLanguage } from './t';

/**
 * Which language the screens speak, as an external store the app's root reads: this PC's choice
 * from device.get, else the store's. A change re-renders the whole tree in the new language.
 */
type State = { loaded: boolean; language: UiLanguage };
let state: State = { loaded: false, language: screenLanguage() };
const listeners = new Set<() => void>();

export function getLanguageState(): State {
  return state;
}

export function subscribeLanguage(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Applies what device.get or device.update answered: the screens' and the paper's language. */
export function applyDeviceView(view: Pick<DeviceView, 'screenLanguage' | 'storeLanguage'> & Partial<Pick<DeviceView, 'printer'>>): void {
  // The receipt printer's paper sizes the receipt on screen and on paper (receipt.css).
  if (view.printer !== undefined) {
    if (view.printer) document.documentElement.dataset.paper = view.printer.paper;
    else delete document.documentElement.dataset.paper;
    setDevicePrinter(view.printer);
  }
  setScreenLanguage(view.screenLanguage);
  setPaperLanguage(view.screenLanguage === 'pseudo' ? 'pseudo' : view.storeLanguage);
  document.documentElement.lang = view.screenLanguage === 'pseudo' ? 'en' : view.screenLanguage;
  if (state.loaded && state.language === view.screenLanguage) return;
  state = { loaded: true, language: view.screenLanguage };
  for (const listener of listeners) listener();
}

/** Marks the language known without asking (no access yet): the screens show in the last one set. */
function settle(): void {
  if (state.loaded) return;
  state = { ...state, loaded: true };
  for (const listener of listeners) listener();
}

async function load(): Promise<void> {
  try {
    const result = await api['device.get']({});
    if (result.ok) applyDeviceView(result.value);
    else settle();
  } catch {
    // No answer at all (the host is gone): the screens still show, in the language they had.
    settle();
  }
}

/**
 * Asks this PC's language once access is granted, and again when the store's settings change (a
 * store whose language changes moves the screens with it unless this PC chose its own).
 */
export function useDeviceLanguage(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) {
      settle();
      return;
    }
    void load();
    return onEvent((event) => {
      if (event.type === 'store.changed' || event.type === 'resync') void load();
    });
  }, [enabled]);
}
