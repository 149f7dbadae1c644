import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openAppCore, startAppCore, type AppCore } from './app-core';
import { TEST_PIN_COST } from './auth/pin-hash';
import { scribble, tempDir } from './backup/test-ledger';
import { ledgerPath } from './ledger/open';
import { checkLedgerAtStartOffThread, fileStamp } from './ledger/start-check-off-thread';
import { buildVerifyWorker } from './test-support/worker-build';

let workerFile = '';
let removeWorker = (): void => undefined;
const dirs: string[] = [];
const cores: AppCore[] = [];

beforeAll(async () => {
  ({ workerFile, remove: removeWorker } = await buildVerifyWorker('start-check'));
});

afterEach(async () => {
  for (const core of cores.splice(0)) {
    await core.idle();
    core.close();
  }
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

afterAll(() => removeWorker());

const quiet = { schedule: false, pinCost: TEST_PIN_COST, timeZone: 'UTC' } as const;

function keep(core: AppCore): AppCore {
  cores.push(core);
  return core;
}

/** A data folder whose ledger was opened once and closed again. */
async function folderWithLedger(): Promise<string> {
  const dir = tempDir('aftertab-start-');
  dirs.push(dir);
  const core = startAppCore({ dataDir: dir, log: () => undefined, ...quiet });
  await core.idle();
  core.close();
  return dir;
}

describe('openAppCore: the start-up check off the main thread', () => {
  it('opens a healthy ledger on the verdict of the worker, which answered without falling back', async () => {
    const dir = await folderWithLedger();
    const log = vi.fn();
    const core = keep(await openAppCore({ dataDir: dir, log, verifyWorkerFile: workerFile, ...quiet }));
    expect(core.ledger()).not.toBeNull();
    expect(core.host.problem()).toBeNull();
    expect(log).not.toHaveBeenCalled();
  });

  it('keeps a damaged ledger closed (recovery mode) and never writes a byte of it', async () => {
    const dir = await folderWithLedger();
    const file = ledgerPath(dir);
    scribble(file, 0, 100);
    const bytes = fs.readFileSync(file);
    const core = keep(await openAppCore({ dataDir: dir, log: () => undefined, verifyWorkerFile: workerFile, ...quiet }));
    expect(core.ledger()).toBeNull();
    expect(core.host.problem()).toEqual(expect.any(String));
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('checks again a file that changed after its check began: that verdict was about other bytes', async () => {
    const dir = await folderWithLedger();
    const file = ledgerPath(dir);
    const checked = { check: { state: 'damaged', problem: 'said of the file as it was' } as const, stamp: fileStamp(file) };
    // Written to since (here only its time moves): the verdict no longer stands, and the file is checked again.
    const later = new Date(fs.statSync(file).mtimeMs + 60_000);
    fs.utimesSync(file, later, later);
    expect(fileStamp(file)).not.toBe(checked.stamp);
    const core = keep(startAppCore({ dataDir: dir, log: () => undefined, checked, ...quiet }));
    expect(core.host.problem()).toBeNull();
    expect(core.ledger()).not.toBeNull();
  });

  it('uses the verdict given for the file exactly as it is', async () => {
    const dir = await folderWithLedger();
    const file = ledgerPath(dir);
    // A verdict the file itself would not earn: only its use explains recovery mode here.
    const checked = { check: { state: 'damaged', problem: 'the worker found page 7 torn' } as const, stamp: fileStamp(file) };
    const core = keep(startAppCore({ dataDir: dir, log: () => undefined, checked, ...quiet }));
    expect(core.ledger()).toBeNull();
    expect(core.host.problem()).toBe('the worker found page 7 torn');
  });

  it('answers "missing" for a first start, from the worker and from this thread alike', async () => {
    const dir = tempDir('aftertab-start-');
    dirs.push(dir);
    const file = ledgerPath(dir);
    const log = vi.fn();
    expect((await checkLedgerAtStartOffThread(file, { workerFile, log })).check).toEqual({ state: 'missing' });
    expect((await checkLedgerAtStartOffThread(file, { workerFile: `${workerFile}.missing`, log })).check).toEqual({ state: 'missing' });
    expect(log).not.toHaveBeenCalled();
  });
});
