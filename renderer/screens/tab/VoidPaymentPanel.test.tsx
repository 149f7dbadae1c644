// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Payment } from '../../../shared/types';
import { fake } from '../../test-support/fake-api';
import { testStore } from '../../test-support/store';
import { testTab } from '../../test-support/tab';
import { ReceiptView } from '../receipt/ReceiptScreen';

vi.mock('../../api', () => import('../../test-support/fake-api'));

const card: Payment = {
  id: 31,
  method: 'card',
  amountMinor: 1240,
  tipMinor: 100,
  tenderedMinor: null,
  changeMinor: 0,
  roundingMinor: 0,
  reference: '',
  partNo: null,
  staffId: 1,
  createdAt: '2026-09-14T08:40:00.000Z',
};
const tab = testTab({ totalMinor: 1240, paidMinor: 1240, payments: [card] });

function showReceipt() {
  render(
    <MemoryRouter initialEntries={['/tab/7/receipt']}>
      <Routes>
        <Route path="/tab/7/receipt" element={<ReceiptView tab={tab} store={testStore({ timeZone: 'UTC' })} />} />
        <Route path="/tab/7" element={<p>Tab screen</p>} />
      </Routes>
    </MemoryRouter>,
  );
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('voiding the last payment from the receipt', () => {
  it('is offered for ten minutes after the payment, and not after', () => {
    vi.setSystemTime(new Date('2026-09-14T08:50:00.000Z'));
    showReceipt();
    expect(screen.getByRole('button', { name: 'Void last payment' })).toBeTruthy();
    cleanup();
    vi.setSystemTime(new Date('2026-09-14T08:50:01.000Z'));
    showReceipt();
    expect(screen.queryByRole('button', { name: 'Void last payment' })).toBeNull();
  });

  it('says what happens, shows a refusal beside its field, then voids the payment shown and goes to the tab', async () => {
    vi.setSystemTime(new Date('2026-09-14T08:45:00.000Z'));
    showReceipt();
    fireEvent.click(screen.getByRole('button', { name: 'Void last payment' }));
    const form = screen.getByRole('form', { name: 'Void the payment of €12.40 by Card' });
    expect(form.textContent).toContain('The tab goes back on the board on token 12, owing €12.40 again. Its tip of €1.00 is taken back too.');
    expect(form.textContent).toContain('This can be done until 08:50.');

    fake.fail('settle.voidLastPayment', { code: 'invalid_input', message: 'a reason is required', key: 'errors.field.reason', field: 'reason' });
    fireEvent.click(screen.getByRole('button', { name: 'Void €12.40' }));
    const field = await screen.findByRole('textbox', { name: 'Why is it voided?' });
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(field.closest('label')?.nextElementSibling?.textContent).toBe('A reason is required');

    fake.reply('settle.voidLastPayment', { ...tab, status: 'open', payments: [] });
    fireEvent.change(field, { target: { value: 'wrong card' } });
    fireEvent.click(screen.getByRole('button', { name: 'Void €12.40' }));
    expect(await screen.findByText('Tab screen')).toBeTruthy();
    // The reason changed the input: a new intent, with a new command id.
    expect(fake.calls('settle.voidLastPayment')).toEqual([
      { input: { tabId: 7, paymentId: 31, reason: '' }, options: { commandId: 'command-1' } },
      { input: { tabId: 7, paymentId: 31, reason: 'wrong card' }, options: { commandId: 'command-2' } },
    ]);
  });
});
