import type { DevicePreferencesStore } from '../device-preferences';
import type { StoreProfile } from '../../shared/store-profile';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { contract, isCommandName, type CommandInput, type CommandName, type CommandResult } from '../../shared/contract';
import type { AppError, Result } from '../../shared/errors';
import type { Role } from '../../shared/permissions';
import type { SignInResult, StaffMember } from '../../shared/types';
import { startAppCore, type AppCore } from '../app-core';
import type { Caller } from '../auth/auth-commands';
import { TEST_PIN_COST } from '../auth/pin-hash';

/** The first owner's PIN in tests that set one up through session.setup. */
export const OWNER_PIN = '2468';

export type TestCore = AppCore & {
  dir: string;
  /** Moves the injected clock forward (sessions, approvals and lockouts all read it). */
  advance(ms: number): void;
  setNow(iso: string): void;
  nowMs(): number;
};

export type TestCoreOptions = {
  /** Reopen this folder instead of a fresh one (it is still removed after the test). */
  dataDir?: string;
  start?: string;
  schedule?: boolean;
  /** A checked store profile the host holds for the first run, as --profile gives it. */
  profile?: StoreProfile;
  /** This PC's preferences (in memory unless given). */
  device?: DevicePreferencesStore;
};

/**
 * startAppCore on a real ledger in a temp folder, with a clock the test moves and the cheap PIN
 * cost: the router, the sessions and the approvals are the app's own. Call once at the top of a
 * file; every core it starts is closed, and every folder removed, after each test.
 */
export function testCores(prefix = 'aftertab-core-'): (options?: TestCoreOptions) => TestCore {
  const cores: AppCore[] = [];
  const folders = new Set<string>();
  afterEach(async () => {
    for (const core of cores.splice(0)) {
      await core.idle();
      core.close();
    }
    for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
    folders.clear();
  });
  return (options = {}) => {
    const dir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    folders.add(dir);
    let now = Date.parse(options.start ?? '2026-11-24T10:00:00.000Z');
    const core = startAppCore({
      dataDir: dir,
      clock: () => new Date(now),
      log: () => undefined,
      timeZone: 'UTC',
      schedule: options.schedule ?? false,
      pinCost: TEST_PIN_COST,
      profile: options.profile ?? null,
      ...(options.device ? { device: options.device } : {}),
    });
    cores.push(core);
    return {
      ...core,
      dir,
      advance: (ms) => {
        now += ms;
      },
      setNow: (iso) => {
        now = Date.parse(iso);
      },
      nowMs: () => now,
    };
  };
}

/** One caller of the router, as a transport would make it: a window, or a web client with its token. */
export type Client = {
  readonly caller: Caller;
  /** Sends a command; a mutation gets a fresh command id unless one is given. */
  send(name: string, input: unknown, commandId?: string): Promise<Result<unknown>>;
  call<N extends CommandName>(name: N, input: CommandInput<N>, commandId?: string): Promise<CommandResult<N>>;
  refuse(name: string, input: unknown, commandId?: string): Promise<AppError>;
  signIn(staffId: number, pin: string): Promise<SignInResult>;
  /** First run: sets the owner's PIN and signs in as the owner. */
  setup(pin?: string): Promise<SignInResult>;
};

function client(core: Pick<AppCore, 'commands'>, initial: Caller): Client {
  let caller = initial;
  const send = (name: string, input: unknown, commandId?: string): Promise<Result<unknown>> => {
    const id = commandId ?? (isCommandName(name) && contract[name].mutates ? randomUUID() : undefined);
    return core.commands.dispatch(name, id === undefined ? { input } : { input, commandId: id }, caller);
  };
  const call = async (name: string, input: unknown, commandId?: string): Promise<unknown> => {
    const result = await send(name, input, commandId);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  // A web client keeps the token its sign-in gave it and sends it from then on.
  const signedIn = (result: SignInResult): SignInResult => {
    if (caller.kind === 'web' && result.token !== undefined) caller = { kind: 'web', token: result.token };
    return result;
  };
  return {
    get caller() {
      return caller;
    },
    send,
    call: call as Client['call'],
    async refuse(name, input, commandId) {
      const result = await send(name, input, commandId);
      if (result.ok) throw new Error(`${name} should have been refused`);
      return result.error;
    },
    signIn: async (staffId, pin) => signedIn((await call('session.signIn', { staffId, pin })) as SignInResult),
    setup: async (pin = OWNER_PIN) => signedIn((await call('session.setup', { pin, pinAgain: pin })) as SignInResult),
  };
}

/** An Electron window's caller: its session is keyed by the window's webContents id. */
export function windowClient(core: Pick<AppCore, 'commands'>, windowId: number): Client {
  return client(core, { kind: 'window', windowId });
}

/** A web client: no token until it signs in. */
export function webClient(core: Pick<AppCore, 'commands'>): Client {
  return client(core, { kind: 'web', token: null });
}

/** Adds a person through staff.create as `by` (an owner or manager signed in). */
export function addPerson(by: Client, name: string, role: Role, pin: string): Promise<StaffMember> {
  return by.call('staff.create', { name, role, pin });
}
