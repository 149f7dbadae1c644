// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PaymentResult, StoreSettings } from '../../../shared/types';
import { fake } from '../../test-support/fake-api';
import { testStore } from '../../test-support/store';
import { PaymentPanel } from './PaymentPanel';

vi.mock('../../api', () => import('../../test-support/fake-api'));

// The panel only hands the result on; what is in it does not matter here.
const paid = { payment: { method: 'card' }, changeMinor: 0 } as unknown as PaymentResult;

function panel(amountMinor: number, store: StoreSettings = testStore()) {
  const onPaid = vi.fn();
  render(
    <MemoryRouter>
      <PaymentPanel tabId={7} store={store} partNo={null} amountMinor={amountMinor} drawerOpen onPaid={onPaid} />
    </MemoryRouter>,
  );
  return onPaid;
}

function typeTip(text: string): HTMLInputElement {
  fireEvent.click(screen.getByRole('button', { name: 'Tip amount' }));
  const tip = screen.getByRole('textbox', { name: 'Tip amount' }) as HTMLInputElement;
  fireEvent.change(tip, { target: { value: text } });
  return tip;
}

const question = (): HTMLElement | null => screen.queryByRole('group', { name: /\?/ });

afterEach(cleanup);

describe('the question before a large amount is taken', () => {
  it('asks "Tip €1,000.00 on a bill of €4.00?" above the confirm button, sending nothing, with Change it focused', () => {
    panel(400);
    fireEvent.click(screen.getByRole('button', { name: 'Card' }));
    const tip = typeTip('1000');
    fireEvent.submit(tip.closest('form') as HTMLFormElement);
    const asked = question();
    expect(asked?.querySelector('[role="alert"]')?.textContent).toBe('Tip €1,000.00 on a bill of €4.00? That is more than 30% of the bill.');
    expect(fake.calls('settle.pay')).toHaveLength(0);
    const confirm = screen.getByRole('button', { name: 'Taken on the terminal: €1,004.00' }) as HTMLButtonElement;
    expect(asked?.nextElementSibling).toBe(confirm);
    expect(confirm.disabled).toBe(true);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Change it' }));
  });

  it('Change it goes back to the tip with nothing sent, and a second Enter there asks again rather than paying', () => {
    panel(400);
    fireEvent.click(screen.getByRole('button', { name: 'Card' }));
    const tip = typeTip('1000');
    const form = tip.closest('form') as HTMLFormElement;
    fireEvent.submit(form);
    fireEvent.click(screen.getByRole('button', { name: 'Change it' }));
    expect(question()).toBeNull();
    expect(document.activeElement).toBe(tip);
    fireEvent.submit(form);
    expect(question()).not.toBeNull();
    // Enter while the question is open (the form submitted again) changes it too.
    fireEvent.submit(form);
    expect(question()).toBeNull();
    expect(fake.calls('settle.pay')).toHaveLength(0);
  });

  it('Esc changes it rather than leaving the screen', () => {
    panel(400);
    fireEvent.click(screen.getByRole('button', { name: 'Card' }));
    fireEvent.submit(typeTip('1000').closest('form') as HTMLFormElement);
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(question()).toBeNull();
    expect(fake.calls('settle.pay')).toHaveLength(0);
  });

  it('Yes, take it sends the payment saying yes to that very tip', async () => {
    fake.reply('settle.pay', paid);
    const onPaid = panel(400);
    fireEvent.click(screen.getByRole('button', { name: 'Card' }));
    fireEvent.submit(typeTip('1000').closest('form') as HTMLFormElement);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, take it' }));
    await waitFor(() => expect(onPaid).toHaveBeenCalled());
    expect(fake.calls('settle.pay')).toContainEqual({
      input: { tabId: 7, method: 'card', reference: '', tipMinor: 100_000, confirmed: { tipMinor: 100_000 } },
      options: { commandId: 'command-1' },
    });
  });

  it('takes a tip of exactly 30 % without asking', async () => {
    fake.reply('settle.pay', paid);
    panel(400);
    fireEvent.click(screen.getByRole('button', { name: 'Card' }));
    fireEvent.submit(typeTip('1.20').closest('form') as HTMLFormElement);
    await waitFor(() => expect(fake.calls('settle.pay')).toHaveLength(1));
    expect(fake.inputs('settle.pay')[0]).toEqual({ tabId: 7, method: 'card', reference: '', tipMinor: 120 });
    expect(question()).toBeNull();
  });

  it('asks about 1,000,000.00 in cash on 7.60, and drops the question when the cash is retyped', () => {
    panel(760);
    const given = screen.getByLabelText('Cash given', { exact: false });
    fireEvent.change(given, { target: { value: '1000000' } });
    fireEvent.submit(given.closest('form') as HTMLFormElement);
    expect(question()?.querySelector('[role="alert"]')?.textContent).toBe(
      'Cash given €1,000,000.00 on €7.60? That is more than any one note over what is owed.',
    );
    fireEvent.change(given, { target: { value: '100' } });
    expect(question()).toBeNull();
    expect(fake.calls('settle.pay')).toHaveLength(0);
  });

  it('asks what the ledger asks when it refuses, then sends that confirmation', async () => {
    // This screen was set to ask above 100 %; the ledger, changed since, asks above 30 %.
    fake.answer(
      'settle.pay',
      {
        ok: false,
        error: {
          code: 'confirmation_needed',
          key: 'errors.confirm.tip',
          message: 'tip €2.00 on a bill of €4.00? …',
          params: { tip: '€2.00', bill: '€4.00', tipMinor: 200, billMinor: 400, percent: 30 },
          field: 'confirmed',
        },
      },
      { ok: true, value: paid },
    );
    const onPaid = panel(400, testStore({ tipConfirmPercent: 100 }));
    fireEvent.click(screen.getByRole('button', { name: 'Card' }));
    fireEvent.submit(typeTip('2').closest('form') as HTMLFormElement);
    await waitFor(() => expect(question()?.textContent).toContain('Tip €2.00 on a bill of €4.00? That is more than 30% of the bill.'));
    expect(screen.queryByText(/tip €2.00 on a bill of €4.00\? …/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, take it' }));
    await waitFor(() => expect(onPaid).toHaveBeenCalled());
    expect(fake.inputs('settle.pay')[1]).toEqual({ tabId: 7, method: 'card', reference: '', tipMinor: 200, confirmed: { tipMinor: 200 } });
  });
});
