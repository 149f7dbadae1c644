// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RefundReceipt } from '../../../shared/refund-types';
import { testStore } from '../../test-support/store';
import { RefundPaper } from './RefundPaper';

const receipt: RefundReceipt = {
  refundId: 5,
  tabId: 7,
  token: 12,
  tabName: '',
  originalReceiptNumber: 41,
  originalClosedAt: '2026-09-14T08:40:00.000Z',
  at: '2026-09-14T09:10:00.000Z',
  businessDate: '2026-09-14',
  reason: 'cold coffee',
  staffName: 'Sam',
  approverName: 'Mia',
  mode: 'lines',
  amountMinor: 660,
  taxMinor: 60,
  netMinor: 600,
  tipMinor: 100,
  tips: [{ staffId: 2, staffName: 'Kim', tipMinor: 100 }],
  rates: [{ rateMilli: 10_000, amountMinor: 660, taxMinor: 60, netMinor: 600 }],
  lines: [
    { lineId: 3, name: 'Latte', comped: false, qty: 1, amountMinor: 440 },
    { lineId: 3, name: 'Latte', comped: true, qty: 1, amountMinor: 220 },
  ],
  tenders: [
    { method: 'card', amountMinor: 500, tipMinor: 100, givenMinor: 600, roundingMinor: 0 },
    { method: 'cash', amountMinor: 160, tipMinor: 0, givenMinor: 160, roundingMinor: 0 },
  ],
  givenMinor: 760,
};
afterEach(cleanup);

describe('the refund receipt', () => {
  it('names the receipt it refunds and says what went back, how, why, by whom and approved by whom', () => {
    render(<RefundPaper receipt={receipt} store={testStore()} />);
    expect(screen.getByTestId('refund-number').textContent).toBe('Refund no. 5');
    expect(screen.getByTestId('refund-of').textContent).toBe('Refund of receipt no. 41');
    const paper = screen.getByRole('article', { name: 'Refund receipt' });
    for (const text of [
      '1 × Latte€4.40',
      '1 × Latte (units with a comp)€2.20',
      'of which tax at 10%€0.60',
      'Tips given back€1.00',
      'Refund on the card terminal€6.00',
      'Cash given back€1.60',
      'Total given back€7.60',
    ]) {
      expect(paper.textContent).toContain(text);
    }
    expect(screen.getByText('Reason: cold coffee')).toBeTruthy();
    expect(screen.getByText('Approved by Mia')).toBeTruthy();
  });
});
