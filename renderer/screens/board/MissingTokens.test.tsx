// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TokenState } from '../../../shared/types';
import { testStore } from '../../test-support/store';
import { BoardScreen } from './BoardScreen';

const calls = vi.fn();
let pool: TokenState[] = [];
const ok = <T,>(value: T) => Promise.resolve({ ok: true, value });
vi.mock('../../api', () => ({
  api: new Proxy(
    {},
    {
      get: (_target, name: string) => (input: unknown, options?: unknown) => {
        calls(name, input, options);
        if (name === 'store.get') return ok(testStore({ timeZone: 'UTC' }));
        if (name === 'tab.listOpen') return ok([]);
        if (name === 'token.pool') return ok(pool);
        if (name === 'catalog.list') return ok({ categories: [], items: [] });
        if (name === 'appointment.upcoming') return ok([]);
        if (name === 'token.markFound') return ok({ token: 4, tabId: null, state: 'free' });
        return Promise.resolve({ ok: false, error: { code: 'internal', message: `unexpected ${name}` } });
      },
    },
  ),
  onEvent: () => () => undefined,
  newCommandId: () => 'found-command-id',
  getSession: () => ({ status: 'signedIn', staff: { id: 1, name: 'Owner', role: 'owner' } }),
  subscribeSession: () => () => undefined,
}));

const missing: TokenState = {
  token: 4,
  tabId: null,
  state: 'missing',
  missing: { tabId: 31, name: 'Ana', label: 'Window', status: 'settled', closedAt: '2026-09-14T08:40:00.000Z', at: '2026-09-14T08:41:00.000Z' },
};

beforeEach(() => {
  calls.mockReset();
  pool = [{ token: 1, tabId: null, state: 'free' }, missing, { token: 5, tabId: 8, state: 'held' }];
});
afterEach(cleanup);

function board() {
  render(
    <MemoryRouter initialEntries={['/']}>
      <Routes>
        <Route path="/" element={<BoardScreen />} />
        <Route path="/tab/:tabId" element={<p>Tab screen</p>} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('missing tokens on the board', () => {
  it('lists a token a customer kept: "missing", its number, the tab it went with, and Found puts it back', async () => {
    board();
    const item = await screen.findByRole('listitem', { name: 'Token 4, missing' });
    expect(within(item).getByText('4')).toBeTruthy();
    expect(within(item).getByText('missing')).toBeTruthy();
    expect(within(item).getByText('went with Ana · Window')).toBeTruthy();
    expect(within(item).getByRole('link', { name: 'See the tab' }).getAttribute('href')).toBe('/tab/31');
    fireEvent.click(within(item).getByRole('button', { name: 'Token 4 found' }));
    await waitFor(() => expect(calls).toHaveBeenCalledWith('token.markFound', { token: 4 }, { commandId: 'found-command-id' }));
  });

  it('says a typed missing token is missing rather than offering to open a tab on it, and shows nothing while none is missing', async () => {
    board();
    await screen.findByRole('listitem', { name: 'Token 4, missing' });
    fireEvent.keyDown(window, { key: '4' });
    fireEvent.keyDown(window, { key: 'Enter' });
    expect(await screen.findByText('Token 4 is missing: a customer kept it. Mark it found when it is back.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Open a tab on token 4/ })).toBeNull();
    cleanup();
    pool = [{ token: 1, tabId: null, state: 'free' }];
    board();
    await waitFor(() => expect(calls).toHaveBeenCalledWith('token.pool', {}, undefined));
    expect(screen.queryByRole('heading', { name: 'Missing tokens' })).toBeNull();
  });
});
