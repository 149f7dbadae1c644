import type { Ref } from 'react';
import type { AppError } from '../../shared/errors';
import { ErrorNote } from './ErrorNote';
import { describedBy } from './field-error';
import { PIN_MAX_DIGITS, pinText } from './pin-text';

type Props = {
  /** The input's id; its hint and its error take `${id}-hint` and `${id}-error`. */
  id: string;
  label: string;
  value: string;
  /** Called with the digits only: a letter or a space typed or pasted never reaches the PIN. */
  onChange: (digits: string) => void;
  error: AppError | string | null;
  hint?: string;
  /** 'new-password' where a PIN is being chosen, so a browser offers no saved one. */
  autoComplete?: 'off' | 'new-password';
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  /** The wrapper's class: 'field' gives it the look of the form's other fields. */
  className?: string;
  inputClassName?: string;
};

/**
 * One PIN field, the same wherever a PIN is typed (the pad, setup, a manager's approval, the
 * staff forms): hidden as it is typed, the number keys on a tablet, and its problem right under it.
 */
export function PinField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  autoComplete = 'off',
  autoFocus = false,
  inputRef,
  className = 'field',
  inputClassName,
}: Props) {
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        className={inputClassName}
        type="password"
        inputMode="numeric"
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        maxLength={PIN_MAX_DIGITS}
        value={value}
        onChange={(e) => onChange(pinText(e.target.value))}
        {...describedBy(id, error, Boolean(hint))}
      />
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <ErrorNote error={error} id={`${id}-error`} />
    </div>
  );
}
