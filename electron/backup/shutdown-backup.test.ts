import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BackupInfo } from '../../shared/closing-types';
import { readIndex } from './backup-index';
import { createBackupService, type BackupService } from './backup-service';
import { createLedgerHost } from './ledger-host';
import { backupBeforeExit } from './shutdown-backup';
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

  it('logs a failed backup and resolves, so quitting goes on', async () => {
    const failing: Pick<BackupService, 'backupIfChanged'> = { backupIfChanged: () => Promise.reject(new Error('the stick is full')) };
    const log = vi.fn();
    expect(await backupBeforeExit(failing, { log })).toMatchObject({ outcome: 'failed' });
    expect(String(log.mock.calls[0]?.[0])).toContain('the stick is full');
  });

  it('stops waiting after the time limit and logs it', async () => {
    const stuck: Pick<BackupService, 'backupIfChanged'> = { backupIfChanged: () => new Promise<BackupInfo | null>(() => undefined) };
    const log = vi.fn();
    const started = Date.now();
    expect(await backupBeforeExit(stuck, { limitMs: 50, log })).toEqual({ outcome: 'timed-out' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(String(log.mock.calls[0]?.[0])).toContain('longer than 50 ms');
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
      const setup = await fetch(`${url}api/command/session.setup`, { method: 'POST', headers, body: JSON.stringify({ input: { pin: '2468', pinAgain: '2468' } }) });
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
});
