import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BackupInfo } from '../../shared/closing-types';
import { readIndex } from './backup-index';
import { createBackupService, type BackupService } from './backup-service';
import { createLedgerHost } from '../ledger-host/ledger-host';
import { SETTINGS_FILE } from './backup-settings';
import { backupBeforeExit, readShutdownFailure, SHUTDOWN_FAILURE_FILE } from './shutdown-backup';
import { openTestLedger, sell, tempDir } from './test-ledger';

const dirs: string[] = [];
const children: { kill: () => boolean }[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function setup() {
  const dataDir = tempDir('aftertab-shutdown-');
  dirs.push(dataDir);
  const host = createLedgerHost({ dataDir, open: () => openTestLedger(dataDir), log: () => undefined });
  const app = host.openLedger();
  if (!app) throw new Error('no ledger');
  const backups = createBackupService({ host, log: () => undefined });
  return { host, backups, sell: (amount: number) => sell(app.db, app.session.staffId, amount), folder: path.join(dataDir, 'backups') };
}

describe('backupBeforeExit', () => {
  it('backs up what changed since the last backup, and nothing when nothing did', async () => {
    const t = setup();
    t.sell(450);
    const log = vi.fn();
    const first = await backupBeforeExit(t.backups, { log });
    expect(first).toMatchObject({ outcome: 'backed-up', backup: { reason: 'scheduled', verified: true } });
    expect(await backupBeforeExit(t.backups, { log })).toEqual({ outcome: 'unchanged' });
    expect(t.backups.status().backups).toHaveLength(1);
    expect(log).not.toHaveBeenCalled();
    t.host.close();
  });

  it('logs and records a failed backup and resolves, so quitting goes on', async () => {
    const recordShutdownFailure = vi.fn();
    const failing: Pick<BackupService, 'backupIfChanged' | 'recordShutdownFailure'> = {
      backupIfChanged: () => Promise.reject(new Error('the stick is full')),
      recordShutdownFailure,
    };
    const log = vi.fn();
    expect(await backupBeforeExit(failing, { log })).toMatchObject({ outcome: 'failed' });
    expect(String(log.mock.calls[0]?.[0])).toContain('the stick is full');
    expect(recordShutdownFailure).toHaveBeenCalledWith('the stick is full');
  });

  it('stops waiting after the time limit, and logs and records it', async () => {
    const recordShutdownFailure = vi.fn();
    const stuck: Pick<BackupService, 'backupIfChanged' | 'recordShutdownFailure'> = {
      backupIfChanged: () => new Promise<BackupInfo | null>(() => undefined),
      recordShutdownFailure,
    };
    const log = vi.fn();
    const started = Date.now();
    expect(await backupBeforeExit(stuck, { limitMs: 50, log })).toEqual({ outcome: 'timed-out' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(String(log.mock.calls[0]?.[0])).toContain('longer than 50 ms');
    expect(String(recordShutdownFailure.mock.calls[0]?.[0])).toContain('longer than 50 ms');
  });

  it('still resolves when the failure cannot be recorded either, and logs both', async () => {
    const failing: Pick<BackupService, 'backupIfChanged' | 'recordShutdownFailure'> = {
      backupIfChanged: () => Promise.reject(new Error('the stick is full')),
      recordShutdownFailure: () => {
        throw new Error('the data disk is full too');
      },
    };
    const log = vi.fn();
    expect(await backupBeforeExit(failing, { log })).toMatchObject({ outcome: 'failed' });
    expect(log.mock.calls.map((call) => String(call[0]))).toEqual(['Error: the stick is full', 'Error: the data disk is full too']);
  });

  it('shows a failed backup at the next start until a good backup clears it', async () => {
    const t = setup();
    t.sell(450);
    // The backup folder sits under a plain file, so it cannot be made.
    const blocked = path.join(t.host.dataDir, 'not-a-folder');
    fs.writeFileSync(blocked, 'x');
    fs.writeFileSync(path.join(t.host.dataDir, SETTINGS_FILE), JSON.stringify({ folder: path.join(blocked, 'backups') }));
    const stopping = createBackupService({ host: t.host, log: () => undefined, clock: () => new Date('2026-11-24T23:05:00.000Z') });
    expect(stopping.status().lastShutdownFailure).toBeNull();
    const result = await backupBeforeExit(stopping, { log: () => undefined });
    expect(result.outcome).toBe('failed');
    // Beside the ledger, not in it and not in the backup folder.
    expect(fs.existsSync(path.join(t.host.dataDir, SHUTDOWN_FAILURE_FILE))).toBe(true);

    // The next start reads it back and says when and why.
    const next = createBackupService({ host: t.host, log: () => undefined });
    const failure = next.status().lastShutdownFailure;
    expect(failure?.at).toBe('2026-11-24T23:05:00.000Z');
    expect(failure?.problem).toContain('cannot write to');
    expect(failure?.problem).toContain(path.join(blocked, 'backups'));

    // A scheduled backup into a usable folder clears it, on screen and on disk.
    next.configure({ folder: t.folder });
    await next.backupNow('scheduled');
    expect(next.status().lastShutdownFailure).toBeNull();
    expect(readShutdownFailure(t.host.dataDir)).toBeNull();
    expect(createBackupService({ host: t.host, log: () => undefined }).status().lastShutdownFailure).toBeNull();
    t.host.close();
  });
});

/** Runs electron/web-host-cli.ts (through tsx) on dataDir until it prints its link. */
function startCli(dataDir: string) {
  const root = path.join(__dirname, '..', '..');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'electron', 'web-host-cli.ts'), `--data-dir=${dataDir}`, '--port=0'], {
    cwd: root,
    env: { ...process.env, AFTERTAB_DATA_DIR: '', AFTERTAB_PORT: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const link = new Promise<{ url: string; secret: string }>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /running at (http:\/\/\S+?)#secret=(\S+)/.exec(stdout);
      if (match?.[1] && match[2]) resolve({ url: match[1], secret: match[2] });
    });
    void exited.then(() => reject(new Error(`the web host stopped before it started: ${stderr}`)));
  });
  return { child, link, exited, output: () => ({ stdout, stderr }) };
}

describe('the web host CLI on SIGTERM and SIGINT', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'on %s backs up the work done since the last backup, then exits cleanly',
    async (signal) => {
      const dataDir = tempDir('aftertab-cli-');
      dirs.push(dataDir);
      const cli = startCli(dataDir);
      const { url, secret } = await cli.link;
      const headers = { 'X-Aftertab-Secret': secret, 'Content-Type': 'application/json' };
      const setup = await fetch(`${url}api/command/session.setup`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ input: { pin: '2468', pinAgain: '2468' } }),
      });
      const { value } = (await setup.json()) as { value: { token: string } };
      const response = await fetch(`${url}api/command/tab.open`, {
        method: 'POST',
        headers: { ...headers, 'X-Aftertab-Session': value.token },
        body: JSON.stringify({ input: { name: 'Ana' }, commandId: 'cli-shutdown-0001' }),
      });
      expect(await response.json()).toMatchObject({ ok: true });
      expect(fs.existsSync(path.join(dataDir, 'backups'))).toBe(false);

      cli.child.kill(signal);
      expect(await cli.exited).toBe(0);
      const entries = readIndex(path.join(dataDir, 'backups')).entries;
      expect(entries.map((entry) => [entry.reason, entry.verified])).toEqual([['scheduled', true]]);
      expect(cli.output().stdout).toContain(`Backed up to ${entries[0]?.name ?? '?'} before stopping.`);
    },
    30_000,
  );

  it('exits 1 when the backup before stopping fails, and leaves the failure for the next start', async () => {
    const dataDir = tempDir('aftertab-cli-');
    dirs.push(dataDir);
    const blocked = path.join(dataDir, 'not-a-folder');
    fs.writeFileSync(blocked, 'x');
    fs.writeFileSync(path.join(dataDir, SETTINGS_FILE), JSON.stringify({ folder: path.join(blocked, 'backups') }));
    const cli = startCli(dataDir);
    const { url, secret } = await cli.link;
    const headers = { 'X-Aftertab-Secret': secret, 'Content-Type': 'application/json' };
    // Setting the owner's PIN changes the ledger, so there is something to back up at the stop.
    const setup = await fetch(`${url}api/command/session.setup`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ input: { pin: '2468', pinAgain: '2468' } }),
    });
    expect(await setup.json()).toMatchObject({ ok: true });

    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(1);
    expect(cli.output().stderr).toContain('The backup before stopping did not complete: Aftertab cannot write to');
    expect(readShutdownFailure(dataDir)?.problem).toContain(path.join(blocked, 'backups'));
  }, 30_000);
});
