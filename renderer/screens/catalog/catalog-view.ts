import type { Catalog, CatalogItem, Category } from '../../../shared/types';

export type ItemGroup = {
  /** null holds the items without a category. */
  category: Category | null;
  items: CatalogItem[];
};

/** Lower-cased and without accents, so "cafe" finds "Café". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

export function matches(item: CatalogItem, query: string): boolean {
  const q = fold(query.trim());
  return q === '' || fold(item.name).includes(q) || fold(item.expectText).includes(q);
}

/**
 * The items still on sale that match the search, grouped in the categories' order; items
 * without a category come last. Groups left empty by the search are dropped.
 */
export function groupItems(catalog: Catalog, query: string): ItemGroup[] {
  const live = catalog.items.filter((item) => !item.archived && matches(item, query));
  const categories = [...catalog.categories].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  const groups: ItemGroup[] = categories.map((category) => ({ category, items: live.filter((i) => i.categoryId === category.id) }));
  const known = new Set(categories.map((c) => c.id));
  groups.push({ category: null, items: live.filter((i) => i.categoryId === null || !known.has(i.categoryId)) });
  return groups.filter((g) => g.items.length > 0);
}

export function activeCategories(catalog: Catalog): Category[] {
  return catalog.categories.filter((c) => !c.archived).sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
}

/** What the Archived section lists: archived items and archived categories. */
export function archivedParts(catalog: Catalog): { items: CatalogItem[]; categories: Category[] } {
  return { items: catalog.items.filter((i) => i.archived), categories: catalog.categories.filter((c) => c.archived) };
}

/** True when nothing is on sale and no category exists: the screen offers the starters. */
export function isEmptyCatalog(catalog: Catalog): boolean {
  return !catalog.items.some((i) => !i.archived) && !catalog.categories.some((c) => !c.archived);
}
