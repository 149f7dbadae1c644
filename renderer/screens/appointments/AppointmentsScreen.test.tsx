// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Customer } from '../../../shared/customer-types';
import type { Appointment, AppointmentDay, AppointmentDetail, DepositPolicy } from '../../../shared/salon-types';
import type { CatalogItem, Staff } from '../../../shared/types';
import { CurrentStaffContext } from '../../hooks/current-staff';
import { fake } from '../../test-support/fake-api';
import { testStore } from '../../test-support/store';
import { AppointmentsScreen } from './AppointmentsScreen';

vi.mock('../../api', () => import('../../test-support/fake-api'));

const policy: DepositPolicy = { mode: 'fixed', fixedMinor: 1000, percent: 0, freeCancelHours: 24, forfeitPercent: 100 };
const owner: Staff = { id: 1, name: 'Olga', role: 'owner' };
const staff = [
  { id: 1, name: 'Olga' },
  { id: 2, name: 'Ben' },
];
const cut: CatalogItem = {
  id: 11,
  categoryId: null,
  name: 'Cut and style',
  kind: 'service',
  priceMinor: 4500,
  rateMilli: 0,
  expectText: 'Shape kept 6 weeks.',
  durationMinutes: 45,
  archived: false,
};
const latte: CatalogItem = { ...cut, id: 12, name: 'Latte', kind: 'product', durationMinutes: null, expectText: '' };
const ana: Customer = {
  id: 5,
  name: 'Ana Lima',
  phone: '555 0101',
  email: null,
  notes: null,
  contactOk: false,
  archivedAt: null,
  erasedAt: null,
  mergedInto: null,
  createdAt: '2026-12-01T09:00:00Z',
  updatedAt: '2026-12-01T09:00:00Z',
} as Customer;
// A Monday far ahead: booked, not started, and a cancellation today is in time.
const booked: Appointment = {
  id: 40,
  customerId: 5,
  customerName: 'Ana Lima',
  staffId: 2,
  staffName: 'Ben',
  date: '2030-12-02',
  startMinute: 600,
  endMinute: 645,
  status: 'booked',
  services: [{ itemId: 11, name: 'Cut and style', priceMinor: 4500, durationMinutes: 45, expectText: 'Shape kept 6 weeks.' }],
  note: '',
  tabId: null,
  token: null,
  depositHeldMinor: 1000,
  createdAt: '2026-12-01T09:00:00Z',
  updatedAt: '2026-12-01T09:00:00Z',
};
const detail: AppointmentDetail = {
  ...booked,
  policy,
  cancelInTime: false,
  deposits: [
    {
      id: 3,
      customerId: 5,
      appointmentId: 40,
      fromDepositId: null,
      amountMinor: 1000,
      method: 'cash',
      status: 'held',
      appliedMinor: 0,
      refundedMinor: 0,
      forfeitedMinor: 0,
      keptMinor: 0,
      tabId: null,
      takenAt: '2026-12-01T09:00:00Z',
      takenBusinessDate: '2026-12-01',
      closedAt: null,
      reason: null,
    },
  ],
};

function dayOf(date: string, appointments: Appointment[] = []): AppointmentDay {
  const hours = testStore().openingHours[(new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7] ?? null;
  return { date, hours, staff, appointments };
}

function Where() {
  const location = useLocation();
  return <output data-testid="where">{location.search}</output>;
}

function renderAt(search: string) {
  render(
    <CurrentStaffContext.Provider value={owner}>
      <MemoryRouter initialEntries={[`/appointments${search}`]}>
        <Routes>
          <Route
            path="/appointments"
            element={
              <>
                <AppointmentsScreen />
                <Where />
              </>
            }
          />
          <Route path="/tab/:tabId" element={<p>tab screen</p>} />
        </Routes>
      </MemoryRouter>
    </CurrentStaffContext.Provider>,
  );
}

describe('AppointmentsScreen', () => {
  beforeEach(() => {
    fake.reply('store.get', testStore({ depositPolicy: policy }));
    fake.handle('appointment.day', ({ date }) => ({ ok: true, value: dayOf(date, date === booked.date ? [booked] : []) }));
    fake.reply('appointment.get', detail);
    fake.reply('catalog.list', { categories: [], items: [cut, latte] });
    fake.reply('drawer.get', { session: null, lastClosed: null, denominations: [] });
    fake.reply('customer.search', [ana]);
    fake.reply('appointment.cancel', { ...detail, status: 'late_cancel' });
    fake.reply('appointment.checkIn', { appointment: { ...detail, status: 'checked_in' }, tabId: 77, token: 4 });
    fake.reply('appointment.update', { ...detail, startMinute: 660, endMinute: 705 });
  });
  afterEach(cleanup);

  it('shows one column per staff member with each booking from its start, and opens it', async () => {
    renderAt(`?date=${booked.date}`);
    const grid = await screen.findByRole('group', { name: /Appointments on/ });
    expect(
      within(grid)
        .getAllByRole('heading')
        .map((h) => h.textContent),
    ).toEqual(['Olga', 'Ben']);
    const card = within(grid).getByRole('button', { name: /10:00–10:45 Ana Lima: Cut and style/ });
    // Ben's column is the third grid column (the times are the first); 10:00 is row 14 of a 09:00 grid.
    expect(card.style.gridColumn).toBe('3');
    expect(card.style.gridRow).toBe('14 / 23');
    expect(within(grid).getByRole('button', { name: 'Book Ben at 10:00' })).toBeTruthy();
    fireEvent.click(card);
    await screen.findByRole('dialog', { name: /Ana Lima/ });
    expect(screen.getByTestId('where').textContent).toContain('open=40');
    expect(screen.getByText('Shape kept 6 weeks.')).toBeTruthy();
  });

  it('says a closed day is closed and moves to the next open day', async () => {
    renderAt('?date=2030-12-01'); // a Sunday, closed in the test store
    await screen.findByText(/The store is closed on/);
    fireEvent.click(screen.getByRole('button', { name: /Next open day/ }));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toContain('date=2030-12-02'));
    await screen.findByRole('group', { name: /Appointments on/ });
  });

  it('books a customer: the end follows the services, the deposit by card, and a refusal sits beside the start', async () => {
    fake.answer(
      'appointment.book',
      { ok: false, error: { code: 'conflict', message: 'overlap', key: 'errors.field.minuteOfDay', field: 'startMinute' } },
      { ok: true, value: detail },
    );
    renderAt(`?date=${booked.date}&book=1&at=660&bookStaff=2`);
    const form = await screen.findByRole('dialog', { name: 'Book an appointment' });
    fireEvent.click(await within(form).findByRole('button', { name: 'Book for Ana Lima' }));
    expect(within(form).getByTestId('booking-customer').textContent).toBe('Ana Lima');
    // A product is never offered for booking.
    expect(within(form).queryByRole('button', { name: /Latte/ })).toBeNull();
    fireEvent.click(await within(form).findByRole('button', { name: /Cut and style/ }));
    expect(within(form).getByTestId('booking-span').textContent).toBe('45 min, 11:00 to 11:45');
    expect(within(form).getByText('Deposit: €10.00')).toBeTruthy();
    fireEvent.click(within(form).getByRole('radio', { name: 'Card' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Book' }));
    const time = within(form).getByRole('combobox', { name: 'Start' });
    await waitFor(() => expect(time.getAttribute('aria-invalid')).toBe('true'));
    expect(fake.calls('appointment.book')).toContainEqual({
      input: { customerId: 5, staffId: 2, date: booked.date, startMinute: 660, itemIds: [11], note: '', deposit: { method: 'card', reference: '' } },
      options: { commandId: 'command-1' },
    });
    fireEvent.change(time, { target: { value: '690' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Book' }));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toContain('open=40'));
    expect(fake.inputs('appointment.book')[1]).toMatchObject({ startMinute: 690 });
  });

  it('says a late cancellation keeps the deposit before it is done, and offers no no-show before the start', async () => {
    renderAt(`?date=${booked.date}&open=40`);
    const panel = await screen.findByRole('dialog', { name: /Ana Lima/ });
    expect(within(panel).queryByRole('button', { name: 'No-show' })).toBeNull();
    expect(within(panel).getByText(/A no-show can be marked once the start time \(10:00\)/)).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: 'Cancel the appointment' }));
    const cancel = await screen.findByRole('dialog', { name: 'Cancel the appointment' });
    expect(within(cancel).getByTestId('cancel-timing').textContent).toBe('This is late (less than 24 h before the start).');
    expect(within(cancel).getByTestId('close-outcome').textContent).toBe('Of the deposit of €10.00, €10.00 is kept and €0.00 is refunded by Cash.');
    // Refunding anyway needs a reason, asked beside the field before anything is sent.
    fireEvent.click(within(cancel).getByRole('checkbox', { name: /Refund it all anyway/ }));
    expect(within(cancel).getByTestId('close-outcome').textContent).toBe('The deposit of €10.00 is refunded by Cash.');
    fireEvent.click(within(cancel).getByRole('button', { name: 'Cancel it' }));
    expect(await within(cancel).findByText('Say why the deposit is refunded anyway.')).toBeTruthy();
    expect(fake.calls('appointment.cancel')).toHaveLength(0);
    fireEvent.change(within(cancel).getByRole('textbox', { name: 'Why is it refunded?' }), { target: { value: 'Family emergency' } });
    fireEvent.click(within(cancel).getByRole('button', { name: 'Cancel it' }));
    await waitFor(() =>
      expect(fake.calls('appointment.cancel')).toContainEqual({
        input: { appointmentId: 40, expectInTime: false, refundAnyway: 'Family emergency' },
        options: { commandId: 'command-1' },
      }),
    );
  });

  it('a cancel confirmed after the free window closed: the refusal sits beside the button, and the outcome is read again before a second confirm', async () => {
    fake.answer('appointment.get', { ok: true, value: { ...detail, cancelInTime: true } }, { ok: true, value: detail });
    const message = 'the free cancellation window closed at 10:00; nothing was changed. Look at what a late cancel does now and confirm again';
    fake.answer(
      'appointment.cancel',
      { ok: false, error: { code: 'cancel_timing_changed', message, key: 'errors.cancelWindowClosed', params: { time: '10:00' }, field: 'expectInTime' } },
      { ok: true, value: { ...detail, status: 'late_cancel' } },
    );
    renderAt(`?date=${booked.date}&open=40`);
    const panel = await screen.findByRole('dialog', { name: /Ana Lima/ });
    fireEvent.click(within(panel).getByRole('button', { name: 'Cancel the appointment' }));
    const cancel = await screen.findByRole('dialog', { name: 'Cancel the appointment' });
    expect(within(cancel).getByTestId('close-outcome').textContent).toBe('The deposit of €10.00 is refunded by Cash.');
    fireEvent.click(within(cancel).getByRole('button', { name: 'Cancel it' }));
    expect(
      await within(cancel).findByText(
        'The free cancellation window closed at 10:00; nothing was changed. Look at what a late cancel does now and confirm again',
      ),
    ).toBeTruthy();
    expect(fake.calls('appointment.cancel')).toContainEqual({ input: { appointmentId: 40, expectInTime: true }, options: { commandId: 'command-1' } });
    // Read again: now late, the form says what a late cancel keeps.
    await waitFor(() => expect(within(cancel).getByTestId('cancel-timing').textContent).toBe('This is late (less than 24 h before the start).'));
    expect(within(cancel).getByTestId('close-outcome').textContent).toBe('Of the deposit of €10.00, €10.00 is kept and €0.00 is refunded by Cash.');
    fireEvent.click(within(cancel).getByRole('button', { name: 'Cancel it' }));
    await waitFor(() =>
      expect(fake.calls('appointment.cancel').at(-1)).toEqual({ input: { appointmentId: 40, expectInTime: false }, options: expect.anything() }),
    );
  });

  it('moving a booking sends its services only when they change', async () => {
    renderAt(`?date=${booked.date}&open=40`);
    const panel = await screen.findByRole('dialog', { name: /Ana Lima/ });
    fireEvent.click(within(panel).getByRole('button', { name: 'Change' }));
    const form = await screen.findByRole('dialog', { name: 'Change the appointment' });
    await within(form).findByRole('button', { name: /Cut and style/ });
    fireEvent.change(within(form).getByRole('combobox', { name: 'Start' }), { target: { value: '660' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(fake.calls('appointment.update')).toHaveLength(1));
    expect(fake.inputs('appointment.update')[0]).toEqual({ appointmentId: 40, staffId: 2, date: booked.date, startMinute: 660, note: '' });
  });

  it('offers to take a deposit only when the booking’s own policy asks for one', async () => {
    const unpaid = { ...detail, depositHeldMinor: 0, deposits: [] };
    fake.reply('appointment.get', { ...unpaid, policy: { ...policy, mode: 'none' } });
    renderAt(`?date=${booked.date}&open=40`);
    const panel = await screen.findByRole('dialog', { name: /Ana Lima/ });
    // The store asks 10.00 now; the booking was made under "no deposit".
    expect(within(panel).getByRole('button', { name: 'Check in' })).toBeTruthy();
    expect(within(panel).queryByRole('button', { name: 'Take deposit' })).toBeNull();
    cleanup();
    fake.reply('appointment.get', { ...unpaid, policy: { ...policy, fixedMinor: 700 } });
    renderAt(`?date=${booked.date}&open=40`);
    const again = await screen.findByRole('dialog', { name: /Ana Lima/ });
    fireEvent.click(await within(again).findByRole('button', { name: 'Take deposit' }));
    expect(await screen.findByRole('button', { name: 'Take €7.00' })).toBeTruthy();
  });

  it('shows one person’s week from its Monday, a closed day marked closed', async () => {
    fake.handle('appointment.week', ({ staffId }) => ({
      ok: true,
      value: {
        staff: staff.find((s) => s.id === staffId)!,
        days: Array.from({ length: 7 }, (_, i) => {
          const date = `2030-12-0${2 + i}`;
          return { date, hours: dayOf(date).hours, appointments: date === booked.date ? [booked] : [] };
        }),
      },
    }));
    renderAt(`?date=2030-12-04&view=week&staff=2`);
    const grid = await screen.findByRole('group', { name: "Ben's week" });
    expect(fake.inputs('appointment.week')).toContainEqual({ staffId: 2, from: '2030-12-02' });
    expect(within(grid).getAllByRole('heading')).toHaveLength(7);
    expect(within(grid).getByText('Closed')).toBeTruthy();
    expect(within(grid).getByRole('button', { name: /Ana Lima: Cut and style/ }).style.gridColumn).toBe('2');
  });

  it('checks in and goes to the new tab', async () => {
    renderAt(`?date=${booked.date}&open=40`);
    const panel = await screen.findByRole('dialog', { name: /Ana Lima/ });
    fireEvent.click(within(panel).getByRole('button', { name: 'Check in' }));
    await screen.findByText('tab screen');
    expect(fake.calls('appointment.checkIn')).toContainEqual({ input: { appointmentId: 40 }, options: { commandId: 'command-1' } });
  });
});
