import { fillTemplate } from '../../shared/i18n/template';
import { en, type MessageKey, type Messages } from './en';

const messages: Messages = en;
const plurals = new Intl.PluralRules('en');

export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(messages, key);
}

/** The message for key with {placeholders} filled; plural messages pick their form by vars.count. */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  const message = messages[key];
  const text = typeof message === 'string' ? message : plurals.select(Number(vars.count ?? 0)) === 'one' ? message.one : message.other;
  return fillTemplate(text, vars);
}
