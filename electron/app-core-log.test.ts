import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupInfo } from '../shared/closing-types';
import { startAppCore, type AppCore } from './app-core';
import { createAppLog, type AppLog } from './app-log';
import { TEST_PIN_COST } from './auth/pin-hash';
import { scribble, tempDir } from './backup/test-ledger';
import { ledgerPath } from './ledger/open';
import { OWNER_PIN, windowClient } from './test-support/test-core';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function dataDir(): string {
  const dir = tempDir('aftertab-core-log-');
  dirs.push(dir);
  return dir;
}

function start(dir: string): {
  core: AppCore;
  log: AppLog;
  call: (name: string, input?: unknown) => Promise<unknown>;
  setup: () => Promise<unknown>;
  signIn: () => Promise<unknown>;
} {
  const log = createAppLog({ dataDir: dir });
  const core = startAppCore({ dataDir: dir, logger: log, schedule: false, timeZone: 'UTC', pinCost: TEST_PIN_COST });
  const window = windowClient(core, 1);
  const call = async (name: string, input: unknown = {}): Promise<unknown> => {
    const result = await window.send(name, input, randomUUID());
    if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
    return result.value;
  };
  return { core, log, call, setup: () => window.setup(), signIn: () => window.signIn(1, OWNER_PIN) };
}

describe('what the core writes to the log file', () => {
  it('start, the start-up check, each backup and restore, an internal error with its stack, and stop; never a customer', async () => {
    const dir = dataDir();
    const { core, log, call, setup, signIn } = start(dir);
    await setup();
    await call('tab.open', { name: 'Ana Lindqvist' });
    const made = (await call('backup.now')) as BackupInfo;
    await call('backup.restore', { name: made.name });
    await core.idle();
    // A restore ends every session: the owner signs in again on the restored ledger.
    await signIn();
    // A connection closed under the dispatcher: the client gets `internal`, the log the stack.
    core.ledger()?.db.close();
    const failed = await core.commands.dispatch('tab.listOpen', { input: {} }, { kind: 'window', windowId: 1 });
    expect(failed).toMatchObject({ ok: false, error: { code: 'internal' } });
    core.close();
    log.close();

    const text = fs.readFileSync(log.file, 'utf8');
    expect(text).toMatch(new RegExp(`\\[info\\] +start dataDir=${escape(dir)} ledger=${escape(ledgerPath(dir))} `));
    expect(text).toContain(`start-up check passed ledger=${ledgerPath(dir)} existed=false`);
    expect(text).toMatch(new RegExp(`backup made name=${escape(made.name)} reason=manual folder=\\S+ bytes=\\d+ ms=\\d+`));
    expect(text).toMatch(/backup made name=\S+ reason=before-restore /);
    expect(text).toContain(`restored from=${made.name} keptAside=aftertab.sqlite.before-restore-`);
    expect(text).toMatch(/backup made name=\S+ reason=after-restore /);
    expect(text).toMatch(/\[error\] +internal error command=tab\.listOpen code=internal\nTypeError: The database connection is not open\n\s+at /);
    expect(text).toMatch(/\[info\] +stop dataDir=\S+\n$/);
    expect(text).not.toContain('Ana Lindqvist');
    const order = [' start dataDir=', 'start-up check passed', 'reason=manual', 'restored from=', 'internal error', ' stop dataDir='].map((marker) =>
      text.indexOf(marker),
    );
    expect(Math.min(...order)).toBeGreaterThanOrEqual(0);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('a damaged ledger at start: the check failure and recovery mode, with what the check found', () => {
    const dir = dataDir();
    const first = start(dir);
    first.core.close();
    first.log.close();
    scribble(ledgerPath(dir), 0, 100);

    const { core, log } = start(dir);
    expect(core.ledger()).toBeNull();
    core.close();
    log.close();
    const text = fs.readFileSync(log.file, 'utf8');
    expect(text).toContain(`start-up check passed ledger=${ledgerPath(dir)} existed=false`);
    expect(text).toMatch(
      new RegExp(`\\[warn\\] +start-up check failed: recovery mode, only recovery\\.\\* will answer ledger=${escape(ledgerPath(dir))} problem=".+"`),
    );
  });

  it('a failed backup goes in with its stack and the reason', async () => {
    const dir = dataDir();
    // The backup folder would sit inside a file, so it cannot be made.
    const blocked = `${dir}/not-a-folder`;
    fs.writeFileSync(blocked, '');
    fs.writeFileSync(`${dir}/backup-settings.json`, JSON.stringify({ folder: `${blocked}/inner`, keep: 14, everyMinutes: 30 }));
    const again = start(dir);
    await again.setup();
    await expect(again.call('backup.now')).rejects.toThrow(/backup/i);
    again.core.close();
    again.log.close();
    const text = fs.readFileSync(again.log.file, 'utf8');
    expect(text).toMatch(/\[error\] +backup failed reason=manual folder=\S+inner ms=\d+\nDomainError: .+\n\s+at /);
  });
});
