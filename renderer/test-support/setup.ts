import { configure } from '@testing-library/dom';
import { expect } from 'vitest';
import { loadLanguages, setPaperLanguage, setScreenLanguage } from '../i18n/t';

/**
 * How long findBy and waitFor wait for the screen before giving up. The default second is too
 * short on a CI machine busy with two test workers and a build; a screen that never shows still
 * fails, only later.
 */
configure({ asyncUtilTimeout: 5000 });

/**
 * The renderer's tests speak English from the start, as the app does once it has fetched its
 * first catalogue; a test of another language fetches it first (loadLanguages). The main
 * process's and the shared code's tests never call t(), so they skip the fetch.
 */
if (/[\\/]renderer[\\/]/.test(expect.getState().testPath ?? '')) {
  await loadLanguages(['en']);
  setScreenLanguage('en');
  setPaperLanguage('en');
}
