import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../logger';
import { createBackupService } from './backup-service';
import { createLedgerHost } from '../ledger-host/ledger-host';
import { openTestLedger, refusal, sell, tempDir } from './test-ledger';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function setup() {
  const dataDir = tempDir('aftertab-backup-fault-');
  dirs.push(dataDir);
  const host = createLedgerHost({ dataDir, open: () => openTestLedger(dataDir), log: () => undefined });
  const app = host.openLedger();
  if (!app) throw new Error('no ledger');
  const logger: Logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const backups = createBackupService({ host, log: () => undefined, logger });
  return { host, app, backups, logger, folder: path.join(dataDir, 'backups') };
}

describe('a backup folder on a full or read-only disk', () => {
  it('says the disk is full, keeps the older backups, leaves no partial file, and warns without an internal error', async () => {
    const t = setup();
    sell(t.app.db, t.app.session.staffId, 450);
    const first = await t.backups.backupNow('manual');
    sell(t.app.db, t.app.session.staffId, 300);
    // The file copy cannot be made (a lock on part of the file, as Windows may hold), so SQLite's online
    // backup makes the copy, and throws what it throws when the target disk fills up (seen on a 64 KiB tmpfs).
    vi.spyOn(fs.promises, 'copyFile').mockRejectedValueOnce(Object.assign(new Error('EBUSY: resource busy or locked, copyfile'), { code: 'EBUSY' }));
    const full = vi.spyOn(t.app.db, 'backup').mockRejectedValueOnce(new Database.SqliteError('database or disk is full', 'SQLITE_FULL'));

    const error = await refusal(t.backups.backupNow('manual'));
    expect(error.code).toBe('disk_full');
    expect(error.message).toBe(
      `the disk holding the backup folder ${t.folder} is full, so no backup was made and the older backups were kept; free some space there or choose another backup folder, then back up again`,
    );
    expect(t.backups.status().lastError).toBe(error.message);
    expect(fs.readdirSync(t.folder).filter((name) => name.endsWith('.partial'))).toEqual([]);
    expect(t.backups.status().backups.map((backup) => backup.name)).toEqual([first.name]);
    expect(t.logger.warn).toHaveBeenCalledWith(
      'backup failed: the backup folder could not be written',
      expect.objectContaining({ folder: t.folder, code: 'disk_full' }),
    );
    expect(t.logger.error).not.toHaveBeenCalled();

    // Space freed: the next backup works and the note goes.
    full.mockRestore();
    await t.backups.backupNow('manual');
    expect(t.backups.status().lastError).toBeNull();
    t.host.close();
  });

  it('says the disk is full when the file copy fills it, and keeps the older backups', async () => {
    const t = setup();
    sell(t.app.db, t.app.session.staffId, 450);
    const first = await t.backups.backupNow('manual');
    sell(t.app.db, t.app.session.staffId, 300);
    vi.spyOn(fs.promises, 'copyFile').mockImplementationOnce(async (_from, to) => {
      fs.writeFileSync(String(to), 'the first pages');
      throw Object.assign(new Error(`ENOSPC: no space left on device, copyfile -> '${String(to)}'`), { code: 'ENOSPC', path: String(to) });
    });
    const error = await refusal(t.backups.backupNow('manual'));
    expect(error).toMatchObject({ code: 'disk_full', key: 'errors.backup.diskFull', params: { folder: t.folder } });
    expect(fs.readdirSync(t.folder).filter((name) => name.endsWith('.partial'))).toEqual([]);
    expect(t.backups.status().backups.map((backup) => backup.name)).toEqual([first.name]);
    expect(t.logger.error).not.toHaveBeenCalled();
    t.host.close();
  });

  it('says the folder cannot be written when its disk is read-only', async () => {
    const t = setup();
    const real = fs.mkdirSync;
    vi.spyOn(fs, 'mkdirSync').mockImplementation((target, options) => {
      if (String(target) === t.folder) throw Object.assign(new Error(`EROFS: read-only file system, mkdir '${t.folder}'`), { code: 'EROFS', path: t.folder });
      return real(target, options);
    });
    const error = await refusal(t.backups.backupNow('manual'));
    expect(error).toMatchObject({ code: 'read_only', key: 'errors.backup.readOnly', params: { folder: t.folder } });
    expect(t.backups.status().lastError).toContain('make it writable or choose another backup folder');
    expect(t.logger.error).not.toHaveBeenCalled();
    t.host.close();
  });
});
