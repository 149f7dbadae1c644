import { t } from '../../i18n/t';
import { describedBy, SettingsField } from './SettingsField';
import type { SettingsDraft } from './use-settings-draft';

/** What the counter asks about before taking it: a tip above a share of the bill. */
export function PaymentsSection({ form }: { form: SettingsDraft }) {
  const { draft, set, errorAt } = form;
  const error = errorAt('tipConfirmPercent');
  return (
    <section className="settings-section" aria-labelledby="settings-payments">
      <h2 id="settings-payments">{t('settings.section.payments')}</h2>
      <SettingsField id="settings-tip-confirm" label={t('settings.tipConfirmPercent')} hint={t('settings.tipConfirmHint')} error={error}>
        <input
          id="settings-tip-confirm"
          className="settings-percent"
          inputMode="numeric"
          autoComplete="off"
          value={draft.tipConfirmPercent}
          onChange={(e) => set('tipConfirmPercent', e.target.value)}
          {...describedBy('settings-tip-confirm', error, true)}
        />
      </SettingsField>
    </section>
  );
}
