// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PaymentResult } from '../../../shared/types';
import { fake } from '../../test-support/fake-api';
import { PaymentPanel } from './PaymentPanel';
import type { TipServers } from './tip-share';
import { testStore } from '../../test-support/store';

vi.mock('../../api', () => import('../../test-support/fake-api'));

const store = testStore({ name: 'Test café', taxRates: [{ rateMilli: 10_000, label: 'Standard' }] });

// The panel only hands the result on; what is in it does not matter here.
const paid = { payment: { method: 'card' }, changeMinor: 0 } as unknown as PaymentResult;

function tree(onPaid: () => void, drawerOpen: boolean | null, tipServers?: TipServers) {
  return (
    <MemoryRouter initialEntries={['/tab/7/settle']}>
      <Routes>
        <Route
          path="/tab/7/settle"
          element={<PaymentPanel tabId={7} store={store} partNo={2} amountMinor={590} drawerOpen={drawerOpen} tipServers={tipServers} onPaid={onPaid} />}
        />
        <Route path="/drawer" element={<p>Drawer screen</p>} />
      </Routes>
    </MemoryRouter>
  );
}

function panel(onPaid = vi.fn(), drawerOpen: boolean | null = true) {
  render(tree(onPaid, drawerOpen));
  return onPaid;
}

const pressed = (name: string): string | null => screen.getByRole('button', { name }).getAttribute('aria-pressed');

afterEach(cleanup);

describe('PaymentPanel', () => {
  it('sends a tip preset as a percentage and lets the server compute it', async () => {
    fake.reply('settle.pay', paid);
    const onPaid = panel();
    fireEvent.click(screen.getByRole('button', { name: 'Card' }));
    fireEvent.click(screen.getByRole('button', { name: '15%' }));
    expect(screen.getByText('Tip €0.89')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Taken on the terminal: €6.79' }));
    await waitFor(() => expect(onPaid).toHaveBeenCalled());
    expect(fake.calls('settle.pay')).toContainEqual({
      input: { tabId: 7, partNo: 2, method: 'card', reference: '', tipPercent: 15 },
      options: { commandId: 'command-1' },
    });
  });

  it('fills cash given from a quick tender and previews the change', async () => {
    fake.reply('settle.pay', paid);
    panel();
    const quick = screen.getByRole('group', { name: 'Cash handed over' });
    expect([...quick.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['€5.90', '€10.00', '€20.00', '€50.00']);
    fireEvent.click(screen.getByRole('button', { name: '€10.00' }));
    expect((screen.getByLabelText('Cash given', { exact: false }) as HTMLInputElement).value).toBe('10.00');
    expect(screen.getByText('Change €4.10')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Take €5.90 cash' }));
    await waitFor(() => expect(fake.calls('settle.pay')).toHaveLength(1));
    expect(fake.inputs('settle.pay')[0]).toEqual({ tabId: 7, partNo: 2, method: 'cash', reference: '', tenderedMinor: 1000 });
  });

  it('shows the server error next to the field it names and calls nothing else', async () => {
    fake.fail('settle.pay', { code: 'underpayment', message: 'the cash handed over is less than the 590 minor units owed', field: 'tenderedMinor' });
    const onPaid = panel();
    const cash = screen.getByLabelText('Cash given', { exact: false });
    fireEvent.change(cash, { target: { value: '5' } });
    expect(screen.getByText('€0.90 short')).toBeTruthy();
    fireEvent.submit(cash.closest('form') as HTMLFormElement);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('The cash handed over is less than the 590 minor units owed');
    // The note sits in the cash field's block, right under the input.
    expect(cash.closest('label')?.nextElementSibling).toBe(alert);
    expect(onPaid).not.toHaveBeenCalled();
  });

  it('sends a typed negative tip so the server refuses it next to the tip field', async () => {
    fake.fail('settle.pay', { code: 'invalid_input', message: 'an amount cannot be negative', field: 'tipMinor' });
    panel();
    fireEvent.click(screen.getByRole('button', { name: 'Tip amount' }));
    const tip = screen.getByRole('textbox', { name: 'Tip amount' });
    fireEvent.change(tip, { target: { value: '-1' } });
    fireEvent.submit(tip.closest('form') as HTMLFormElement);
    const alert = await screen.findByRole('alert');
    expect(fake.inputs('settle.pay')[0]).toMatchObject({ tipMinor: -100 });
    expect(alert.textContent).toBe('An amount cannot be negative');
    expect(tip.closest('label')?.nextElementSibling).toBe(alert);
  });

  it('refuses a tip that is not an amount without calling the server', () => {
    panel();
    fireEvent.click(screen.getByRole('button', { name: 'Tip amount' }));
    const tip = screen.getByRole('textbox', { name: 'Tip amount' });
    fireEvent.change(tip, { target: { value: 'lots' } });
    fireEvent.submit(tip.closest('form') as HTMLFormElement);
    expect(screen.getByRole('alert').textContent).toBe('"lots" is not an amount');
    expect(fake.calls('settle.pay')).toHaveLength(0);
  });

  it('puts a cash refusal for want of a drawer by the Cash button, with the way to the drawer', async () => {
    fake.fail('settle.pay', {
      code: 'drawer_closed',
      key: 'errors.drawer.cashNeedsDrawer',
      message: 'cash needs an open drawer; open the drawer first',
      field: 'method',
    });
    const onPaid = panel();
    fireEvent.click(screen.getByRole('button', { name: 'Take €5.90 cash' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Open the cash drawer before taking cash (Drawer → Open the drawer)');
    // Right under the group of methods, not down by the confirm button.
    expect(screen.getByRole('group', { name: 'How they pay' }).nextElementSibling).toBe(alert);
    fireEvent.click(screen.getByRole('link', { name: 'Go to the drawer' }));
    expect(screen.getByText('Drawer screen')).toBeTruthy();
    expect(onPaid).not.toHaveBeenCalled();
  });

  it('preselects Cash while a drawer is open', () => {
    panel(vi.fn(), true);
    expect(pressed('Cash')).toBe('true');
    expect(screen.getByRole('button', { name: 'Take €5.90 cash' })).toBeTruthy();
  });

  it('preselects Card when no drawer is open, once the drawer state arrives, and still lets Cash lead to the drawer', async () => {
    fake.fail('settle.pay', {
      code: 'drawer_closed',
      key: 'errors.drawer.cashNeedsDrawer',
      message: 'cash needs an open drawer; open the drawer first',
      field: 'method',
    });
    const onPaid = vi.fn();
    const { rerender } = render(tree(onPaid, null));
    expect(pressed('Cash')).toBe('true');
    rerender(tree(onPaid, false));
    expect(pressed('Card')).toBe('true');
    expect(pressed('Cash')).toBe('false');
    expect(screen.getByRole('button', { name: 'Taken on the terminal: €5.90' })).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Cash handed over' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Cash' }));
    fireEvent.click(screen.getByRole('button', { name: 'Take €5.90 cash' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Open the cash drawer before taking cash (Drawer → Open the drawer)');
    fireEvent.click(screen.getByRole('link', { name: 'Go to the drawer' }));
    expect(screen.getByText('Drawer screen')).toBeTruthy();
    expect(onPaid).not.toHaveBeenCalled();
  });

  it('keeps the method someone picked when the drawer state changes', () => {
    const onPaid = vi.fn();
    const { rerender } = render(tree(onPaid, true));
    fireEvent.click(screen.getByRole('button', { name: 'Other' }));
    rerender(tree(onPaid, false));
    expect(pressed('Other')).toBe('true');
  });
});

/** Ada rang up 3.00 of the tab and Ben 1.50. */
const twoServers: TipServers = {
  lines: [
    { staffId: 3, chargedMinor: 300 },
    { staffId: 5, chargedMinor: 150 },
  ],
  people: [
    { staffId: 3, name: 'Ada', active: true },
    { staffId: 5, name: 'Ben', active: true },
  ],
};

describe('PaymentPanel: a tip on a tab two people served', () => {
  const shares = (): string[] => [...screen.getByRole('list', { name: 'The tip goes to' }).querySelectorAll('li')].map((li) => li.textContent ?? '');

  it('asks how to share it only once there is a tip, previews the split and sends the way', async () => {
    fake.reply('settle.pay', paid);
    render(tree(vi.fn(), true, twoServers));
    expect(screen.queryByRole('group', { name: 'Who the tip is for' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Card' }));
    fireEvent.click(screen.getByRole('button', { name: '15%' }));
    // 0.89 by 3.00 and 1.50: the odd cent to the larger remainder, as the ledger shares it.
    expect(shares()).toEqual(['Ada €0.59', 'Ben €0.30']);
    fireEvent.click(screen.getByRole('button', { name: 'Evenly' }));
    expect(shares()).toEqual(['Ada €0.45', 'Ben €0.44']);
    fireEvent.click(screen.getByRole('button', { name: 'Taken on the terminal: €6.79' }));
    await waitFor(() => expect(fake.calls('settle.pay')).toHaveLength(1));
    expect(fake.inputs('settle.pay')[0]).toEqual({ tabId: 7, partNo: 2, method: 'card', reference: '', tipPercent: 15, tipSplit: 'even' });
  });

  it('one person: refuses to send until someone is picked, then sends who', async () => {
    fake.reply('settle.pay', paid);
    render(tree(vi.fn(), true, twoServers));
    fireEvent.click(screen.getByRole('button', { name: 'Card' }));
    fireEvent.click(screen.getByRole('button', { name: '10%' }));
    fireEvent.click(screen.getByRole('button', { name: 'One person' }));
    fireEvent.click(screen.getByRole('button', { name: 'Taken on the terminal: €6.49' }));
    expect(screen.getByRole('alert').textContent).toBe('Tap the name of who gets the whole tip');
    expect(fake.calls('settle.pay')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Ben' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(shares()).toEqual(['Ben €0.59']);
    fireEvent.click(screen.getByRole('button', { name: 'Taken on the terminal: €6.49' }));
    await waitFor(() => expect(fake.calls('settle.pay')).toHaveLength(1));
    expect(fake.inputs('settle.pay')[0]).toMatchObject({ tipPercent: 10, tipSplit: 'person', tipStaffId: 5 });
  });

  it('puts a refusal about who gets the tip under the choice', async () => {
    fake.fail('settle.pay', { code: 'not_found', message: 'there is no active staff member #5 to give the tip to', field: 'tipStaffId' });
    render(tree(vi.fn(), true, twoServers));
    fireEvent.click(screen.getByRole('button', { name: 'Card' }));
    fireEvent.click(screen.getByRole('button', { name: '10%' }));
    fireEvent.click(screen.getByRole('button', { name: 'One person' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ben' }));
    fireEvent.click(screen.getByRole('button', { name: 'Taken on the terminal: €6.49' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('There is no active staff member #5 to give the tip to');
    expect(screen.getByRole('group', { name: 'Who gets the whole tip' }).nextElementSibling).toBe(alert);
  });

  it('asks nothing when one person served the whole tab, and sends no way', async () => {
    fake.reply('settle.pay', paid);
    render(tree(vi.fn(), true, { lines: [{ staffId: 3, chargedMinor: 590 }], people: [{ staffId: 3, name: 'Ada', active: true }] }));
    fireEvent.click(screen.getByRole('button', { name: 'Card' }));
    fireEvent.click(screen.getByRole('button', { name: '10%' }));
    expect(screen.queryByRole('group', { name: 'Who the tip is for' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Taken on the terminal: €6.49' }));
    await waitFor(() => expect(fake.calls('settle.pay')).toHaveLength(1));
    expect(fake.inputs('settle.pay')[0]).toEqual({ tabId: 7, partNo: 2, method: 'card', reference: '', tipPercent: 10 });
  });
});
