import type { CatalogItem } from '../../../shared/types';

/** A search looks through every category; without one, the picked category is shown. */
export function filterItems(items: readonly CatalogItem[], { categoryId, query }: { categoryId: number | 'all'; query: string }): CatalogItem[] {
  const words = query.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length > 0) return items.filter((item) => words.every((w) => item.name.toLocaleLowerCase().includes(w)));
  return categoryId === 'all' ? [...items] : items.filter((item) => item.categoryId === categoryId);
}
