// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Appointment } from '../../../shared/salon-types';
import type { CatalogItem, Staff } from '../../../shared/types';
import { CurrentStaffContext } from '../../hooks/current-staff';
import { fake } from '../../test-support/fake-api';
import { testStore } from '../../test-support/store';
import { UpcomingPanel } from './UpcomingPanel';

vi.mock('../../api', () => import('../../test-support/fake-api'));

const staff: Staff = { id: 3, name: 'Ben', role: 'staff' };
const latte: CatalogItem = {
  id: 1,
  categoryId: null,
  name: 'Latte',
  kind: 'product',
  priceMinor: 440,
  rateMilli: 0,
  expectText: '',
  durationMinutes: null,
  archived: false,
};
const cut: CatalogItem = { ...latte, id: 2, name: 'Men’s cut', kind: 'service', durationMinutes: 30 };
const soon: Appointment = {
  id: 8,
  customerId: 5,
  customerName: 'Cleo Park',
  staffId: 3,
  staffName: 'Ben',
  date: '2026-12-05',
  startMinute: 630,
  endMinute: 660,
  status: 'booked',
  services: [{ itemId: 2, name: 'Men’s cut', priceMinor: 3200, durationMinutes: 30, expectText: '' }],
  note: '',
  tabId: null,
  token: null,
  depositHeldMinor: 0,
  createdAt: '2026-12-01T09:00:00Z',
  updatedAt: '2026-12-01T09:00:00Z',
};

function show() {
  return render(
    <CurrentStaffContext.Provider value={staff}>
      <MemoryRouter>
        <UpcomingPanel store={testStore()} />
      </MemoryRouter>
    </CurrentStaffContext.Provider>,
  );
}

describe('UpcomingPanel', () => {
  beforeEach(() => {
    fake.reply('appointment.upcoming', []);
    fake.reply('catalog.list', { categories: [], items: [latte] });
  });
  afterEach(cleanup);

  it('lists the next bookings, each a link to its appointment on the diary', async () => {
    fake.reply('appointment.upcoming', [soon]);
    show();
    const list = await screen.findByRole('list', { name: 'Upcoming appointments' });
    const link = within(list).getByRole('link', { name: '10:30 Cleo Park with Ben: Men’s cut' });
    expect(link.getAttribute('href')).toBe('/appointments?date=2026-12-05&open=8');
  });

  it('gives a café (no service with a duration) no panel at all, and a salon with a quiet hour says so', async () => {
    const cafe = show();
    await vi.waitFor(() => expect(fake.calls('catalog.list').length).toBeGreaterThan(0));
    await new Promise((r) => setTimeout(r, 0));
    expect(cafe.container.textContent).toBe('');
    cleanup();
    fake.reply('catalog.list', { categories: [], items: [latte, cut] });
    show();
    expect(await screen.findByText('No bookings in the next two hours.')).toBeTruthy();
  });
});
