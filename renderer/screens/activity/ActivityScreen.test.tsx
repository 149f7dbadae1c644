// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActivityPage, ActivityRow } from '../../../shared/closing-types';
import type { StaffMember } from '../../../shared/types';
import { testDayStatus } from '../../test-support/day-status';
import { fake } from '../../test-support/fake-api';
import { testStore } from '../../test-support/store';
import { ActivityScreen } from './ActivityScreen';

vi.mock('../../api', () => import('../../test-support/fake-api'));

const status = testDayStatus({ timeZone: 'Europe/Berlin' });

const member = (id: number, name: string, role: StaffMember['role'], active = true): StaffMember => ({
  id,
  name,
  role,
  active,
  hasPin: true,
  lockedUntil: null,
  createdAt: '2026-09-01T00:00:00.000Z',
});
const staff = [member(1, 'Owner', 'owner'), member(2, 'Bea', 'staff'), member(3, 'Mia', 'manager'), member(4, 'Tom', 'staff', false)];

const row = (over: Partial<ActivityRow> & Pick<ActivityRow, 'id' | 'command'>): ActivityRow => ({
  at: '2026-09-15T08:05:00.000Z',
  staffId: 2,
  staffName: 'Bea',
  approverId: null,
  approverName: null,
  kind: 'tabs',
  tabId: null,
  token: null,
  amountMinor: null,
  detail: '{}',
  ...over,
});

const comp = row({
  id: 12,
  command: 'tab.compLine',
  kind: 'comps',
  approverId: 3,
  approverName: 'Mia',
  tabId: 7,
  token: 14,
  amountMinor: 300,
  detail: JSON.stringify({ lineId: 1, item: 'Latte', kind: 'amount', value: 300, qty: 2, of: 2, reason: 'spilt' }),
});
const paidOut = row({
  id: 11,
  at: '2026-09-15T07:30:00.000Z',
  command: 'drawer.paid_out',
  kind: 'drawer',
  staffId: 3,
  staffName: 'Mia',
  amountMinor: 250,
  detail: JSON.stringify({ amountMinor: 250, reason: 'milk' }),
});
const signIn = row({ id: 10, at: '2026-09-15T07:00:00.000Z', command: 'session.signIn', kind: 'signIn', detail: JSON.stringify({ ok: false, wrong: 2 }) });

const page = (rows: ActivityRow[], nextBeforeId: number | null = null): ActivityPage => ({ rows, nextBeforeId });

beforeEach(() => {
  fake.reply('store.get', testStore({ timeZone: 'Europe/Berlin', locale: 'en-IE' }));
  fake.reply('day.status', status);
  fake.reply('staff.list', staff);
  fake.reply('audit.list', page([comp, paidOut, signIn]));
  fake.reply('audit.csv', { filename: 'aftertab-activity-2026-09-15.csv', text: 'time,person\r\n' });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function show() {
  render(
    <MemoryRouter initialEntries={['/activity']}>
      <ActivityScreen />
    </MemoryRouter>,
  );
}

const table = () => screen.findByRole('table', { name: 'Who did what' });
const cells = (r: HTMLElement) =>
  within(r)
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('ActivityScreen', () => {
  it('lists the current business day: time in the store’s zone, person, approver, what, tab and amount', async () => {
    show();
    const rows = within(await table()).getAllByRole('row');
    expect(
      within(rows[0]!)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Time', 'Person', 'Approved by', 'What', 'Tab', 'Amount']);
    // 08:05 UTC is 10:05 in Berlin in September.
    expect(cells(rows[1]!)).toEqual(['10:05', 'Bea', 'Mia', 'Comped Latte by €3.00 (spilt)', '14', '€3.00']);
    expect(cells(rows[2]!)).toEqual(['09:30', 'Mia', '', 'Paid out €2.50 (milk)', '', '€2.50']);
    expect(cells(rows[3]!)).toEqual(['09:00', 'Bea', '', 'Wrong PIN (2 in a row)', '', '']);
    expect(fake.inputs('audit.list')).toContainEqual({ businessDate: '2026-09-15' });
    expect(screen.getByText('3 actions shown').getAttribute('role')).toBe('status');
    expect(screen.queryByRole('button', { name: 'Older' })).toBeNull();
  });

  it('filters by person (archived people too), by kind and by day', async () => {
    show();
    await table();
    const person = screen.getByLabelText('Person');
    expect(
      within(person)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Everyone', 'Owner', 'Bea', 'Mia', 'Tom (archived)']);
    fireEvent.change(person, { target: { value: '3' } });
    await waitFor(() => expect(fake.inputs('audit.list').at(-1)).toEqual({ businessDate: '2026-09-15', staffId: 3 }));
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'drawer' } });
    await waitFor(() => expect(fake.inputs('audit.list').at(-1)).toEqual({ businessDate: '2026-09-15', staffId: 3, kind: 'drawer' }));
    expect(screen.getByRole('button', { name: 'Day after' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Day before' }));
    await waitFor(() => expect(fake.inputs('audit.list').at(-1)).toEqual({ businessDate: '2026-09-14', staffId: 3, kind: 'drawer' }));
    expect((screen.getByLabelText('Business day') as HTMLInputElement).value).toBe('2026-09-14');
    fireEvent.change(screen.getByLabelText('Business day'), { target: { value: '2026-09-01' } });
    await waitFor(() => expect(fake.inputs('audit.list').at(-1)).toEqual({ businessDate: '2026-09-01', staffId: 3, kind: 'drawer' }));
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Today' }));
    await waitFor(() => expect(fake.inputs('audit.list').at(-1)).toEqual({ businessDate: '2026-09-15', staffId: 3 }));
  });

  it('says so when nothing matches', async () => {
    fake.reply('audit.list', page([]));
    show();
    expect(await screen.findByText('Nothing was done on this day that matches.')).toBeTruthy();
  });

  it('opens older rows below the ones shown', async () => {
    fake.handle('audit.list', (input) => ({
      ok: true,
      value: input.beforeId === 10 ? page([row({ id: 9, command: 'tab.open', token: 3, detail: '{"token":3}' })]) : page([comp, paidOut, signIn], 10),
    }));
    show();
    await table();
    fireEvent.click(screen.getByRole('button', { name: 'Older' }));
    await screen.findByText('Opened on token 3');
    expect(fake.inputs('audit.list').at(-1)).toEqual({ businessDate: '2026-09-15', beforeId: 10 });
    expect(within(await table()).getAllByRole('row')).toHaveLength(5);
    expect(screen.queryByRole('button', { name: 'Older' })).toBeNull();
  });

  it('puts new actions on top as commands run, keeping the older pages open', async () => {
    fake.handle('audit.list', (input) => ({
      ok: true,
      value: input.beforeId === 10 ? page([row({ id: 9, command: 'tab.open', token: 3, detail: '{"token":3}' })]) : page([comp, paidOut, signIn], 10),
    }));
    show();
    await table();
    fireEvent.click(screen.getByRole('button', { name: 'Older' }));
    await screen.findByText('Opened on token 3', undefined, { timeout: 5000 });
    const settled = row({
      id: 13,
      command: 'settle.pay',
      kind: 'payments',
      token: 14,
      amountMinor: 580,
      detail: JSON.stringify({ method: 'cash', amountMinor: 580, tipMinor: 50, changeMinor: 0 }),
    });
    fake.reply('audit.list', page([settled, comp, paidOut], 11));
    fake.emit({ type: 'tabs.changed', tabIds: [7] });
    await screen.findByText('Paid €5.80 by Cash, tip €0.50, change €0.00', undefined, { timeout: 5000 });
    const rows = within(await table())
      .getAllByRole('row')
      .slice(1);
    expect(rows.map((r) => cells(r)[3])).toEqual([
      'Paid €5.80 by Cash, tip €0.50, change €0.00',
      'Comped Latte by €3.00 (spilt)',
      'Paid out €2.50 (milk)',
      'Wrong PIN (2 in a row)',
      'Opened on token 3',
    ]);
  });

  it('exports the whole day for the filter as a CSV download', async () => {
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    show();
    await table();
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'comps' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText('Saved aftertab-activity-2026-09-15.csv to your downloads.')).toBeTruthy();
    expect(fake.inputs('audit.csv')).toContainEqual({ businessDate: '2026-09-15', kind: 'comps' });
    expect(clicked).toEqual(['aftertab-activity-2026-09-15.csv']);
  });

  it('shows a refusal beside the export button and lists nothing it cannot read', async () => {
    fake.fail('audit.csv', {
      code: 'forbidden',
      key: 'errors.forbidden',
      params: { staff: 'Mia', role: 'manager', permission: 'audit.read' },
      message: 'forbidden',
    });
    fake.fail('audit.list', {
      code: 'forbidden',
      key: 'errors.forbidden',
      params: { staff: 'Mia', role: 'manager', permission: 'audit.read' },
      message: 'forbidden',
    });
    show();
    const refusal = await screen.findByRole('alert');
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2));
    expect(refusal.textContent).toContain('Mia');
    expect(screen.queryByRole('table')).toBeNull();
  });
});
