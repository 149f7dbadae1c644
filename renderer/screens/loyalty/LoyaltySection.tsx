import { useState } from 'react';
import type { LoyaltyScheme, LoyaltySettings } from '../../../shared/loyalty-types';
import { loyaltySchemes } from '../../../shared/loyalty-types';
import type { StoreSettings } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { useCommand } from '../../hooks/use-command';
import { useCatalog } from '../../hooks/use-live-data';
import { useMoney } from '../../hooks/use-money';
import { t } from '../../i18n/t';
import { previewText, typedAmount } from './loyalty-words';
import './loyalty.css';

type Draft = { scheme: LoyaltyScheme; categoryId: string; every: string; spend: string; value: string; min: string };

const schemeLabel = { off: 'loyalty.scheme.off', stamps: 'loyalty.scheme.stamps', points: 'loyalty.scheme.points' } as const;

/**
 * Settings' loyalty: off, a stamp card (a category and which one is free) or points (what earns
 * one, what one is worth, the least that can be spent), with the rule in plain words. Saved on its
 * own, as one setting.
 */
export function LoyaltySection({ store }: { store: StoreSettings }) {
  const money = useMoney(store);
  const catalog = useCatalog();
  const saved = store.loyalty;
  const [draft, setDraft] = useState<Draft>(() => ({
    scheme: saved.scheme,
    categoryId: saved.categoryId === null ? '' : String(saved.categoryId),
    every: String(saved.stampsEvery),
    spend: typedAmount(saved.pointsSpendMinor, store.exponent, store.locale),
    value: typedAmount(saved.pointValueMinor, store.exponent, store.locale),
    min: String(saved.pointsMin),
  }));
  const [done, setDone] = useState(false);
  const update = useCommand('store.update');
  const categories = (catalog.data?.categories ?? []).filter((c) => !c.archived);
  const spend = money.parse(draft.spend);
  const value = money.parse(draft.value);
  const next: LoyaltySettings = {
    scheme: draft.scheme,
    categoryId: draft.categoryId === '' ? null : Number(draft.categoryId),
    stampsEvery: Number(draft.every),
    pointsSpendMinor: spend.ok ? spend.minor : saved.pointsSpendMinor,
    pointValueMinor: value.ok ? value.minor : saved.pointValueMinor,
    pointsMin: Number(draft.min),
  };
  const categoryName = categories.find((c) => String(c.id) === draft.categoryId)?.name ?? '';
  const fieldError = (field: string) => (update.error?.field === `loyalty.${field}` ? update.error : null);
  const set = (patch: Partial<Draft>) => {
    setDone(false);
    update.clearError();
    setDraft((d) => ({ ...d, ...patch }));
  };
  const save = async () => {
    if (draft.scheme === 'points' && (!spend.ok || !value.ok)) return;
    if ((await update.run({ loyalty: next })) !== null) setDone(true);
  };

  return (
    <section className="settings-section loyalty-settings" aria-labelledby="settings-loyalty">
      <h2 id="settings-loyalty">{t('loyalty.section')}</h2>
      <fieldset>
        <legend>{t('loyalty.scheme')}</legend>
        <div className="loyalty-settings__schemes" role="radiogroup" aria-label={t('loyalty.scheme')}>
          {loyaltySchemes.map((scheme) => (
            <label key={scheme} className={draft.scheme === scheme ? 'loyalty-settings__scheme is-on' : 'loyalty-settings__scheme'}>
              <input type="radio" name="loyalty-scheme" value={scheme} checked={draft.scheme === scheme} onChange={() => set({ scheme })} />
              {t(schemeLabel[scheme])}
            </label>
          ))}
        </div>
      </fieldset>
      {draft.scheme === 'stamps' && (
        <div className="settings-pair">
          <div className="settings-field">
            <label htmlFor="loyalty-category">{t('loyalty.category')}</label>
            <select id="loyalty-category" value={draft.categoryId} onChange={(e) => set({ categoryId: e.target.value })} aria-invalid={fieldError('categoryId') !== null}>
              <option value="">{t('loyalty.category.none')}</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            <ErrorNote error={fieldError('categoryId')} />
          </div>
          <div className="settings-field settings-percent">
            <label htmlFor="loyalty-every">{t('loyalty.every')}</label>
            <input id="loyalty-every" inputMode="numeric" value={draft.every} onChange={(e) => set({ every: e.target.value })} aria-invalid={fieldError('stampsEvery') !== null} />
            <ErrorNote error={fieldError('stampsEvery')} />
          </div>
        </div>
      )}
      {draft.scheme === 'points' && (
        <div className="settings-pair loyalty-settings__points">
          <div className="settings-field settings-amount">
            <label htmlFor="loyalty-spend">{t('loyalty.spend', { currency: store.currency })}</label>
            <input id="loyalty-spend" inputMode="decimal" value={draft.spend} onChange={(e) => set({ spend: e.target.value })} aria-invalid={!spend.ok || fieldError('pointsSpendMinor') !== null} />
            <ErrorNote error={spend.ok ? fieldError('pointsSpendMinor') : spend.message} />
          </div>
          <div className="settings-field settings-amount">
            <label htmlFor="loyalty-value">{t('loyalty.value', { currency: store.currency })}</label>
            <input id="loyalty-value" inputMode="decimal" value={draft.value} onChange={(e) => set({ value: e.target.value })} aria-invalid={!value.ok || fieldError('pointValueMinor') !== null} />
            <ErrorNote error={value.ok ? fieldError('pointValueMinor') : value.message} />
          </div>
          <div className="settings-field settings-percent">
            <label htmlFor="loyalty-min">{t('loyalty.min')}</label>
            <input id="loyalty-min" inputMode="numeric" value={draft.min} onChange={(e) => set({ min: e.target.value })} aria-invalid={fieldError('pointsMin') !== null} />
            <ErrorNote error={fieldError('pointsMin')} />
          </div>
        </div>
      )}
      <p className="loyalty-settings__preview" aria-live="polite">
        {previewText(next, categoryName, money.format)}
      </p>
      <p className="settings-field__hint">{t('loyalty.hint')}</p>
      <div className="loyalty-settings__bar">
        <button type="button" className="button" disabled={update.pending} onClick={() => void save()}>
          {update.pending ? t('loyalty.saving') : t('loyalty.save')}
        </button>
        {/* Not a second status region: the settings form already has one for its own Save. */}
        <p aria-live="polite">{done && t('loyalty.saved')}</p>
      </div>
      <ErrorNote error={update.error && !update.error.field?.startsWith('loyalty.') ? update.error : null} />
    </section>
  );
}
