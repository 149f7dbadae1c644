import type { ReactNode } from 'react';
import { ErrorNote } from '../../components/ErrorNote';
import { describedBy } from '../../components/field-error';

/** A field's id from its name in the wizard's problems: "rates.1.rate" is wizard-rates-1-rate. */
export function fieldId(field: string): string {
  return `wizard-${field.replace(/\./g, '-')}`;
}

/** The aria attributes a control needs to announce its hint and its problem. */
export function described(field: string, error: string | undefined, hasHint = false) {
  const id = fieldId(field);
  return { id, ...describedBy(id, error, hasHint) };
}

type Props = { field: string; label: string; hint?: string; error: string | undefined; children: ReactNode; className?: string };

/** A label, its control, a hint and the problem with it, stacked in that order. */
export function WizardField({ field, label, hint, error, children, className }: Props) {
  const id = fieldId(field);
  return (
    <div className={className ? `field wizard__field ${className}` : 'field wizard__field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <ErrorNote error={error ?? null} id={`${id}-error`} />
    </div>
  );
}
