import { starterGroups, starterLoyalty as loyaltyWords, type StarterKind } from '../../shared/starter-catalogs';
import type { ItemKind } from '../../shared/types';

export { starterPrice } from '../../shared/starter-catalogs';

/**
 * The starter catalogs catalog.loadStarter adds to a running store, in English: the shared
 * starters (shared/starter-catalogs.ts, which the first-run wizard uses in the store's language).
 */
export type StarterItem = { name: string; kind: ItemKind; price: number; expect: string; minutes: number | null };
export type StarterCategory = { name: string; items: StarterItem[] };

function inEnglish(kind: StarterKind): StarterCategory[] {
  return starterGroups[kind].map((group) => ({
    name: group.name.en,
    items: group.items.map((entry) =>
      entry.kind === 'service'
        ? { name: entry.name.en, kind: entry.kind, price: entry.price, expect: entry.expect.en, minutes: entry.minutes }
        : { name: entry.name.en, kind: entry.kind, price: entry.price, expect: '', minutes: null },
    ),
  }));
}

export const starterCatalogs: Record<StarterKind, StarterCategory[]> = { cafe: inEnglish('cafe'), salon: inEnglish('salon') };

/** The café's stamp-card example (every 10th coffee free), on its Coffee category, left off. */
export const starterLoyalty: Partial<Record<StarterKind, { category: string; stampsEvery: number }>> = Object.fromEntries(
  Object.entries(loyaltyWords).map(([kind, example]) => [kind, { category: example.category.en, stampsEvery: example.stampsEvery }]),
);
