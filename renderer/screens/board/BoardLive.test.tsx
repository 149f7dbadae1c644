// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppEvent, TabSummary } from '../../../shared/types';
import { testStore } from '../../test-support/store';
import { BoardScreen } from './BoardScreen';

const calls = vi.hoisted(() => ({
  names: [] as string[],
  listeners: [] as ((event: unknown) => void)[],
  open: [] as unknown[],
  held: null as null | Promise<void>,
}));
const ok = <T,>(value: T) => Promise.resolve({ ok: true, value });
const preload = vi.hoisted(() => vi.fn(() => () => undefined));
vi.mock('../../counter-screens', () => ({ preloadCounterScreens: preload }));
vi.mock('../../api', () => ({
  api: new Proxy(
    {},
    {
      get: (_target, name: string) => () => {
        calls.names.push(name);
        if (name === 'store.get') return ok(testStore({ timeZone: 'UTC' }));
        // A held answer is the list as it stood when asked, given once the test lets it go.
        if (name === 'tab.listOpen') {
          const asked = calls.open;
          return calls.held ? calls.held.then(() => ok(asked)) : ok(asked);
        }
        if (name === 'token.pool') return ok([]);
        if (name === 'appointment.upcoming') return ok([]);
        return Promise.resolve({ ok: false, error: { code: 'internal', message: `unexpected ${name}` } });
      },
    },
  ),
  onEvent: (listener: (event: unknown) => void) => {
    calls.listeners.push(listener);
    return () => {
      calls.listeners = calls.listeners.filter((l) => l !== listener);
    };
  },
  newCommandId: () => 'board-command-id',
  getSession: () => ({ status: 'signedIn', staff: { id: 1, name: 'Owner', role: 'owner' } }),
  subscribeSession: () => () => undefined,
}));

function card(id: number, token: number, dueMinor: number, name = ''): TabSummary {
  return {
    id,
    token,
    name,
    label: '',
    note: '',
    status: 'open',
    itemCount: 1,
    totalMinor: dueMinor,
    paidMinor: 0,
    dueMinor,
    openedAt: '2026-11-24T09:00:00.000Z',
    lastActivityAt: '2026-11-24T09:00:00.000Z',
    customerId: null,
    customerName: null,
  };
}

function push(event: AppEvent | { type: 'resync' }): void {
  act(() => {
    for (const listener of [...calls.listeners]) listener(event);
  });
}

/** The tokens of the cards on the board, in the order shown. */
function shownTokens(): string[] {
  return screen.getAllByRole('listitem', { name: /^Token \d+$/ }).map((item) => item.getAttribute('aria-label') ?? '');
}

const listCalls = () => calls.names.filter((name) => name === 'tab.listOpen').length;

beforeEach(() => {
  calls.names = [];
  calls.listeners = [];
  calls.open = [card(20, 5, 1200, 'Ana'), card(21, 8, 300, 'Ben')];
  calls.held = null;
  localStorage.clear();
  preload.mockClear();
});
afterEach(cleanup);

describe('the board, live', () => {
  it('fetches the code of the screens a card opens once its tabs are drawn, not before', async () => {
    let release: () => void = () => undefined;
    calls.held = new Promise<void>((resolve) => (release = resolve));
    render(
      <MemoryRouter>
        <BoardScreen />
      </MemoryRouter>,
    );
    await waitFor(() => expect(listCalls()).toBe(1));
    expect(preload).not.toHaveBeenCalled();
    release();
    await screen.findByRole('listitem', { name: 'Token 8' });
    expect(preload).toHaveBeenCalledTimes(1);
  });

  it('patches the one card a tab change carries, adds and removes cards in token order, and never asks for the list again', async () => {
    render(
      <MemoryRouter>
        <BoardScreen />
      </MemoryRouter>,
    );
    await screen.findByRole('listitem', { name: 'Token 8' });
    expect(shownTokens()).toEqual(['Token 5', 'Token 8']);
    expect(listCalls()).toBe(1);

    // A line added on token 8: its card alone changes.
    push({ type: 'tabs.changed', tabIds: [21], board: [{ tabId: 21, card: { ...card(21, 8, 950, 'Ben'), itemCount: 4 } }] });
    const ben = await screen.findByRole('listitem', { name: 'Token 8' });
    await waitFor(() => expect(ben.textContent).toContain('9.50'));
    expect(ben.textContent).toContain('4');

    // A tab opened on token 2 takes its place before 5; Ana's tab settled leaves the board.
    push({ type: 'tabs.changed', tabIds: [22], board: [{ tabId: 22, card: card(22, 2, 0, 'Cy') }] });
    await waitFor(() => expect(shownTokens()).toEqual(['Token 2', 'Token 5', 'Token 8']));
    push({ type: 'tabs.changed', tabIds: [20], board: [{ tabId: 20, card: null }] });
    await waitFor(() => expect(shownTokens()).toEqual(['Token 2', 'Token 8']));
    expect(screen.getByRole('heading', { name: /2 open tabs/ })).toBeTruthy();

    expect(listCalls()).toBe(1);
  });

  it('re-sorts a patched card under the sort chosen (largest due first)', async () => {
    localStorage.setItem('aftertab.board.sort', 'amount');
    render(
      <MemoryRouter>
        <BoardScreen />
      </MemoryRouter>,
    );
    await screen.findByRole('listitem', { name: 'Token 8' });
    expect(shownTokens()).toEqual(['Token 5', 'Token 8']);
    push({ type: 'tabs.changed', tabIds: [21], board: [{ tabId: 21, card: card(21, 8, 5000, 'Ben') }] });
    await waitFor(() => expect(shownTokens()).toEqual(['Token 8', 'Token 5']));
    expect(listCalls()).toBe(1);
  });

  it('asks for the list when a change names no tab or carries no cards, and once on a resync', async () => {
    render(
      <MemoryRouter>
        <BoardScreen />
      </MemoryRouter>,
    );
    await screen.findByRole('listitem', { name: 'Token 8' });
    calls.open = [card(21, 8, 300, 'Ben')];
    push({ type: 'tabs.changed', tabIds: [] });
    await waitFor(() => expect(shownTokens()).toEqual(['Token 8']));
    expect(listCalls()).toBe(2);
    push({ type: 'tabs.changed', tabIds: [21] });
    await waitFor(() => expect(listCalls()).toBe(3));
    calls.open = [card(21, 8, 300, 'Ben'), card(23, 9, 100)];
    push({ type: 'resync' });
    await waitFor(() => expect(shownTokens()).toEqual(['Token 8', 'Token 9']));
    expect(listCalls()).toBe(4);
    // Other screens' events leave the list alone.
    push({ type: 'catalog.changed' });
    push({ type: 'tokens.changed' });
    expect(listCalls()).toBe(4);
  });

  it('keeps a card pushed while the list was on its way, though the list was read before it', async () => {
    let release: () => void = () => undefined;
    calls.held = new Promise<void>((resolve) => {
      release = resolve;
    });
    render(
      <MemoryRouter>
        <BoardScreen />
      </MemoryRouter>,
    );
    await waitFor(() => expect(listCalls()).toBe(1));
    push({ type: 'tabs.changed', tabIds: [21], board: [{ tabId: 21, card: card(21, 8, 777, 'Ben') }] });
    push({ type: 'tabs.changed', tabIds: [24], board: [{ tabId: 24, card: card(24, 1, 50) }] });
    await act(async () => {
      release();
      await calls.held;
    });
    await waitFor(() => expect(shownTokens()).toEqual(['Token 1', 'Token 5', 'Token 8']));
    expect(screen.getByRole('listitem', { name: 'Token 8' }).textContent).toContain('7.77');
    expect(listCalls()).toBe(1);
  });
});
