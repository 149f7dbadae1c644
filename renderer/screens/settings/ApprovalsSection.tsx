import { isKnownCurrency } from '../../../shared/money';
import type { StoreSettings } from '../../../shared/types';
import { t } from '../../i18n/t';
import { DraftField } from './SettingsField';
import type { SettingsDraft } from './use-settings-draft';

/** When the counter locks itself, and how large a comp a staff member may give without a manager. */
export function ApprovalsSection({ form, store }: { form: SettingsDraft; store: StoreSettings }) {
  // The label names the currency the figure in the field is in: the saved one until the amount is
  // typed again, then the one it will be saved in (a new currency keeps an untouched figure).
  const typed = form.draft.currency.trim().toUpperCase();
  const currency = form.changed.includes('approvalCompMinor') && isKnownCurrency(typed) ? typed : store.currency;
  return (
    <section className="panel settings-section" aria-labelledby="settings-approvals">
      <h2 id="settings-approvals">{t('settings.section.approvals')}</h2>
      <DraftField
        form={form}
        field="idleLockMinutes"
        id="settings-idle-lock"
        className="settings-percent"
        label={t('settings.idleLockMinutes')}
        hint={t('settings.idleLockHint')}
      />
      <fieldset aria-describedby="settings-comp-hint">
        <legend>{t('settings.compApproval')}</legend>
        <div className="settings-pair">
          <DraftField
            form={form}
            field="approvalCompPercent"
            id="settings-comp-percent"
            className="settings-percent"
            label={t('settings.compApprovalPercent')}
          />
          <DraftField
            form={form}
            field="approvalCompMinor"
            id="settings-comp-amount"
            className="settings-amount"
            inputMode="decimal"
            label={t('settings.compApprovalAmount', { currency })}
          />
        </div>
        <p className="settings-field__hint" id="settings-comp-hint">
          {t('settings.compApprovalHint')}
        </p>
      </fieldset>
    </section>
  );
}
