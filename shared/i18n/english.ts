import en from './catalogues/en.json';
import { compileMessage, formatCompiled, type Params } from './format-message';

/**
 * English words by key, for the main process: a refusal's message travels in English beside its
 * key and params, and a screen words it again in its own language. Only en.json is loaded here,
 * so the main process and the preload carry no other language.
 */
export type EnglishKey = keyof typeof en;

const compiled = new Map<string, ReturnType<typeof compileMessage>>();

export function hasEnglish(key: string): key is EnglishKey {
  return Object.hasOwn(en, key);
}

export function english(key: EnglishKey, params: Params = {}): string {
  const pattern = en[key];
  let message = compiled.get(key);
  if (!message) {
    message = compileMessage(pattern, 'en');
    compiled.set(key, message);
  }
  return formatCompiled(message, pattern, params);
}
