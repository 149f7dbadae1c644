import { describeError } from '../../i18n/describe-error';
import { useState, type KeyboardEvent } from 'react';
import { rateLabel } from '../../../shared/domain/tax';
import type { CatalogItem, Category, ItemKind, StoreSettings } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { describedBy } from '../../components/field-error';
import { SidePanel } from '../../components/SidePanel';
import { useCommand } from '../../hooks/use-command';
import { useMoney } from '../../hooks/use-money';
import { t } from '../../i18n/t';
import { checkDraft, draftOf, EXPECT_MAX, type ItemDraft, type ItemFields } from './item-draft';
import { useEscapeFirst } from '../../hooks/use-escape-first';

type Props = {
  store: StoreSettings;
  categories: Category[];
  /** The item being edited; null adds a new one. */
  item: CatalogItem | null;
  defaultCategoryId?: number | null;
  onClose: () => void;
};

const KINDS: ItemKind[] = ['product', 'service'];
const SERVER_FIELDS: (keyof ItemFields)[] = ['name', 'categoryId', 'kind', 'priceMinor', 'rateMilli', 'expectText', 'durationMinutes'];

/** Adds or edits one item; Enter saves, Esc closes. Prices are parsed in the store's currency. */
export function ItemForm({ store, categories, item, defaultCategoryId = null, onClose }: Props) {
  const money = useMoney(store);
  const [draft, setDraft] = useState<ItemDraft>(() => draftOf(item, store, defaultCategoryId));
  const [errors, setErrors] = useState<Partial<Record<keyof ItemFields, string>>>({});
  const create = useCommand('catalog.createItem');
  const update = useCommand('catalog.updateItem');
  const command = item ? update : create;
  useEscapeFirst(onClose, true);

  const serverField = command.error?.field as keyof ItemFields | undefined;
  const placed = serverField && SERVER_FIELDS.includes(serverField) ? serverField : null;
  const errorAt = (field: keyof ItemFields): string | null =>
    errors[field] ?? (placed === field ? (command.error ? describeError(command.error) : null) : null);

  const set = <K extends keyof ItemDraft>(key: K, value: ItemDraft[K]): void => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors({});
    command.clearError();
  };

  const save = async (): Promise<void> => {
    const checked = checkDraft(draft, money);
    if (!checked.ok) return setErrors(checked.errors);
    const saved = item ? await update.run({ itemId: item.id, ...checked.fields }) : await create.run(checked.fields);
    if (saved) onClose();
  };

  // Enter in a select or on a radio saves too; in the text area it keeps making new lines.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>): void => {
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && (target.tagName === 'SELECT' || (target as HTMLInputElement).type === 'radio')) {
      event.preventDefault();
      void save();
    }
  };

  const rates = store.taxRates.some((r) => String(r.rateMilli) === draft.rateMilli)
    ? store.taxRates
    : [...store.taxRates, { rateMilli: Number(draft.rateMilli), label: '' }];
  const title = item ? t('catalog.form.editTitle', { name: item.name }) : t('catalog.form.addTitle');

  return (
    <SidePanel
      className="item-panel"
      titleId="item-form-title"
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id="item-form-title">{title}</h2>

      <div className="field">
        <label htmlFor="item-name">{t('catalog.form.name')}</label>
        <input
          id="item-name"
          autoFocus
          autoComplete="off"
          maxLength={80}
          value={draft.name}
          onChange={(e) => set('name', e.target.value)}
          {...describedBy('item-name', errorAt('name'))}
        />
        <ErrorNote error={errorAt('name')} id="item-name-error" />
      </div>

      <div className="side-panel__pair">
        <div className="field">
          <label htmlFor="item-category">{t('catalog.form.category')}</label>
          <select
            id="item-category"
            value={draft.categoryId}
            onChange={(e) => set('categoryId', e.target.value)}
            {...describedBy('item-category', errorAt('categoryId'))}
          >
            <option value="">{t('catalog.noCategory')}</option>
            {categories.map((c) => (
              <option key={c.id} value={String(c.id)}>
                {c.name}
              </option>
            ))}
          </select>
          <ErrorNote error={errorAt('categoryId')} id="item-category-error" />
        </div>
        <fieldset className="field item-panel__kinds">
          <legend>{t('catalog.form.kind')}</legend>
          <div className="side-panel__toggle">
            {KINDS.map((kind) => (
              <label key={kind} className={draft.kind === kind ? 'is-on' : undefined}>
                <input type="radio" name="item-kind" value={kind} checked={draft.kind === kind} onChange={() => set('kind', kind)} />
                {t(`catalog.kind.${kind}`)}
              </label>
            ))}
          </div>
          <ErrorNote error={errorAt('kind')} />
        </fieldset>
      </div>

      <div className="side-panel__pair">
        <div className="field">
          <label htmlFor="item-price">{t('catalog.form.price', { currency: store.currency })}</label>
          <input
            id="item-price"
            className="item-panel__price"
            inputMode="decimal"
            autoComplete="off"
            value={draft.price}
            onChange={(e) => set('price', e.target.value)}
            {...describedBy('item-price', errorAt('priceMinor'))}
          />
          <ErrorNote error={errorAt('priceMinor')} id="item-price-error" />
        </div>
        <div className="field">
          <label htmlFor="item-rate">{t('catalog.form.taxRate')}</label>
          <select id="item-rate" value={draft.rateMilli} onChange={(e) => set('rateMilli', e.target.value)} {...describedBy('item-rate', errorAt('rateMilli'))}>
            {rates.map((r) => (
              <option key={r.rateMilli} value={String(r.rateMilli)}>
                {t('catalog.taxRate', { label: r.label, rate: rateLabel(r.rateMilli) }).trim()}
              </option>
            ))}
          </select>
          <ErrorNote error={errorAt('rateMilli')} id="item-rate-error" />
        </div>
      </div>

      {/* Only a service takes time and tells the customer what to expect; a product has neither. */}
      {draft.kind === 'service' && (
        <>
          <div className="field">
            <label htmlFor="item-minutes">{t('catalog.form.minutes')}</label>
            <input
              id="item-minutes"
              className="item-panel__minutes"
              inputMode="numeric"
              autoComplete="off"
              maxLength={3}
              value={draft.minutes}
              onChange={(e) => set('minutes', e.target.value)}
              {...describedBy('item-minutes', errorAt('durationMinutes'), true)}
            />
            <p className="side-panel__hint" id="item-minutes-hint">
              {t('catalog.form.minutesHint')}
            </p>
            <ErrorNote error={errorAt('durationMinutes')} id="item-minutes-error" />
          </div>
          <div className="field">
            <label htmlFor="item-expect">{t('catalog.form.expect')}</label>
            <textarea
              id="item-expect"
              rows={4}
              maxLength={EXPECT_MAX}
              value={draft.expectText}
              onChange={(e) => set('expectText', e.target.value)}
              aria-invalid={errorAt('expectText') ? true : undefined}
              aria-describedby={errorAt('expectText') ? 'item-expect-count item-expect-error' : 'item-expect-count'}
            />
            <p className="side-panel__hint" id="item-expect-count">
              {t('catalog.form.expectHint')} {t('catalog.form.expectCount', { count: draft.expectText.length, max: EXPECT_MAX })}
            </p>
            <ErrorNote error={errorAt('expectText')} id="item-expect-error" />
          </div>
        </>
      )}

      <div className="side-panel__actions">
        <button type="submit" className="button button--primary" disabled={command.pending}>
          {command.pending ? t('catalog.form.saving') : t('catalog.form.save')}
        </button>
        <button type="button" className="button button--ghost" onClick={onClose} aria-keyshortcuts="Escape">
          {t('catalog.form.close')}
        </button>
        <p className="side-panel__hint">{t('catalog.form.keys')}</p>
      </div>
      <ErrorNote error={command.error && !placed ? command.error : null} />
    </SidePanel>
  );
}
