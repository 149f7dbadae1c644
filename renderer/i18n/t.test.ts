import { describe, expect, it } from 'vitest';
import { hasMessage, isLanguageLoaded, loadLanguages, paperLanguage, setPaperLanguage, setScreenLanguage, switchPaperLanguage, t, tPaper } from './t';

describe('t', () => {
  it('fills placeholders and picks plural forms', () => {
    expect(t('tab.token', { token: 7 })).toBe('Token 7');
    expect(t('tab.items', { count: 1 })).toBe('1 item');
    expect(t('tab.items', { count: 3 })).toBe('3 items');
  });

  it('leaves an unknown placeholder visible rather than blank', () => {
    expect(t('tab.due')).toBe('Due {amount}');
  });
});

describe('the catalogues', () => {
  it('are fetched one language at a time, and a language is spoken only once its catalogue is here', async () => {
    // The test setup fetched English only, as the app fetches only what it speaks.
    expect(isLanguageLoaded('en')).toBe(true);
    expect(isLanguageLoaded('de')).toBe(false);
    expect(() => setScreenLanguage('de')).toThrow(/de catalogue is not loaded/);
    expect(t('tab.items', { count: 3 })).toBe('3 items');

    await loadLanguages(['de']);
    expect(isLanguageLoaded('de')).toBe(true);
    expect(isLanguageLoaded('es')).toBe(false);
    setScreenLanguage('de');
    try {
      expect(t('tab.items', { count: 3 })).toBe('3 Artikel');
      expect(hasMessage('tab.items')).toBe(true);
      expect(hasMessage('tab.noSuchKey')).toBe(false);
    } finally {
      setScreenLanguage('en');
    }
  });

  it('give the paper the store language last asked for, whichever catalogue arrives first', async () => {
    // German is here already, Spanish still to fetch: the German switch, asked last, lands first.
    await loadLanguages(['de']);
    expect(isLanguageLoaded('es')).toBe(false);
    const spanish = switchPaperLanguage('es');
    const german = switchPaperLanguage('de');
    await Promise.all([spanish, german]);
    try {
      expect(paperLanguage()).toBe('de');
      expect(tPaper('receipt.title')).toBe('Beleg');
      // A language set outright overrides a switch still fetching its catalogue.
      const late = switchPaperLanguage('es');
      setPaperLanguage('en');
      await late;
      expect(tPaper('receipt.title')).toBe('Receipt');
    } finally {
      setPaperLanguage('en');
    }
  });
});
