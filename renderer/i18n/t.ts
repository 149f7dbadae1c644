import type { Params } from '../../shared/i18n/format-message';
import { localeInLanguage, type Language, type UiLanguage } from '../../shared/i18n/languages';
import en from '../../shared/i18n/catalogues/en.json';
import { createTranslator, type MessageKey, type Translator } from '../../shared/i18n/translator';

export type { MessageKey } from '../../shared/i18n/translator';

/**
 * Two languages at once: the screens speak this PC's language (a device setting), while what goes
 * on paper or to the tax office (receipts, token slips, the Z) speaks the store's.
 */
let screen: Translator = createTranslator('en');
let paper: Translator = createTranslator('en');

export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** The message for key in this PC's language, its placeholders filled (ICU: plurals, select, numbers). */
export function t(key: MessageKey, vars: Params = {}): string {
  return screen.t(key, vars);
}

/** The message for key in the store's language: for receipts, slips and the Z. */
export function tPaper(key: MessageKey, vars: Params = {}): string {
  return paper.t(key, vars);
}

export function screenLanguage(): UiLanguage {
  return screen.language;
}

export function paperLanguage(): UiLanguage {
  return paper.language;
}

/** Switches the screens' words; the caller re-renders (the app remounts its tree on a change). */
export function setScreenLanguage(language: UiLanguage): void {
  if (screen.language !== language) screen = createTranslator(language);
}

/** The store's language; the pseudo-locale too while the screens test with it, so paper shows any word left out. */
export function setPaperLanguage(language: Language | 'pseudo'): void {
  const words = screen.language === 'pseudo' ? 'pseudo' : language;
  if (paper.language !== words) paper = createTranslator(words);
}

/**
 * The locale dates and Intl's other words are written in: the store's locale (its region's way
 * of writing dates, its money) in the language the words around them speak. A German screen in
 * an Irish store reads "5. Dez. 2026"; its receipts, in the store's English, "5 Dec 2026".
 */
export function wordsLocale(locale: string | undefined, paperWords = false): string | undefined {
  const language = (paperWords ? paper : screen).language;
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
