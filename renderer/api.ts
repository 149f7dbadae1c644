import type { BridgeApi, CallOptions, CommandApi } from '../shared/api-types';
import { commandNames } from '../shared/command-names';
import type { CommandName } from '../shared/contract';
import type { Result } from '../shared/errors';
import type { AppEvent, SessionState, SignInResult, Staff } from '../shared/types';
import { t } from './i18n/t';
import { parseSse } from './sse';

/**
 * The one place the renderer talks to the main process. Inside Electron the preload's bridge
 * carries the calls; in a browser (the web host) the same calls go over loopback HTTP with the
 * per-launch secret in a header, and once someone signs in, their session token beside it.
 * Both transports feed one session store: who is signed in here, as the answers say.
 */

/**
 * What a screen hears: every event the main process pushes, and `resync`, said here when events
 * may have been missed (the web host's event stream connected again, someone signed in): every
 * live screen then asks again, once, whatever events it otherwise follows.
 */
export type ScreenEvent = AppEvent | { type: 'resync' };

type Listener = (event: ScreenEvent) => void;
type Call = (name: CommandName, input: unknown, options?: CallOptions) => Promise<Result<unknown>>;

/** granted: calls can work; missing: opened without the #secret link; rejected: the link is stale. */
export type Access = 'granted' | 'missing' | 'rejected';

const SECRET_HEADER = 'X-Aftertab-Secret';
const SECRET_KEY = 'aftertab.secret';
const SESSION_HEADER = 'X-Aftertab-Session';
const SESSION_KEY = 'aftertab.session';
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 10_000;

const bridge = (window as Window & { aftertab?: BridgeApi }).aftertab;

/**
 * Moves the secret out of the address bar into this tab's sessionStorage: it then survives a
 * reload but is not left in history, bookmarks or a screenshot of the address bar.
 */
function takeSecret(): string | null {
  const params = new URLSearchParams(location.hash.slice(1));
  const fromLink = params.get('secret');
  if (fromLink !== null) {
    if (fromLink) sessionStorage.setItem(SECRET_KEY, fromLink);
    params.delete('secret');
    const rest = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
  }
  return sessionStorage.getItem(SECRET_KEY);
}

const secret = bridge ? null : takeSecret();
let access: Access = bridge || secret ? 'granted' : 'missing';
const accessListeners = new Set<() => void>();

function refuse(): void {
  if (access === 'rejected') return;
  sessionStorage.removeItem(SECRET_KEY);
  // A session belongs to one start of Aftertab; the one that gave this token is gone.
  setToken(null);
  access = 'rejected';
  for (const listener of accessListeners) listener();
}

export function getAccess(): Access {
  return access;
}

export function subscribeAccess(listener: () => void): () => void {
  accessListeners.add(listener);
  return () => accessListeners.delete(listener);
}

function failure(message: string, code: 'internal' | 'unauthorized' = 'internal'): Result<never> {
  return { ok: false, error: { code, message } };
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  return value.ok === true ? 'value' in value : value.ok === false && 'error' in value;
}

/**
 * The web client's session token: kept in this tab's sessionStorage only (a reload keeps it, another
 * tab signs in on its own) and sent with every command; the main process holds sessions in memory,
 * so after a restart the token is unknown and the first answer says `unauthorized`.
 */
let token: string | null = bridge ? null : sessionStorage.getItem(SESSION_KEY);

function setToken(next: string | null): void {
  token = next;
  if (bridge) return;
  if (next === null) sessionStorage.removeItem(SESSION_KEY);
  else sessionStorage.setItem(SESSION_KEY, next);
}

const webCall: Call = async (name, input, options) => {
  if (!secret || access === 'rejected') return failure(t('errors.noLink'), 'unauthorized');
  const headers: Record<string, string> = { 'Content-Type': 'application/json', [SECRET_HEADER]: secret };
  if (token !== null) headers[SESSION_HEADER] = token;
  let response: Response;
  try {
    response = await fetch(`/api/command/${name}`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ input, commandId: options?.commandId }),
      cache: 'no-store',
    });
  } catch {
    return failure(t('errors.offline'));
  }
  if (response.status === 401) refuse();
  try {
    const body: unknown = await response.json();
    if (isResult(body)) return body;
  } catch {
    // Not JSON (a proxy page, a crash): fall through to a plain message.
  }
  return failure(t('errors.unreadable', { status: response.status }));
};

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop);
      resolve();
    }, ms);
    signal.addEventListener('abort', stop, { once: true });
  });
}

const eventListeners = new Set<Listener>();
let streamAbort: AbortController | null = null;

function emit(event: ScreenEvent): void {
  for (const listener of eventListeners) {
    try {
      listener(event);
    } catch (error) {
      console.error('[aftertab] event listener failed:', error);
    }
  }
}

async function readEvents(body: ReadableStream<Uint8Array>): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    const parsed = parseSse(buffer + decoder.decode(value, { stream: true }));
    buffer = parsed.rest;
    for (const data of parsed.data) emit(JSON.parse(data) as AppEvent);
  }
}

/** Keeps one event stream open while anyone listens, reconnecting with backoff when it drops. */
async function streamEvents(signal: AbortSignal): Promise<void> {
  let delay = FIRST_RETRY_MS;
  while (!signal.aborted && access === 'granted' && secret) {
    try {
      // The session token lets the host count this tab's streams against its sign-in (a few at most).
      const headers: Record<string, string> = { [SECRET_HEADER]: secret };
      if (token !== null) headers[SESSION_HEADER] = token;
      const response = await fetch('/api/events', { headers, cache: 'no-store', signal });
      if (response.status === 401) return refuse();
      if (!response.ok || !response.body) throw new Error(`event stream answered HTTP ${response.status}`);
      delay = FIRST_RETRY_MS;
      // Whatever changed while we were not connected (or, on the first connection, between a
      // screen's first load and now) was not pushed to us: every screen asks again, once.
      emit({ type: 'resync' });
      await readEvents(response.body);
    } catch (error) {
      if (signal.aborted) return;
      console.warn('[aftertab] event stream dropped; reconnecting', error);
    }
    await sleep(delay, signal);
    delay = Math.min(delay * 2, MAX_RETRY_MS);
  }
}

function webOnEvent(listener: Listener): () => void {
  eventListeners.add(listener);
  if (!streamAbort) {
    streamAbort = new AbortController();
    void streamEvents(streamAbort.signal);
  }
  return () => {
    eventListeners.delete(listener);
    if (eventListeners.size === 0 && streamAbort) {
      streamAbort.abort();
      streamAbort = null;
    }
  };
}

/** Who is signed in here: not known until the first session.state answers, then one person or nobody. */
export type SignOutReason = 'signOut' | 'lock' | 'idle' | 'expired';
export type SessionSnapshot = { status: 'unknown' } | { status: 'signedIn'; staff: Staff } | { status: 'signedOut'; reason: SignOutReason | null };

let session: SessionSnapshot = { status: 'unknown' };
/** Counts sign-ins and sign-outs, so a late answer to a call sent under an earlier session changes nothing. */
let epoch = 0;
const sessionListeners = new Set<() => void>();

function setSession(next: SessionSnapshot): void {
  session = next;
  for (const listener of sessionListeners) listener();
}

export function getSession(): SessionSnapshot {
  return session;
}

export function subscribeSession(listener: () => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

function signedOut(reason: SignOutReason | null): void {
  setToken(null);
  epoch += 1;
  setSession({ status: 'signedOut', reason });
}

const localListeners = new Set<Listener>();

function signedIn(result: SignInResult): void {
  setToken(result.token ?? null);
  epoch += 1;
  setSession({ status: 'signedIn', staff: result.staff });
  // What a screen kept from before the lock is stale and its failed loads said "not signed in": all reload.
  for (const listener of [...localListeners]) listener({ type: 'resync' });
}

function sameStaff(a: Staff, b: Staff): boolean {
  return a.id === b.id && a.name === b.name && a.role === b.role;
}

/** Reads what an answer says about the session; `sentAt` is the epoch the call was sent in. */
function follow(name: CommandName, result: Result<unknown>, sentAt: number): void {
  if (!result.ok) {
    // Any command refused for want of a session: this caller is signed out (idle expiry, a restart, a restore).
    if (result.error.code === 'unauthorized' && sentAt === epoch && session.status !== 'signedOut') {
      signedOut(session.status === 'signedIn' ? 'expired' : null);
    }
    return;
  }
  if (name === 'session.signIn' || name === 'session.setup') return signedIn(result.value as SignInResult);
  if (name === 'session.state') {
    const { current } = result.value as SessionState;
    if (session.status === 'unknown') {
      if (current) setSession({ status: 'signedIn', staff: current });
      else signedOut(null);
    } else if (!current && session.status === 'signedIn' && sentAt === epoch) {
      signedOut('expired');
    }
    return;
  }
  if (name === 'session.current' && session.status === 'signedIn' && sentAt === epoch) {
    const staff = result.value as Staff;
    if (!sameStaff(staff, session.staff)) setSession({ status: 'signedIn', staff });
  }
}

/** Every call goes through here, whichever transport carries it. */
function tracked(call: Call): Call {
  return async (name, input, options) => {
    const sentAt = epoch;
    const answer = call(name, input, options);
    // The call above has already taken the token; the screen locks now, not when the answer comes.
    if (name === 'session.end') signedOut((input as { reason?: SignOutReason } | undefined)?.reason ?? 'signOut');
    const result = await answer;
    follow(name, result, sentAt);
    return result;
  };
}

const bridgeCall: Call = (name, input, options) => {
  const command = bridge?.commands[name] as ((input: unknown, options?: CallOptions) => Promise<Result<unknown>>) | undefined;
  return command ? command(input, options) : Promise.resolve(failure(t('errors.offline')));
};

function buildCommands(call: Call): CommandApi {
  return Object.fromEntries(commandNames.map((name) => [name, (input: unknown, options?: CallOptions) => call(name, input, options)])) as CommandApi;
}

/** One function per command in shared/contract.ts, with the same types for both transports. */
export const api: CommandApi = buildCommands(tracked(bridge ? bridgeCall : webCall));

/** Subscribes to changes pushed by the main process (and to a reload after a sign-in); returns the unsubscribe function. */
export function onEvent(listener: Listener): () => void {
  localListeners.add(listener);
  const off = bridge ? bridge.onEvent(listener) : webOnEvent(listener);
  return () => {
    localListeners.delete(listener);
    off();
  };
}

/** A fresh id for one user intent; sending it twice makes the ledger replay, not repeat. */
export function newCommandId(): string {
  return crypto.randomUUID();
}
