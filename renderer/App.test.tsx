// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ComponentType } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../shared/errors';
import type { SessionState, Staff } from '../shared/types';
import { testStore } from './test-support/store';

// Screens stand in as small stubs: this is about the frame around them, not what they show.
vi.mock('./screens/board/BoardScreen', async () => {
  const { createElement } = await import('react');
  return { BoardScreen: () => createElement('h1', null, 'Board') };
});
vi.mock('./screens/reports/ReportsScreen', async () => {
  const { createElement } = await import('react');
  return {
    ReportsScreen: () => createElement('div', null, createElement('h1', null, 'Reports'), createElement('label', null, 'Note', createElement('textarea'))),
  };
});

const olga: Staff = { id: 1, name: 'Olga', role: 'owner' };
const mo: Staff = { id: 3, name: 'Mo', role: 'manager' };
const ana: Staff = { id: 2, name: 'Ana', role: 'staff' };
const people: Record<number, { staff: Staff; pin: string; token: string }> = {
  1: { staff: olga, pin: '1111', token: 'o'.repeat(43) },
  2: { staff: ana, pin: '2222', token: 'a'.repeat(43) },
  3: { staff: mo, pin: '3333', token: 'm'.repeat(43) },
};

type Sent = { name: string; input: unknown; token: string | undefined };
let sent: Sent[] = [];
let needsSetup = false;

function padState(token?: string): SessionState {
  return {
    storeName: 'Corner café',
    locale: 'en-GB',
    timeZone: 'UTC',
    needsSetup,
    idleLockMinutes: 5,
    current: Object.values(people).find((p) => p.token === token)?.staff ?? null,
    staff: Object.values(people).map(({ staff }) => ({ ...staff, hasPin: !needsSetup || staff.role === 'owner', lockedUntil: null })),
  };
}

/** The web host as far as this frame needs it: sessions by token, and the store's settings. */
function answer(name: string, input: Record<string, unknown>, token: string | undefined): Result<unknown> {
  const ok = (value: unknown): Result<unknown> => ({ ok: true, value });
  switch (name) {
    case 'recovery.status':
      return ok({ damaged: false });
    case 'session.state':
      return ok(padState(token));
    case 'session.signIn': {
      const person = people[input.staffId as number];
      if (!person || person.pin !== input.pin)
        return { ok: false, error: { code: 'wrong_pin', message: 'that PIN is not right; 4 more tries before a 5-minute lockout' } };
      return ok({ staff: person.staff, token: person.token });
    }
    case 'session.setup':
      needsSetup = false;
      return ok({ staff: olga, token: people[1]?.token });
    case 'store.get':
      return ok(testStore({ name: 'Corner café' }));
    default:
      return ok(null);
  }
}

let App: ComponentType;

beforeAll(async () => {
  history.replaceState(null, '', '/#secret=launch-secret');
  ({ App } = await import('./App'));
  // As main.tsx does beside the first render: the app draws once its first words are here.
  const { loadFirstLanguage } = await import('./i18n/language-store');
  await loadFirstLanguage();
});

beforeEach(async () => {
  needsSetup = false;
  history.replaceState(null, '', '/#/');
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      if (url === '/api/events') return new Promise<Response>(() => undefined);
      const name = url.replace('/api/command/', '');
      const body = JSON.parse(String(init.body)) as { input?: Record<string, unknown> };
      const token = (init.headers as Record<string, string>)['X-Aftertab-Session'];
      sent.push({ name, input: body.input, token });
      return new Response(JSON.stringify(answer(name, body.input ?? {}, token)), { status: 200 });
    }),
  );
  // Each test starts with nobody signed in on this page.
  const { api } = await import('./api');
  await api['session.end']({ reason: 'signOut' });
  sent = [];
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function press(key: string, options: { ctrlKey?: boolean } = {}): void {
  fireEvent.keyDown(document.activeElement ?? document.body, { key, ...options });
}

async function signIn(name: string, pin: string): Promise<void> {
  const pad = await screen.findByRole('main', { name: 'Sign in' });
  fireEvent.click(within(pad).getByRole('button', { name }), { detail: 1 });
  for (const digit of pin) press(digit);
  press('Enter');
  await waitFor(() => expect(screen.getByTestId('current-person').textContent).toBe(name));
}

const shell = (): HTMLElement => document.querySelector<HTMLElement>('.app-shell') ?? document.body;

describe('App: sign-in, lock and who may see what', () => {
  it('shows only the PIN pad before anyone signs in', async () => {
    render(<App />);
    await screen.findByRole('heading', { name: 'Who is working?' });
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.queryByText('Board')).toBeNull();
    expect(sent.some((s) => s.name === 'store.get')).toBe(false);
  });

  it('keeps the route and an unsaved draft behind the pad, and returns there for a person who may see it', async () => {
    render(<App />);
    await signIn('Mo', '3333');
    fireEvent.click(screen.getByRole('link', { name: 'Reports' }));
    const note = (await screen.findByLabelText('Note')) as HTMLTextAreaElement;
    fireEvent.change(note, { target: { value: 'half a stock count' } });

    fireEvent.click(screen.getByRole('button', { name: 'Lock' }));
    await screen.findByRole('heading', { name: 'Who is working?' });
    expect(sent.find((s) => s.name === 'session.end')).toEqual({ name: 'session.end', input: { reason: 'lock' }, token: people[3]?.token });
    // Nothing of the screen shows or takes focus behind the pad, but it is all still there.
    expect(shell().hidden).toBe(true);
    expect(shell().hasAttribute('inert')).toBe(true);
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(note.isConnected).toBe(true);
    expect(location.hash).toBe('#/reports');

    await signIn('Mo', '3333');
    expect(shell().hidden).toBe(false);
    expect(screen.getByRole('heading', { name: 'Reports' })).toBeTruthy();
    expect((screen.getByLabelText('Note') as HTMLTextAreaElement).value).toBe('half a stock count');
  });

  it('sends a person whose role may not see the screen to the board, and shows them only their links', async () => {
    render(<App />);
    await signIn('Olga', '1111');
    const nav = screen.getByRole('navigation');
    for (const link of ['Tabs', 'Drawer', 'Diary', 'Customers', 'Dashboard', 'Reports', 'Catalog', 'Staff', 'Activity', 'Backups', 'Settings'])
      expect(within(nav).getByRole('link', { name: link })).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: 'Reports' }));
    await screen.findByRole('heading', { name: 'Reports' });

    // Ctrl+L locks from anywhere; the next person is staff.
    press('l', { ctrlKey: true });
    await screen.findByRole('heading', { name: 'Who is working?' });
    expect(sent.filter((s) => s.name === 'session.end').at(-1)?.input).toEqual({ reason: 'lock' });
    await signIn('Ana', '2222');
    await screen.findByRole('heading', { name: 'Board' });
    expect(location.hash).toBe('#/');
    const links = within(screen.getByRole('navigation'))
      .getAllByRole('link')
      .map((l) => l.textContent);
    expect(links).toEqual(['Tabs', 'Drawer', 'Diary', 'Customers']);

    // Typed straight into the address, a screen the role may not see still goes to the board.
    history.pushState(null, '', '/#/settings');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await waitFor(() => expect(location.hash).toBe('#/'));
  });

  it("asks a new store's owner for a first PIN, then signs them in", async () => {
    needsSetup = true;
    render(<App />);
    await screen.findByRole('heading', { name: "Set the owner's PIN" });
    fireEvent.change(screen.getByLabelText('New PIN'), { target: { value: '1111' } });
    fireEvent.change(screen.getByLabelText('PIN again'), { target: { value: '1112' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set PIN and sign in' }));
    expect(screen.getByRole('alert').textContent).toBe('The two PINs are not the same');
    expect(sent.some((s) => s.name === 'session.setup')).toBe(false);

    fireEvent.change(screen.getByLabelText('PIN again'), { target: { value: '1111' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set PIN and sign in' }));
    await waitFor(() => expect(screen.getByTestId('current-person').textContent).toBe('Olga'));
    expect(sent.find((s) => s.name === 'session.setup')?.input).toEqual({ pin: '1111', pinAgain: '1111' });
  });
});

describe('App: before the main process answers', () => {
  it('shows that Aftertab is starting until the ledger has answered, then the PIN pad', async () => {
    // The desktop window opens while the ledger is checked: its first questions wait for that.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const answering = globalThis.fetch;
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      if (url === '/api/command/recovery.status') await held;
      return answering(url, init);
    });
    render(<App />);
    expect((await screen.findByRole('status')).textContent).toBe('Aftertab is starting…');
    expect(screen.queryByRole('main', { name: 'Sign in' })).toBeNull();
    release();
    await screen.findByRole('heading', { name: 'Who is working?' });
    expect(screen.queryByText('Aftertab is starting…')).toBeNull();
  });
});
