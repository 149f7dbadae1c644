import { describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../../shared/types';
import { filterItems } from './filter-items';

const item = (id: number, name: string, categoryId: number | null): CatalogItem => ({
  id,
  name,
  categoryId,
  kind: 'product',
  priceMinor: 100,
  rateMilli: 10_000,
  expectText: '',
  durationMinutes: null,
  archived: false,
});
const items = [item(1, 'Latte', 1), item(2, 'Flat white', 1), item(3, 'Croissant', 2)];

describe('filterItems', () => {
  it('shows the picked category, or everything', () => {
    expect(filterItems(items, { categoryId: 2, query: '' }).map((i) => i.id)).toEqual([3]);
    expect(filterItems(items, { categoryId: 'all', query: ' ' })).toHaveLength(3);
  });

  it('searches every category, ignoring case, word by word', () => {
    expect(filterItems(items, { categoryId: 2, query: 'LAT' }).map((i) => i.id)).toEqual([1, 2]);
    expect(filterItems(items, { categoryId: 'all', query: 'white fl' }).map((i) => i.id)).toEqual([2]);
    expect(filterItems(items, { categoryId: 'all', query: 'tea' })).toEqual([]);
  });
});
