import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type en from './catalogues/en.json';
import { compileMessage, formatCompiled, type Params } from './format-message';
import type { Language, UiLanguage } from './languages';
import { pseudoMessage } from './pseudo';

/** Every key the screens and the ledger use; English is the catalogue every other one matches. */
export type MessageKey = keyof typeof en;
export type Catalogue = Record<string, string>;
/**
 * The catalogues a translator may read. The main process has all three (all-catalogues.ts); the
 * renderer fetches each on demand as its own chunk (renderer/i18n/t.ts), so only those in use.
 */
export type Catalogues = Partial<Record<Language, Catalogue>>;

export type Translator = {
  readonly language: UiLanguage;
  /** The message for key in this language, with its values; English where this language lacks it. */
  t(key: MessageKey, params?: Params): string;
};

/** The catalogue a screen language reads: its own, or English's for the pseudo-locale. */
export function catalogueLanguage(language: UiLanguage): Language {
  return language === 'pseudo' ? 'en' : language;
}

/** A translator for language; its catalogue must be among those given (a missing one is a mistake of the caller's). */
export function createTranslator(language: UiLanguage, catalogues: Catalogues): Translator {
  const locale = catalogueLanguage(language);
  const catalogue = catalogues[locale];
  if (!catalogue) throw new Error(`the ${locale} catalogue is not loaded`);
  // English where a catalogue lacks a key, when English is at hand; the parity test keeps this rare.
  const english: Catalogue = catalogues.en ?? {};
  const compiled = new Map<string, ReturnType<typeof compileMessage>>();
  return {
    language,
    t(key, params = {}) {
      const own = Object.hasOwn(catalogue, key);
      const pattern: string | undefined = own ? catalogue[key] : Object.hasOwn(english, key) ? english[key] : undefined;
      // Only a catalogue out of step with the code (the type check forbids it) lands here: the key shows.
      if (pattern === undefined) return key;
      let message = compiled.get(key);
      if (!message) {
        const source: string | MessageFormatElement[] = language === 'pseudo' ? pseudoMessage(pattern) : pattern;
        message = compileMessage(source, own ? locale : 'en');
        compiled.set(key, message);
      }
      return formatCompiled(message, pattern, params);
    },
  };
}
