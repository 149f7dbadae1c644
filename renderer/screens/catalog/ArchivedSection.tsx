import type { Catalog, StoreSettings } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { useCommand } from '../../hooks/use-command';
import type { MoneyTools } from '../../hooks/use-money';
import { t } from '../../i18n/t';
import { archivedParts } from './catalog-view';
import { ItemRow } from './ItemRow';
import { useArchiveItem } from './use-archive-item';

type Props = { catalog: Catalog; store: StoreSettings; money: MoneyTools };

/** What was taken off sale, folded away until needed, each with a way back. */
export function ArchivedSection({ catalog, store, money }: Props) {
  const { items, categories } = archivedParts(catalog);
  const restoreItem = useArchiveItem();
  const restoreCategory = useCommand('catalog.updateCategory');
  const count = items.length + categories.length;

  return (
    <details className="archived" aria-labelledby="archived-summary">
      <summary id="archived-summary" className="archived__summary">
        {t('catalog.archived', { count })}
      </summary>
      <p className="archived__hint">{t('catalog.archivedHint')}</p>
      {count === 0 && <p>{t('catalog.archivedEmpty')}</p>}
      {categories.length > 0 && (
        <ul className="card-list">
          {categories.map((c) => (
            <li key={c.id} className="category-row" aria-label={c.name}>
              <span className="category-row__name">{c.name}</span>
              <button
                type="button"
                className="button button--ghost"
                aria-label={t('catalog.restoreLabel', { name: c.name })}
                disabled={restoreCategory.pending}
                onClick={() => void restoreCategory.run({ categoryId: c.id, archived: false })}
              >
                {t('catalog.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorNote error={restoreCategory.error} />
      {items.length > 0 && (
        <ul className="card-list">
          {items.map((item) => (
            <ItemRow
              key={item.id}
              item={item}
              store={store}
              money={money}
              busy={restoreItem.pending}
              error={restoreItem.errorFor(item.id)}
              onToggleArchive={() => restoreItem.toggle(item.id, false)}
            />
          ))}
        </ul>
      )}
    </details>
  );
}
