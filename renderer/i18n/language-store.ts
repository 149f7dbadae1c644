import { useEffect } from 'react';
import type { DeviceView } from '../../shared/device-types';
import { uiLanguages, type UiLanguage } from '../../shared/i18n/languages';
import { api, onEvent } from '../api';
import { setDevicePrinter } from '../printing/use-device-printer';
import { isLanguageLoaded, loadLanguages, screenLanguage, setPaperLanguage, setScreenLanguage } from './t';

/**
 * Which language the screens speak, as an external store the app's root reads: this PC's choice
 * from device.get, else the store's. A change re-renders the whole tree in the new language.
 * `words`: a catalogue is here for the screens (the app draws nothing before, so no bare key shows);
 * `loaded`: this PC's language is known (the starting screen stands until then).
 */
type State = { words: boolean; loaded: boolean; language: UiLanguage };
let state: State = { words: false, loaded: false, language: screenLanguage() };
const listeners = new Set<() => void>();

function setState(next: State): void {
  state = next;
  for (const listener of listeners) listener();
}

export function getLanguageState(): State {
  return state;
}

export function subscribeLanguage(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Where this PC remembers the language its screens spoke, so the next start fetches that catalogue first. */
const REMEMBERED = 'aftertab.screenLanguage';

function rememberedLanguage(): UiLanguage {
  try {
    const language = localStorage.getItem(REMEMBERED);
    return uiLanguages.find((known) => known === language) ?? 'en';
  } catch {
    // No storage (a locked-down profile): English first, as before anything is known.
    return 'en';
  }
}

function remember(language: UiLanguage): void {
  try {
    localStorage.setItem(REMEMBERED, language);
  } catch {
    // Only a guess for the next start; device.get still decides.
  }
}

/**
 * The words for the first paint (the starting screen), before this PC's language is known: the
 * catalogue of the language it spoke last time (English the first time). main.tsx starts this
 * beside the app's first render, so the app's first questions (device.get among them) go out
 * while it is fetched; device.get then usually confirms it, with nothing more to fetch. Should
 * no catalogue arrive at all, the app draws anyway and its screens say what they can.
 */
export async function loadFirstLanguage(): Promise<void> {
  const first = await firstWords(rememberedLanguage());
  // device.get answered meanwhile: its language stands (and drew the app).
  if (state.words) return;
  if (first) {
    setScreenLanguage(first);
    setPaperLanguage(first);
    document.documentElement.lang = first === 'pseudo' ? 'en' : first;
  }
  setState({ ...state, words: true, language: screenLanguage() });
}

/** The remembered language's catalogue, else English's; null when neither could be fetched. */
async function firstWords(remembered: UiLanguage): Promise<UiLanguage | null> {
  for (const language of new Set([remembered, 'en'] as const)) {
    try {
      await loadLanguages([language]);
      return language;
    } catch {
      // The next one, or none.
    }
  }
  return null;
}

let applying = 0;

/**
 * Applies what device.get or device.update answered: the screens' and the paper's language, once
 * their catalogues are here (at once when they already are), so no screen shows a bare key. Of
 * answers that overlap, the last one applied wins.
 */
export async function applyDeviceView(view: Pick<DeviceView, 'screenLanguage' | 'storeLanguage'> & Partial<Pick<DeviceView, 'printer'>>): Promise<void> {
  // The receipt printer's paper sizes the receipt on screen and on paper (receipt.css).
  if (view.printer !== undefined) {
    if (view.printer) document.documentElement.dataset.paper = view.printer.paper;
    else delete document.documentElement.dataset.paper;
    setDevicePrinter(view.printer);
  }
  const applyNo = ++applying;
  const paper = view.screenLanguage === 'pseudo' ? 'pseudo' : view.storeLanguage;
  if (!isLanguageLoaded(view.screenLanguage) || !isLanguageLoaded(paper)) {
    await loadLanguages([view.screenLanguage, paper]);
    if (applyNo !== applying) return;
  }
  setScreenLanguage(view.screenLanguage);
  setPaperLanguage(paper);
  document.documentElement.lang = view.screenLanguage === 'pseudo' ? 'en' : view.screenLanguage;
  remember(view.screenLanguage);
  if (state.words && state.loaded && state.language === view.screenLanguage) return;
  setState({ words: true, loaded: true, language: view.screenLanguage });
}

/** Marks the language known without asking (no access yet): the screens show in the last one set. */
function settle(): void {
  if (state.loaded) return;
  setState({ ...state, loaded: true });
}

async function load(): Promise<void> {
  try {
    const result = await api['device.get']({});
    if (result.ok) await applyDeviceView(result.value);
    else settle();
  } catch {
    // No answer at all (the host is gone), or its catalogue could not be fetched: the screens
    // still show, in the language they had.
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
