// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../api', () => import('../test-support/fake-api'));

const REMEMBERED = 'aftertab.screenLanguage';

/** The store and the words as a fresh page has them: nothing fetched, nothing applied. */
async function freshPage() {
  vi.resetModules();
  const store = await import('./language-store');
  const words = await import('./t');
  return { ...store, ...words };
}

beforeEach(() => localStorage.clear());

describe("this PC's language", () => {
  it('draws nothing until the first catalogue is here: the one remembered from the last start', async () => {
    localStorage.setItem(REMEMBERED, 'de');
    const page = await freshPage();
    const changed = vi.fn();
    page.subscribeLanguage(changed);
    expect(page.getLanguageState()).toMatchObject({ words: false, loaded: false });
    await page.loadFirstLanguage();
    expect(changed).toHaveBeenCalledTimes(1);
    expect(page.getLanguageState()).toEqual({ words: true, loaded: false, language: 'de' });
    expect(page.t('receipt.title')).toBe('Beleg');
    expect(page.isLanguageLoaded('en')).toBe(false);
    expect(document.documentElement.lang).toBe('de');
  });

  it('starts in English when no language, or none it knows, is remembered', async () => {
    localStorage.setItem(REMEMBERED, 'klingon');
    const page = await freshPage();
    await page.loadFirstLanguage();
    expect(page.getLanguageState()).toEqual({ words: true, loaded: false, language: 'en' });
    expect(page.t('receipt.title')).toBe('Receipt');
  });

  it('lets an answer from device.get that came first stand over the remembered language', async () => {
    localStorage.setItem(REMEMBERED, 'de');
    const page = await freshPage();
    const first = page.loadFirstLanguage();
    await page.applyDeviceView({ screenLanguage: 'es', storeLanguage: 'es' });
    await first;
    expect(page.getLanguageState()).toEqual({ words: true, loaded: true, language: 'es' });
    expect(page.t('receipt.title')).toBe('Tique');
  });

  it('is switched only once its catalogue is here, then the app re-renders in it and the next start fetches it first', async () => {
    const page = await freshPage();
    await page.loadFirstLanguage();
    const changed = vi.fn();
    page.subscribeLanguage(changed);
    const applied = page.applyDeviceView({ screenLanguage: 'es', storeLanguage: 'de' });
    // Still fetching: the screens keep their words and nothing re-renders yet.
    expect(page.screenLanguage()).toBe('en');
    expect(changed).not.toHaveBeenCalled();
    await applied;
    expect(changed).toHaveBeenCalledTimes(1);
    expect(page.getLanguageState()).toEqual({ words: true, loaded: true, language: 'es' });
    expect(page.t('receipt.title')).toBe('Tique');
    expect(page.tPaper('receipt.title')).toBe('Beleg');
    expect(document.documentElement.lang).toBe('es');
    expect(localStorage.getItem(REMEMBERED)).toBe('es');
  });

  it('of two answers that overlap, keeps the last, though the earlier one waits for its catalogue', async () => {
    const page = await freshPage();
    await page.loadFirstLanguage();
    const german = page.applyDeviceView({ screenLanguage: 'de', storeLanguage: 'de' });
    await page.applyDeviceView({ screenLanguage: 'en', storeLanguage: 'en' });
    await german;
    expect(page.isLanguageLoaded('de')).toBe(true);
    expect(page.screenLanguage()).toBe('en');
    expect(page.paperLanguage()).toBe('en');
  });
});
