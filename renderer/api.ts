import type { BridgeApi, CallOptions, CommandApi } from '../shared/api-types';
import { commandNames, type CommandName } from '../shared/contract';
import type { Result } from '../shared/errors';
import type { AppEvent } from '../shared/types';
import { t } from './i18n/t';
import { parseSse } from './sse';

/**
 * The one place the renderer talks to the main process. Inside Electron the preload's bridge
 * is used as is; in a browser (the web host) the same calls go over loopback HTTP with the
 * per-launch secret in a header.
 */

type Listener = (event: AppEvent) => void;
type Call = (name: CommandName, input: unknown, options?: CallOptions) => Promise<Result<unknown>>;

/** granted: calls can work; missing: opened without the #secret link; rejected: the link is stale. */
export type Access = 'granted' | 'missing' | 'rejected';

const SECRET_HEADER = 'X-Aftertab-Secret';
const SECRET_KEY = 'aftertab.secret';
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

const webCall: Call = async (name, input, options) => {
  if (!secret || access === 'rejected') return failure(t('errors.noLink'), 'unauthorized');
  let response: Response;
  try {
    response = await fetch(`/api/command/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [SECRET_HEADER]: secret },
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

function emit(event: AppEvent): void {
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
      const response = await fetch('/api/events', { headers: { [SECRET_HEADER]: secret }, cache: 'no-store', signal });
      if (response.status === 401) return refuse();
      if (!response.ok || !response.body) throw new Error(`event stream answered HTTP ${response.status}`);
      delay = FIRST_RETRY_MS;
      // Whatever changed while we were not connected was not pushed to us: every screen refetches.
      emit({ type: 'tabs.changed', tabIds: [] });
      emit({ type: 'catalog.changed' });
      emit({ type: 'store.changed' });
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

function buildCommands(call: Call): CommandApi {
  return Object.fromEntries(
    commandNames.map((name) => [name, (input: unknown, options?: CallOptions) => call(name, input, options)]),
  ) as CommandApi;
}

/** One function per command in shared/contract.ts, with the same types for both transports. */
export const api: CommandApi = bridge ? bridge.commands : buildCommands(webCall);

/** Subscribes to changes pushed by the main process; returns the unsubscribe function. */
export const onEvent: (listener: Listener) => () => void = bridge ? (listener) => bridge.onEvent(listener) : webOnEvent;

/** A fresh id for one user intent; sending it twice makes the ledger replay, not repeat. */
export function newCommandId(): string {
  return crypto.randomUUID();
}
