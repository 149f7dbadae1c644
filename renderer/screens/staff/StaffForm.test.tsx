// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Staff, StaffMember } from '../../../shared/types';
import { fake } from '../../test-support/fake-api';
import { PinForm } from './PinForm';
import { StaffForm } from './StaffForm';

vi.mock('../../api', () => import('../../test-support/fake-api'));

const owner: Staff = { id: 1, name: 'Olga', role: 'owner' };
const manager: Staff = { id: 2, name: 'Mina', role: 'manager' };
const barista: StaffMember = { id: 3, name: 'Ben', role: 'staff', active: true, hasPin: true, lockedUntil: null, createdAt: '2026-11-24T09:00:00.000Z' };

function type(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

/** Fills the add form: a name and the PIN typed twice. */
function fillNew(name: string, pin: string, again: string): void {
  type('Name', name);
  type('PIN', pin);
  type('PIN again', again);
}

describe('StaffForm', () => {
  beforeEach(() => {
    fake.reply('staff.create', { ...barista, id: 4, name: 'Ada' });
    fake.reply('staff.update', barista);
    fake.reply('staff.resetPin', barista);
  });
  afterEach(cleanup);

  it('refuses two different PINs beside "PIN again" and sends nothing', async () => {
    const onClose = vi.fn();
    render(<StaffForm actor={owner} member={null} onClose={onClose} />);
    fillNew('Ada', '4821', '4812');
    fireEvent.click(screen.getByRole('button', { name: 'Add person' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('The two PINs are not the same');
    expect(alert.id).toBe('staff-new-again-error');
    expect(screen.getByLabelText('PIN again').getAttribute('aria-invalid')).toBe('true');
    expect(fake.calls('staff.create')).toHaveLength(0);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('keeps only the digits typed, and refuses a PIN that is not 4 to 8 digits beside the PIN, before comparing', async () => {
    render(<StaffForm actor={owner} member={null} onClose={vi.fn()} />);
    fillNew('Ada', '12a4', '12a4');
    expect((screen.getByLabelText('PIN') as HTMLInputElement).value).toBe('124');
    fireEvent.submit(screen.getByRole('dialog'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('A PIN is 4 to 8 digits');
    expect(alert.id).toBe('staff-new-pin-error');
    expect(fake.calls('staff.create')).toHaveLength(0);
  });

  it('sends the trimmed name, the chosen role and the PIN once both entries match, then closes', async () => {
    const onClose = vi.fn();
    render(<StaffForm actor={owner} member={null} onClose={onClose} />);
    fillNew('  Ada ', '4821', '4821');
    fireEvent.click(screen.getByLabelText('Manager'));
    fireEvent.click(screen.getByRole('button', { name: 'Add person' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(fake.calls('staff.create')).toHaveLength(1);
    expect(fake.inputs('staff.create')[0]).toEqual({ name: 'Ada', role: 'manager', pin: '4821' });
  });

  it('shows a PIN someone else has beside the PIN field and stays open', async () => {
    fake.fail('staff.create', { code: 'conflict', message: "that PIN is already someone else's; choose another", key: 'errors.pin.taken', field: 'pin' });
    const onClose = vi.fn();
    render(<StaffForm actor={owner} member={null} onClose={onClose} />);
    fillNew('Ada', '4821', '4821');
    fireEvent.click(screen.getByRole('button', { name: 'Add person' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe("That PIN is already someone else's; choose another");
    expect(alert.id).toBe('staff-new-pin-error');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('offers a manager no owner role', () => {
    render(<StaffForm actor={manager} member={null} onClose={vi.fn()} />);
    const roles = screen.getAllByRole('radio').map((r) => (r as HTMLInputElement).value);
    expect(roles).toEqual(['manager', 'staff']);
    render(<StaffForm actor={owner} member={null} onClose={vi.fn()} />);
    expect(
      screen
        .getAllByRole('radio')
        .slice(2)
        .map((r) => (r as HTMLInputElement).value),
    ).toEqual(['owner', 'manager', 'staff']);
  });

  it('edits only what changed, and puts the last-owner refusal beside the role', async () => {
    const lastOwner: StaffMember = { ...barista, id: 1, name: 'Olga', role: 'owner' };
    fake.fail('staff.update', { code: 'conflict', message: 'Olga is the last active owner; make someone else an owner first', field: 'role' });
    render(<StaffForm actor={owner} member={lastOwner} onClose={vi.fn()} />);
    expect(screen.queryByLabelText('PIN')).toBeNull();
    fireEvent.click(screen.getByLabelText('Manager'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert.id).toBe('staff-role-error');
    expect(fake.inputs('staff.update')[0]).toEqual({ staffId: 1, role: 'manager' });
  });

  it('closes without sending when nothing was changed', () => {
    const onClose = vi.fn();
    render(<StaffForm actor={owner} member={barista} onClose={onClose} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onClose).toHaveBeenCalled();
    expect(fake.calls('staff.update')).toHaveLength(0);
  });
});

describe('PinForm', () => {
  afterEach(cleanup);

  it('refuses a mismatch before sending, then resets with the PIN typed twice', async () => {
    fake.reply('staff.resetPin', barista);
    const onClose = vi.fn();
    render(<PinForm member={barista} onClose={onClose} />);
    type('PIN', '5555');
    type('PIN again', '5556');
    fireEvent.click(screen.getByRole('button', { name: 'Set PIN' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The two PINs are not the same');
    expect(fake.calls('staff.resetPin')).toHaveLength(0);

    type('PIN again', '5555');
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Set PIN' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(fake.inputs('staff.resetPin')[0]).toEqual({ staffId: 3, pin: '5555' });
  });
});
