import type { Random } from '../../bench/seeded-random';
import type { RecoveryStatus } from '../../shared/closing-types';
import type { PaymentResult, TabSummary } from '../../shared/types';
import { killHard, must, ownerToken, send, startHost, stopHost, type RunningHost } from './host';
import { ledgerCheck } from './kills';
import { Trader } from './trader';

/**
 * A ledger with a day's trading in it, as the damaged-start and tamper cases need: open and
 * settled tabs, payments with tips, a walkout, drawer moves, audit rows and a verified backup.
 * The host is stopped cleanly at the end, so the folder is what a shop leaves overnight.
 */
export async function tradedLedger(dataDir: string, random: Random, steps = 40): Promise<void> {
  const started = await startHost(dataDir);
  if (started.kind !== 'running') throw new Error(`the web host did not start on ${dataDir}: ${started.stderr}`);
  const host = started.host;
  try {
    const token = await ownerToken(host);
    await trade(host, token, random, steps, true);
    await must(host, token, 'backup.now', {});
  } finally {
    await stopHost(host);
  }
}

/** `steps` random valid commands, and (with `settle`) one tab opened, filled and paid by card with a tip. */
export async function trade(host: RunningHost, token: string, random: Random, steps: number, prepare = false): Promise<void> {
  const newId = (): string => `scene-${random.uuid()}`;
  if (prepare) await Trader.prepare(host, token, newId);
  const trader = new Trader(random);
  await trader.resync(host, token);
  for (let i = 0; i < steps; i += 1) {
    const step = trader.next();
    const answer = await send(host, token, step.name, step.input, newId());
    if (answer.ok) await trader.observe(host, token, answer.value);
  }
  // A settled tab with two lines and a tipped card payment, whatever the random steps did.
  const catalog = await must<{ items: { id: number; priceMinor: number }[] }>(host, token, 'catalog.list', {});
  const item = catalog.items.find((i) => i.priceMinor > 0);
  if (!item) throw new Error('the starter catalog has no priced item');
  const tab = await must<TabSummary>(host, token, 'tab.open', { name: 'Settled' }, newId());
  await must(host, token, 'tab.addLine', { tabId: tab.id, itemId: item.id, qty: 2 }, newId());
  const paid = await must<PaymentResult>(host, token, 'settle.pay', { tabId: tab.id, method: 'card', tipMinor: 50 }, newId());
  if (!paid.settled) throw new Error('the scene tab did not settle');
}

/** How a start on a damaged or tampered folder ended. */
export type Outcome =
  | { kind: 'refused'; detail: string }
  | { kind: 'recovery'; detail: string }
  | { kind: 'check-failed'; detail: string }
  | { kind: 'traded'; detail: string }
  | { kind: 'no-trade'; detail: string };

/**
 * Starts the host on `dataDir` and sees where it ends: it exits non-zero (refused), it opens
 * in recovery (recovery.status says damaged), `ledger.check` (when asked, with `check`) names a
 * problem, or a tab opens: it trades on whatever ledger is there.
 */
export async function startOutcome(dataDir: string, options: { check: boolean }): Promise<Outcome> {
  const started = await startHost(dataDir);
  if (started.kind === 'exited') {
    const detail = `exit ${started.code ?? started.signal}: ${started.stderr.trim().split('\n')[0] ?? ''}`;
    return started.code !== 0 ? { kind: 'refused', detail } : { kind: 'no-trade', detail: `stopped with exit 0 (${detail})` };
  }
  const host = started.host;
  try {
    const recovery = await send(host, null, 'recovery.status', {});
    if (recovery.ok && (recovery.value as RecoveryStatus).damaged) return { kind: 'recovery', detail: (recovery.value as RecoveryStatus).problem ?? 'damaged' };
    let token: string;
    try {
      token = await ownerToken(host);
    } catch (error) {
      return { kind: 'no-trade', detail: `no sign-in: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (options.check) {
      const check = await ledgerCheck(host, token);
      if (check.problems.length > 0) return { kind: 'check-failed', detail: check.problems.join('; ').slice(0, 300) };
    }
    const opened = await send(host, token, 'tab.open', { name: 'After the damage' }, `probe-${Date.now()}-${Math.random().toString(36).slice(2)}`);
    return opened.ok
      ? { kind: 'traded', detail: 'tab.open succeeded' }
      : { kind: 'no-trade', detail: `tab.open refused (${opened.error.code}): ${opened.error.message}` };
  } finally {
    await killHard(host);
  }
}
