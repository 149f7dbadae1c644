import { t } from '../i18n/t';

type Props = {
  confirm: string;
  pending: boolean;
  onCancel: () => void;
  danger?: boolean;
  className?: string;
};

/** A panel's footer: the confirming submit button (Enter) and Cancel (or Esc). */
export function FormActions({ confirm, pending, onCancel, danger = false, className = 'form-actions' }: Props) {
  return (
    <div className={className}>
      <button type="submit" className={`button ${danger ? 'button--danger' : 'button--primary'}`} disabled={pending}>
        {confirm}
      </button>
      <button type="button" className="button button--ghost" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
