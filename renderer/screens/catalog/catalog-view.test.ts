import { describe, expect, it } from 'vitest';
import type { Catalog, CatalogItem } from '../../../shared/types';
import { archivedParts, groupItems, isEmptyCatalog } from './catalog-view';

const item = (id: number, name: string, categoryId: number | null, archived = false): CatalogItem => ({
  id,
  categoryId,
  name,
  kind: 'product',
  priceMinor: 100,
  rateMilli: 10_000,
  expectText: name === 'Latte' ? 'Steamed milk' : '',
  durationMinutes: null,
  archived,
});

const catalog: Catalog = {
  categories: [
    { id: 2, name: 'Food', position: 1, archived: false },
    { id: 1, name: 'Coffee', position: 0, archived: false },
    { id: 3, name: 'Old', position: 2, archived: true },
  ],
  items: [item(1, 'Latte', 1), item(2, 'Croissant', 2), item(3, 'Café crème', 1), item(4, 'Gift card', null), item(5, 'Scone', 2, true), item(6, 'Tart', 3)],
};

describe('groupItems', () => {
  it('groups items on sale by category order, the uncategorised last', () => {
    const groups = groupItems(catalog, '');
    expect(groups.map((g) => g.category?.name ?? null)).toEqual(['Coffee', 'Food', 'Old', null]);
    expect(groups[1]?.items.map((i) => i.name)).toEqual(['Croissant']);
  });

  it('filters by name or description, ignoring case and accents', () => {
    expect(groupItems(catalog, 'CAFE').flatMap((g) => g.items.map((i) => i.name))).toEqual(['Café crème']);
    expect(groupItems(catalog, 'milk').flatMap((g) => g.items.map((i) => i.name))).toEqual(['Latte']);
    expect(groupItems(catalog, 'nothing like this')).toEqual([]);
  });
});

describe('archivedParts and isEmptyCatalog', () => {
  it('lists what is archived', () => {
    const parts = archivedParts(catalog);
    expect(parts.items.map((i) => i.name)).toEqual(['Scone']);
    expect(parts.categories.map((c) => c.name)).toEqual(['Old']);
  });

  it('calls a catalog empty when nothing is on sale and no category is live', () => {
    expect(isEmptyCatalog(catalog)).toBe(false);
    expect(isEmptyCatalog({ categories: [], items: [] })).toBe(true);
    expect(isEmptyCatalog({ categories: [{ id: 3, name: 'Old', position: 0, archived: true }], items: [item(5, 'Scone', 3, true)] })).toBe(true);
  });
});
