// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DayStatus } from '../../../shared/closing-types';
import { CloseDayPanel, isDrawerRefusal } from './CloseDayPanel';
import { testReport } from './test-report';

const close = vi.hoisted(() => vi.fn());
vi.mock('../../api', () => ({ api: { 'day.close': close }, onEvent: () => () => undefined, newCommandId: () => 'command-id-0001' }));

const status: DayStatus = {
  currentBusinessDate: '2026-09-15',
  nextToClose: '2026-09-14',
  canCloseNext: true,
  unclosedDates: ['2026-09-14', '2026-09-15'],
  lastZ: null,
  drawerOpen: false,
  dayBoundaryMinutes: 240,
  timeZone: 'Europe/Dublin',
};

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

beforeEach(() => close.mockReset());
afterEach(cleanup);

describe('CloseDayPanel', () => {
  it('asks first, then closes the oldest open day and shows its Z', async () => {
    close.mockResolvedValue({ ok: true, value: testReport({ zNumber: 7, businessDate: '2026-09-14' }) });
    show();
    fireEvent.click(screen.getByRole('button', { name: 'Close day 2026-09-14 (Z)' }));
    expect(screen.getByRole('heading', { name: 'Close day 2026-09-14?' })).toBeTruthy();
    expect(close).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Close the day' }));
    expect(await screen.findByText('Z screen')).toBeTruthy();
    expect(close).toHaveBeenCalledWith({ businessDate: '2026-09-14' }, { commandId: 'command-id-0001' });
  });

  it('can be called off without closing anything', () => {
    show();
    fireEvent.click(screen.getByRole('button', { name: 'Close day 2026-09-14 (Z)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Close day 2026-09-14 (Z)' })).toBeTruthy();
    expect(close).not.toHaveBeenCalled();
  });

  it('shows a refusal for a drawer opened meanwhile in plain words, with one way to the drawer', async () => {
    close.mockResolvedValue({ ok: false, error: { code: 'drawer_open', key: 'errors.day.drawerOpen', message: 'count the drawer' } });
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
    expect(close).not.toHaveBeenCalled();
  });

  it('does not offer to close a day that has not begun, and says from when it can be closed', () => {
    show({ ...status, nextToClose: '2026-09-16', currentBusinessDate: '2026-09-16', unclosedDates: [], canCloseNext: false, drawerOpen: true });
    expect(screen.queryByRole('button', { name: /\(Z\)$/ })).toBeNull();
    expect(screen.getByText('day 2026-09-16 has not begun yet; it can be closed from 04:00 on that day.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Go to the drawer' })).toBeNull();
  });

  it('words the other refusals from their keys, with no drawer link', async () => {
    close.mockResolvedValue({ ok: false, error: { code: 'conflict', key: 'errors.day.inOrder', params: { date: '2026-09-13' }, message: 'in order', field: 'businessDate' } });
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
