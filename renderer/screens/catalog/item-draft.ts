import type { CommandInput } from '../../../shared/contract';
import { rateLabel } from '../../../shared/domain/tax';
import { isServiceMinutes } from '../../../shared/domain/service-time';
import type { CatalogItem, ItemKind, StoreSettings } from '../../../shared/types';
import { amountInputText } from '../../format/amount-text';
import type { MoneyTools } from '../../hooks/use-money';
import { t } from '../../i18n/t';

export const EXPECT_MAX = 280;

/**
 * The item form's fields as typed. categoryId is "" for "No category". A service's minutes and
 * words stay in the draft while the kind is switched back and forth, but a product sends neither.
 */
export type ItemDraft = { name: string; categoryId: string; kind: ItemKind; price: string; rateMilli: string; expectText: string; minutes: string };
export type ItemFields = CommandInput<'catalog.createItem'>;
export type DraftCheck = { ok: true; fields: ItemFields } | { ok: false; errors: Partial<Record<keyof ItemFields, string>> };

export function draftOf(item: CatalogItem | null, store: StoreSettings, defaultCategoryId: number | null): ItemDraft {
  if (!item) {
    return {
      name: '',
      categoryId: defaultCategoryId === null ? '' : String(defaultCategoryId),
      kind: 'product',
      price: '',
      rateMilli: String(store.taxRates[0]?.rateMilli ?? 0),
      expectText: '',
      minutes: '',
    };
  }
  return {
    name: item.name,
    categoryId: item.categoryId === null ? '' : String(item.categoryId),
    kind: item.kind,
    price: amountInputText(item.priceMinor, store.exponent, store.locale),
    rateMilli: String(item.rateMilli),
    expectText: item.expectText,
    minutes: item.durationMinutes === null ? '' : String(item.durationMinutes),
  };
}

/**
 * Turns the typed fields into the command's input, or says what to fix: a price that does not
 * parse in the store's currency never reaches the ledger.
 */
export function checkDraft(draft: ItemDraft, money: MoneyTools): DraftCheck {
  const errors: Partial<Record<keyof ItemFields, string>> = {};
  const name = draft.name.trim();
  if (!name) errors.name = t('catalog.form.nameRequired');
  const price = money.parse(draft.price);
  if (!price.ok) errors.priceMinor = price.message;
  else if (price.minor < 0) errors.priceMinor = t('catalog.form.priceNegative');
  const service = draft.kind === 'service';
  const minutes = draft.minutes.trim();
  if (service && minutes === '') errors.durationMinutes = t('catalog.form.minutesRequired');
  else if (service && !(/^\d{1,3}$/.test(minutes) && isServiceMinutes(Number(minutes)))) errors.durationMinutes = t('catalog.form.minutesInvalid');
  if (Object.keys(errors).length > 0 || !price.ok) return { ok: false, errors };
  return {
    ok: true,
    fields: {
      name,
      categoryId: draft.categoryId === '' ? null : Number(draft.categoryId),
      kind: draft.kind,
      priceMinor: price.minor,
      rateMilli: Number(draft.rateMilli),
      expectText: service ? draft.expectText.trim() : '',
      durationMinutes: service ? Number(minutes) : null,
    },
  };
}

/** "Standard 10%" for a rate the store has, "10%" for one it no longer lists. */
export function rateName(rateMilli: number, store: StoreSettings): { label: string; rate: string } {
  return { label: store.taxRates.find((r) => r.rateMilli === rateMilli)?.label ?? '', rate: rateLabel(rateMilli) };
}
