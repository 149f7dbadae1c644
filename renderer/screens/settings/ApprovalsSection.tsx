import { isKnownCurrency } from '../../../shared/money';
import type { StoreSettings } from '../../../shared/types';
import { t } from '../../i18n/t';
import { describedBy, SettingsField } from './SettingsField';
import type { SettingsDraft } from './use-settings-draft';

/** When the counter locks itself, and how large a comp a staff member may give without a manager. */
export function ApprovalsSection({ form, store }: { form: SettingsDraft; store: StoreSettings }) {
  const { draft, set, errorAt } = form;
  const idleError = errorAt('idleLockMinutes');
  const percentError = errorAt('approvalCompPercent');
  const amountError = errorAt('approvalCompMinor');
  // The label names the currency the figure in the field is in: the saved one until the amount is
  // typed again, then the one it will be saved in (a new currency keeps an untouched figure).
  const typed = draft.currency.trim().toUpperCase();
  const currency = form.changed.includes('approvalCompMinor') && isKnownCurrency(typed) ? typed : store.currency;
  return (
    <section className="settings-section" aria-labelledby="settings-approvals">
      <h2 id="settings-approvals">{t('settings.section.approvals')}</h2>
      <SettingsField id="settings-idle-lock" label={t('settings.idleLockMinutes')} hint={t('settings.idleLockHint')} error={idleError}>
        <input
          id="settings-idle-lock"
          className="settings-percent"
          inputMode="numeric"
          autoComplete="off"
          value={draft.idleLockMinutes}
          onChange={(e) => set('idleLockMinutes', e.target.value)}
          {...describedBy('settings-idle-lock', idleError, true)}
        />
      </SettingsField>
      <fieldset aria-describedby="settings-comp-hint">
        <legend>{t('settings.compApproval')}</legend>
        <div className="settings-pair">
          <SettingsField id="settings-comp-percent" label={t('settings.compApprovalPercent')} error={percentError}>
            <input
              id="settings-comp-percent"
              className="settings-percent"
              inputMode="numeric"
              autoComplete="off"
              value={draft.approvalCompPercent}
              onChange={(e) => set('approvalCompPercent', e.target.value)}
              {...describedBy('settings-comp-percent', percentError)}
            />
          </SettingsField>
          <SettingsField id="settings-comp-amount" label={t('settings.compApprovalAmount', { currency })} error={amountError}>
            <input
              id="settings-comp-amount"
              className="settings-amount"
              inputMode="decimal"
              autoComplete="off"
              value={draft.approvalCompMinor}
              onChange={(e) => set('approvalCompMinor', e.target.value)}
              {...describedBy('settings-comp-amount', amountError)}
            />
          </SettingsField>
        </div>
        <p className="settings-field__hint" id="settings-comp-hint">
          {t('settings.compApprovalHint')}
        </p>
      </fieldset>
    </section>
  );
}
