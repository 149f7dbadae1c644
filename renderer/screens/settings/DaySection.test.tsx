// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../shared/permissions';
import type { StoreSettings } from '../../../shared/types';
import { CurrentStaffContext } from '../../hooks/current-staff';
import { fake } from '../../test-support/fake-api';
import { testStore } from '../../test-support/store';
import { SettingsScreen } from './SettingsScreen';

vi.mock('../../api', () => import('../../test-support/fake-api'));

const afterZ = testStore({ businessDayLocked: true });
const waiting = testStore({ businessDayLocked: true, pendingDay: { timeZone: 'Pacific/Kiritimati', dayBoundaryMinutes: 240 } });

function renderAs(role: Role, store: StoreSettings): void {
  fake.reply('store.get', store);
  fake.reply('device.get', { language: null, screenLanguage: 'en', storeLanguage: 'en', printer: null });
  // The loyalty section lists the categories a stamp card may collect.
  fake.reply('catalog.list', { categories: [], items: [] });
  render(
    <CurrentStaffContext.Provider value={{ id: 1, name: 'Someone', role }}>
      <MemoryRouter>
        <SettingsScreen />
      </MemoryRouter>
    </CurrentStaffContext.Provider>,
  );
}

describe('the business day in settings', () => {
  afterEach(cleanup);

  it('says in words what the next business day will use, and shows it in the fields', async () => {
    renderAs('owner', waiting);
    const boundary = (await screen.findByLabelText('A business day ends at')) as HTMLInputElement;
    expect(screen.getByRole('note').textContent).toBe('From the next business day (after the next Z): time zone Pacific/Kiritimati, day ends at 04:00');
    expect((screen.getByLabelText('Time zone') as HTMLSelectElement).value).toBe('Pacific/Kiritimati');
    expect(boundary.readOnly).toBe(false);
    expect(screen.getByText('A Z has been printed, so a change counts from the next business day, after the next Z.')).toBeTruthy();
  });

  it('lets the owner change it after the first Z, sending only what changed', async () => {
    fake.reply('store.update', { ...afterZ, pendingDay: { timeZone: 'UTC', dayBoundaryMinutes: 300 } });
    renderAs('owner', afterZ);
    const boundary = (await screen.findByLabelText('A business day ends at')) as HTMLInputElement;
    expect(screen.queryByRole('note')).toBeNull();
    fireEvent.change(boundary, { target: { value: '05:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    // The answer keeps 04:00 in force and 05:00 waiting: the form shows what waits, with nothing unsaved.
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect(fake.inputs('store.update')[0]).toEqual({ dayBoundaryMinutes: 300 });
    expect(boundary.value).toBe('05:00');
  });

  it('shows a manager the fields read-only after the first Z, with the reason', async () => {
    renderAs('manager', waiting);
    const boundary = (await screen.findByLabelText('A business day ends at')) as HTMLInputElement;
    expect(boundary.readOnly).toBe(true);
    expect((screen.getByLabelText('Time zone') as HTMLSelectElement).disabled).toBe(true);
    const reason = screen.getByText('Only an owner can change the business day once a Z has been printed.');
    expect(screen.getByRole('region', { name: 'Business day' }).getAttribute('aria-describedby')).toBe(reason.id);
    expect(screen.getByRole('note').textContent).toContain('Pacific/Kiritimati');
  });

  it('leaves the fields open to a manager before the first Z', async () => {
    renderAs('manager', testStore());
    const boundary = (await screen.findByLabelText('A business day ends at')) as HTMLInputElement;
    expect(boundary.readOnly).toBe(false);
    expect((screen.getByLabelText('Time zone') as HTMLSelectElement).disabled).toBe(false);
    expect(screen.queryByText(/Only an owner/)).toBeNull();
  });
});
