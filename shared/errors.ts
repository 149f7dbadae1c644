/** Stable error codes a screen can rely on; the message is plain words for a person. */
export type ErrorCode =
  | 'invalid_input'
  | 'unknown_command'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'command_id_required'
  | 'command_id_reused'
  | 'token_held'
  | 'token_out_of_range'
  | 'no_free_token'
  | 'tab_not_open'
  | 'tab_not_empty'
  | 'line_not_active'
  | 'overpayment'
  | 'underpayment'
  | 'nothing_due'
  | 'store_locked'
  | 'unauthorized'
  | 'internal';

export type AppError = { code: ErrorCode; message: string; field?: string };

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
  toJSON(): AppError {
    return this.field ? { code: this.code, message: this.message, field: this.field } : { code: this.code, message: this.message };
  }
}
