import type { AppError } from '../../shared/errors';
import type { MessageKey } from './en';
import { hasMessage, t } from './t';

/**
 * A refusal in the screen's language: from its key and params when this language has the key,
 * else the English text the main process sent along.
 */
export function describeError(error: Pick<AppError, 'message' | 'key' | 'params'>): string {
  return error.key && hasMessage(error.key) ? t(error.key as MessageKey, error.params) : error.message;
}
