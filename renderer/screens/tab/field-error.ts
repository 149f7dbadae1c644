import type { AppError } from '../../../shared/errors';

/** The server names the field that failed; show its words next to that field only. */
export function errorFor(error: AppError | null, fields: readonly string[]): AppError | null {
  return error?.field !== undefined && fields.includes(error.field) ? error : null;
}

/** An error that belongs to no particular field goes next to the confirm button. */
export function errorElsewhere(error: AppError | null, fields: readonly string[]): AppError | null {
  return error && (error.field === undefined || !fields.includes(error.field)) ? error : null;
}
