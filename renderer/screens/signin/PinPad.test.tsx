// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionState } from '../../../shared/types';
import { fake } from '../../test-support/fake-api';
import { PinPad } from './PinPad';

vi.mock('../../api', () => import('../../test-support/fake-api'));

function padState(overrides: Partial<SessionState> = {}): SessionState {
  return {
    storeName: 'Corner café',
    locale: 'en-GB',
    timeZone: 'Europe/London',
    needsSetup: false,
    idleLockMinutes: 5,
    current: null,
    staff: [
      { id: 1, name: 'Olga', role: 'owner', hasPin: true, lockedUntil: null },
      { id: 2, name: 'Ana', role: 'staff', hasPin: true, lockedUntil: null },
      { id: 3, name: 'Ben', role: 'staff', hasPin: true, lockedUntil: null },
    ],
    ...overrides,
  };
}

/** A key pressed with the focus nowhere in particular (the pad's frame, not the PIN field). */
function press(key: string): void {
  fireEvent.keyDown(document.activeElement ?? document.body, { key });
}

const pinField = (): HTMLInputElement => screen.getByLabelText('PIN');

afterEach(cleanup);

describe('PinPad', () => {
  it('shows the store, a tile per person named exactly by their name, the PIN field and the digit keys', () => {
    render(<PinPad state={padState()} ended={null} idleMinutes={5} onReload={vi.fn()} />);
    expect(screen.getByRole('main', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Who is working?' })).toBeTruthy();
    expect(screen.getByText('Corner café')).toBeTruthy();
    for (const name of ['Olga', 'Ana', 'Ben']) expect(screen.getByRole('button', { name }).getAttribute('aria-pressed')).toBe('false');
    for (const digit of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', 'Delete', 'Sign in'])
      expect(screen.getByRole('button', { name: digit })).toBeTruthy();
    expect(pinField().type).toBe('password');
    expect(pinField().inputMode).toBe('numeric');
  });

  it('takes the keyboard digits without the field focused, Backspace deletes, Enter signs the chosen person in', async () => {
    fake.reply('session.signIn', { staff: { id: 2, name: 'Ana', role: 'staff' } });
    render(<PinPad state={padState()} ended={null} idleMinutes={5} onReload={vi.fn()} />);
    // A tap (detail 1) leaves the focus on the pad's frame, not on the field.
    fireEvent.click(screen.getByRole('button', { name: 'Ana' }), { detail: 1 });
    expect(screen.getByRole('button', { name: 'Ana' }).getAttribute('aria-pressed')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('main', { name: 'Sign in' }));
    for (const key of ['1', '2', '3', '9', 'Backspace', '4']) press(key);
    expect(pinField().value).toBe('1234');
    press('Enter');
    await waitFor(() => expect(fake.inputs('session.signIn')).toContainEqual({ staffId: 2, pin: '1234' }));
    expect(fake.calls('session.signIn')).toHaveLength(1);
  });

  it('moves to the PIN field when a name is chosen from the keyboard', () => {
    render(<PinPad state={padState()} ended={null} idleMinutes={5} onReload={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Olga' }), { detail: 0 });
    expect(document.activeElement).toBe(pinField());
  });

  it('builds the PIN from the pad keys too, and Sign in sends it', async () => {
    fake.reply('session.signIn', { staff: { id: 3, name: 'Ben', role: 'staff' } });
    render(<PinPad state={padState()} ended={null} idleMinutes={5} onReload={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Ben' }));
    for (const digit of ['5', '0', '5', '8', '8']) fireEvent.click(screen.getByRole('button', { name: digit }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(fake.inputs('session.signIn')).toContainEqual({ staffId: 3, pin: '5058' }));
  });

  it('says "N more tries" beside the field after a wrong PIN and clears the field', async () => {
    fake.fail('session.signIn', {
      code: 'wrong_pin',
      key: 'errors.pin.wrong',
      params: { left: 4 },
      field: 'pin',
      message: 'that PIN is not right; 4 more tries before a 5-minute lockout',
    });
    render(<PinPad state={padState()} ended={null} idleMinutes={5} onReload={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Ana' }));
    for (const key of ['9', '9', '9', '9', 'Enter']) press(key);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('That PIN is not right; 4 more tries before a 5-minute lockout');
    expect(pinField().value).toBe('');
    expect(pinField().getAttribute('aria-invalid')).toBe('true');
    // The next digit starts a fresh try and clears the refusal.
    press('1');
    expect(pinField().value).toBe('1');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('asks for a name before sending anything', () => {
    render(<PinPad state={padState()} ended={null} idleMinutes={5} onReload={vi.fn()} />);
    for (const key of ['1', '2', '3', '4', 'Enter']) press(key);
    expect(screen.getByRole('alert').textContent).toBe('Tap your name first.');
    expect(fake.calls('session.signIn')).toHaveLength(0);
  });

  it("shows until when a locked-out person's tile is locked, and reads the names again after a lockout", async () => {
    const until = new Date(Date.now() + 4 * 60_000).toISOString();
    const onReload = vi.fn();
    fake.fail('session.signIn', {
      code: 'locked_out',
      key: 'errors.pin.lockedOut',
      params: { name: 'Ben', until: '14:05' },
      field: 'pin',
      message: 'Ben is locked out after 5 wrong PINs until 14:05; an owner can lift it on the Staff screen',
    });
    const state = padState({ staff: [...padState().staff.slice(0, 2), { id: 3, name: 'Ben', role: 'staff', hasPin: true, lockedUntil: until }] });
    render(<PinPad state={state} ended={null} idleMinutes={5} onReload={onReload} />);
    const time = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: 'Europe/London' }).format(new Date(until));
    const ben = screen.getByRole('button', { name: 'Ben' });
    expect(ben.textContent).toContain(`Locked until ${time}`);
    expect(screen.getByRole('button', { name: 'Ana' }).textContent).not.toContain('Locked');
    fireEvent.click(ben);
    for (const key of ['1', '1', '1', '1', 'Enter']) press(key);
    expect((await screen.findByRole('alert')).textContent).toContain('Ben is locked out after 5 wrong PINs until 14:05');
    expect(onReload).toHaveBeenCalledTimes(1);
  });

  it('picks the only person with a PIN, and says why the screen locked', () => {
    const state = padState({
      staff: [
        { id: 1, name: 'Olga', role: 'owner', hasPin: true, lockedUntil: null },
        { id: 4, name: 'New', role: 'staff', hasPin: false, lockedUntil: null },
      ],
    });
    render(<PinPad state={state} ended="idle" idleMinutes={5} onReload={vi.fn()} />);
    expect(screen.getByRole('button', { name: 'Olga' }).getAttribute('aria-pressed')).toBe('true');
    const nobodyYet = screen.getByRole('button', { name: 'New' }) as HTMLButtonElement;
    expect(nobodyYet.disabled).toBe(true);
    expect(nobodyYet.textContent).toContain('No PIN yet');
    expect(screen.getByRole('status').textContent).toBe('Locked after 5 minutes without use.');
  });
});
