import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, BackupStatus, RecoveryStatus, RestoreResult } from '../../shared/closing-types';
import { DomainError } from '../../shared/errors';
import { writeAudit } from '../ledger/journal';
import { DB_FILE_NAME, type Db } from '../ledger/open';
import { systemClock, type Clock } from '../services/context';
import { readIndex, listBackups, writeIndex, type BackupIndex } from './backup-index';
import { fileStamp, makeBackupName, type BackupReason } from './backup-names';
import { loadBackupSettings, saveBackupSettings, type BackupSettings } from './backup-settings';
import type { LedgerHost } from './ledger-host';
import { keepLedgerAside, putBack, type KeptAside } from './restore-files';
import { highestZ, verifyLedgerCopy, type Verification } from './verify';

export type BackupService = {
  settings(): BackupSettings;
  status(): BackupStatus;
  configure(change: Partial<BackupSettings>): BackupStatus;
  /** Copies, verifies, keeps and rotates; one at a time (a second call waits for the first). */
  backupNow(reason: BackupReason): Promise<BackupInfo>;
  /** After a Z: a backup with reason 'z' when the ledger holds a Z number no backup holds yet. */
  backupAfterZ(): Promise<BackupInfo | null>;
  /** True when the ledger differs from what the last backup in the folder copied. */
  changedSinceLastBackup(): boolean;
  /** Verifies the backup, keeps the current file aside and swaps the ledger; onlyInRecovery refuses it on a healthy ledger. */
  restore(name: string, options?: { onlyInRecovery?: boolean }): Promise<RestoreResult>;
  recoveryStatus(): RecoveryStatus;
  /** Resolves once no backup or restore is running. */
  idle(): Promise<void>;
};

export type BackupServiceOptions = {
  host: LedgerHost;
  clock?: Clock;
  log?: (error: unknown) => void;
  /** Tests pass a failing check here; the app always uses verifyLedgerCopy. */
  verify?: (file: string) => Verification;
};

/**
 * What changes whenever the ledger changes: every mutation through the dispatcher stores a
 * command row, postings and audit rows only ever grow, and the settings carry their update time.
 * Read from the data itself, so it still means something after a restart.
 */
export function ledgerFingerprint(db: Db): string {
  const row = db
    .prepare<[], Record<string, number | string | null>>(
      `SELECT (SELECT max(rowid) FROM commands) AS c, (SELECT max(id) FROM journal_entries) AS j,
              (SELECT max(id) FROM audit) AS a, (SELECT max(updated_at) FROM store_settings) AS s,
              (SELECT max(id) FROM staff) AS st`,
    )
    .get();
  return JSON.stringify([row?.c ?? 0, row?.j ?? 0, row?.a ?? 0, row?.s ?? '', row?.st ?? 0, db.pragma('user_version', { simple: true })]);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The Z high-water mark of a damaged file we cannot open normally; 0 when it cannot be read at all. */
function highestZOfFile(file: string): number {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return highestZ(db);
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

export function createBackupService(options: BackupServiceOptions): BackupService {
  const { host } = options;
  const clock = options.clock ?? systemClock;
  const log = options.log ?? ((error: unknown) => console.error('[aftertab] backup:', error));
  const verify = options.verify ?? verifyLedgerCopy;
  const loaded = loadBackupSettings(host.dataDir);
  let settings = loaded.settings;
  let lastError: string | null = loaded.problem;
  let queue: Promise<unknown> = Promise.resolve();

  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  function failed(error: DomainError): DomainError {
    lastError = error.message;
    host.emit({ type: 'backup.changed' });
    return error;
  }

  /** Keeps the newest `keep` verified copies; the one being restored from is never removed. */
  function rotate(folder: string, index: BackupIndex, protect: string | null): void {
    const present = index.entries.filter((entry) => fs.existsSync(path.join(folder, entry.name)));
    const verified = present.filter((entry) => entry.verified).sort((a, b) => (a.at === b.at ? b.name.localeCompare(a.name) : b.at.localeCompare(a.at)));
    const drop = new Set(verified.slice(settings.keep).map((entry) => entry.name));
    if (protect) drop.delete(protect);
    for (const name of drop) {
      try {
        fs.rmSync(path.join(folder, name));
      } catch (error) {
        log(error);
        drop.delete(name);
      }
    }
    index.entries = present.filter((entry) => !drop.has(entry.name));
  }

  async function makeBackup(reason: BackupReason, protect: string | null = null): Promise<BackupInfo> {
    const app = host.current();
    if (!app) throw new DomainError('conflict', 'errors.backup.noLedger');
    const folder = settings.folder;
    try {
      fs.mkdirSync(folder, { recursive: true });
    } catch (error) {
      throw failed(new DomainError('conflict', 'errors.backup.folderUnusable', { folder, detail: describe(error) }, 'folder'));
    }
    const fingerprint = ledgerFingerprint(app.db);
    const at = clock();
    const name = makeBackupName(at, reason, (candidate) => fs.existsSync(path.join(folder, candidate)));
    const target = path.join(folder, name);
    // A dot name that does not match the backup pattern: never listed, never restored from.
    const temp = path.join(folder, `.${name}.partial`);
    try {
      await app.db.backup(temp);
    } catch (error) {
      fs.rmSync(temp, { force: true });
      throw failed(new DomainError('conflict', 'errors.backup.copyFailed', { folder, detail: describe(error) }));
    }
    const verdict = verify(temp);
    if (!verdict.ok) {
      // The bad copy goes; every older backup stays, because none was rotated out yet.
      fs.rmSync(temp, { force: true });
      throw failed(new DomainError('conflict', 'errors.backup.verifyFailed', { problem: verdict.problem }));
    }
    const index = readIndex(folder);
    try {
      fs.renameSync(temp, target);
      const info: BackupInfo = { name, at: at.toISOString(), sizeBytes: fs.statSync(target).size, verified: true, reason };
      index.entries.push({ ...info, maxZ: verdict.maxZ });
      index.lastFingerprint = fingerprint;
      // The new copy is recorded as verified before any older one is removed.
      writeIndex(folder, index);
      rotate(folder, index, protect);
      writeIndex(folder, index);
      lastError = null;
      host.emit({ type: 'backup.changed' });
      return info;
    } catch (error) {
      fs.rmSync(temp, { force: true });
      throw failed(new DomainError('conflict', 'errors.backup.copyFailed', { folder, detail: describe(error) }));
    }
  }

  function markUnverified(folder: string, name: string): void {
    const index = readIndex(folder);
    const entry = index.entries.find((candidate) => candidate.name === name);
    if (!entry) return;
    entry.verified = false;
    try {
      writeIndex(folder, index);
    } catch (error) {
      log(error);
    }
  }

  async function restore(name: string, onlyInRecovery: boolean): Promise<RestoreResult> {
    if (onlyInRecovery && (host.current() !== null || host.problem() === null)) throw new DomainError('conflict', 'errors.recovery.notDamaged');
    const folder = settings.folder;
    const source = path.join(folder, path.basename(name));
    if (!fs.existsSync(source)) throw new DomainError('not_found', 'errors.backup.missing', { name, folder });
    // Check a copy in the data folder, not the original: what is checked is what goes in.
    const staged = path.join(host.dataDir, `${DB_FILE_NAME}.restoring`);
    let verdict: Verification;
    try {
      fs.copyFileSync(source, staged);
      verdict = verify(staged);
    } catch (error) {
      verdict = { ok: false, problem: describe(error) };
    }
    if (!verdict.ok) {
      fs.rmSync(staged, { force: true });
      markUnverified(folder, name);
      host.emit({ type: 'backup.changed' });
      throw new DomainError('conflict', 'errors.backup.restoreRefused', { name, problem: verdict.problem });
    }
    const current = host.current();
    if (current) {
      try {
        await makeBackup('before-restore', name);
      } catch (error) {
        // The current file is kept aside below in any case; this copy is a second safety net.
        log(error);
      }
    }
    // A Z number is never issued twice: the restored ledger starts above every number seen.
    const zFloor = Math.max(current ? highestZ(current.db) : highestZOfFile(host.file), ...readIndex(folder).entries.map((entry) => entry.maxZ), verdict.maxZ);
    host.closeLedger();
    let aside: KeptAside = { name: '', moved: [] };
    let placed = false;
    try {
      aside = keepLedgerAside(host.file, fileStamp(clock()));
      fs.renameSync(staged, host.file);
      placed = true;
      const opened = host.openLedger();
      if (!opened) throw new Error(host.problem() ?? 'the restored ledger failed its start-up check');
      const now = clock().toISOString();
      opened.db.transaction(() => {
        opened.db.prepare('UPDATE store_settings SET z_number_floor = max(z_number_floor, ?) WHERE id = 1').run(zFloor);
        writeAudit(opened.db, {
          at: now,
          staffId: opened.session.staffId,
          command: 'backup.restore',
          tabId: null,
          detail: JSON.stringify({ restoredFrom: name, keptAside: aside.name, zNumberFloor: zFloor }),
        });
      })();
    } catch (error) {
      host.closeLedger();
      if (placed) {
        // Only the restored copy and its sidecars: the old ledger is safe aside and goes back.
        for (const suffix of ['-wal', '-shm']) fs.rmSync(`${host.file}${suffix}`, { force: true });
        if (!aside.moved.some(([original]) => original === host.file)) fs.rmSync(host.file, { force: true });
      }
      fs.rmSync(staged, { force: true });
      putBack(aside);
      try {
        host.openLedger();
      } catch (reopenError) {
        log(reopenError);
      }
      host.emit({ type: 'backup.changed' });
      throw new DomainError('internal', 'errors.backup.restoreFailed', { detail: describe(error) });
    }
    for (const type of ['store.changed', 'catalog.changed', 'drawer.changed', 'day.changed', 'backup.changed'] as const) host.emit({ type });
    host.emit({ type: 'tabs.changed', tabIds: [] });
    return { restoredFrom: name, keptAside: aside.name };
  }

  function status(): BackupStatus {
    const backups = listBackups(settings.folder, readIndex(settings.folder));
    return { ...settings, lastBackup: backups.find((backup) => backup.verified) ?? null, lastError, backups };
  }

  return {
    settings: () => settings,
    status,
    configure(change) {
      const next: BackupSettings = {
        folder: change.folder ?? settings.folder,
        keep: change.keep ?? settings.keep,
        everyMinutes: change.everyMinutes ?? settings.everyMinutes,
      };
      if (change.folder !== undefined) {
        if (!path.isAbsolute(next.folder)) throw new DomainError('invalid_input', 'errors.backup.folderRelative', {}, 'folder');
        next.folder = path.normalize(next.folder);
        try {
          fs.mkdirSync(next.folder, { recursive: true });
          fs.accessSync(next.folder, fs.constants.W_OK);
        } catch (error) {
          throw new DomainError('invalid_input', 'errors.backup.folderUnusable', { folder: next.folder, detail: describe(error) }, 'folder');
        }
      }
      saveBackupSettings(host.dataDir, next);
      settings = next;
      host.emit({ type: 'backup.changed' });
      return status();
    },
    backupNow: (reason) => serial(() => makeBackup(reason)),
    backupAfterZ: () =>
      serial(async () => {
        const app = host.current();
        if (!app) return null;
        const z = app.db.prepare<[], { z: number | null }>('SELECT max(z_number) AS z FROM z_reports').get()?.z ?? 0;
        const known = Math.max(0, ...readIndex(settings.folder).entries.map((entry) => entry.maxZ));
        return z > known ? makeBackup('z') : null;
      }),
    changedSinceLastBackup() {
      const app = host.current();
      return app !== null && ledgerFingerprint(app.db) !== readIndex(settings.folder).lastFingerprint;
    },
    restore: (name, restoreOptions) => serial(() => restore(name, restoreOptions?.onlyInRecovery ?? false)),
    recoveryStatus() {
      const problem = host.problem();
      const damaged = host.current() === null && problem !== null;
      const backups = damaged ? listBackups(settings.folder, readIndex(settings.folder)) : [];
      return { damaged, problem: damaged ? problem : null, ledgerFile: host.file, backupFolder: settings.folder, backups };
    },
    idle: () => queue.then(() => undefined),
  };
}
