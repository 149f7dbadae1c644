// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TabDetail } from '../../../shared/types';
import { testStore } from '../../test-support/store';
import { testLine, testTab } from '../../test-support/tab';
import { loadLanguages, setPaperLanguage } from '../../i18n/t';
import { Slip } from './SlipScreen';

vi.mock('../../api', () => import('../../test-support/fake-api'));

// The Spanish catalogue, fetched before a switch to it, as the app does.
beforeAll(() => loadLanguages(['es']));

afterEach(() => {
  cleanup();
  setPaperLanguage('en');
});

const CUT = 'Washed, cut and styled. Free neckline touch-up within 7 days.';

function show(tab: TabDetail) {
  render(<Slip tab={tab} store={testStore()} />);
  return screen.getByRole('article', { name: 'Token slip' });
}

describe('the token slip', () => {
  it('lists what to expect of each service on the tab, and leaves products and removed lines off', () => {
    const slip = show(
      testTab({
        status: 'open',
        lines: [
          testLine({ id: 1, name: 'Men’s cut', expectText: CUT }),
          testLine({ id: 2, name: 'Styling cream' }),
          testLine({ id: 3, name: 'Toner', expectText: 'Refreshes the tone.', state: 'removed', removeReason: 'Changed their mind' }),
        ],
      }),
    );
    const section = within(slip).getByRole('region', { name: 'What to expect' });
    const services = within(section).getAllByRole('listitem');
    expect(services.map((li) => li.textContent)).toEqual([`Men’s cut${CUT}`]);
    expect(slip.textContent).not.toContain('Styling cream');
    expect(slip.textContent).not.toContain('Refreshes the tone.');
  });

  it('has no such section when nothing on the tab is a service', () => {
    const slip = show(testTab({ status: 'open', lines: [testLine()] }));
    expect(within(slip).queryByRole('region', { name: 'What to expect' })).toBeNull();
    expect(slip.textContent).not.toContain('Latte');
  });
});

describe('the slip’s head', () => {
  const header = { legalName: 'Fern & Fringe Hair Studio Ltd', address: ['14 Oldham Street', 'Manchester M1 1JQ'], taxNumber: 'GB 284 7716 93' };

  it('carries the receipt’s head, and says an unpaid tab’s slip is no receipt', () => {
    render(<Slip tab={testTab({ status: 'open', receiptNumber: null })} store={testStore(header)} />);
    const slip = screen.getByRole('article', { name: 'Token slip' });
    expect(slip.textContent).toContain('Fern & Fringe Hair Studio Ltd');
    expect(slip.textContent).toContain('14 Oldham Street');
    expect(slip.textContent).toContain('Manchester M1 1JQ');
    expect(slip.textContent).toContain('Tax no. GB 284 7716 93');
    expect(slip.textContent).toContain('Not paid yet: this is not a receipt');
  });

  it('shows the number of a settled tab’s receipt, in the store’s language', () => {
    setPaperLanguage('es');
    render(<Slip tab={testTab({ receiptNumber: 3 })} store={testStore(header)} />);
    const slip = screen.getByRole('article', { name: 'Resguardo de ficha' });
    expect(slip.textContent).toContain('Tique n.º 3');
    expect(slip.textContent).toContain('NIF GB 284 7716 93');
    expect(slip.textContent).toContain('Su ficha');
  });
});
