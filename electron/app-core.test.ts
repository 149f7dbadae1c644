import { createHash, randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupInfo, DayStatus, RecoveryStatus, RestoreResult } from '../shared/closing-types';
import type { CommandInput, CommandName, CommandResult } from '../shared/contract';
import type { AppError } from '../shared/errors';
import type { AppEvent, TabSummary } from '../shared/types';
import { startAppCore, type AppCore } from './app-core';
import { TEST_PIN_COST } from './auth/pin-hash';
import { scribble, tempDir } from './backup/test-ledger';
import { CHECKPOINT_IDLE_MS } from './ledger-host/ledger-host';
import { ledgerPath } from './ledger/open';
import { OWNER_PIN, windowClient } from './test-support/test-core';

const dirs: string[] = [];
const cores: AppCore[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) {
    await core.idle();
    core.close();
  }
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function start(
  dataDir: string,
  schedule = false,
): AppCore & {
  call: <N extends CommandName>(name: N, input: CommandInput<N>) => Promise<CommandResult<N>>;
  refuse: (name: string, input: unknown) => Promise<AppError>;
  /** Signs the window in as the owner: the first-run PIN on a new ledger, that PIN after it. */
  signIn: () => Promise<void>;
} {
  let now = Date.parse('2026-11-24T10:00:00.000Z');
  const core = startAppCore({ dataDir, clock: () => new Date((now += 1000)), log: () => undefined, timeZone: 'UTC', schedule, pinCost: TEST_PIN_COST });
  cores.push(core);
  const window = windowClient(core, 1);
  return {
    ...core,
    call: (name, input) => window.call(name, input, randomUUID()),
    refuse: (name, input) => window.refuse(name, input, randomUUID()),
    async signIn() {
      const state = await window.call('session.state', {});
      if (state.needsSetup) {
        await window.setup();
        return;
      }
      const owner = state.staff.find((person) => person.role === 'owner');
      if (!owner) throw new Error('the ledger has no owner');
      await window.signIn(owner.id, OWNER_PIN);
    },
  };
}

function dataDir(): string {
  const dir = tempDir('aftertab-core-');
  dirs.push(dir);
  return dir;
}

/** A café with two open tabs, one of them with a line on it. */
async function trade(core: ReturnType<typeof start>): Promise<void> {
  const catalog = await core.call('catalog.loadStarter', { kind: 'cafe' });
  const tab = await core.call('tab.open', { name: 'Ana' });
  await core.call('tab.addLine', { tabId: tab.id, itemId: catalog.items[0]!.id, qty: 2 });
  await core.call('tab.open', { name: 'Ben' });
}

const summary = (tabs: TabSummary[]) => tabs.map((tab) => ({ token: tab.token, name: tab.name, dueMinor: tab.dueMinor }));

describe('startAppCore', () => {
  it('starts a fresh ledger in an empty folder and serves ledger and backup commands', async () => {
    const core = start(dataDir());
    expect(core.ledger()).not.toBeNull();
    // Nothing but the PIN pad answers before someone signs in.
    expect((await core.refuse('tab.listOpen', {})).code).toBe('unauthorized');
    expect(await core.call('session.state', {})).toMatchObject({ needsSetup: true, current: null });
    await core.signIn();
    expect(await core.call('tab.listOpen', {})).toEqual([]);
    const backup: BackupInfo = await core.call('backup.now', {});
    expect(backup.verified).toBe(true);
    expect((await core.call('recovery.status', {})).damaged).toBe(false);
    expect((await core.refuse('recovery.restore', { name: backup.name })).key).toBe('errors.recovery.notDamaged');
  });

  it('backs up, restores through the router, and the open tabs are exactly the earlier ones', async () => {
    const core = start(dataDir());
    await core.signIn();
    await trade(core);
    const earlier = summary(await core.call('tab.listOpen', {}));
    const backup = await core.call('backup.now', {});
    await core.call('tab.open', { name: 'Later' });
    const events: AppEvent[] = [];
    core.commands.subscribe((event) => events.push(event));

    const restored: RestoreResult = await core.call('backup.restore', { name: backup.name });
    // The restored file has its own staff table: everyone signs in again.
    expect((await core.refuse('tab.listOpen', {})).code).toBe('unauthorized');
    await core.signIn();
    expect(summary(await core.call('tab.listOpen', {}))).toEqual(earlier);
    expect(fs.existsSync(path.join(core.host.dataDir, restored.keptAside))).toBe(true);
    expect(events.map((event) => event.type)).toEqual(expect.arrayContaining(['tabs.changed', 'store.changed', 'day.changed', 'backup.changed']));
    // The restored ledger takes commands like any other.
    const tab: TabSummary = await core.call('tab.open', { name: 'After restore' });
    expect(tab.name).toBe('After restore');
  });
});

describe('the WAL', () => {
  it('goes into the ledger file once a second passes without a command, never inside one', async () => {
    const dir = dataDir();
    const core = start(dir);
    await core.signIn();
    const file = ledgerPath(dir);
    const fileHash = () => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    await new Promise((resolve) => setTimeout(resolve, CHECKPOINT_IDLE_MS + 300));
    const quiet = fileHash();
    await trade(core);
    // The commands are in the WAL (durable there); the file itself has not been touched.
    expect(fileHash()).toBe(quiet);
    await new Promise((resolve) => setTimeout(resolve, CHECKPOINT_IDLE_MS + 300));
    expect(fileHash()).not.toBe(quiet);
    // The file alone, without its WAL, now holds both tabs.
    const copy = path.join(dir, 'file-alone.sqlite');
    fs.copyFileSync(file, copy);
    const alone = new Database(copy, { readonly: true });
    expect(alone.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM tabs WHERE status = 'open'").get()?.n).toBe(2);
    alone.close();
  });

  it('goes into the ledger file straight after a Z, without waiting for a quiet second', async () => {
    const dir = dataDir();
    const core = start(dir);
    await core.signIn();
    await trade(core);
    const status: DayStatus = await core.call('day.status', {});
    expect(status.nextToClose).not.toBeNull();
    await core.call('day.close', { businessDate: status.nextToClose });
    // Well under the quiet second the idle checkpoint waits for.
    await new Promise((resolve) => setTimeout(resolve, CHECKPOINT_IDLE_MS / 5));
    const copy = path.join(dir, 'file-alone.sqlite');
    fs.copyFileSync(ledgerPath(dir), copy);
    const alone = new Database(copy, { readonly: true });
    expect(alone.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM z_reports').get()?.n).toBe(1);
    alone.close();
  });
});

describe('the after-Z backup', () => {
  it('copies the ledger with reason z once the day is closed through the dispatcher', async () => {
    const core = start(dataDir(), true);
    await core.signIn();
    await trade(core);
    await core.call('drawer.open', { float: { kind: 'total', totalMinor: 0 } });
    await core.idle();
    expect((await core.call('backup.status', {})).backups).toEqual([]);
    await core.call('drawer.count', { count: { kind: 'total', totalMinor: 0 } });
    await core.call('drawer.close', { varianceReason: '' });
    const day = await core.call('day.status', {});
    const z = await core.call('day.close', { businessDate: day.nextToClose });
    await core.idle();
    const backups = (await core.call('backup.status', {})).backups;
    expect(backups.map((backup) => [backup.reason, backup.verified])).toEqual([['z', true]]);
    expect(z.zNumber).toBe(1);
  });

  it('makes no z copy when a ledger that already held a Z starts with no backups and a drawer opens', async () => {
    const dir = dataDir();
    const first = start(dir);
    await first.signIn();
    await trade(first);
    await first.call('drawer.open', { float: { kind: 'total', totalMinor: 0 } });
    await first.call('drawer.count', { count: { kind: 'total', totalMinor: 0 } });
    await first.call('drawer.close', { varianceReason: '' });
    await first.call('day.close', { businessDate: (await first.call('day.status', {})).nextToClose });
    await first.idle();
    first.close();
    cores.splice(cores.indexOf(first), 1);

    const core = start(dir, true);
    await core.signIn();
    // drawer.* and store.* announce day.changed too; only a Z closed now is a reason 'z'.
    await core.call('drawer.open', { float: { kind: 'total', totalMinor: 0 } });
    await core.idle();
    expect((await core.call('backup.status', {})).backups).toEqual([]);
  });
});

describe('a damaged ledger at start', () => {
  async function damagedFolder(damage: (file: string) => void): Promise<{ dir: string; backup: BackupInfo; earlier: ReturnType<typeof summary> }> {
    const dir = dataDir();
    const first = start(dir);
    await first.signIn();
    await trade(first);
    const earlier = summary(await first.call('tab.listOpen', {}));
    const backup = await first.call('backup.now', {});
    await first.call('tab.open', { name: 'Not in the backup' });
    await first.idle();
    first.close();
    cores.splice(cores.indexOf(first), 1);
    damage(ledgerPath(dir));
    return { dir, backup, earlier };
  }

  it.each([
    ['an overwritten header', (file: string) => scribble(file, 0, 100)],
    ['a truncated file', (file: string) => fs.truncateSync(file, Math.floor(fs.statSync(file).size / 3))],
  ])('with %s starts in recovery mode, leaves the file alone, and offers the backup', async (_label, damage) => {
    const { dir, backup, earlier } = await damagedFolder(damage);
    const file = ledgerPath(dir);
    const bytes = fs.readFileSync(file);

    const core = start(dir);
    expect(core.ledger()).toBeNull();
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    for (const name of ['tab.listOpen', 'store.get', 'backup.status']) {
      expect((await core.refuse(name, {})).key).toBe('errors.recovery.ledgerDamaged');
    }
    const status: RecoveryStatus = await core.call('recovery.status', {});
    expect(status).toMatchObject({ damaged: true, ledgerFile: file, backups: [{ name: backup.name, verified: true }] });
    expect(status.problem).toBeTruthy();

    const restored = await core.call('recovery.restore', { name: backup.name });
    await core.signIn();
    expect(summary(await core.call('tab.listOpen', {}))).toEqual(earlier);
    expect(restored.keptAside).toMatch(/^aftertab\.sqlite\.damaged-\d{8}T\d{9}Z$/);
    expect(fs.readFileSync(path.join(dir, restored.keptAside)).equals(bytes)).toBe(true);
    expect((await core.call('recovery.status', {})).damaged).toBe(false);
    // The restored ledger was backed up at once (this test's clocks restart with each core, so
    // its time is not compared here; backup-service.test.ts checks it is the newest).
    const after = await core.call('backup.status', {});
    expect(after.backups.map((b) => [b.reason, b.verified]).sort()).toEqual([
      ['after-restore', true],
      ['manual', true],
    ]);
  });

  it('with no backup says so and still never starts a fresh ledger', async () => {
    const dir = dataDir();
    fs.writeFileSync(ledgerPath(dir), Buffer.alloc(16_384, 0x42));
    const core = start(dir);
    expect(core.ledger()).toBeNull();
    expect(await core.call('recovery.status', {})).toMatchObject({ damaged: true, backups: [] });
    expect(fs.readFileSync(ledgerPath(dir)).equals(Buffer.alloc(16_384, 0x42))).toBe(true);
  });
});
