import { t } from '../../i18n/t';
import type { FormKey } from './settings-form';
import { describedBy, SettingsField } from './SettingsField';
import type { SettingsDraft } from './use-settings-draft';

type PercentKey = Extract<FormKey, 'tipConfirmPercent' | 'tipApprovalPercent'>;

function PercentField({ form, field, id, label, hint }: { form: SettingsDraft; field: PercentKey; id: string; label: string; hint: string }) {
  const error = form.errorAt(field);
  return (
    <SettingsField id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        className="settings-percent"
        inputMode="numeric"
        autoComplete="off"
        value={form.draft[field]}
        onChange={(e) => form.set(field, e.target.value)}
        {...describedBy(id, error, true)}
      />
    </SettingsField>
  );
}

/** What the counter asks about before taking it: a tip above a share of the bill, and above the cap a manager. */
export function PaymentsSection({ form }: { form: SettingsDraft }) {
  return (
    <section className="settings-section" aria-labelledby="settings-payments">
      <h2 id="settings-payments">{t('settings.section.payments')}</h2>
      <PercentField form={form} field="tipConfirmPercent" id="settings-tip-confirm" label={t('settings.tipConfirmPercent')} hint={t('settings.tipConfirmHint')} />
      <PercentField form={form} field="tipApprovalPercent" id="settings-tip-approval" label={t('settings.tipApprovalPercent')} hint={t('settings.tipApprovalHint')} />
    </section>
  );
}
