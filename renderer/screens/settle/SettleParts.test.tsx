// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Payment, PaymentResult, TabDetail } from '../../../shared/types';
import { moneyTools } from '../../hooks/use-money';
import { AlreadyPaid, PaymentOutcome } from './SettleParts';

vi.mock('../../api', () => import('../../test-support/fake-api'));

const money = moneyTools({ currency: 'EUR', locale: 'en-IE', exponent: 2 });
const payment = (over: Partial<Payment>): Payment => ({
  id: 1,
  method: 'cash',
  amountMinor: 590,
  tipMinor: 0,
  tenderedMinor: 590,
  changeMinor: 0,
  roundingMinor: 0,
  reference: '',
  partNo: null,
  staffId: 1,
  createdAt: '2025-01-01T10:00:00Z',
  ...over,
});
// The outcome reads only the payment and the change; the tab after it is not shown here.
const result = (p: Payment): PaymentResult => ({
  tab: {} as TabDetail,
  payment: p,
  owedMinor: p.amountMinor,
  changeMinor: p.changeMinor,
  settled: false,
  receiptNumber: null,
});

afterEach(cleanup);

describe('PaymentOutcome', () => {
  it('leaves out the change line when exact cash was handed over', () => {
    render(<PaymentOutcome result={result(payment({}))} money={money} />);
    expect(screen.getByRole('status').textContent).toBe('Paid €5.90 by Cash. ');
    expect(screen.queryByText(/Change/)).toBeNull();
  });

  it('shows the change to hand back when there is some', () => {
    render(<PaymentOutcome result={result(payment({ tenderedMinor: 1000, changeMinor: 410 }))} money={money} />);
    expect(screen.getByRole('status').textContent).toBe('Paid €5.90 by Cash. Change €4.10');
  });
});

describe('AlreadyPaid', () => {
  it('lists what was taken as history, with nothing to pick', () => {
    render(<AlreadyPaid payments={[payment({ partNo: 1, method: 'card' }), payment({ id: 2, amountMinor: 320 })]} money={money} />);
    const region = screen.getByRole('region', { name: 'Already paid' });
    expect([...region.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Part 1 by Card€5.90', 'By Cash€3.20']);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByText('Part 1', { exact: true })).toBeNull();
  });
});
