import type { AppError } from '../../shared/errors';
import { describeError } from '../i18n/describe-error';

/** An error in plain words, placed right where the user is looking (next to the action). */
export function ErrorNote({ error, id, className }: { error: AppError | string | null; id?: string; className?: string }) {
  if (!error) return null;
  const text = typeof error === 'string' ? error : describeError(error);
  return (
    <p className={className ? `error-note ${className}` : 'error-note'} role="alert" id={id}>
      {text.charAt(0).toUpperCase() + text.slice(1)}
    </p>
  );
}
