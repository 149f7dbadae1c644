import { memo, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Catalog, CatalogItem } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { useCommand } from '../../hooks/use-command';
import { useShortcut } from '../../hooks/use-shortcut';
import { t } from '../../i18n/t';
import { filterItems } from './filter-items';

type Props = { tabId: number; catalog: Catalog | null; format: (minor: number) => string };

/**
 * The catalog by category with a search; one tap adds one of the item to the tab. Memoised: a
 * change to the tab (a line added) leaves its props as they were, so it does not render again.
 */
export const CatalogPanel = memo(function CatalogPanel({ tabId, catalog, format }: Props) {
  const [categoryId, setCategoryId] = useState<number | 'all'>('all');
  const [query, setQuery] = useState('');
  const search = useRef<HTMLInputElement>(null);
  useShortcut('/', (event) => {
    event.preventDefault();
    search.current?.focus();
  });

  const categories = catalog ? [...catalog.categories].sort((a, b) => a.position - b.position) : [];
  const items = catalog ? filterItems(catalog.items, { categoryId, query }) : [];

  return (
    <section className="panel tab-detail__panel tab-catalog" aria-labelledby="tab-catalog-heading">
      <h2 id="tab-catalog-heading" className="tab-detail__heading">
        {t('tabDetail.catalog')}
      </h2>
      <label className="field">
        <span className="tab-detail__muted">{t('tabDetail.searchHint')}</span>
        <input
          ref={search}
          type="search"
          aria-label={t('tabDetail.search')}
          placeholder={t('tabDetail.search')}
          aria-keyshortcuts="/"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            // Esc in the search clears it first; a second Esc leaves the screen.
            if (e.key === 'Escape' && query) {
              e.preventDefault();
              e.stopPropagation();
              e.nativeEvent.stopImmediatePropagation();
              setQuery('');
            }
          }}
        />
      </label>
      <div className="tab-catalog__categories" role="group" aria-label={t('tabDetail.catalog')}>
        {[{ id: 'all' as const, name: t('tabDetail.allItems') }, ...categories].map((c) => (
          <button
            key={c.id}
            type="button"
            className={`button ${categoryId === c.id ? 'button--primary' : 'button--ghost'}`}
            aria-pressed={categoryId === c.id}
            onClick={() => setCategoryId(c.id)}
          >
            {c.name}
          </button>
        ))}
      </div>
      {!catalog ? (
        <p className="tab-detail__muted">{t('common.loading')}</p>
      ) : catalog.items.length === 0 ? (
        <EmptyCatalog />
      ) : items.length === 0 ? (
        <p className="tab-detail__muted">{t('tabDetail.noItems')}</p>
      ) : (
        <ul className="tab-catalog__items">
          {items.map((item) => (
            <ItemButton key={item.id} tabId={tabId} item={item} price={format(item.priceMinor)} />
          ))}
        </ul>
      )}
    </section>
  );
});

/** The way out of an empty catalog is a real link, placed where the sentence names the screen. */
function EmptyCatalog() {
  // {link} is left unfilled by t(), so the sentence can be split around it whatever the word order.
  const [before = '', after = ''] = t('tabDetail.emptyCatalog').split('{link}');
  return (
    <p className="tab-detail__muted">
      {before}
      <Link className="tab-catalog__empty-link" to="/catalog">
        {t('tabDetail.emptyCatalogLink')}
      </Link>
      {after}
    </p>
  );
}

/**
 * Each item posts on its own, so tapping three items quickly adds all three. While its add is
 * on its way the button ignores taps but stays enabled: a disabled button drops the keyboard
 * focus to the page, where the next Enter would open Settle instead of adding again.
 */
export function ItemButton({ tabId, item, price }: { tabId: number; item: CatalogItem; price: string }) {
  const add = useCommand('tab.addLine');
  return (
    <li>
      <button
        type="button"
        className="tab-catalog__item"
        aria-label={t('tabDetail.addItem', { item: item.name, price })}
        aria-disabled={add.pending}
        onClick={() => {
          if (!add.pending) void add.run({ tabId, itemId: item.id, qty: 1 });
        }}
      >
        <span className="tab-catalog__item-name">{item.name}</span>
        <span className="tab-catalog__item-price">{price}</span>
      </button>
      <ErrorNote error={add.error} />
    </li>
  );
}
