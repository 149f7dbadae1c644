// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../shared/errors';
import type { Staff } from '../shared/types';

type Sent = { name: string; headers: Record<string, string>; body: unknown };

const ana: Staff = { id: 2, name: 'Ana', role: 'staff' };
const mo: Staff = { id: 3, name: 'Mo', role: 'manager' };
const TOKEN_A = 'a'.repeat(43);
const TOKEN_B = 'b'.repeat(43);

/** A web host: answers each command with what `answer` says, and keeps what was sent. */
function fakeHost(answer: (name: string, sent: Sent) => Result<unknown> | Promise<Result<unknown>>) {
  const sent: Sent[] = [];
  const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
    // The event stream stays connecting: it is not under test, and connecting would itself ask screens to reload.
    if (url === '/api/events') return new Promise<Response>(() => undefined);
    const name = url.replace('/api/command/', '');
    const request: Sent = { name, headers: init.headers as Record<string, string>, body: JSON.parse(String(init.body)) };
    sent.push(request);
    return new Response(JSON.stringify(await answer(name, request)), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return sent;
}

const ok = (value: unknown): Result<unknown> => ({ ok: true, value });
const unauthorized: Result<unknown> = { ok: false, error: { code: 'unauthorized', message: 'no active staff member is signed in' } };

/** A fresh api module, as a page load with the #secret link. */
async function load() {
  vi.resetModules();
  history.replaceState(null, '', '/#secret=launch-secret');
  return import('./api');
}

beforeEach(() => sessionStorage.clear());
afterEach(() => vi.unstubAllGlobals());

describe('api session token (web host)', () => {
  it('keeps the token a sign-in returns in this tab and sends it beside the secret on every call', async () => {
    const sent = fakeHost((name) => (name === 'session.signIn' ? ok({ staff: ana, token: TOKEN_A }) : ok([])));
    const { api, getSession } = await load();
    await api['session.signIn']({ staffId: 2, pin: '1234' });
    expect(sessionStorage.getItem('aftertab.session')).toBe(TOKEN_A);
    expect(getSession()).toEqual({ status: 'signedIn', staff: ana });

    await api['tab.listOpen']({});
    const last = sent.at(-1);
    expect(last?.name).toBe('tab.listOpen');
    expect(last?.headers['X-Aftertab-Session']).toBe(TOKEN_A);
    expect(last?.headers['X-Aftertab-Secret']).toBe('launch-secret');
    // The sign-in itself went without a token: nobody was signed in yet.
    expect(sent[0]?.headers['X-Aftertab-Session']).toBeUndefined();
  });

  it('keeps the token of the first-run PIN too', async () => {
    fakeHost(() => ok({ staff: { id: 1, name: 'Owner', role: 'owner' }, token: TOKEN_B }));
    const { api, getSession } = await load();
    await api['session.setup']({ pin: '2468', pinAgain: '2468' });
    expect(sessionStorage.getItem('aftertab.session')).toBe(TOKEN_B);
    expect(getSession().status).toBe('signedIn');
  });

  it('locks at once on session.end: that call carries the token, the next ones do not', async () => {
    let release: (value: Result<unknown>) => void = () => undefined;
    const sent = fakeHost((name) => {
      if (name === 'session.signIn') return ok({ staff: ana, token: TOKEN_A });
      if (name === 'session.end') return new Promise((resolve) => (release = resolve));
      return unauthorized;
    });
    const { api, getSession } = await load();
    await api['session.signIn']({ staffId: 2, pin: '1234' });
    const ending = api['session.end']({ reason: 'lock' });
    // Before the main process has answered, the screen is already locked and the token gone.
    expect(getSession()).toEqual({ status: 'signedOut', reason: 'lock' });
    expect(sessionStorage.getItem('aftertab.session')).toBeNull();
    release(ok(null));
    await ending;
    expect(sent.find((s) => s.name === 'session.end')?.headers['X-Aftertab-Session']).toBe(TOKEN_A);
    expect(sent.find((s) => s.name === 'session.end')?.body).toEqual({ input: { reason: 'lock' } });

    await api['tab.listOpen']({});
    expect(sent.at(-1)?.headers['X-Aftertab-Session']).toBeUndefined();
  });

  it('drops the token and signs out when any command answers unauthorized', async () => {
    fakeHost((name) => (name === 'session.signIn' ? ok({ staff: ana, token: TOKEN_A }) : unauthorized));
    const { api, getSession } = await load();
    await api['session.signIn']({ staffId: 2, pin: '1234' });
    const result = await api['tab.listOpen']({});
    expect(result.ok).toBe(false);
    expect(sessionStorage.getItem('aftertab.session')).toBeNull();
    expect(getSession()).toEqual({ status: 'signedOut', reason: 'expired' });
  });

  it('ignores a late unauthorized sent while locked once the next person has signed in', async () => {
    let release: (value: Result<unknown>) => void = () => undefined;
    fakeHost((name, request) => {
      if (name === 'session.signIn')
        return ok((request.body as { input: { staffId: number } }).input.staffId === 3 ? { staff: mo, token: TOKEN_B } : { staff: ana, token: TOKEN_A });
      if (name === 'tab.listOpen') return new Promise((resolve) => (release = resolve));
      return ok(null);
    });
    const { api, getSession } = await load();
    await api['session.signIn']({ staffId: 2, pin: '1234' });
    await api['session.end']({ reason: 'lock' });
    const stale = api['tab.listOpen']({});
    await api['session.signIn']({ staffId: 3, pin: '5678' });
    release(unauthorized);
    await stale;
    expect(getSession()).toEqual({ status: 'signedIn', staff: mo });
    expect(sessionStorage.getItem('aftertab.session')).toBe(TOKEN_B);
  });

  it('sends a token kept from before a reload, and forgets it when the main process no longer knows it', async () => {
    sessionStorage.setItem('aftertab.session', TOKEN_A);
    const sent = fakeHost(() => ok({ storeName: 'Café', locale: 'en-IE', timeZone: 'UTC', staff: [], needsSetup: false, idleLockMinutes: 5, current: null }));
    const { api, getSession } = await load();
    expect(getSession()).toEqual({ status: 'unknown' });
    await api['session.state']({});
    expect(sent[0]?.headers['X-Aftertab-Session']).toBe(TOKEN_A);
    expect(sessionStorage.getItem('aftertab.session')).toBeNull();
    expect(getSession()).toEqual({ status: 'signedOut', reason: null });
  });

  it('takes who is signed in from session.state after a reload, and a rename from session.current', async () => {
    sessionStorage.setItem('aftertab.session', TOKEN_A);
    fakeHost((name) =>
      name === 'session.state'
        ? ok({ storeName: 'Café', locale: 'en-IE', timeZone: 'UTC', staff: [], needsSetup: false, idleLockMinutes: 5, current: ana })
        : ok({ ...ana, name: 'Ana B.' }),
    );
    const { api, getSession, subscribeSession } = await load();
    const changes = vi.fn();
    subscribeSession(changes);
    await api['session.state']({});
    expect(getSession()).toEqual({ status: 'signedIn', staff: ana });
    expect(sessionStorage.getItem('aftertab.session')).toBe(TOKEN_A);
    await api['session.current']({});
    expect(getSession()).toEqual({ status: 'signedIn', staff: { ...ana, name: 'Ana B.' } });
    expect(changes).toHaveBeenCalledTimes(2);
  });

  it('asks every open screen to reload after a sign-in, since what it loaded while locked was refused', async () => {
    fakeHost((name) => (name === 'session.signIn' ? ok({ staff: ana, token: TOKEN_A }) : ok(null)));
    const { api, onEvent } = await load();
    const seen: string[] = [];
    const off = onEvent((event) => seen.push(event.type));
    await api['session.signIn']({ staffId: 2, pin: '1234' });
    off();
    // One resync: every live screen asks again once, whatever events it follows.
    expect(seen).toEqual(['resync']);
  });
});

describe('api session (Electron bridge)', () => {
  afterEach(() => {
    delete (window as Window & { aftertab?: unknown }).aftertab;
  });

  it('keeps no token (the main process knows the window) but follows sign-in and unauthorized the same way', async () => {
    const commands = {
      'session.signIn': vi.fn().mockResolvedValue(ok({ staff: mo })),
      'tab.listOpen': vi.fn().mockResolvedValue(unauthorized),
    };
    (window as Window & { aftertab?: unknown }).aftertab = { commands, onEvent: () => () => undefined };
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    vi.resetModules();
    const { api, getSession } = await import('./api');

    await api['session.signIn']({ staffId: 3, pin: '5678' });
    expect(commands['session.signIn']).toHaveBeenCalledWith({ staffId: 3, pin: '5678' }, undefined);
    expect(getSession()).toEqual({ status: 'signedIn', staff: mo });
    expect(sessionStorage.getItem('aftertab.session')).toBeNull();

    await api['tab.listOpen']({});
    expect(getSession()).toEqual({ status: 'signedOut', reason: 'expired' });
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
