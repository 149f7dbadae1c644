import { t } from '../../i18n/t';
import type { FormKey } from './settings-form';
import { describedBy, SettingsField } from './SettingsField';
import type { SettingsDraft } from './use-settings-draft';

const TERMS_MAX = 280;

type NumberKey = Extract<FormKey, 'tokenFirst' | 'tokenLast' | 'amberMinutes' | 'redMinutes'>;

function NumberField({ form, field, id, label }: { form: SettingsDraft; field: NumberKey; id: string; label: string }) {
  const error = form.errorAt(field);
  return (
    <SettingsField id={id} label={label} error={error}>
      <input
        id={id}
        className="settings-number"
        inputMode="numeric"
        autoComplete="off"
        value={form.draft[field]}
        onChange={(e) => form.set(field, e.target.value)}
        {...describedBy(id, error)}
      />
    </SettingsField>
  );
}

/** The token pool, the board's colour thresholds and the words on the token slip. */
export function CountersSection({ form }: { form: SettingsDraft }) {
  const termsError = form.errorAt('payAfterTerms');
  return (
    <>
      <section className="settings-section" aria-labelledby="settings-tokens">
        <h2 id="settings-tokens">{t('settings.section.tokens')}</h2>
        <p className="settings-field__hint">{t('settings.tokensHint')}</p>
        <div className="settings-pair">
          <NumberField form={form} field="tokenFirst" id="settings-token-first" label={t('settings.tokenFirst')} />
          <NumberField form={form} field="tokenLast" id="settings-token-last" label={t('settings.tokenLast')} />
        </div>
      </section>

      <section className="settings-section" aria-labelledby="settings-board">
        <h2 id="settings-board">{t('settings.section.board')}</h2>
        <p className="settings-field__hint">{t('settings.boardHint')}</p>
        <div className="settings-pair">
          <NumberField form={form} field="amberMinutes" id="settings-amber" label={t('settings.amber')} />
          <NumberField form={form} field="redMinutes" id="settings-red" label={t('settings.red')} />
        </div>
      </section>

      <section className="settings-section" aria-labelledby="settings-slip">
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
