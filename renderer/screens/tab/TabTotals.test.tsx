// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadLanguages, setPaperLanguage, setScreenLanguage, t, tPaper } from '../../i18n/t';
import { testTab } from '../../test-support/tab';
import { TabTotals } from './TabTotals';

// The Spanish catalogue, fetched before a switch to it, as the app does.
beforeAll(() => loadLanguages(['es']));

afterEach(() => {
  cleanup();
  setPaperLanguage('en');
  setScreenLanguage('en');
});

const tab = testTab({
  totalMinor: 4500,
  paidMinor: 4500,
  dueMinor: 0,
  deposits: [
    { id: 1, amountMinor: 1000, appliedMinor: 1000, method: 'card', status: 'closed', takenAt: '2026-12-01T10:00:00.000Z', takenBusinessDate: '2026-12-01' },
  ],
});
const format = (minor: number) => String(minor);

describe('the totals', () => {
  it('write a deposit’s date in the language of the words around it: the paper’s on a receipt, the screen’s on a screen', () => {
    setPaperLanguage('es');
    render(<TabTotals tab={tab} format={format} locale="en-GB" tr={tPaper} />);
    expect(screen.getByText(/1 dic/)).toBeTruthy();
    cleanup();
    render(<TabTotals tab={tab} format={format} locale="en-GB" tr={t} />);
    expect(screen.getByText(/1 Dec/)).toBeTruthy();
  });
});
