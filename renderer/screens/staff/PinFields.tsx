import type { AppError } from '../../../shared/errors';
import { PinField } from '../../components/PinField';
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
  return (
    <div className="side-panel__pair">
      <PinField
        id={`${id}-pin`}
        autoComplete="new-password"
        autoFocus={autoFocus}
        label={t('staff.form.pin')}
        hint={t('staff.form.pinHint')}
        value={pin}
        onChange={onPin}
        error={pinError}
      />
      <PinField id={`${id}-again`} autoComplete="new-password" label={t('staff.form.pinAgain')} value={again} onChange={onAgain} error={againError} />
    </div>
  );
}
