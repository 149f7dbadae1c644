import { describedBy } from '../../components/field-error';
import { t } from '../../i18n/t';
import { DraftField, SettingsField } from './SettingsField';
import type { SettingsDraft } from './use-settings-draft';

const TERMS_MAX = 280;

/** The token pool, the board's colour thresholds and the words on the token slip. */
export function CountersSection({ form }: { form: SettingsDraft }) {
  const termsError = form.errorAt('payAfterTerms');
  return (
    <>
      <section className="panel settings-section" aria-labelledby="settings-tokens">
        <h2 id="settings-tokens">{t('settings.section.tokens')}</h2>
        <p className="settings-field__hint">{t('settings.tokensHint')}</p>
        <div className="settings-pair">
          <DraftField form={form} field="tokenFirst" id="settings-token-first" className="settings-number" label={t('settings.tokenFirst')} />
          <DraftField form={form} field="tokenLast" id="settings-token-last" className="settings-number" label={t('settings.tokenLast')} />
        </div>
      </section>

      <section className="panel settings-section" aria-labelledby="settings-board">
        <h2 id="settings-board">{t('settings.section.board')}</h2>
        <p className="settings-field__hint">{t('settings.boardHint')}</p>
        <div className="settings-pair">
          <DraftField form={form} field="amberMinutes" id="settings-amber" className="settings-number" label={t('settings.amber')} />
          <DraftField form={form} field="redMinutes" id="settings-red" className="settings-number" label={t('settings.red')} />
        </div>
      </section>

      <section className="panel settings-section" aria-labelledby="settings-slip">
        <h2 id="settings-slip">{t('settings.section.slip')}</h2>
        <SettingsField
          id="settings-terms"
          label={t('settings.payAfterTerms')}
          hint={t('settings.termsCount', { count: form.draft.payAfterTerms.length, max: TERMS_MAX })}
          error={termsError}
        >
          <textarea
            id="settings-terms"
            rows={3}
            maxLength={TERMS_MAX}
            value={form.draft.payAfterTerms}
            onChange={(e) => form.set('payAfterTerms', e.target.value)}
            {...describedBy('settings-terms', termsError, true)}
          />
        </SettingsField>
      </section>
    </>
  );
}
