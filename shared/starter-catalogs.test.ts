import { describe, expect, it } from 'vitest';
import { languages } from './i18n/languages';
import { currencyExponent } from './money';
import { starterCatalog, starterChoices, starterGroups, starterPrice, starterWords } from './starter-catalogs';
import { parseStoreProfile } from './store-profile';

/** A whole profile around a starter, so the catalog is checked by every rule a profile file meets. */
function profileWith(choice: (typeof starterChoices)[number], language: (typeof languages)[number], currency: string, cashRoundingMinor = 1) {
  return {
    format: 'aftertab.store-profile',
    version: 1,
    name: 'Test',
    legalName: 'Test Ltd',
    address: ['1 Main Street'],
    taxNumber: 'X 1',
    currency,
    locale: 'en-IE',
    language,
    timeZone: 'UTC',
    dayBoundaryMinutes: 240,
    taxMode: 'inclusive',
    taxRates: [
      { label: starterWords[language].standardRate, rateMilli: 20_000 },
      { label: starterWords[language].reducedRate, rateMilli: 10_000 },
    ],
    tokenFirst: 1,
    tokenLast: 40,
    payAfterTerms: starterWords[language].payAfterTerms,
    amberMinutes: 45,
    redMinutes: 90,
    cashRoundingMinor,
    catalog: starterCatalog(choice, language, currencyExponent(currency), 20_000),
    staff: [{ name: 'Owner', role: 'owner' }],
  };
}

describe('the starter catalogs', () => {
  it.each(languages)('are valid store profiles in %s, for every starter and currency', (language) => {
    for (const choice of starterChoices) {
      for (const [currency, rounding] of [
        ['EUR', 1],
        ['JPY', 1],
        ['KWD', 5],
        ['CHF', 5],
      ] as const) {
        const parsed = parseStoreProfile(JSON.stringify(profileWith(choice, language, currency, rounding)));
        expect(parsed.ok ? [] : parsed.problems, `${choice} in ${language}, ${currency}`).toEqual([]);
      }
    }
  });

  it('names every category, item and service text in every language, and never two alike in one catalog', () => {
    for (const kind of ['cafe', 'salon'] as const) {
      for (const language of languages) {
        const catalog = starterCatalog(kind, language, 2, 10_000);
        expect(new Set(catalog.categories.map((name) => name.toLowerCase())).size, `${kind} ${language}`).toBe(catalog.categories.length);
        expect(new Set(catalog.items.map((item) => item.name.toLowerCase())).size, `${kind} ${language}`).toBe(catalog.items.length);
        for (const item of catalog.items) {
          expect(item.name.trim(), `${kind} ${language}`).not.toBe('');
          if (item.kind === 'service') expect(item.expectText.length, item.name).toBeGreaterThan(60);
          else expect(item).not.toHaveProperty('expectText');
        }
      }
    }
    // The German and Spanish words are translations, not the English copied.
    expect(starterCatalog('salon', 'de', 2, 0).items[0]).toMatchObject({ name: 'Damenhaarschnitt mit Föhnen', category: 'Haarschnitte', durationMinutes: 60 });
    expect(starterCatalog('cafe', 'es', 2, 0).categories).toEqual(['Café', 'Té y más', 'Comida']);
  });

  it('prices in the currency’s minor units, every item at the rate given, and an empty one holds nothing', () => {
    const cafe = starterCatalog('cafe', 'en', currencyExponent('EUR'), 13_500);
    expect(cafe.items.find((item) => item.name === 'Latte')).toEqual({
      name: 'Latte',
      category: 'Coffee',
      kind: 'product',
      priceMinor: 440,
      rateMilli: 13_500,
    });
    expect(starterCatalog('cafe', 'en', currencyExponent('KWD'), 0).items.find((item) => item.name === 'Latte')?.priceMinor).toBe(4400);
    expect(starterCatalog('cafe', 'en', currencyExponent('JPY'), 0).items.find((item) => item.name === 'Latte')?.priceMinor).toBe(440);
    expect(new Set(cafe.items.map((item) => item.rateMilli))).toEqual(new Set([13_500]));
    expect(starterCatalog('empty', 'de', 2, 19_000)).toEqual({ categories: [], items: [] });
    expect(starterPrice(280, 3)).toBe(2800);
    expect(starterGroups.cafe.flatMap((group) => group.items)).toHaveLength(11);
  });
});
