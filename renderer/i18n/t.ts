import type { Params } from '../../shared/i18n/format-message';
import { localeInLanguage, type Language, type UiLanguage } from '../../shared/i18n/languages';
import { catalogueLanguage, createTranslator, type Catalogue, type Catalogues, type MessageKey, type Translator } from '../../shared/i18n/translator';

export type { MessageKey } from '../../shared/i18n/translator';

/**
 * Each language's catalogue is its own chunk, fetched the first time a screen or a paper speaks
 * it: the first bundle carries none, and a PC that speaks German never downloads Spanish.
 */
const imports: Record<Language, () => Promise<{ default: Catalogue }>> = {
  en: () => import('../../shared/i18n/catalogues/en.json'),
  de: () => import('../../shared/i18n/catalogues/de.json'),
  es: () => import('../../shared/i18n/catalogues/es.json'),
};
const loaded: Catalogues = {};
const loading = new Map<Language, Promise<void>>();

/**
 * Fetches the catalogues these languages read (the pseudo-locale reads English's), each once.
 * Callers wait for it before they switch a language, so no screen ever shows a bare key.
 */
export function loadLanguages(wanted: readonly UiLanguage[]): Promise<void> {
  return Promise.all(
    [...new Set(wanted.map(catalogueLanguage))].map((language) => {
      if (loaded[language]) return undefined;
      let pending = loading.get(language);
      if (!pending) {
        pending = imports[language]().then(
          (module) => {
            loaded[language] = module.default;
          },
          (error: unknown) => {
            // A failed fetch (a dropped link) may be asked again.
            loading.delete(language);
            throw error;
          },
        );
        loading.set(language, pending);
      }
      return pending;
    }),
  ).then(() => undefined);
}

/** Whether the catalogue a language reads is here: a switch to it can happen at once. */
export function isLanguageLoaded(language: UiLanguage): boolean {
  return loaded[catalogueLanguage(language)] !== undefined;
}

function translatorFor(language: UiLanguage): Translator {
  if (!isLanguageLoaded(language)) throw new Error(`the ${catalogueLanguage(language)} catalogue is not loaded yet: await loadLanguages first`);
  return createTranslator(language, loaded);
}

/**
 * Two languages at once: the screens speak this PC's language (a device setting), while what goes
 * on paper or to the tax office (receipts, token slips, the Z) speaks the store's. Null until the
 * first catalogue is here; main.tsx renders nothing before that.
 */
let screen: Translator | null = null;
let paper: Translator | null = null;
/** Counts the paper's language changes, so a switch still fetching its catalogue knows a later one came. */
let paperSwitches = 0;

/** Whether key is a message (every catalogue has the same keys: catalogues.test.ts). */
export function hasMessage(key: string): key is MessageKey {
  const catalogue = loaded[catalogueLanguage(screenLanguage())];
  return catalogue !== undefined && Object.hasOwn(catalogue, key);
}

/** The message for key in this PC's language, its placeholders filled (ICU: plurals, select, numbers). */
export function t(key: MessageKey, vars: Params = {}): string {
  return screen ? screen.t(key, vars) : key;
}

/** The message for key in the store's language: for receipts, slips and the Z. */
export function tPaper(key: MessageKey, vars: Params = {}): string {
  return paper ? paper.t(key, vars) : key;
}

export function screenLanguage(): UiLanguage {
  return screen?.language ?? 'en';
}

export function paperLanguage(): UiLanguage {
  return paper?.language ?? 'en';
}

/**
 * Switches the screens' words; the caller re-renders (the app remounts its tree on a change).
 * The language's catalogue must be loaded (loadLanguages).
 */
export function setScreenLanguage(language: UiLanguage): void {
  if (screen?.language !== language) screen = translatorFor(language);
}

/**
 * The store's language; the pseudo-locale too while the screens test with it, so paper shows any
 * word left out. The language's catalogue must be loaded (loadLanguages).
 */
export function setPaperLanguage(language: Language | 'pseudo'): void {
  paperSwitches += 1;
  applyPaperLanguage(language);
}

function applyPaperLanguage(language: Language | 'pseudo'): void {
  const words = screenLanguage() === 'pseudo' ? 'pseudo' : language;
  if (paper?.language !== words) paper = translatorFor(words);
}

/**
 * Fetches the store's language if need be, then speaks it on paper (see setPaperLanguage). Of
 * switches that overlap, the last one asked for wins, however their catalogues arrive.
 */
export async function switchPaperLanguage(language: Language): Promise<void> {
  const switchNo = ++paperSwitches;
  await loadLanguages(screenLanguage() === 'pseudo' ? [language, 'pseudo'] : [language]);
  if (switchNo === paperSwitches) applyPaperLanguage(language);
}

/**
 * The locale dates and Intl's other words are written in: the store's locale (its region's way
 * of writing dates, its money) in the language the words around them speak. A German screen in
 * an Irish store reads "5. Dez. 2026"; its receipts, in the store's English, "5 Dec 2026".
 */
export function wordsLocale(locale: string | undefined, paperWords = false): string | undefined {
  const language = paperWords ? paperLanguage() : screenLanguage();
  if (!locale || language === 'pseudo') return locale;
  // Every date on a screen asks: the answer for a locale and a language is worked out once.
  const key = `${locale}|${language}`;
  let words = wordsLocales.get(key);
  if (words === undefined) {
    words = localeInLanguage(locale, language);
    wordsLocales.set(key, words);
  }
  return words;
}

const wordsLocales = new Map<string, string>();
