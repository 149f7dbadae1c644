import { afterEach } from 'vitest';
import type { BridgeApi, CallOptions, CommandApi } from '../../shared/api-types';
import { commandNames, type CommandInput, type CommandName, type CommandResult } from '../../shared/contract';
import type { AppError, Result } from '../../shared/errors';
import type { AppEvent, Staff } from '../../shared/types';
import type * as RealApi from '../api';

/**
 * One fake of renderer/api.ts for the component tests, typed from the contract: a test sets how
 * each command answers with that command's own result type, reads back what the screen sent, and
 * pushes events as the main process would. A test file swaps the module in with
 *
 *   vi.mock('../../api', () => import('../../test-support/fake-api'));
 *
 * and imports `fake` from here. Importing this module resets the fake after every test (as
 * Testing Library's cleanup does), so no test sees another's answers or calls.
 */

type ScreenEvent = Parameters<Parameters<typeof RealApi.onEvent>[0]>[0];
type SessionSnapshot = ReturnType<typeof RealApi.getSession>;
type Access = ReturnType<typeof RealApi.getAccess>;

export type Reply<N extends CommandName> = Result<CommandResult<N>>;
/** Answers one call; may hold the answer back (a promise the test resolves) to catch a screen mid-way. */
export type Handler<N extends CommandName> = (input: CommandInput<N>, options: CallOptions | undefined) => Reply<N> | Promise<Reply<N>>;
export type Handlers = { [N in CommandName]?: Handler<N> };
/** One call as the screen made it. */
export type Call<N extends CommandName = CommandName> = { [K in N]: { name: K; input: CommandInput<K>; options: CallOptions | undefined } }[N];

const OWNER: Staff = { id: 1, name: 'Owner', role: 'owner' };

const handlers: Handlers = {};
const log: Call[] = [];
const listeners = new Set<(event: ScreenEvent) => void>();
const sessionListeners = new Set<() => void>();
const accessListeners = new Set<() => void>();
let ids = 0;
let session: SessionSnapshot = { status: 'signedIn', staff: OWNER };
let access: Access = 'granted';

function unanswered(name: CommandName): Result<never> {
  return { ok: false, error: { code: 'internal', message: `the test set no answer for ${name}` } };
}

async function call<N extends CommandName>(name: N, input: CommandInput<N>, options?: CallOptions): Promise<Reply<N>> {
  log.push({ name, input, options } as Call);
  const handler = handlers[name] as Handler<N> | undefined;
  return handler ? handler(input, options) : unanswered(name);
}

function setHandler<N extends CommandName>(name: N, handler: Handler<N>): void {
  (handlers as Record<N, Handler<N>>)[name] = handler;
}

/** The same exports as renderer/api.ts, backed by the fake. */
export const api = Object.fromEntries(
  commandNames.map((name) => [name, (input: never, options?: CallOptions) => call(name, input, options)]),
) as unknown as CommandApi;

export function onEvent(listener: (event: ScreenEvent) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Ids count up from command-1 in each test, so a test can tell one intent's id from the next. */
export function newCommandId(): string {
  ids += 1;
  return `command-${ids}`;
}

export function getSession(): SessionSnapshot {
  return session;
}

export function subscribeSession(listener: () => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

export function getAccess(): Access {
  return access;
}

export function subscribeAccess(listener: () => void): () => void {
  accessListeners.add(listener);
  return () => accessListeners.delete(listener);
}

// A type error here means renderer/api.ts changed what it exports: the fake must follow.
void ({ api, onEvent, newCommandId, getSession, subscribeSession, getAccess, subscribeAccess } satisfies Pick<
  typeof RealApi,
  'api' | 'onEvent' | 'newCommandId' | 'getSession' | 'subscribeSession' | 'getAccess' | 'subscribeAccess'
>);

export const fake = {
  /** Every call of `name` succeeds with `value`. */
  reply<N extends CommandName>(name: N, value: CommandResult<N>): void {
    setHandler(name, () => ({ ok: true, value }));
  },

  /** Every call of `name` is refused with `error`, as the ledger refuses it. */
  fail<N extends CommandName>(name: N, error: AppError): void {
    setHandler(name, () => ({ ok: false, error }));
  },

  /** Calls of `name` get these results in turn; the last goes on answering. */
  answer<N extends CommandName>(name: N, ...results: [Reply<N>, ...Reply<N>[]]): void {
    const queue = [...results];
    setHandler(name, () => (queue.length > 1 ? (queue.shift() as Reply<N>) : queue[0]!));
  },

  /** `name` answers through `handler`: for an answer that depends on the input, or comes only when the test says. */
  handle<N extends CommandName>(name: N, handler: Handler<N>): void {
    setHandler(name, handler);
  },

  /** Sets several handlers at once, typed command by command. */
  handleAll(map: Handlers): void {
    Object.assign(handlers, map);
  },

  /** What the screen sent to `name`, in order. */
  calls<N extends CommandName>(name: N): { input: CommandInput<N>; options: CallOptions | undefined }[] {
    return log.filter((c) => c.name === name).map((c) => ({ input: c.input as CommandInput<N>, options: c.options }));
  },

  /** Only the inputs sent to `name`, in order. */
  inputs<N extends CommandName>(name: N): CommandInput<N>[] {
    return fake.calls(name).map((c) => c.input);
  },

  /** The names of every command called, in order. */
  names(): CommandName[] {
    return log.map((c) => c.name);
  },

  /** Pushes an event to every screen listening, as the main process would. */
  emit(event: ScreenEvent): void {
    for (const listener of [...listeners]) listener(event);
  },

  /** How many listeners are subscribed to events now. */
  listening(): number {
    return listeners.size;
  },

  /** Who the app thinks is signed in (an owner until a test says otherwise). */
  setSession(next: SessionSnapshot): void {
    session = next;
    for (const listener of [...sessionListeners]) listener();
  },

  setAccess(next: Access): void {
    access = next;
    for (const listener of [...accessListeners]) listener();
  },

  /** The preload's bridge over the same fake, for code that takes a BridgeApi; it hears the main process's events only. */
  bridge(printToPdf?: BridgeApi['printToPdf']): BridgeApi {
    const fromMain = (listener: (event: AppEvent) => void) => (event: ScreenEvent) => {
      if ((event as { type: string }).type !== 'resync') listener(event as AppEvent);
    };
    return { commands: api, onEvent: (listener) => onEvent(fromMain(listener)), printToPdf };
  },

  /** Forgets every answer, call, listener and id; back to a signed-in owner. Runs after each test. */
  reset(): void {
    for (const name of Object.keys(handlers) as CommandName[]) delete handlers[name];
    log.length = 0;
    listeners.clear();
    sessionListeners.clear();
    accessListeners.clear();
    ids = 0;
    session = { status: 'signedIn', staff: OWNER };
    access = 'granted';
  },
};

afterEach(() => fake.reset());
