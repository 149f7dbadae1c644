// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DayStatus } from '../../../shared/closing-types';
import { testDayStatus } from '../../test-support/day-status';
import { fake } from '../../test-support/fake-api';
import { CloseDayPanel, isDrawerRefusal } from './CloseDayPanel';
import { testReport } from './test-report';

vi.mock('../../api', () => import('../../test-support/fake-api'));

const status = testDayStatus({ drawerOpen: false });

function show(day: DayStatus = status) {
  render(
    <MemoryRouter initialEntries={['/reports']}>
      <Routes>
        <Route path="/reports" element={<CloseDayPanel status={day} dateText={(d) => `day ${d}`} />} />
        <Route path="/reports/z/:z" element={<p>Z screen</p>} />
        <Route path="/drawer" element={<p>Drawer screen</p>} />
      </Routes>
    </MemoryRouter>,
  );
}

afterEach(cleanup);

describe('CloseDayPanel', () => {
  it('asks first, then closes the oldest open day and shows its Z', async () => {
    fake.reply('day.close', testReport({ zNumber: 7, businessDate: '2026-09-14' }));
    show();
    fireEvent.click(screen.getByRole('button', { name: 'Close day 2026-09-14 (Z)' }));
    expect(screen.getByRole('heading', { name: 'Close day 2026-09-14?' })).toBeTruthy();
    expect(fake.calls('day.close')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Close the day' }));
    expect(await screen.findByText('Z screen')).toBeTruthy();
    expect(fake.calls('day.close')).toContainEqual({ input: { businessDate: '2026-09-14' }, options: { commandId: 'command-1' } });
  });

  it('can be called off without closing anything', () => {
    show();
    fireEvent.click(screen.getByRole('button', { name: 'Close day 2026-09-14 (Z)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Close day 2026-09-14 (Z)' })).toBeTruthy();
    expect(fake.calls('day.close')).toHaveLength(0);
  });

  it('shows a refusal for a drawer opened meanwhile in plain words, with one way to the drawer', async () => {
    fake.fail('day.close', { code: 'drawer_open', key: 'errors.day.drawerOpen', message: 'count the drawer' });
    show();
    fireEvent.click(screen.getByRole('button', { name: 'Close day 2026-09-14 (Z)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Close the day' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Count and sign off the cash drawer before closing the day');
    expect(screen.getAllByRole('link', { name: 'Go to the drawer' })).toHaveLength(1);
    fireEvent.click(screen.getByRole('link', { name: 'Go to the drawer' }));
    expect(screen.getByText('Drawer screen')).toBeTruthy();
  });

  it('disables Close while a drawer is open, with the reason beside it and a single link to the drawer', () => {
    show({ ...status, drawerOpen: true });
    const button = screen.getByRole('button', { name: 'Close day 2026-09-14 (Z)' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    const reason = document.getElementById(button.getAttribute('aria-describedby') ?? '');
    expect(reason?.textContent).toBe('A drawer is open: count it and sign it off before closing the day.');
    expect(button.nextElementSibling).toBe(reason);
    expect(screen.getAllByRole('link', { name: 'Go to the drawer' })).toHaveLength(1);
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(button);
    expect(screen.queryByRole('button', { name: 'Close the day' })).toBeNull();
    expect(fake.calls('day.close')).toHaveLength(0);
  });

  it('does not offer to close a day that has not begun, and says from when it can be closed', () => {
    show({ ...status, nextToClose: '2026-09-16', currentBusinessDate: '2026-09-16', unclosedDates: [], canCloseNext: false, drawerOpen: true });
    expect(screen.queryByRole('button', { name: /\(Z\)$/ })).toBeNull();
    expect(screen.getByText('day 2026-09-16 has not begun yet; it can be closed from 04:00 on that day.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Go to the drawer' })).toBeNull();
  });

  it('words the other refusals from their keys, with no drawer link', async () => {
    fake.fail('day.close', { code: 'conflict', key: 'errors.day.inOrder', params: { date: '2026-09-13' }, message: 'in order', field: 'businessDate' });
    show();
    fireEvent.click(screen.getByRole('button', { name: 'Close day 2026-09-14 (Z)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Close the day' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Days close in order: close 2026-09-13 first'));
    expect(screen.queryByRole('link', { name: 'Go to the drawer' })).toBeNull();
  });

  it('knows which refusals the drawer can fix', () => {
    expect(isDrawerRefusal({ code: 'drawer_open' as never, message: '' })).toBe(true);
    expect(isDrawerRefusal({ code: 'conflict', key: 'errors.day.drawerOpen', message: '' })).toBe(true);
    expect(isDrawerRefusal({ code: 'conflict', key: 'errors.day.inOrder', message: '' })).toBe(false);
    expect(isDrawerRefusal(null)).toBe(false);
  });
});
