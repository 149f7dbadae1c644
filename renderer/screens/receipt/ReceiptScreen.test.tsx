// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TabDetail } from '../../../shared/types';
import { testStore } from '../../test-support/store';
import { testLine, testTab } from '../../test-support/tab';
import { loadLanguages, setPaperLanguage } from '../../i18n/t';
import { ReceiptView } from './ReceiptScreen';

vi.mock('../../api', () => import('../../test-support/fake-api'));

// The German catalogue, fetched before a switch to it, as the app does.
beforeAll(() => loadLanguages(['de']));

afterEach(() => {
  cleanup();
  setPaperLanguage('en');
});

function show(tab: TabDetail, store = testStore()) {
  render(
    <MemoryRouter>
      <ReceiptView tab={tab} store={store} />
    </MemoryRouter>,
  );
  return screen.getByRole('article', { name: 'Receipt' });
}

// Latte 4.40 kept, banana bread 3.80 comped by half, espresso 2.90 removed: the customer pays 6.30.
const tab = testTab({
  lines: [
    testLine(),
    testLine({
      id: 2,
      name: 'Banana bread',
      unitMinor: 380,
      listMinor: 380,
      chargedMinor: 190,
      comp: { kind: 'percent', value: 50, qty: 1, reason: 'Not satisfied', amountMinor: 190 },
    }),
    testLine({ id: 3, name: 'Espresso', unitMinor: 290, listMinor: 290, chargedMinor: 0, state: 'removed', removeReason: 'Ordered by mistake' }),
  ],
  itemCount: 2,
  listMinor: 820,
  compMinor: 190,
  totalMinor: 630,
  paidMinor: 630,
  netMinor: 573,
  taxMinor: 57,
  rates: [{ rateMilli: 10_000, netMinor: 573, taxMinor: 57, grossMinor: 630 }],
});

describe('the receipt', () => {
  it('leaves a removed line and its reason off the customer’s paper', () => {
    const receipt = show(tab);
    expect(receipt.textContent).not.toContain('Espresso');
    expect(receipt.textContent).not.toContain('Ordered by mistake');
    expect(receipt.querySelectorAll('.receipt__line')).toHaveLength(2);
  });

  it('still shows the lines charged and a comp with its reason and amount', () => {
    const receipt = show(tab);
    const [latte, bread] = [...receipt.querySelectorAll('.receipt__line')].map((li) => li.textContent ?? '');
    expect(latte).toContain('Latte');
    expect(bread).toContain('Banana bread');
    // How a comp reads is the comp's business; that it is on the paper, with its reason and amount, is the receipt's.
    expect(bread).toContain('Not satisfied');
    expect(bread).toContain('−€1.90');
  });

  it('prints under each service what to expect, as its line kept it, and nothing extra under a product', () => {
    const words = 'Regrowth coloured to match. Wait 48 hours before washing.';
    const salon = testTab({
      lines: [
        testLine({ id: 1, name: 'Root colour', unitMinor: 6000, listMinor: 6000, chargedMinor: 6000, expectText: words }),
        testLine({ id: 2, name: 'Shampoo 250 ml', unitMinor: 1800, listMinor: 1800, chargedMinor: 1800 }),
      ],
    });
    const [colour, shampoo] = [...show(salon).querySelectorAll('.receipt__line')];
    expect(colour?.querySelector('.receipt__expect')?.textContent).toBe(words);
    expect(shampoo?.querySelector('.receipt__expect')).toBeNull();
    expect(shampoo?.textContent).toBe('1 × Shampoo 250 ml€18.00');
  });

  it('prints when the tab opened and closed on the store’s clock, whatever this computer’s zone', () => {
    // 23:30 UTC is already 12:30 the next day in Auckland: the date on the paper is the store's.
    const late = testTab({ openedAt: '2026-11-24T23:30:00.000Z', closedAt: '2026-11-25T00:10:00.000Z' });
    const receipt = show(late, testStore({ locale: 'en-GB', timeZone: 'Pacific/Auckland' }));
    expect(receipt.textContent).toContain('Opened 25 Nov 2026, 12:30');
    expect(receipt.textContent).toContain('Closed 25 Nov 2026, 13:10');
  });
});

describe('the receipt’s head', () => {
  const LOGO = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
  const header = { logo: LOGO, legalName: 'Harbour Bean Coffee Ltd', address: ['3 Quay Street', 'Galway H91 X2K7', 'Ireland'], taxNumber: 'IE 3456789KH' };

  it('prints the logo, the legal name, each address line, the tax number and the receipt’s number', () => {
    const receipt = show(testTab({ receiptNumber: 1042 }), testStore(header));
    const head = receipt.querySelector('.receipt__head');
    expect(head?.querySelector('img')?.getAttribute('src')).toBe(LOGO);
    expect([...(head?.querySelectorAll('p') ?? [])].map((p) => p.textContent).slice(0, 7)).toEqual([
      'My café',
      'Harbour Bean Coffee Ltd',
      '3 Quay Street',
      'Galway H91 X2K7',
      'Ireland',
      'Tax no. IE 3456789KH',
      // No thousands separator: a receipt number is a name, not an amount.
      'Receipt no. 1042',
    ]);
  });

  it('says a tab not paid yet is no receipt, and prints nothing of a number for a tab settled before numbering', () => {
    const open = show(testTab({ status: 'open', dueMinor: 440, paidMinor: 0, closedAt: null, receiptNumber: null }), testStore(header));
    expect(open.textContent).toContain('Not paid yet: this is not a receipt');
    expect(open.textContent).not.toContain('Receipt no.');
    cleanup();
    const before = show(testTab({ receiptNumber: null }));
    expect(before.textContent).not.toContain('Receipt no.');
    expect(before.textContent).not.toContain('not a receipt');
    // A store without a header prints only its name above the token.
    expect(before.querySelector('.receipt__head img')).toBeNull();
    expect(before.textContent).not.toContain('Tax no.');
  });

  it('prints every word of the paper in the store’s language, while the screen around it keeps this PC’s', () => {
    setPaperLanguage('de');
    render(
      <MemoryRouter>
        <ReceiptView tab={{ ...tab, receiptNumber: 7 }} store={testStore(header)} />
      </MemoryRouter>,
    );
    const receipt = screen.getByRole('article', { name: 'Beleg' });
    expect(receipt.textContent).toContain('Beleg-Nr. 7');
    expect(receipt.textContent).toContain('Steuernr. IE 3456789KH');
    expect(receipt.textContent).toContain('Marke 12');
    expect(receipt.textContent).toContain('Vielen Dank!');
    // The totals and the comp's words are on the paper too.
    expect(receipt.textContent).toContain('Nachlass 50%: Not satisfied');
    expect(receipt.textContent).not.toMatch(/Receipt|Token|Thank you|Total/);
    // The screen's own title and buttons are not printed: they speak to the person at this PC.
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Receipt');
    expect(screen.getByRole('button', { name: 'Print' })).toBeTruthy();
  });
});
