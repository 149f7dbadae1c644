import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackupScheduler } from './backup-scheduler';
import { createBackupService } from './backup-service';
import { createLedgerHost } from '../ledger-host/ledger-host';
import { closeDay, openTestLedger, sell, tempDir, type TestLedgerApp } from './test-ledger';
import { verifyLedgerCopy } from './verify';

const dirs: string[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function setup(options: { seed?: (app: TestLedgerApp) => void; verify?: Parameters<typeof createBackupService>[0]['verify'] } = {}) {
  const dataDir = tempDir('aftertab-schedule-');
  dirs.push(dataDir);
  if (options.seed) {
    // A ledger that already holds history (brought in, generated, or its backup folder is new).
    const seeded = openTestLedger(dataDir);
    options.seed(seeded);
    seeded.close();
  }
  let now = Date.parse('2026-11-24T12:00:00.000Z');
  const clock = () => new Date(now);
  let app: TestLedgerApp | null = null;
  const host = createLedgerHost({
    dataDir,
    open: () => (app = openTestLedger(dataDir)),
    log: () => undefined,
  });
  host.openLedger();
  const backups = createBackupService({ host, clock, log: () => undefined, ...(options.verify ? { verify: options.verify } : {}) });
  const scheduler = createBackupScheduler({ backups, host, clock, log: () => undefined, checkEveryMs: 1000 });
  const ledger = () => app!;
  return {
    host,
    backups,
    scheduler,
    ledger,
    advanceMinutes: (minutes: number) => (now += minutes * 60_000),
    sell: (amount: number) => sell(ledger().db, ledger().session.staffId, amount),
    reasons: () => backups.status().backups.map((b) => b.reason),
  };
}

describe('the scheduled backup', () => {
  it('backs up only when something changed, and at most every everyMinutes', async () => {
    const t = setup();
    t.sell(100);
    expect(await t.scheduler.tick()).toMatchObject({ reason: 'scheduled' });

    t.sell(200);
    t.advanceMinutes(10);
    expect(await t.scheduler.tick()).toBeNull();
    t.advanceMinutes(20);
    expect(await t.scheduler.tick()).toMatchObject({ reason: 'scheduled' });

    t.advanceMinutes(45);
    expect(await t.scheduler.tick()).toBeNull();
    expect(t.reasons()).toEqual(['scheduled', 'scheduled']);
  });

  it('follows a changed interval without a restart', async () => {
    const t = setup();
    t.sell(100);
    await t.scheduler.tick();
    t.backups.configure({ everyMinutes: 5 });
    t.sell(1);
    t.advanceMinutes(6);
    expect(await t.scheduler.tick()).not.toBeNull();
  });

  it('does nothing in recovery mode', async () => {
    const t = setup();
    t.host.closeLedger();
    expect(await t.scheduler.tick()).toBeNull();
  });

  it('runs on an unref’d timer that stop() clears', async () => {
    // Only the interval is faked: the online backup steps on real setImmediate.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const t = setup();
    t.sell(100);
    const unref = vi.spyOn(globalThis, 'setInterval');
    t.scheduler.start();
    const timer = unref.mock.results[0]?.value as { hasRef?: () => boolean };
    expect(timer.hasRef?.()).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    await t.backups.idle();
    expect(t.reasons()).toEqual(['scheduled']);
    t.scheduler.stop();
    t.sell(5);
    t.advanceMinutes(60);
    await vi.advanceTimersByTimeAsync(5000);
    expect(t.reasons()).toEqual(['scheduled']);
  });
});

describe('the after-Z backup', () => {
  it('backs up with reason z when the ledger announces a closed day, once per Z', async () => {
    const t = setup();
    t.scheduler.start();
    t.sell(100);
    closeDay(t.ledger().db, t.ledger().session.staffId, 1, '2026-11-24');
    t.ledger().emit({ type: 'day.changed' });
    await t.backups.idle();
    expect(t.reasons()).toEqual(['z']);

    // The same day announced again (or a restore's own refresh) makes no second copy.
    t.ledger().emit({ type: 'day.changed' });
    t.host.emit({ type: 'day.changed' });
    await t.backups.idle();
    expect(t.reasons()).toEqual(['z']);
    t.scheduler.stop();
  });

  it('makes no z copy of a ledger that already held Zs when it was opened: only a Z closed here is one', async () => {
    // What the acceptance test saw: a data folder with a year of closed days and no backups yet.
    // Any drawer or settings command announces day.changed, and the first copy was labelled "z".
    const t = setup({
      seed: (app) => {
        sell(app.db, app.session.staffId, 100);
        closeDay(app.db, app.session.staffId, 1, '2026-11-22');
        closeDay(app.db, app.session.staffId, 2, '2026-11-23');
      },
    });
    t.scheduler.start();
    t.ledger().emit({ type: 'day.changed' });
    await t.backups.idle();
    expect(t.reasons()).toEqual([]);
    // The schedule makes the first copy, as a scheduled one.
    expect(await t.scheduler.tick()).toMatchObject({ reason: 'scheduled' });

    closeDay(t.ledger().db, t.ledger().session.staffId, 3, '2026-11-24');
    t.ledger().emit({ type: 'day.changed' });
    await t.backups.idle();
    expect(t.reasons()).toEqual(['z', 'scheduled']);
    t.scheduler.stop();
  });

  it('tries the z copy again on the next day.changed when it failed', async () => {
    let fail = true;
    const t = setup({ verify: (file) => (fail ? { ok: false, problem: 'the stick is full' } : verifyLedgerCopy(file)) });
    t.scheduler.start();
    t.sell(100);
    closeDay(t.ledger().db, t.ledger().session.staffId, 1, '2026-11-24');
    t.ledger().emit({ type: 'day.changed' });
    await t.backups.idle();
    expect(t.reasons()).toEqual([]);
    fail = false;
    t.ledger().emit({ type: 'day.changed' });
    await t.backups.idle();
    expect(t.reasons()).toEqual(['z']);
    t.scheduler.stop();
  });
});
