import type { AppError } from '../../shared/errors';
import { hasMessage, t } from './t';

/**
 * A refusal in the screen's language: from its key and params when the catalogue has the key,
 * else the English text the main process sent along.
 */
export function describeError(error: Pick<AppError, 'message' | 'key' | 'params'>): string {
  return error.key && hasMessage(error.key) ? t(error.key, error.params) : error.message;
}
