import { useRef, useState } from 'react';
import type { Catalog, CatalogItem, StoreSettings } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { Screen } from '../../components/Screen';
import { useStore } from '../../hooks/use-live-data';
import { useMoney } from '../../hooks/use-money';
import { useShortcut } from '../../hooks/use-shortcut';
import { t } from '../../i18n/t';
import { ArchivedSection } from './ArchivedSection';
import { activeCategories, groupItems, isEmptyCatalog } from './catalog-view';
import { CategoryPanel } from './CategoryPanel';
import { ItemForm } from './ItemForm';
import { ItemGroups } from './ItemGroups';
import { StarterActions } from './StarterActions';
import { useArchiveItem } from './use-archive-item';
import { useFullCatalog } from './use-full-catalog';
import '../../components/card-list.css';
import './catalog.css';

/** Null when the form is closed; "new" or the item being edited when it is open. */
type Editing = null | 'new' | CatalogItem;

/** Everything the counter can sell: categories, items, prices, and the starter menus. */
export function CatalogScreen() {
  const store = useStore();
  const catalog = useFullCatalog();
  const [editing, setEditing] = useState<Editing>(null);
  const loadError = catalog.error ?? store.error;
  const data = catalog.data;

  const actions =
    store.data && data ? (
      <>
        <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
          {t('catalog.addItem')}
        </button>
        {!isEmptyCatalog(data) && <StarterActions big={false} />}
      </>
    ) : null;

  return (
    <Screen title={t('catalog.title')} back="/" actions={actions} className="catalog">
      {loadError && <ErrorNote error={t('catalog.loadFailed', { message: loadError })} />}
      {store.data && catalog.data ? (
        <CatalogBody store={store.data} catalog={catalog.data} editing={editing} setEditing={setEditing} />
      ) : (
        !loadError && <p>{t('catalog.loading')}</p>
      )}
    </Screen>
  );
}

type BodyProps = { store: StoreSettings; catalog: Catalog; editing: Editing; setEditing: (next: Editing) => void };

function CatalogBody({ store, catalog, editing, setEditing }: BodyProps) {
  const money = useMoney(store);
  const archive = useArchiveItem();
  const [query, setQuery] = useState('');
  const search = useRef<HTMLInputElement>(null);
  useShortcut(
    '/',
    (event) => {
      event.preventDefault();
      search.current?.focus();
    },
    { enabled: editing === null },
  );

  const categories = activeCategories(catalog);
  const groups = groupItems(catalog, query);
  const empty = isEmptyCatalog(catalog);

  return (
    <div className="catalog__layout">
      <div className="catalog__main">
        {empty ? (
          <StarterActions big />
        ) : (
          <>
            <div className="catalog__search field">
              <label htmlFor="catalog-search">{t('catalog.search')}</label>
              <input
                id="catalog-search"
                ref={search}
                type="search"
                autoComplete="off"
                placeholder={t('catalog.searchHint')}
                aria-keyshortcuts="/"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
            </div>
            {groups.length === 0 && query.trim() !== '' ? (
              <p className="catalog__none">{t('catalog.noMatch', { query: query.trim() })}</p>
            ) : (
              <ItemGroups groups={groups} store={store} money={money} archive={archive} onEdit={setEditing} />
            )}
          </>
        )}
        <ArchivedSection catalog={catalog} store={store} money={money} />
      </div>
      <CategoryPanel categories={categories} />
      {editing !== null && (
        <ItemForm
          key={editing === 'new' ? 'new' : editing.id}
          store={store}
          categories={categories}
          item={editing === 'new' ? null : editing}
          defaultCategoryId={null}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
