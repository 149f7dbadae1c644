import type { ReactNode } from 'react';
import { ErrorNote } from '../../components/ErrorNote';

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

/** The aria attributes a control needs to announce its hint and error. */
export function describedBy(id: string, error: string | null, hasHint = false) {
  const ids = [hasHint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': ids || undefined };
}
