import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildVerifyWorker } from '../test-support/worker-build';
import { createBackupService } from './backup-service';
import { createLedgerHost } from '../ledger-host/ledger-host';
import { closeDay, openTestLedger, scribble, sell, tempDir } from './test-ledger';
import { verifyLedgerCopy } from './verify';
import { verifyOffThread } from './verify-off-thread';

const dirs: string[] = [];
let workerFile = '';
let removeWorker = (): void => undefined;

beforeAll(async () => {
  ({ workerFile, remove: removeWorker } = await buildVerifyWorker('verify-worker'));
});

afterAll(() => {
  removeWorker();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of a ledger with one sale and Z number 4, as a backup would be before its check. */
function ledgerCopy(): string {
  const dir = tempDir('aftertab-worker-');
  dirs.push(dir);
  const app = openTestLedger(dir);
  sell(app.db, app.session.staffId, 250);
  closeDay(app.db, app.session.staffId, 4, '2026-11-24');
  const copy = path.join(dir, 'copy.sqlite');
  app.db.exec(`VACUUM INTO '${copy}'`);
  app.close();
  return copy;
}

/** How many timer turns the main thread took while the check ran: none when it was blocked. */
async function turnsWhile<T>(work: () => Promise<T> | T): Promise<{ value: T; turns: number }> {
  let turns = 0;
  const timer = setInterval(() => (turns += 1), 1);
  try {
    const value = await work();
    return { value, turns };
  } finally {
    clearInterval(timer);
  }
}

describe('verifyOffThread', () => {
  it('checks a copy in a worker, giving the same verdict, while the main thread keeps running', async () => {
    const copy = ledgerCopy();
    const fallback = vi.fn(verifyLedgerCopy);
    const verify = verifyOffThread({ workerFile, log: () => undefined, fallback });
    const pending = verify(copy);
    expect(pending).toBeInstanceOf(Promise);
    const { value, turns } = await turnsWhile(() => pending);
    expect(value).toEqual({ ok: true, maxZ: 4, chain: { seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(fallback).not.toHaveBeenCalled();
    expect(turns).toBeGreaterThan(0);
  });

  it('reports a damaged copy from the worker as not ok', async () => {
    const copy = ledgerCopy();
    scribble(copy, 0, 100);
    const verdict = await verifyOffThread({ workerFile, log: () => undefined })(copy);
    expect(verdict.ok).toBe(false);
  });

  it('checks on the main thread when there is no worker file (run from source)', async () => {
    const copy = ledgerCopy();
    const log = vi.fn();
    const fallback = vi.fn(verifyLedgerCopy);
    const verdict = await verifyOffThread({ workerFile: path.join(path.dirname(workerFile), 'missing.cjs'), log, fallback })(copy);
    expect(verdict).toEqual({ ok: true, maxZ: 4, chain: { seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(fallback).toHaveBeenCalledWith(copy);
    expect(log).not.toHaveBeenCalled();
  });

  it('falls back to the main thread, and logs why, when the worker fails before it answers', async () => {
    const copy = ledgerCopy();
    const broken = path.join(path.dirname(workerFile), 'broken-worker.cjs');
    fs.writeFileSync(broken, "throw new Error('could not load better-sqlite3 here');\n");
    const log = vi.fn();
    const fallback = vi.fn(verifyLedgerCopy);
    const verdict = await verifyOffThread({ workerFile: broken, log, fallback })(copy);
    expect(verdict).toEqual({ ok: true, maxZ: 4, chain: { seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(fallback).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]?.[0])).toContain('could not load better-sqlite3 here');
  });

  it('is what the backup service uses when given the worker file, still verifying if the worker fails', async () => {
    const dataDir = tempDir('aftertab-worker-service-');
    dirs.push(dataDir);
    const host = createLedgerHost({ dataDir, open: () => openTestLedger(dataDir), log: () => undefined });
    const app = host.openLedger();
    if (!app) throw new Error('no ledger');
    sell(app.db, app.session.staffId, 90);
    const withWorker = createBackupService({ host, log: () => undefined, verifyWorkerFile: workerFile });
    expect(await withWorker.backupNow('manual')).toMatchObject({ verified: true, reason: 'manual' });

    const broken = path.join(path.dirname(workerFile), 'broken-service-worker.cjs');
    fs.writeFileSync(broken, "throw new Error('this worker never starts');\n");
    const log = vi.fn();
    const withBroken = createBackupService({ host, log, verifyWorkerFile: broken });
    sell(app.db, app.session.staffId, 10);
    expect(await withBroken.backupNow('manual')).toMatchObject({ verified: true });
    expect(String(log.mock.calls[0]?.[0])).toContain('this worker never starts');
    host.close();
  });
});
