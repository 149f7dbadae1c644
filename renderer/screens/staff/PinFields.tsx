import type { AppError } from '../../../shared/errors';
import { ErrorNote } from '../../components/ErrorNote';
import { t } from '../../i18n/t';

type Props = {
  /** Prefix for the inputs' ids, unique on the page. */
  id: string;
  pin: string;
  again: string;
  onPin: (value: string) => void;
  onAgain: (value: string) => void;
  pinError: AppError | string | null;
  againError: AppError | string | null;
  autoFocus?: boolean;
};

/** A PIN typed twice, hidden as it is typed; each field shows its own problem beneath it. */
export function PinFields({ id, pin, again, onPin, onAgain, pinError, againError, autoFocus = false }: Props) {
  const described = (field: string, error: AppError | string | null, hint?: string) => ({
    'aria-invalid': error ? true : undefined,
    'aria-describedby': [hint, error ? `${field}-error` : null].filter(Boolean).join(' ') || undefined,
  });
  return (
    <div className="staff-panel__pair">
      <div className="field">
        <label htmlFor={`${id}-pin`}>{t('staff.form.pin')}</label>
        <input
          id={`${id}-pin`}
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          maxLength={8}
          autoFocus={autoFocus}
          value={pin}
          onChange={(e) => onPin(e.target.value)}
          {...described(`${id}-pin`, pinError, `${id}-pin-hint`)}
        />
        <p className="staff-panel__hint" id={`${id}-pin-hint`}>
          {t('staff.form.pinHint')}
        </p>
        <ErrorNote error={pinError} id={`${id}-pin-error`} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-again`}>{t('staff.form.pinAgain')}</label>
        <input
          id={`${id}-again`}
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          maxLength={8}
          value={again}
          onChange={(e) => onAgain(e.target.value)}
          {...described(`${id}-again`, againError)}
        />
        <ErrorNote error={againError} id={`${id}-again-error`} />
      </div>
    </div>
  );
}
