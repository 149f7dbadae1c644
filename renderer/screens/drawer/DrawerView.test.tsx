// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DrawerSession, DrawerState } from '../../../shared/closing-types';
import { fake } from '../../test-support/fake-api';
import { figureRows } from '../../test-support/figures';
import { testStore } from '../../test-support/store';
import { DrawerView } from './DrawerScreen';

vi.mock('../../api', () => import('../../test-support/fake-api'));

const store = testStore();
const euro = [5000, 2000, 1000, 500, 200, 100, 50];

function session(patch: Partial<DrawerSession> = {}): DrawerSession {
  return {
    id: 3,
    status: 'open',
    openedAt: '2026-09-14T08:00:00.000Z',
    openedBy: 'Owner',
    floatMinor: 10000,
    floatCounts: null,
    movements: [],
    paidInMinor: 0,
    paidOutMinor: 450,
    cashInMinor: null,
    depositsInMinor: null,
    depositsOutMinor: null,
    expectedMinor: null,
    countedMinor: null,
    countedCounts: null,
    varianceMinor: null,
    firstCountMinor: null,
    countedAt: null,
    countedBy: null,
    varianceReason: null,
    closedAt: null,
    signedOffBy: null,
    businessDate: null,
    ...patch,
  };
}

const counted = session({
  status: 'counted',
  cashInMinor: 1270,
  expectedMinor: 10820,
  countedMinor: 10800,
  varianceMinor: -20,
  countedAt: '2026-09-14T20:00:00.000Z',
  countedBy: 'Owner',
});

function show(state: Partial<DrawerState>) {
  render(
    <MemoryRouter>
      <DrawerView state={{ session: null, lastClosed: null, denominations: euro, ...state }} store={store} />
    </MemoryRouter>,
  );
}

afterEach(cleanup);

describe('opening the drawer', () => {
  it('counts the float note by note with a running total, and sends the counts', async () => {
    fake.reply('drawer.open', { session: session(), lastClosed: null, denominations: euro });
    show({});
    const form = screen.getByRole('form', { name: 'Open the drawer' });
    const grid = within(form).getByRole('group', { name: 'Notes and coins' });
    expect(within(grid).getAllByRole('textbox')).toHaveLength(euro.length);
    fireEvent.change(within(form).getByRole('textbox', { name: 'How many €20.00' }), { target: { value: '2' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'How many €0.50' }), { target: { value: '3' } });
    expect(within(form).getByRole('status').textContent).toBe('Counted so far: €41.50');
    fireEvent.click(within(form).getByRole('button', { name: 'Open the drawer with €41.50' }));
    await waitFor(() => expect(fake.calls('drawer.open')).toHaveLength(1));
    expect(fake.inputs('drawer.open')[0]).toEqual({
      float: {
        kind: 'denominations',
        counts: [
          { denominationMinor: 2000, qty: 2 },
          { denominationMinor: 50, qty: 3 },
        ],
      },
    });
  });

  it('refuses a quantity that is not a whole number without sending anything', () => {
    show({});
    const form = screen.getByRole('form', { name: 'Open the drawer' });
    const tens = within(form).getByRole('textbox', { name: 'How many €10.00' });
    fireEvent.change(tens, { target: { value: '1.5' } });
    fireEvent.submit(form);
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([
      'Count €10.00 as a whole number from 0 to 100000',
      'Nothing was sent: fix the counts marked in red.',
    ]);
    expect(tens.getAttribute('aria-invalid')).toBe('true');
    expect(fake.calls('drawer.open')).toHaveLength(0);
  });

  it('names no amount on the button until the float can be sent, and refuses a negative one by its field', () => {
    show({});
    const form = screen.getByRole('form', { name: 'Open the drawer' });
    fireEvent.click(within(form).getByRole('button', { name: 'As a total' }));
    const total = within(form).getByRole('textbox', { name: 'Total in the drawer' });
    expect(within(form).getByRole('button', { name: 'Open the drawer' })).toBeTruthy();
    fireEvent.change(total, { target: { value: '-100.00' } });
    expect(within(form).queryByRole('button', { name: /100/ })).toBeNull();
    expect(within(form).getByRole('status').textContent).toBe('');
    fireEvent.click(within(form).getByRole('button', { name: 'Open the drawer' }));
    const alert = within(form).getByRole('alert');
    expect(alert.textContent).toBe('A total in the drawer cannot be below zero');
    expect(total.closest('label')?.nextElementSibling).toBe(alert);
    expect(total.getAttribute('aria-invalid')).toBe('true');
    expect(fake.calls('drawer.open')).toHaveLength(0);
    fireEvent.change(total, { target: { value: '100' } });
    expect(within(form).queryByRole('alert')).toBeNull();
    expect(within(form).getByRole('button', { name: 'Open the drawer with €100.00' })).toBeTruthy();
  });

  it('counts as a total when asked, and only as a total for a currency without a note list', async () => {
    fake.reply('drawer.open', { session: session(), lastClosed: null, denominations: [] });
    show({ denominations: [] });
    const form = screen.getByRole('form', { name: 'Open the drawer' });
    expect(within(form).queryByRole('group', { name: 'How to count' })).toBeNull();
    expect(within(form).getByText('There is no list of notes and coins for EUR here, so count the drawer as a total.')).toBeTruthy();
    fireEvent.change(within(form).getByRole('textbox', { name: 'Total in the drawer' }), { target: { value: '150' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Open the drawer with €150.00' }));
    await waitFor(() =>
      expect(fake.calls('drawer.open')).toContainEqual({ input: { float: { kind: 'total', totalMinor: 15000 } }, options: { commandId: 'command-1' } }),
    );
  });
});

describe('an open drawer', () => {
  it('keeps the count blind: no expected amount before the count is entered', async () => {
    fake.reply('drawer.count', { session: counted, lastClosed: null, denominations: euro });
    show({
      session: session({ movements: [{ id: 1, kind: 'paid_out', amountMinor: 450, reason: 'Milk', at: '2026-09-14T10:00:00.000Z', staffName: 'Owner' }] }),
    });
    expect(screen.getByRole('list', { name: 'Paid in and out' }).textContent).toContain('Paid out €4.50: Milk');
    fireEvent.click(screen.getByRole('button', { name: 'Close the drawer' }));
    const form = screen.getByRole('form', { name: 'Count the drawer' });
    expect(screen.queryByText('Expected')).toBeNull();
    fireEvent.click(within(form).getByRole('button', { name: 'As a total' }));
    fireEvent.change(within(form).getByRole('textbox', { name: 'Total in the drawer' }), { target: { value: '108' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Enter the count: €108.00' }));
    await waitFor(() =>
      expect(fake.calls('drawer.count')).toContainEqual({ input: { count: { kind: 'total', totalMinor: 10800 } }, options: { commandId: 'command-1' } }),
    );
  });

  it('records a paid out with its reason and puts a refused amount by the amount field', async () => {
    fake.fail('drawer.move', { code: 'invalid_input', key: 'errors.drawer.paidOutTooMuch', message: 'too much', field: 'amountMinor' });
    show({ session: session() });
    const form = screen.getByRole('form', { name: 'Pay in or pay out' });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Amount' }), { target: { value: '500' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /^Reason/ }), { target: { value: 'Rent' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record paid out' }));
    const alert = await within(form).findByRole('alert');
    expect(fake.inputs('drawer.move')[0]).toEqual({ kind: 'paid_out', amountMinor: 50000, reason: 'Rent' });
    expect(alert.textContent).toBe('The drawer does not hold that much cash');
    expect(within(form).getByRole('textbox', { name: 'Amount' }).closest('label')?.nextElementSibling).toBe(alert);
  });
});

describe('a counted drawer', () => {
  it('shows expected against counted and the variance in words, and needs a reason to sign off', async () => {
    show({ session: counted });
    const figures = screen.getByLabelText('Counted against expected', { selector: 'dl' });
    expect(figures.textContent).toContain('Expected€108.20');
    expect(figures.textContent).toContain('Counted€108.00');
    expect(figures.textContent).toContain('Variance−€0.20');
    expect(screen.getByText('The drawer is €0.20 short.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Sign off the drawer' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Say why the drawer is over or short before signing off');
    expect(fake.calls('drawer.close')).toHaveLength(0);
  });

  it('says in plain words, beside the button, that a manager has to sign off', async () => {
    fake.fail('drawer.close', {
      code: 'forbidden',
      key: 'errors.forbidden',
      params: { staff: 'Kim', role: 'staff', permission: 'drawer.signOff' },
      message: 'Kim (staff) may not do this',
    });
    show({ session: counted });
    fireEvent.change(screen.getByRole('textbox', { name: 'Why is it over or short?' }), { target: { value: 'Coin dropped' } });
    const button = screen.getByRole('button', { name: 'Sign off the drawer' });
    fireEvent.click(button);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Kim (staff) cannot sign off a drawer: a manager or the owner has to.');
    expect(button.closest('.form-actions')?.nextElementSibling).toBe(alert);
    expect(fake.calls('drawer.close')).toContainEqual({ input: { varianceReason: 'Coin dropped' }, options: { commandId: 'command-1' } });
  });

  it('keeps a recount blind: expected, cash taken, the counts and the variance stay hidden until it is entered', async () => {
    const twice: DrawerSession = { ...counted, countedMinor: 10010, varianceMinor: -810, firstCountMinor: 10800 };
    const thrice: DrawerSession = { ...twice, countedMinor: 10820, varianceMinor: 0 };
    fake.reply('drawer.count', { session: thrice, lastClosed: null, denominations: euro });
    render(
      <MemoryRouter>
        <Live initial={{ session: twice, lastClosed: null, denominations: euro }} />
      </MemoryRouter>,
    );
    fireEvent.change(screen.getByRole('textbox', { name: 'Why is it over or short?' }), { target: { value: 'Recounted' } });
    fireEvent.click(screen.getByRole('button', { name: 'Count again' }));
    const recount = screen.getByRole('form', { name: 'Count again' });
    const page = document.body.textContent ?? '';
    for (const hidden of [
      'Expected',
      'Cash taken',
      'Counted against',
      'Counted by',
      'Variance',
      '€108.20',
      '€108.00',
      '€100.10',
      '€12.70',
      'short',
      'Counted twice',
    ]) {
      expect(page).not.toContain(hidden);
    }
    expect(screen.queryByRole('form', { name: 'Sign off the drawer' })).toBeNull();
    // What went in and out by hand is no secret: the first blind count shows it too.
    expect(screen.getByLabelText('Cash drawer', { selector: 'dl' }).textContent).toBe('Float€100.00Paid in€0.00Paid out€4.50');

    fireEvent.click(within(recount).getByRole('button', { name: 'As a total' }));
    fireEvent.change(within(recount).getByRole('textbox', { name: 'Total in the drawer' }), { target: { value: '108.20' } });
    fireEvent.click(within(recount).getByRole('button', { name: 'Enter the count: €108.20' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Count again' })).toBeNull());
    act(() => live.set({ session: thrice, lastClosed: null, denominations: euro }));
    const figures = screen.getByLabelText('Counted against expected', { selector: 'dl' });
    expect(figures.textContent).toContain('Expected€108.20');
    expect(figures.textContent).toContain('Counted€108.20');
    expect(screen.getByText('The drawer is exact.')).toBeTruthy();
    expect(screen.getByText('Counted twice: first count €108.00')).toBeTruthy();
    // The note typed before counting again is still there for the sign-off.
    expect((screen.getByRole('textbox', { name: 'Note (optional)' }) as HTMLInputElement).value).toBe('Recounted');
  });

  it('allows a recount before the sign-off, then shows the closed drawer after it', async () => {
    const recounted: DrawerSession = { ...counted, countedMinor: 10000, varianceMinor: -820, firstCountMinor: 10800 };
    const closed: DrawerSession = {
      ...recounted,
      status: 'closed',
      varianceReason: 'Coin dropped',
      closedAt: '2026-09-14T20:05:00.000Z',
      signedOffBy: 'Owner',
    };
    const after: DrawerState = { session: null, lastClosed: closed, denominations: euro };
    fake.reply('drawer.count', { session: counted, lastClosed: null, denominations: euro });
    fake.reply('drawer.close', after);
    render(
      <MemoryRouter>
        <Live initial={{ session: counted, lastClosed: null, denominations: euro }} />
      </MemoryRouter>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Count again' }));
    const recount = screen.getByRole('form', { name: 'Count again' });
    fireEvent.change(within(recount).getByRole('textbox', { name: 'How many €50.00' }), { target: { value: '2' } });
    fireEvent.click(within(recount).getByRole('button', { name: 'Enter the count: €100.00' }));
    await waitFor(() =>
      expect(fake.calls('drawer.count')).toContainEqual({
        input: { count: { kind: 'denominations', counts: [{ denominationMinor: 5000, qty: 2 }] } },
        options: { commandId: 'command-1' },
      }),
    );
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Count again' })).toBeNull());

    // The drawer.changed event brings the recounted session, which keeps the first count.
    expect(screen.queryByText(/^Counted twice/)).toBeNull();
    act(() => live.set({ session: recounted, lastClosed: null, denominations: euro }));
    expect(screen.getByText('Counted twice: first count €108.00')).toBeTruthy();
    expect(screen.getByLabelText('Counted against expected', { selector: 'dl' }).textContent).toContain('Counted€100.00');

    fireEvent.change(screen.getByRole('textbox', { name: 'Why is it over or short?' }), { target: { value: 'Coin dropped' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign off the drawer' }));
    await waitFor(() => expect(fake.calls('drawer.close')).toHaveLength(1));
    // The drawer.changed event brings the new state a moment later.
    act(() => live.set(after));
    expect(await screen.findByRole('heading', { name: 'Drawer closed' })).toBeTruthy();
    expect(screen.getByText('Reason: Coin dropped')).toBeTruthy();
    expect(screen.getByText('Counted twice: first count €108.00')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to the reports' }).getAttribute('href')).toBe('/reports');
    fireEvent.click(screen.getByRole('button', { name: 'Open a new drawer' }));
    expect(screen.getByRole('form', { name: 'Open the drawer' })).toBeTruthy();
  });
});

/** Each label and amount of a list of figures, as shown. */
describe('cash deposits in the drawer', () => {
  it('shows deposits taken and refunded in cash between cash taken and paid in, so the rows add up to expected', () => {
    // 100.00 + 12.70 + 30.00 - 10.00 + 0.00 - 4.50 = 128.20
    show({ session: { ...counted, depositsInMinor: 3000, depositsOutMinor: 1000, expectedMinor: 12820, countedMinor: 12820, varianceMinor: 0 } });
    expect(figureRows(screen.getByLabelText('Counted against expected', { selector: 'dl' }))).toEqual([
      ['Float', '€100.00'],
      ['Cash taken', '€12.70'],
      ['Deposits in', '€30.00'],
      ['Deposits out', '€10.00'],
      ['Paid in', '€0.00'],
      ['Paid out', '€4.50'],
      ['Expected', '€128.20'],
      ['Counted', '€128.20'],
      ['Variance', '€0.00'],
    ]);
  });

  it('shows a deposit row only when deposit cash moved: a signed-off drawer with one taken, a café drawer with none', () => {
    const closed: DrawerSession = {
      ...counted,
      status: 'closed',
      depositsInMinor: 1000,
      depositsOutMinor: 0,
      expectedMinor: 11820,
      countedMinor: 11800,
      closedAt: '2026-09-14T20:05:00.000Z',
      signedOffBy: 'Owner',
      varianceReason: 'Coin dropped',
    };
    show({ lastClosed: closed });
    const labels = figureRows(screen.getByLabelText(/^(Drawer closed|Last drawer)$/, { selector: 'dl' })).map(([label]) => label);
    expect(labels).toEqual(['Float', 'Cash taken', 'Deposits in', 'Paid in', 'Paid out', 'Expected', 'Counted', 'Variance']);
    cleanup();
    show({ session: { ...counted, depositsInMinor: 0, depositsOutMinor: 0 } });
    expect(screen.getByLabelText('Counted against expected', { selector: 'dl' }).textContent).not.toContain('Deposits');
  });
});

/** Stands in for the live query: the state the next drawer.changed event would bring. */
const live = { set: (_state: DrawerState): void => undefined };

function Live({ initial }: { initial: DrawerState }) {
  const [state, setState] = useState(initial);
  useEffect(() => {
    live.set = setState;
  }, []);
  return <DrawerView state={state} store={store} />;
}
