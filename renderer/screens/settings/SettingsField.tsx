import type { ReactNode } from 'react';
import { ErrorNote } from '../../components/ErrorNote';
import { describedBy } from '../../components/field-error';
import type { FormKey, SettingsForm } from './settings-form';
import type { SettingsDraft } from './use-settings-draft';

type Props = { id: string; label: string; hint?: string; error: string | null; children: ReactNode };

/** A label, its control, a hint and the error for that control, stacked in that order. */
export function SettingsField({ id, label, hint, error, children }: Props) {
  return (
    <div className="field settings-field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <p className="settings-field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <ErrorNote error={error} id={`${id}-error`} />
    </div>
  );
}

/** The settings held as plain text, which one text box edits as typed (not a choice of words, nor what may be none). */
type TextKey = { [K in FormKey]: SettingsForm[K] extends string ? (string extends SettingsForm[K] ? K : never) : never }[FormKey];

type DraftFieldProps = {
  form: SettingsDraft;
  field: TextKey;
  id: string;
  label: string;
  hint?: string;
  /** Sizes the box to what it holds: settings-number, settings-percent, settings-amount. */
  className: string;
  /** 'decimal' for an amount of money; whole numbers get the digits-only keypad. */
  inputMode?: 'numeric' | 'decimal';
};

/** One figure of the draft in a text box, with its label, hint and error (parsed only when saving). */
export function DraftField({ form, field, id, label, hint, className, inputMode = 'numeric' }: DraftFieldProps) {
  const error = form.errorAt(field);
  return (
    <SettingsField id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        className={className}
        inputMode={inputMode}
        autoComplete="off"
        value={form.draft[field]}
        onChange={(e) => form.set(field, e.target.value)}
        {...describedBy(id, error, hint !== undefined)}
      />
    </SettingsField>
  );
}
