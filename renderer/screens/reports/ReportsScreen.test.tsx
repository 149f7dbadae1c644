// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClosedDay } from '../../../shared/closing-types';
import { testDayStatus } from '../../test-support/day-status';
import { fake } from '../../test-support/fake-api';
import { testStore } from '../../test-support/store';
import { openDays, ReportsScreen } from './ReportsScreen';
import { testReport } from './test-report';

vi.mock('../../api', () => import('../../test-support/fake-api'));

const lastZ: ClosedDay = { zNumber: 6, businessDate: '2026-09-13', closedAt: '2026-09-13T23:00:00.000Z', closedBy: 'Owner', netSalesMinor: 12000 };
const status = testDayStatus({ lastZ });

beforeEach(() => {
  fake.reply('day.status', status);
  fake.reply('store.get', testStore());
  fake.handle('report.x', ({ businessDate }) => ({ ok: true, value: testReport({ kind: 'x', zNumber: null, ...(businessDate ? { businessDate } : {}) }) }));
  fake.reply('report.zList', [lastZ]);
});
afterEach(cleanup);

function show() {
  render(
    <MemoryRouter initialEntries={['/reports']}>
      <ReportsScreen />
    </MemoryRouter>,
  );
}

describe('ReportsScreen', () => {
  it('shows the day trading now, the day that closes next, and that day’s X', async () => {
    show();
    expect(await screen.findByText('Now trading: Tue 15 Sept 2026')).toBeTruthy();
    expect(screen.getByText('Closes next: Mon 14 Sept 2026')).toBeTruthy();
    expect(screen.getByText('A business day ends at 04:00 (Europe/Dublin); later postings belong to the next day.')).toBeTruthy();
    expect(screen.getByText('Last Z: #6 for Sun 13 Sept 2026')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to the drawer' }).getAttribute('href')).toBe('/drawer');
    expect(await screen.findByRole('heading', { name: 'X report · Mon 14 Sept 2026' })).toBeTruthy();
    expect(fake.inputs('report.x')).toContainEqual({ businessDate: '2026-09-14' });
    expect(screen.getByRole('button', { name: 'Close Mon 14 Sept 2026 (Z)' })).toBeTruthy();
    // The day's staff figures come with its X.
    const staff = within(screen.getByRole('region', { name: 'Staff' })).getByRole('table', { name: 'Staff figures' });
    expect(
      within(staff)
        .getAllByRole('row')
        .map((row) => row.firstElementChild?.textContent),
    ).toEqual(['Staff', 'Ana', 'Ben']);
  });

  it('shows the X of another open day when picked, and lists the Zs to open', async () => {
    show();
    const pick = await screen.findByRole('group', { name: 'Which day' });
    fireEvent.click(within(pick).getByRole('button', { name: 'Tue 15 Sept 2026' }));
    expect(await screen.findByRole('heading', { name: 'X report · Tue 15 Sept 2026' })).toBeTruthy();
    await waitFor(() => expect(fake.inputs('report.x')).toContainEqual({ businessDate: '2026-09-15' }));
    const list = await screen.findByRole('table', { name: 'Closed days' });
    expect(within(list).getByRole('link', { name: 'Open Z #6' }).getAttribute('href')).toBe('/reports/z/6');
  });

  it('offers an X for the day trading now even before anything is posted on it', () => {
    expect(openDays({ ...status, unclosedDates: ['2026-09-14'] })).toEqual(['2026-09-14', '2026-09-15']);
    expect(openDays({ ...status, unclosedDates: [], nextToClose: '2026-09-15' })).toEqual(['2026-09-15']);
  });
});
