import { errorEnglish, type ErrorKey } from './i18n/errors-en';
import type { Params } from './i18n/format-message';

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
  | 'token_missing'
  | 'tab_being_settled'
  | 'tab_not_open'
  | 'tab_not_empty'
  | 'line_not_active'
  | 'overpayment'
  | 'underpayment'
  | 'confirmation_needed'
  | 'nothing_due'
  | 'store_locked'
  | 'unauthorized'
  | 'approval_needed'
  | 'wrong_pin'
  | 'locked_out'
  | 'drawer_open'
  | 'drawer_closed'
  | 'appointment_overlap'
  | 'outside_opening_hours'
  | 'appointment_state'
  | 'deposit_not_required'
  | 'deposit_closed'
  | 'deposit_first'
  | 'cancel_timing_changed'
  | 'drawer_counting'
  | 'drawer_not_counted'
  | 'day_closed'
  | 'deposits_unreconciled'
  | 'backup_failed'
  | 'ledger_damaged'
  | 'disk_full'
  | 'read_only'
  | 'too_many_streams'
  | 'printer_none'
  | 'printer_failed'
  | 'internal';

/**
 * What a screen gets when a command is refused: the English message, and the key and params a
 * screen in another language words it from (shared/i18n/catalogues/en.json has every key).
 */
export type AppError = { code: ErrorCode; message: string; key?: ErrorKey; params?: Params; field?: string };

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function errorText(key: ErrorKey, params: Params = {}): string {
  return errorEnglish(key, params);
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: ErrorKey,
    readonly params: Params = {},
    readonly field?: string,
  ) {
    super(errorText(key, params));
    this.name = 'DomainError';
  }
  toJSON(): AppError {
    const base: AppError = { code: this.code, message: this.message, key: this.key, params: this.params };
    return this.field ? { ...base, field: this.field } : base;
  }
}
