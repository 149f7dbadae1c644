import type { CatalogItem, StoreSettings } from '../../../shared/types';
import type { MoneyTools } from '../../hooks/use-money';
import { t } from '../../i18n/t';
import type { ItemGroup } from './catalog-view';
import { ItemRow } from './ItemRow';
import type { ArchiveAction } from './use-archive-item';

type Props = {
  groups: ItemGroup[];
  store: StoreSettings;
  money: MoneyTools;
  archive: ArchiveAction;
  onEdit: (item: CatalogItem) => void;
};

/** The items on sale, one block per category in the order the counter sees them. */
export function ItemGroups({ groups, store, money, archive, onEdit }: Props) {
  return (
    <div className="item-groups" role="region" aria-label={t('catalog.onSale')}>
      {groups.map((group) => {
        const id = `group-${group.category?.id ?? 'none'}`;
        const title = group.category
          ? group.category.archived
            ? t('catalog.archivedCategory', { name: group.category.name })
            : group.category.name
          : t('catalog.noCategory');
        return (
          <section key={id} className="item-group" aria-labelledby={id}>
            <h2 id={id} className="item-group__title">
              {title}
            </h2>
            <ul className="card-list">
              {group.items.map((item) => (
                <ItemRow
                  key={item.id}
                  item={item}
                  store={store}
                  money={money}
                  busy={archive.pending}
                  error={archive.errorFor(item.id)}
                  onEdit={() => onEdit(item)}
                  onToggleArchive={() => archive.toggle(item.id, true)}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
