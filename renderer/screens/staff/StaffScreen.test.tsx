// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Staff, StaffMember } from '../../../shared/types';
import { CurrentStaffContext } from '../../hooks/current-staff';
import { fake } from '../../test-support/fake-api';
import { testStore } from '../../test-support/store';
import { StaffScreen } from './StaffScreen';

vi.mock('../../api', () => import('../../test-support/fake-api'));

const at = '2026-11-24T09:00:00.000Z';
const inFiveMinutes = new Date(Date.now() + 5 * 60_000).toISOString();
const olga: StaffMember = { id: 1, name: 'Olga', role: 'owner', active: true, hasPin: true, lockedUntil: null, createdAt: at };
const mina: StaffMember = { id: 2, name: 'Mina', role: 'manager', active: true, hasPin: true, lockedUntil: null, createdAt: at };
const ben: StaffMember = { id: 3, name: 'Ben', role: 'staff', active: true, hasPin: true, lockedUntil: inFiveMinutes, createdAt: at };
const cleo: StaffMember = { id: 4, name: 'Cleo', role: 'staff', active: false, hasPin: false, lockedUntil: null, createdAt: at };

function signedIn(who: Staff): void {
  fake.reply('session.current', who);
}

function renderScreen(): void {
  render(
    <MemoryRouter>
      <StaffScreen />
    </MemoryRouter>,
  );
}

const row = (name: string) => screen.getByRole('listitem', { name });

describe('StaffScreen', () => {
  beforeEach(() => {
    fake.reply('staff.list', [olga, mina, ben, cleo]);
    fake.reply('store.get', testStore());
    fake.reply('staff.archive', { ...ben, active: false });
    fake.reply('staff.unlock', { ...ben, lockedUntil: null });
  });
  afterEach(cleanup);

  it('lists the active staff with role, PIN and lockout, and keeps the archived behind a toggle', async () => {
    signedIn({ id: 1, name: 'Olga', role: 'owner' });
    renderScreen();
    await screen.findByRole('listitem', { name: 'Olga' });
    const active = screen.getByRole('list', { name: 'Active staff' });
    expect(
      within(active)
        .getAllByRole('listitem')
        .map((li) => li.getAttribute('aria-label')),
    ).toEqual(['Olga', 'Mina', 'Ben']);
    expect(row('Ben').textContent).toContain('Locked out until');
    expect(row('Olga').textContent).toContain('(you)');
    expect(screen.queryByRole('listitem', { name: 'Cleo' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Show archived (1)' }));
    expect(within(screen.getByRole('list', { name: 'Archived staff' })).getByRole('listitem', { name: 'Cleo' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Hide archived (1)' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('gives an owner every action, but no archiving of themselves, and lifts a lockout', async () => {
    signedIn({ id: 1, name: 'Olga', role: 'owner' });
    renderScreen();
    await screen.findByRole('listitem', { name: 'Olga' });
    expect(within(row('Olga')).queryByRole('button', { name: 'Archive Olga' })).toBeNull();
    expect(within(row('Olga')).getByRole('button', { name: 'Edit Olga' })).toBeTruthy();
    expect(within(row('Mina')).getByRole('button', { name: 'Archive Mina' })).toBeTruthy();

    fireEvent.click(within(row('Ben')).getByRole('button', { name: 'Lift lockout for Ben' }));
    await waitFor(() => expect(fake.calls('staff.unlock')).toHaveLength(1));
    expect(fake.inputs('staff.unlock')[0]).toEqual({ staffId: 3 });
  });

  it('offers a manager nothing on an owner and no lockout lifting', async () => {
    signedIn({ id: 2, name: 'Mina', role: 'manager' });
    renderScreen();
    await screen.findByRole('listitem', { name: 'Olga' });
    expect(within(row('Olga')).queryAllByRole('button')).toEqual([]);
    expect(row('Olga').textContent).toContain('Only an owner can change an owner.');
    expect(within(row('Ben')).queryByRole('button', { name: /Lift lockout/ })).toBeNull();
    expect(within(row('Ben')).getByRole('button', { name: 'Reset PIN for Ben' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Add a person' }));
    expect(screen.getAllByRole('radio').map((r) => (r as HTMLInputElement).value)).toEqual(['manager', 'staff']);
  });

  it('shows a staff member the list only, and says who can change it', async () => {
    signedIn({ id: 3, name: 'Ben', role: 'staff' });
    renderScreen();
    await screen.findByRole('listitem', { name: 'Olga' });
    expect(screen.getByText('Only a manager or an owner can add or change staff.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add a person' })).toBeNull();
    expect(within(screen.getByRole('list', { name: 'Active staff' })).queryAllByRole('button')).toEqual([]);
  });

  it('asks before archiving, and puts a refusal in that person’s row', async () => {
    signedIn({ id: 1, name: 'Olga', role: 'owner' });
    fake.fail('staff.archive', { code: 'internal', message: 'something went wrong; nothing was changed' });
    renderScreen();
    await screen.findByRole('listitem', { name: 'Mina' });
    fireEvent.click(within(row('Mina')).getByRole('button', { name: 'Archive Mina' }));
    expect(fake.calls('staff.archive')).toHaveLength(0);
    expect(row('Mina').textContent).toContain('Mina will no longer sign in');
    fireEvent.click(within(row('Mina')).getByRole('button', { name: 'Archive' }));
    await waitFor(() => expect(fake.calls('staff.archive')).toHaveLength(1));
    expect(fake.inputs('staff.archive')[0]).toEqual({ staffId: 2, archived: true });
    expect((await within(row('Mina')).findByRole('alert')).textContent).toBe('Something went wrong; nothing was changed');
  });

  it('offers nothing until the ledger answers for the person the app says is signed in', async () => {
    signedIn({ id: 1, name: 'Olga', role: 'owner' });
    render(
      <CurrentStaffContext.Provider value={{ id: 3, name: 'Ben', role: 'staff' }}>
        <MemoryRouter>
          <StaffScreen />
        </MemoryRouter>
      </CurrentStaffContext.Provider>,
    );
    await screen.findByRole('listitem', { name: 'Olga' });
    expect(screen.queryByRole('button', { name: 'Add a person' })).toBeNull();
    expect(within(screen.getByRole('list', { name: 'Active staff' })).queryAllByRole('button')).toEqual([]);
  });

  it('opens the add form with N and closes it with Esc', async () => {
    signedIn({ id: 1, name: 'Olga', role: 'owner' });
    renderScreen();
    await screen.findByRole('button', { name: 'Add a person' });
    fireEvent.keyDown(window, { key: 'n' });
    expect(screen.getByRole('dialog', { name: 'Add a person' })).toBeTruthy();
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
