// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Refundable, RefundQuote, RefundResult } from '../../../shared/refund-types';
import { fake } from '../../test-support/fake-api';
import { testStore } from '../../test-support/store';
import { RefundPanel } from './RefundPanel';

vi.mock('../../api', () => import('../../test-support/fake-api'));

/** Token 12: two lattes (one comped half) and a water, 12.40 paid 8.00 by card and 4.40 in cash, a 1.00 tip on the card. */
const refundable: Refundable = {
  tabId: 7,
  token: 12,
  name: '',
  receiptNumber: 41,
  closedAt: '2026-09-14T08:40:00.000Z',
  paidMinor: 860,
  refundedMinor: 0,
  leftMinor: 860,
  tipsLeftMinor: 100,
  lines: [
    { lineId: 3, name: 'Latte', rateMilli: 10_000, comped: true, qty: 1, refundedQty: 0, unitMinors: [220] },
    { lineId: 3, name: 'Latte', rateMilli: 10_000, comped: false, qty: 1, refundedQty: 0, unitMinors: [440] },
    { lineId: 4, name: 'Water', rateMilli: 0, comped: false, qty: 1, refundedQty: 0, unitMinors: [200] },
  ],
  tenders: [
    { method: 'card', paidMinor: 500, refundedMinor: 0, leftMinor: 500, tipsLeftMinor: 100 },
    { method: 'cash', paidMinor: 360, refundedMinor: 0, leftMinor: 360, tipsLeftMinor: 0 },
  ],
  refunds: [],
  drawerOpen: true,
};

function priced(amountMinor: number, tenders: RefundQuote['tenders'], extra: Partial<RefundQuote> = {}): RefundQuote {
  const givenMinor = tenders.reduce((s, t) => s + t.givenMinor, 0);
  return {
    tabId: 7,
    mode: 'whole',
    amountMinor,
    taxMinor: 60,
    netMinor: amountMinor - 60,
    tipMinor: 0,
    tips: [],
    rates: [],
    lines: [],
    tenders,
    givenMinor,
    leftAfterMinor: 860 - amountMinor,
    ...extra,
  };
}
const card = (amountMinor: number, tipMinor = 0) => ({ method: 'card' as const, amountMinor, tipMinor, givenMinor: amountMinor + tipMinor, roundingMinor: 0 });
const cash = (amountMinor: number) => ({ method: 'cash' as const, amountMinor, tipMinor: 0, givenMinor: amountMinor, roundingMinor: 0 });

function panel(onDone = vi.fn()) {
  render(<RefundPanel refundable={refundable} store={testStore()} onDone={onDone} onCancel={vi.fn()} />);
  return onDone;
}

const preview = () => screen.getByRole('region', { name: 'What goes back, and how' });

afterEach(cleanup);

describe('RefundPanel', () => {
  it('prices everything left as the ledger quotes it, card on the terminal and cash from the drawer, and refunds with the reason', async () => {
    fake.reply('tab.refundQuote', priced(860, [card(500), cash(360)]));
    const onDone = panel();
    expect(screen.getByText('Receipt no. 41 · paid €8.60 · refunded so far €0.00 · left €8.60')).toBeTruthy();
    expect(await within(preview()).findByText('Refund on the card terminal')).toBeTruthy();
    expect(within(preview()).getByText('Cash out of the drawer').nextElementSibling?.textContent).toBe('€3.60');
    expect(within(preview()).getByText('Given back in all').nextElementSibling?.textContent).toBe('€8.60');
    expect(fake.inputs('tab.refundQuote').at(-1)).toEqual({ tabId: 7, includeTips: false, mode: 'whole' });

    // No reason: the ledger refuses it beside the field.
    fake.fail('tab.refund', { code: 'invalid_input', message: 'a reason is required', key: 'errors.field.reason', field: 'reason' });
    fireEvent.click(screen.getByRole('button', { name: 'Give back €8.60' }));
    const reason = await screen.findByRole('textbox', { name: 'Why is it refunded?' });
    await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    expect(reason.closest('label')?.nextElementSibling?.textContent).toBe('A reason is required');

    const result = { refundId: 5 } as RefundResult;
    fake.reply('tab.refund', result);
    fireEvent.change(reason, { target: { value: 'cold coffee' } });
    fireEvent.click(screen.getByRole('button', { name: 'Give back €8.60' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(result));
    // With a reason it is another intent, sent under a new command id.
    expect(fake.calls('tab.refund').at(-1)).toEqual({
      input: {
        tabId: 7,
        includeTips: false,
        mode: 'whole',
        tenders: [
          { method: 'card', amountMinor: 500 },
          { method: 'cash', amountMinor: 360 },
        ],
        reason: 'cold coffee',
        expectGivenMinor: 860,
      },
      options: { commandId: 'command-2' },
    });
  });

  it('asks again when the tab changes under it (a refund on another till), and sends only what the preview now shows', async () => {
    fake.reply('tab.refundQuote', priced(860, [card(500), cash(360)]));
    const onDone = vi.fn();
    const { rerender } = render(<RefundPanel refundable={refundable} store={testStore()} onDone={onDone} onCancel={vi.fn()} />);
    expect(await screen.findByRole('button', { name: 'Give back €8.60' })).toBeTruthy();
    expect(fake.calls('tab.refundQuote')).toHaveLength(1);

    fake.reply('tab.refundQuote', priced(360, [cash(360)]));
    const after: Refundable = {
      ...refundable,
      refundedMinor: 500,
      leftMinor: 360,
      tenders: [{ ...refundable.tenders[0]!, refundedMinor: 500, leftMinor: 0 }, refundable.tenders[1]!],
    };
    rerender(<RefundPanel refundable={after} store={testStore()} onDone={onDone} onCancel={vi.fn()} />);
    expect(await screen.findByRole('button', { name: 'Give back €3.60' })).toBeTruthy();
    expect(fake.calls('tab.refundQuote')).toHaveLength(2);

    fake.reply('tab.refund', { refundId: 6 } as RefundResult);
    fireEvent.change(screen.getByRole('textbox', { name: 'Why is it refunded?' }), { target: { value: 'cold' } });
    fireEvent.click(screen.getByRole('button', { name: 'Give back €3.60' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(fake.calls('tab.refund').at(-1)).toEqual({
      input: { tabId: 7, includeTips: false, mode: 'whole', tenders: [{ method: 'cash', amountMinor: 360 }], reason: 'cold', expectGivenMinor: 360 },
      options: { commandId: 'command-1' },
    });
  });

  it('by line: steps units of each line within what is left, the comped unit apart, and asks the ledger for exactly those', async () => {
    fake.reply('tab.refundQuote', priced(860, [card(500), cash(360)]));
    panel();
    fireEvent.click(screen.getByRole('button', { name: 'Some items' }));
    expect(await screen.findByText('Choose the units to give back.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'One less Latte' }).hasAttribute('disabled')).toBe(true);
    fake.reply('tab.refundQuote', priced(440, [card(440)], { mode: 'lines', lines: [{ lineId: 3, name: 'Latte', comped: false, qty: 1, amountMinor: 440 }] }));
    fireEvent.click(screen.getByRole('button', { name: 'One more Latte' }));
    expect(screen.getByRole('button', { name: 'One more Latte' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByText('€2.20 each', { exact: false })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'One more Latte (with a comp)' }));
    await waitFor(() =>
      expect(fake.inputs('tab.refundQuote').at(-1)).toEqual({
        tabId: 7,
        includeTips: false,
        mode: 'lines',
        lines: [
          { lineId: 3, comped: true, qty: 1 },
          { lineId: 3, comped: false, qty: 1 },
        ],
      }),
    );
    expect(screen.getByRole('status', { name: 'Units of Latte to give back' }).textContent).toBe('1');
  });

  it('by amount: a typed amount that is not one is said beside the field; a refusal of the quote too; one tender chosen puts it all there', async () => {
    fake.reply('tab.refundQuote', priced(860, [card(500), cash(360)]));
    panel();
    fireEvent.click(screen.getByRole('button', { name: 'An amount' }));
    const amount = screen.getByRole('textbox', { name: /Amount to give back/ });
    fireEvent.change(amount, { target: { value: 'abc' } });
    expect(await screen.findByText(/not an amount/i)).toBeTruthy();
    expect(amount.getAttribute('aria-invalid')).toBe('true');

    fake.fail('tab.refundQuote', {
      code: 'overpayment',
      message: 'only €8.60 is left to refund on this tab',
      key: 'errors.refund.amountOver',
      params: { amount: '€8.60' },
      field: 'amountMinor',
    });
    fireEvent.change(amount, { target: { value: '9' } });
    expect(await screen.findByText('Only €8.60 is left to refund on this tab')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Refund' }).hasAttribute('disabled')).toBe(true);

    fake.reply('tab.refundQuote', priced(320, [cash(320)]));
    fireEvent.change(amount, { target: { value: '3.20' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cash (up to €3.60)' }));
    await waitFor(() =>
      expect(fake.inputs('tab.refundQuote').at(-1)).toEqual({
        tabId: 7,
        includeTips: false,
        mode: 'amount',
        amountMinor: 320,
        tenders: [{ method: 'cash', amountMinor: 320 }],
      }),
    );
    expect(await screen.findByRole('button', { name: 'Give back €3.20' })).toBeTruthy();
  });

  it('gives the tips back only when ticked, and says whose they were', async () => {
    fake.reply('tab.refundQuote', priced(860, [card(500), cash(360)]));
    panel();
    await within(preview()).findByText('Refund on the card terminal');
    fake.reply('tab.refundQuote', priced(860, [card(500, 100), cash(360)], { tipMinor: 100, tips: [{ staffId: 2, staffName: 'Kim', tipMinor: 100 }] }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Also give back the tips (€1.00)' }));
    await waitFor(() => expect(fake.inputs('tab.refundQuote').at(-1)).toEqual({ tabId: 7, includeTips: true, mode: 'whole' }));
    expect((await within(preview()).findByText('Tips')).nextElementSibling?.textContent).toBe('Kim: €1.00');
    expect(screen.getByRole('button', { name: 'Give back €9.60' })).toBeTruthy();
  });
});
