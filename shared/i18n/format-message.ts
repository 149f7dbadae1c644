import { IntlMessageFormat } from 'intl-messageformat';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';

export type Params = Record<string, string | number>;

/**
 * One ICU message (plurals, select, numbers and dates through Intl) compiled once per language
 * and key. Tags are read as text: the catalogues hold words, never markup.
 */
export function compileMessage(pattern: string | MessageFormatElement[], locale: string): IntlMessageFormat {
  return new IntlMessageFormat(pattern, locale, undefined, { ignoreTag: true });
}

/**
 * The message with its values. A value the caller left out would make the library throw; the
 * words are still shown, with the pattern's own text, rather than a blank or a crash at the counter.
 */
export function formatCompiled(message: IntlMessageFormat, pattern: string, params: Params): string {
  try {
    const out = message.format(params);
    return typeof out === 'string' ? out : String(out);
  } catch {
    return pattern;
  }
}
