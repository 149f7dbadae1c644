import { loyaltySchemes } from '../../../shared/loyalty-types';
import { isKnownCurrency } from '../../../shared/money';
import type { StoreSettings } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { describedBy } from '../../components/field-error';
import { previewMoney } from '../../format/money-preview';
import { useCatalog } from '../../hooks/use-live-data';
import { t } from '../../i18n/t';
import { SettingsField } from '../settings/SettingsField';
import type { SettingsDraft } from '../settings/use-settings-draft';
import { parseLoyalty, type LoyaltyDraft } from './loyalty-draft';
import { previewText } from './loyalty-words';
import './loyalty.css';

const schemeLabel = { off: 'loyalty.scheme.off', stamps: 'loyalty.scheme.stamps', points: 'loyalty.scheme.points' } as const;

type Figure = { key: 'every' | 'spend' | 'value' | 'min'; field: string; label: string; className: string; inputMode: 'numeric' | 'decimal' };

/**
 * Settings' loyalty: off, a stamp card (a category and which one is free) or points (what earns
 * one, what one is worth, the least that can be spent), with the rule in plain words. Part of the
 * settings draft: counted as a change, saved by the one Save and put back by Undo.
 */
export function LoyaltySection({ form, store }: { form: SettingsDraft; store: StoreSettings }) {
  const catalog = useCatalog();
  const d = form.draft.loyalty;
  // Amounts read in the currency being saved with them, as the Save reads them.
  const money = previewMoney(store, form.draft.currency, form.draft.locale);
  const typed = form.draft.currency.trim().toUpperCase();
  const currency = isKnownCurrency(typed) ? typed : store.currency;
  const categories = (catalog.data?.categories ?? []).filter((c) => !c.archived);
  const set = (change: Partial<LoyaltyDraft>): void => form.set('loyalty', { ...d, ...change });
  // The preview reads the figures as typed; one that does not read yet shows as the store holds it.
  const preview = parseLoyalty(d, form.held, money, {});
  const categoryName = categories.find((c) => String(c.id) === d.categoryId)?.name ?? '';
  const categoryError = form.errorAt('loyalty.categoryId');

  const figure = ({ key, field, label, className, inputMode }: Figure) => {
    const id = `loyalty-${key}`;
    const error = form.errorAt(`loyalty.${field}`);
    return (
      <SettingsField id={id} label={label} error={error}>
        <input
          id={id}
          className={className}
          inputMode={inputMode}
          autoComplete="off"
          value={d[key]}
          onChange={(e) => set({ [key]: e.target.value })}
          {...describedBy(id, error)}
        />
      </SettingsField>
    );
  };

  return (
    <section className="panel settings-section loyalty-settings" aria-labelledby="settings-loyalty">
      <h2 id="settings-loyalty">{t('loyalty.section')}</h2>
      <fieldset>
        <legend>{t('loyalty.scheme')}</legend>
        <div className="loyalty-settings__schemes" role="radiogroup" aria-label={t('loyalty.scheme')}>
          {loyaltySchemes.map((scheme) => (
            <label key={scheme} className={d.scheme === scheme ? 'loyalty-settings__scheme is-on' : 'loyalty-settings__scheme'}>
              <input type="radio" name="loyalty-scheme" value={scheme} checked={d.scheme === scheme} onChange={() => set({ scheme })} />
              {t(schemeLabel[scheme])}
            </label>
          ))}
        </div>
      </fieldset>
      {d.scheme === 'stamps' && (
        <div className="settings-pair">
          <SettingsField id="loyalty-category" label={t('loyalty.category')} error={categoryError}>
            <select
              id="loyalty-category"
              value={d.categoryId}
              onChange={(e) => set({ categoryId: e.target.value })}
              {...describedBy('loyalty-category', categoryError)}
            >
              <option value="">{t('loyalty.category.none')}</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </SettingsField>
          {figure({ key: 'every', field: 'stampsEvery', label: t('loyalty.every'), className: 'settings-percent', inputMode: 'numeric' })}
        </div>
      )}
      {d.scheme === 'points' && (
        <div className="settings-pair loyalty-settings__points">
          {figure({ key: 'spend', field: 'pointsSpendMinor', label: t('loyalty.spend', { currency }), className: 'settings-amount', inputMode: 'decimal' })}
          {figure({ key: 'value', field: 'pointValueMinor', label: t('loyalty.value', { currency }), className: 'settings-amount', inputMode: 'decimal' })}
          {figure({ key: 'min', field: 'pointsMin', label: t('loyalty.min'), className: 'settings-percent', inputMode: 'numeric' })}
        </div>
      )}
      <p className="loyalty-settings__preview" aria-live="polite">
        {previewText(preview, categoryName, money.format)}
      </p>
      <p className="settings-field__hint">{t('loyalty.hint')}</p>
      <ErrorNote error={form.errorAt('loyalty')} />
    </section>
  );
}
