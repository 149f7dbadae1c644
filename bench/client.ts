import { randomUUID } from 'node:crypto';
import { startAppCore, type AppCore } from '../electron/app-core';
import { type LedgerApp } from '../electron/ledger-host/ledger-app';
import type { Caller } from '../electron/auth/auth-commands';
import type { Clock } from '../electron/services/context';
import type { SignInResult } from '../shared/types';

/** The PIN the bench's owner sets on a fresh ledger (or a generated year, which has none yet). */
const BENCH_PIN = '8642';

/** The app's core, and a web client signed in to it: every command goes through the router with its token. */
export type BenchClient = { core: AppCore; ledger: LedgerApp; caller: Caller };

/**
 * Starts the core on dataDir and signs in the way a web client does: the owner's first-run PIN
 * (session.setup), then the token it got on every command. Nothing bypasses admission.
 */
export async function signedInClient(dataDir: string, options: { clock?: Clock; beforeSignIn?: (ledger: LedgerApp) => void } = {}): Promise<BenchClient> {
  const core = startAppCore({ dataDir, clock: options.clock, schedule: false, log: (error) => console.error(error) });
  const ledger = core.ledger();
  if (!ledger) throw new Error(`the ledger in ${dataDir} did not open: ${core.host.problem() ?? ''}`);
  options.beforeSignIn?.(ledger);
  const setup = await core.commands.dispatch('session.setup', { input: { pin: BENCH_PIN, pinAgain: BENCH_PIN } }, { kind: 'web', token: null });
  if (!setup.ok) throw new Error(`session.setup: ${setup.error.message}`);
  const { token } = setup.value as SignInResult;
  if (token === undefined) throw new Error('session.setup gave a web client no token');
  return { core, ledger, caller: { kind: 'web', token } };
}

/** One command as the signed-in client, with a fresh command id; throws on a refusal. */
export async function call(client: BenchClient, name: string, input: unknown): Promise<unknown> {
  const result = await client.core.commands.dispatch(name, { input, commandId: randomUUID() }, client.caller);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}

/** The three items every bench tab takes: the first three of the café starter catalog, on a pool of 1,000 tokens. */
export async function benchItems(client: BenchClient): Promise<{ id: number }[]> {
  await call(client, 'store.update', { tokenLast: 1000 });
  return ((await call(client, 'catalog.loadStarter', { kind: 'cafe' })) as { items: { id: number }[] }).items.slice(0, 3);
}

/** The bench's sequence, as a till does it: open a tab, add three lines, settle by card with a tip (five commands). */
export async function settleSequence(client: BenchClient, items: readonly { id: number }[]): Promise<void> {
  const tab = (await call(client, 'tab.open', {})) as { id: number };
  for (const item of items) await call(client, 'tab.addLine', { tabId: tab.id, itemId: item.id });
  await call(client, 'settle.pay', { tabId: tab.id, method: 'card', tipMinor: 150 });
}
