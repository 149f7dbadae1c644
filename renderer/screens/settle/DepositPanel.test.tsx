// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TabDeposit } from '../../../shared/salon-types';
import { moneyTools } from '../../hooks/use-money';
import { fake } from '../../test-support/fake-api';
import { testStore } from '../../test-support/store';
import { testTab } from '../../test-support/tab';
import { DepositPanel } from './DepositPanel';

vi.mock('../../api', () => import('../../test-support/fake-api'));

const money = moneyTools(testStore());
const held: TabDeposit = {
  id: 3,
  amountMinor: 1000,
  appliedMinor: 0,
  method: 'cash',
  status: 'held',
  takenAt: '2026-12-01T09:00:00Z',
  takenBusinessDate: '2026-12-01',
};

describe('DepositPanel', () => {
  beforeEach(() => {
    fake.reply('deposit.apply', testTab());
    fake.reply('appointment.forCustomer', { appointments: [], heldDeposits: [] });
  });
  afterEach(cleanup);

  it('shows the deposit attached at check-in first and applies it to the bill', async () => {
    render(<DepositPanel tab={testTab({ status: 'open', dueMinor: 4500, deposits: [held], customerId: 5 })} money={money} locale="en-IE" />);
    expect(await screen.findByText('€10.00 by Cash, paid Tue 1 Dec 2026')).toBeTruthy();
    // Smaller than the bill: no question about a rest.
    expect(screen.queryByRole('radio')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Apply €10.00' }));
    await waitFor(() =>
      expect(fake.calls('deposit.apply')).toContainEqual({ input: { tabId: 7, depositId: 3, excess: 'refund' }, options: { commandId: 'command-1' } }),
    );
  });

  it('asks what happens to a deposit larger than the bill, and lists one kept on the customer from before', async () => {
    fake.reply('appointment.forCustomer', {
      appointments: [],
      heldDeposits: [
        {
          id: 9,
          customerId: 5,
          appointmentId: null,
          fromDepositId: 2,
          amountMinor: 700,
          method: 'card',
          status: 'held',
          appliedMinor: 0,
          refundedMinor: 0,
          forfeitedMinor: 0,
          keptMinor: 0,
          tabId: null,
          takenAt: '2026-11-20T09:00:00Z',
          takenBusinessDate: '2026-11-20',
          closedAt: null,
          reason: null,
        },
      ],
    });
    render(<DepositPanel tab={testTab({ status: 'open', dueMinor: 800, deposits: [held], customerId: 5 })} money={money} locale="en-IE" />);
    expect(await screen.findByText('€7.00 by Card, paid Fri 20 Nov 2026')).toBeTruthy();
    // Only the one larger than the bill asks about its rest.
    expect(screen.getAllByText('The deposit is €2.00 more than the bill. The rest:')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Apply €7.00' })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Keep €2.00 on the customer' }));
    fireEvent.click(screen.getByRole('button', { name: 'Apply €8.00' }));
    await waitFor(() =>
      expect(fake.calls('deposit.apply')).toContainEqual({ input: { tabId: 7, depositId: 3, excess: 'keep' }, options: { commandId: 'command-1' } }),
    );
  });

  it('shows nothing when no deposit is held', () => {
    const { container } = render(<DepositPanel tab={testTab({ status: 'open', customerId: null })} money={money} locale="en-IE" />);
    expect(container.textContent).toBe('');
  });
});
