import { rateLabel } from '../../../shared/domain/tax';
import type { CatalogItem, StoreSettings } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import type { MoneyTools } from '../../hooks/use-money';
import { t } from '../../i18n/t';

type Props = {
  item: CatalogItem;
  store: StoreSettings;
  money: MoneyTools;
  error: string | null;
  busy: boolean;
  onEdit?: () => void;
  /** Archives the item, or restores it when it is archived. */
  onToggleArchive: () => void;
};

/** One item as the counter will sell it: name, kind, price, tax and what the customer gets. */
export function ItemRow({ item, store, money, error, busy, onEdit, onToggleArchive }: Props) {
  const rateLabelText = store.taxRates.find((r) => r.rateMilli === item.rateMilli)?.label ?? '';
  return (
    <li className="card-row item-row" aria-label={item.name}>
      <div className="card-row__main">
        <span className="item-row__name">{item.name}</span>
        <span className={`item-row__kind item-row__kind--${item.kind}`}>{t(`catalog.kind.${item.kind}`)}</span>
        {item.durationMinutes !== null && <span className="item-row__minutes">{t('catalog.minutes', { count: item.durationMinutes })}</span>}
        {item.expectText && <span className="item-row__expect">{item.expectText}</span>}
      </div>
      <div className="item-row__money">
        <span className="item-row__price">{money.format(item.priceMinor)}</span>
        <span className="item-row__tax">{t('catalog.taxRate', { label: rateLabelText, rate: rateLabel(item.rateMilli) }).trim()}</span>
      </div>
      <div className="item-row__actions">
        {onEdit && (
          <button type="button" className="button button--ghost" aria-label={t('catalog.editLabel', { name: item.name })} onClick={onEdit}>
            {t('catalog.edit')}
          </button>
        )}
        <button
          type="button"
          className="button button--ghost"
          disabled={busy}
          aria-label={t(item.archived ? 'catalog.restoreLabel' : 'catalog.archiveLabel', { name: item.name })}
          onClick={onToggleArchive}
        >
          {t(item.archived ? 'catalog.restore' : 'catalog.archive')}
        </button>
      </div>
      <ErrorNote error={error} className="card-row__error" />
    </li>
  );
}
