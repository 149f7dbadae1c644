/**
 * The languages Aftertab speaks: each has one catalogue file in shared/i18n/catalogues/. A store
 * prints its receipts, slips and Z in one of them; each PC shows its screens in one of them.
 */
export const languages = ['en', 'de', 'es'] as const;
export type Language = (typeof languages)[number];

/** Each language's name in itself, as a picker shows it. */
export const languageNames: Record<Language, string> = { en: 'English', de: 'Deutsch', es: 'Español' };

/**
 * What a PC's screens may be set to: a language, or the pseudo-locale (English with every letter
 * accented and each message bracketed, longer by a third), which shows at a glance any word that
 * does not come from the catalogue and any label too tight for a longer language.
 */
export const uiLanguages = [...languages, 'pseudo'] as const;
export type UiLanguage = (typeof uiLanguages)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/**
 * The store's locale (its region's way of writing dates and numbers) in another language: an
 * Irish store speaking German writes "5. Dez. 2026". Screens and paper both write dates this way.
 */
export function localeInLanguage(locale: string, language: Language): string {
  try {
    const place = new Intl.Locale(locale);
    if (place.language === language) return locale;
    return new Intl.Locale(language, place.region ? { region: place.region } : {}).toString();
  } catch {
    return locale;
  }
}
