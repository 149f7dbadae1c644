// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TabSummary } from '../../../shared/types';
import { moneyTools } from '../../hooks/use-money';
import { fake } from '../../test-support/fake-api';
import { testStore } from '../../test-support/store';
import { testLine, testTab } from '../../test-support/tab';
import { MovePanel } from './MovePanel';

vi.mock('../../api', () => import('../../test-support/fake-api'));

const summary = (id: number, token: number, name: string): TabSummary => ({
  id,
  token,
  name,
  label: '',
  note: '',
  status: 'open',
  itemCount: 1,
  totalMinor: 440,
  paidMinor: 0,
  dueMinor: 440,
  openedAt: '2026-09-14T08:00:00.000Z',
  lastActivityAt: '2026-09-14T08:00:00.000Z',
  customerId: null,
  customerName: null,
});

const tab = testTab({
  status: 'open',
  token: 3,
  lines: [
    testLine({ id: 11, name: 'Latte', qty: 3, listMinor: 1320, chargedMinor: 1320 }),
    testLine({ id: 12, name: 'Cake', unitMinor: 350, qty: 1, listMinor: 350, chargedMinor: 350 }),
    testLine({ id: 13, name: 'Tea', state: 'removed', removeReason: 'not ordered' }),
  ],
});
const money = moneyTools(testStore());

beforeEach(() => {
  fake.reply('tab.listOpen', [summary(7, 3, 'Here'), summary(8, 5, 'Ana'), summary(9, 12, 'Ben')]);
});
afterEach(cleanup);

function show() {
  const onDone = vi.fn();
  const onCancel = vi.fn();
  render(<MovePanel tab={tab} money={money} onCancel={onCancel} onDone={onDone} />);
  return { onDone, onCancel };
}

describe('the move panel', () => {
  it('picks units with − / + and All, the tab by its token’s digits, and moves them in one command', async () => {
    const { onDone } = show();
    // Only the lines still on the tab can move.
    expect(screen.queryByText('Tea')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'One more Latte' }));
    fireEvent.click(screen.getByRole('button', { name: 'One more Latte' }));
    fireEvent.click(screen.getByRole('button', { name: 'One less Latte' }));
    fireEvent.click(screen.getByRole('button', { name: 'All 1 of Cake' }));
    expect(screen.getByLabelText('1 of Latte to move').textContent).toBe('1');
    // The other open tabs are offered, this one is not; 1 then 2 types token 12.
    await screen.findByRole('button', { name: 'Token 12, Ben' });
    expect(screen.queryByRole('button', { name: 'Token 3, Here' })).toBeNull();
    fireEvent.keyDown(window, { key: '1' });
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'No open tab is on token 1.');
    fireEvent.keyDown(window, { key: '2' });
    expect(screen.getByRole('button', { name: 'Token 12, Ben' }).getAttribute('aria-pressed')).toBe('true');
    const result = { from: tab, to: testTab({ id: 9, token: 12 }) };
    fake.reply('tab.moveLines', result);
    fireEvent.click(screen.getByRole('button', { name: 'Move 2 items to token 12' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(result));
    expect(fake.calls('tab.moveLines')).toEqual([
      {
        input: {
          fromTabId: 7,
          toTabId: 9,
          lines: [
            { lineId: 11, qty: 1 },
            { lineId: 12, qty: 1 },
          ],
        },
        options: { commandId: 'command-1' },
      },
    ]);
  });

  it('moves on Enter after the target is tapped, and tapping it again keeps it picked', async () => {
    const { onDone } = show();
    fireEvent.click(screen.getByRole('button', { name: 'All 1 of Cake' }));
    const ana = await screen.findByRole('button', { name: 'Token 5, Ana' });
    fireEvent.click(ana);
    fireEvent.click(ana);
    expect(ana.getAttribute('aria-pressed')).toBe('true');
    const result = { from: tab, to: testTab({ id: 8, token: 5 }) };
    fake.reply('tab.moveLines', result);
    ana.focus();
    fireEvent.keyDown(ana, { key: 'Enter' });
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(result));
    expect(fake.calls('tab.moveLines')).toContainEqual({
      input: { fromTabId: 7, toTabId: 8, lines: [{ lineId: 12, qty: 1 }] },
      options: { commandId: 'command-1' },
    });
  });

  it('says what is missing before sending, and shows the ledger’s refusal in place', async () => {
    const { onDone, onCancel } = show();
    fireEvent.click(screen.getByRole('button', { name: 'Pick what moves' }));
    expect(screen.getByRole('alert').textContent).toBe('Pick what moves');
    fireEvent.click(screen.getByRole('button', { name: 'One more Latte' }));
    fireEvent.click(screen.getByRole('button', { name: 'Pick the tab it goes to' }));
    expect(screen.getByRole('alert').textContent).toBe('Pick the tab it goes to');
    expect(fake.calls('tab.moveLines')).toHaveLength(0);
    fireEvent.click(await screen.findByRole('button', { name: 'Token 5, Ana' }));
    fake.fail('tab.moveLines', {
      code: 'tab_being_settled',
      key: 'errors.move.beingSettled',
      params: { staff: 'Kim', token: 5 },
      field: 'toTabId',
      message: 'Kim is settling the tab on token 5 in another window: wait until that is done',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Move 1 item to token 5' }));
    expect(await screen.findByText('Kim is settling the tab on token 5 in another window: wait until that is done')).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
  });
});
