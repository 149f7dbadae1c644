// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CommandInput } from '../../shared/contract';
import type { AppError } from '../../shared/errors';
import type { StaffMember } from '../../shared/types';
import { ApprovalProvider } from '../screens/approval/ApprovalProvider';
import { fake } from '../test-support/fake-api';
import { testTab } from '../test-support/tab';
import { useCommand } from './use-command';

vi.mock('../api', () => import('../test-support/fake-api'));

const input: CommandInput<'tab.compLine'> = { tabId: 7, lineId: 11, kind: 'percent', value: 50, reason: 'cold coffee' };
const needed: AppError = {
  code: 'approval_needed',
  key: 'errors.approvalNeeded',
  params: { staff: 'Ana', permission: 'tabs.adjustLarge' },
  message: "Ana needs a manager's or owner's PIN for this",
};
const compedTab = testTab({ id: 7, status: 'open' });

function member(id: number, name: string, role: StaffMember['role']): StaffMember {
  return { id, name, role, active: true, hasPin: true, lockedUntil: null, createdAt: '2026-09-01T08:00:00Z' };
}
const team = [member(1, 'Olga', 'owner'), member(2, 'Ana', 'staff'), member(3, 'Mo', 'manager'), member(4, 'Ben', 'staff')];

/** A screen with one approvable action: it shows what run() resolved to, and its error as screens do. */
function CompScreen() {
  const comp = useCommand('tab.compLine');
  const [outcome, setOutcome] = useState('not run');
  return (
    <div>
      <button type="button" onClick={() => void comp.run(input).then((r) => setOutcome(r === null ? 'null' : JSON.stringify(r)))}>
        Comp half
      </button>
      <p data-testid="outcome">{outcome}</p>
      {comp.error && <p data-testid="screen-error">{comp.error.code}</p>}
    </div>
  );
}

function show() {
  render(
    <ApprovalProvider currentStaffId={2}>
      <CompScreen />
    </ApprovalProvider>,
  );
}

function press(key: string): void {
  fireEvent.keyDown(document.activeElement ?? document.body, { key });
}

beforeEach(() => {
  fake.setSession({ status: 'signedIn', staff: { id: 2, name: 'Ana', role: 'staff' } });
  fake.reply('staff.list', team);
});
afterEach(cleanup);

describe('useCommand with a manager approval', () => {
  it("asks for a manager's PIN, grants exactly that command, and sends it again with the same id", async () => {
    fake.answer('tab.compLine', { ok: false, error: needed }, { ok: true, value: compedTab });
    fake.reply('approval.grant', { approver: { id: 3, name: 'Mo', role: 'manager' }, commandId: 'command-1', expiresAt: '2026-09-14T10:02:00Z' });
    show();
    fireEvent.click(screen.getByRole('button', { name: 'Comp half' }));
    const dialog = await screen.findByRole('dialog', { name: 'Manager approval' });
    expect(dialog.textContent).toContain("Ana needs a manager's or owner's PIN for this");
    expect(dialog.textContent).toContain('a comp or removal beyond what staff may do alone');
    // Managers and owners other than the person asking; never staff.
    await screen.findByRole('button', { name: 'Mo' });
    expect(screen.getByRole('button', { name: 'Olga' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ana' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Ben' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Mo' }), { detail: 1 });
    for (const digit of '4321') press(digit);
    expect((screen.getByLabelText('Manager PIN') as HTMLInputElement).value).toBe('4321');
    press('Enter');

    await waitFor(() => expect(screen.getByTestId('outcome').textContent).toBe(JSON.stringify(compedTab)));
    expect(fake.inputs('approval.grant')).toContainEqual({ command: 'tab.compLine', commandId: 'command-1', input, approverId: 3, pin: '4321' });
    expect(fake.calls('tab.compLine')).toHaveLength(2);
    expect(fake.calls('tab.compLine')[0]).toEqual({ input, options: { commandId: 'command-1' } });
    expect(fake.calls('tab.compLine')[1]).toEqual({ input, options: { commandId: 'command-1' } });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByTestId('screen-error')).toBeNull();
  });

  it('refuses a wrong PIN inside the dialog and sends nothing again', async () => {
    fake.fail('tab.compLine', needed);
    fake.fail('approval.grant', {
      code: 'wrong_pin',
      key: 'errors.pin.wrong',
      params: { left: 4 },
      field: 'pin',
      message: 'that PIN is not right; 4 more tries before a 5-minute lockout',
    });
    show();
    fireEvent.click(screen.getByRole('button', { name: 'Comp half' }));
    const dialog = await screen.findByRole('dialog', { name: 'Manager approval' });
    fireEvent.click(await screen.findByRole('button', { name: 'Olga' }), { detail: 1 });
    fireEvent.change(screen.getByLabelText('Manager PIN'), { target: { value: '0000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));

    const alert = await screen.findByRole('alert');
    expect(dialog.contains(alert)).toBe(true);
    expect(alert.textContent).toBe('That PIN is not right; 4 more tries before a 5-minute lockout');
    expect(fake.inputs('approval.grant')).toContainEqual({ command: 'tab.compLine', commandId: 'command-1', input, approverId: 1, pin: '0000' });
    expect((screen.getByLabelText('Manager PIN') as HTMLInputElement).value).toBe('');
    expect(fake.calls('tab.compLine')).toHaveLength(1);
    expect(screen.getByTestId('outcome').textContent).toBe('not run');
  });

  it('on Cancel resolves run() with nothing and leaves the refusal on the screen', async () => {
    fake.fail('tab.compLine', needed);
    show();
    fireEvent.click(screen.getByRole('button', { name: 'Comp half' }));
    await screen.findByRole('dialog', { name: 'Manager approval' });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.getByTestId('outcome').textContent).toBe('null'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByTestId('screen-error').textContent).toBe('approval_needed');
    expect(fake.calls('approval.grant')).toHaveLength(0);
    expect(fake.calls('tab.compLine')).toHaveLength(1);

    // Tapped again, the same intent keeps its command id.
    fireEvent.click(screen.getByRole('button', { name: 'Comp half' }));
    await screen.findByRole('dialog', { name: 'Manager approval' });
    // Its approvers listed: the dialog's effects, its keys among them, have run.
    await screen.findByRole('button', { name: 'Mo' });
    press('Escape');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.calls('tab.compLine')[1]).toEqual({ input, options: { commandId: 'command-1' } });
  });

  it('asks who approves before sending a PIN', async () => {
    fake.fail('tab.compLine', needed);
    show();
    fireEvent.click(screen.getByRole('button', { name: 'Comp half' }));
    await screen.findByRole('button', { name: 'Mo' });
    for (const digit of '1234') press(digit);
    press('Enter');
    expect((await screen.findByRole('alert')).textContent).toBe('Tap the manager or owner who approves first.');
    expect(fake.calls('approval.grant')).toHaveLength(0);
  });

  it('without an approval provider shows approval_needed like any refusal', async () => {
    fake.fail('tab.compLine', needed);
    render(<CompScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Comp half' }));
    await waitFor(() => expect(screen.getByTestId('screen-error').textContent).toBe('approval_needed'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
