import { t } from '../../i18n/t';
import { DraftField } from './SettingsField';
import type { SettingsDraft } from './use-settings-draft';

/** What the counter asks about before taking it: a tip above a share of the bill, and above the cap a manager. */
export function PaymentsSection({ form }: { form: SettingsDraft }) {
  return (
    <section className="panel settings-section" aria-labelledby="settings-payments">
      <h2 id="settings-payments">{t('settings.section.payments')}</h2>
      <DraftField
        form={form}
        field="tipConfirmPercent"
        id="settings-tip-confirm"
        className="settings-percent"
        label={t('settings.tipConfirmPercent')}
        hint={t('settings.tipConfirmHint')}
      />
      <DraftField
        form={form}
        field="tipApprovalPercent"
        id="settings-tip-approval"
        className="settings-percent"
        label={t('settings.tipApprovalPercent')}
        hint={t('settings.tipApprovalHint')}
      />
    </section>
  );
}
