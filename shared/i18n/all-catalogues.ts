import de from './catalogues/de.json';
import en from './catalogues/en.json';
import es from './catalogues/es.json';
import type { Language } from './languages';
import type { Catalogue } from './translator';

/**
 * Every language's catalogue, for the main process (the menu, printed papers in the store's
 * language) and the tests. The renderer never imports this file: it fetches only the catalogues
 * it speaks (renderer/i18n/t.ts).
 */
export const allCatalogues: Record<Language, Catalogue> = { en, de, es };
