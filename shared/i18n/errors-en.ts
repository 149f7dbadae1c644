import { english, hasEnglish, type EnglishKey } from './english';

/**
 * Every refusal the main process can send is a key of the catalogue (shared/i18n/catalogues)
 * under `errors.`. Errors travel as { code, key, params } plus the English text; the renderer
 * words them again from its own language, so a translation is a file, not a code change.
 */
export type ErrorKey = Extract<EnglishKey, `errors.${string}`>;

export function isErrorKey(value: string): value is ErrorKey {
  return value.startsWith('errors.') && hasEnglish(value);
}

export function errorEnglish(key: ErrorKey, params: Record<string, string | number> = {}): string {
  return english(key, params);
}
