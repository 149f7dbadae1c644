import type { AppError } from '../../shared/errors';

/**
 * Where an error shows on a form. The ledger names the field that failed (`error.field`): its words
 * go beside that field only, and everything else beside the confirm button.
 */
export function errorFor(error: AppError | null, fields: readonly string[]): AppError | null {
  return error?.field !== undefined && fields.includes(error.field) ? error : null;
}

/** An error that belongs to no particular field goes next to the confirm button. */
export function errorElsewhere(error: AppError | null, fields: readonly string[]): AppError | null {
  return error && (error.field === undefined || !fields.includes(error.field)) ? error : null;
}

/**
 * The aria attributes a control needs to announce its hint and its error, which stand beside it
 * as `${id}-hint` and `${id}-error` (ErrorNote takes the error's id).
 */
export function describedBy(id: string, error: AppError | string | null | undefined, hasHint = false) {
  const ids = [hasHint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': ids || undefined };
}
