import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import de from './catalogues/de.json';
import en from './catalogues/en.json';
import es from './catalogues/es.json';
import { compileMessage, formatCompiled, type Params } from './format-message';
import type { Language, UiLanguage } from './languages';
import { pseudoMessage } from './pseudo';

/** Every key the screens and the ledger use; English is the catalogue every other one matches. */
export type MessageKey = keyof typeof en;
export type Catalogue = Record<string, string>;

export const catalogues: Record<Language, Catalogue> = { en, de, es };

export type Translator = {
  readonly language: UiLanguage;
  /** The message for key in this language, with its values; English where this language lacks it. */
  t(key: MessageKey, params?: Params): string;
};

export function createTranslator(language: UiLanguage): Translator {
  const catalogue: Catalogue = language === 'pseudo' ? en : catalogues[language];
  const locale = language === 'pseudo' ? 'en' : language;
  const compiled = new Map<string, ReturnType<typeof compileMessage>>();
  return {
    language,
    t(key, params = {}) {
      const own = Object.hasOwn(catalogue, key);
      const pattern: string | undefined = own ? catalogue[key] : en[key];
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
