import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, BackupStatus, RecoveryStatus, RestoreResult, ShutdownBackupFailure } from '../../shared/closing-types';
import type { ParsedInput } from '../../shared/contract';
import { DomainError } from '../../shared/errors';
import { writeAudit } from '../ledger/journal';
import { DB_FILE_NAME } from '../ledger/open';
import { highestZ, issuedZ, raiseZFloor } from '../ledger/z-numbers';
import { highestReceipt, raiseReceiptFloor } from '../ledger/receipt-numbers';
import { highestRefund, raiseRefundFloor } from '../ledger/refund-numbers';
import { consoleLogger, logErrorsTo, silentLogger, type ErrorLog, type Logger } from '../logger';
import { systemClock, type Clock } from '../services/context';
import { backupStorageError, storageFaultOf } from '../storage-fault';
import { readIndex, listBackups, writeIndex, type BackupIndex } from './backup-index';
import { fileStamp, makeBackupName, type BackupReason } from './backup-names';
import { loadBackupSettings, saveBackupSettings, type BackupSettings } from './backup-settings';
import type { LedgerHost } from '../ledger-host/ledger-host';
import { clearContinueTries, continueWaitMs, readContinueTries, recordWrongContinuePin } from '../ledger-host/continue-tries';
import { fileReachesSeal, ownersIn, type OwnerPin, type SealProblem } from '../ledger-host/seal-check';
import { highestReceiptOfFile, highestRefundOfFile, highestZOfFile, ledgerFingerprint } from './ledger-marks';
import { keepLedgerAside, putBack, type KeptAside } from './restore-files';
import { clearShutdownFailure, readShutdownFailure, writeShutdownFailure } from './shutdown-backup';
import { copyLedger } from './snapshot-copy';
import { verifyLedgerCopy, type Verification } from './verify';
import { verifyOffThread, type VerifyCopy } from './verify-off-thread';

export { ledgerFingerprint } from './ledger-marks';

export type BackupService = {
  settings(): BackupSettings;
  status(): BackupStatus;
  configure(change: Partial<BackupSettings>): BackupStatus;
  /** Copies, verifies, keeps and rotates; one at a time (a second call waits for the first). */
  backupNow(reason: BackupReason): Promise<BackupInfo>;
  /**
   * After a Z: a backup with reason 'z' when this ledger has issued a Z number since it was
   * opened here (or since the last after-Z backup); any other day.changed makes no copy.
   */
  backupAfterZ(): Promise<BackupInfo | null>;
  /** True when the ledger differs from what the last backup in the folder copied. */
  changedSinceLastBackup(): boolean;
  /** A backup only when something changed since the last one (checked once it is its turn); null otherwise. */
  backupIfChanged(reason: BackupReason): Promise<BackupInfo | null>;
  /**
   * Verifies the backup, keeps the current file aside (.before-restore-…, or .damaged-… in
   * recovery) and swaps the ledger, then backs up the restored ledger ('after-restore') so the
   * newest copy is the owner's choice; onlyInRecovery refuses it on a healthy ledger.
   */
  restore(name: string, options?: { onlyInRecovery?: boolean }): Promise<RestoreResult>;
  recoveryStatus(): RecoveryStatus;
  /**
   * Recovery from a seal problem only: an owner (by PIN, unless no ledger or backup holds one)
   * continues with the ledger as it is, or from a backup that does not reach the seal, with a
   * reason; the audit of the ledger that goes on trading records it, and the seal follows it.
   */
  continueKnowingly(input: ParsedInput<'recovery.continue'>): Promise<RestoreResult>;
  /**
   * The backup at a clean stop failed: kept beside the ledger with the time, shown by status()
   * from the next start on, until a backup is made. Throws when the file cannot be written.
   */
  recordShutdownFailure(problem: string): void;
  /** Resolves once no backup or restore is running. */
  idle(): Promise<void>;
};

export type BackupServiceOptions = {
  host: LedgerHost;
  clock?: Clock;
  log?: ErrorLog;
  /** Each backup and restore, made, refused or failed, for the log file; nothing when not given. */
  logger?: Logger;
  /** Tests pass a failing check here; the app uses verifyLedgerCopy, in a worker when verifyWorkerFile exists. */
  verify?: VerifyCopy;
  /** The bundled verification worker (dist/electron/verify-worker.cjs); without it the check runs on the main thread. */
  verifyWorkerFile?: string;
  /** Checks a PIN against a stored hash (the app's PIN hasher); continuing knowingly needs it. */
  verifyPin?: (pin: string, hash: string) => Promise<boolean>;
  /** This install's PIN key id: only PINs made with it can be checked. */
  pinKeyId?: string;
};

/** What the seal check found, for the audit row of a restore or a continue made in spite of it. */
function sealWords(found: SealProblem): Record<string, unknown> {
  return { cause: found.cause, problem: found.problem, sealedSeq: found.sealed?.seq ?? null, sealedAt: found.sealed?.at ?? null, ledgerSeq: found.ledgerSeq };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createBackupService(options: BackupServiceOptions): BackupService {
  const { host } = options;
  const clock = options.clock ?? systemClock;
  const log = options.log ?? logErrorsTo(consoleLogger, 'backup problem');
  const logger = options.logger ?? silentLogger;
  const verify: VerifyCopy = options.verify ?? (options.verifyWorkerFile ? verifyOffThread({ workerFile: options.verifyWorkerFile, log }) : verifyLedgerCopy);
  const loaded = loadBackupSettings(host.dataDir);
  let settings = loaded.settings;
  let lastError: string | null = loaded.problem;
  let shutdownFailure: ShutdownBackupFailure | null = readShutdownFailure(host.dataDir);
  let queue: Promise<unknown> = Promise.resolve();
  // The Z number the open ledger had issued when it was opened here (or at the last after-Z
  // backup): only a Z above it is a Z just closed. Compared with the folder's index instead, a
  // ledger holding Zs the folder has never seen (a new folder, a lost index, a ledger brought in)
  // made its first backup look like one taken after a Z.
  const opened = host.current();
  let zSeen = { app: opened, z: opened ? issuedZ(opened.db) : 0 };

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

  /** Keeps the newest `keep` verified copies; the one just made and the one being restored from are never removed. */
  function rotate(folder: string, index: BackupIndex, protect: readonly (string | null)[]): void {
    const present = index.entries.filter((entry) => fs.existsSync(path.join(folder, entry.name)));
    const verified = present.filter((entry) => entry.verified).sort((a, b) => (a.at === b.at ? b.name.localeCompare(a.name) : b.at.localeCompare(a.at)));
    const drop = new Set(verified.slice(settings.keep).map((entry) => entry.name));
    for (const name of protect) if (name) drop.delete(name);
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
    const started = performance.now();
    const ms = (): number => Math.round(performance.now() - started);
    try {
      const info = await copyVerifyKeep(reason, protect);
      logger.info('backup made', { name: info.name, reason, folder: settings.folder, bytes: info.sizeBytes, ms: ms() });
      return info;
    } catch (error) {
      // A full or read-only backup disk is the shop's to fix: a warning with the folder, no stack.
      if (error instanceof DomainError && (error.code === 'disk_full' || error.code === 'read_only')) {
        logger.warn('backup failed: the backup folder could not be written', { reason, folder: settings.folder, code: error.code, ms: ms() });
      } else {
        logger.error('backup failed', error, { reason, folder: settings.folder, ms: ms() });
      }
      throw error;
    }
  }

  async function copyVerifyKeep(reason: BackupReason, protect: string | null): Promise<BackupInfo> {
    const app = host.current();
    if (!app) throw new DomainError('conflict', 'errors.backup.noLedger');
    const folder = settings.folder;
    try {
      fs.mkdirSync(folder, { recursive: true });
    } catch (error) {
      throw failed(storageOr(error, folder, () => new DomainError('conflict', 'errors.backup.folderUnusable', { folder, detail: describe(error) }, 'folder')));
    }
    const fingerprint = ledgerFingerprint(app.db);
    const at = clock();
    const name = makeBackupName(at, reason, (candidate) => fs.existsSync(path.join(folder, candidate)));
    const target = path.join(folder, name);
    // A dot name that does not match the backup pattern: never listed, never restored from.
    const temp = path.join(folder, `.${name}.partial`);
    try {
      // The WAL into the file first: the copy is then the file's own bytes (snapshot-copy.ts), held
      // still by a reader while the system copies them; the online backup where that cannot be.
      await copyLedger(app.db, host.file, host.checkpointNow(), temp);
    } catch (error) {
      fs.rmSync(temp, { force: true });
      throw failed(storageOr(error, folder, () => new DomainError('conflict', 'errors.backup.copyFailed', { folder, detail: describe(error) })));
    }
    let verdict: Verification;
    try {
      // The copy is flushed to the disk (a USB stick may be pulled right after) while it is
      // checked: both run off the main thread, so together they take as long as the slower.
      [verdict] = await Promise.all([verify(temp), flushToDisk(temp)]);
    } catch (error) {
      verdict = { ok: false, problem: describe(error) };
    }
    if (!verdict.ok) {
      // The bad copy goes; every older backup stays, because none was rotated out yet.
      fs.rmSync(temp, { force: true });
      throw failed(new DomainError('conflict', 'errors.backup.verifyFailed', { problem: verdict.problem }));
    }
    const index = readIndex(folder);
    try {
      fs.renameSync(temp, target);
      await flushFolder(folder);
      const info: BackupInfo = { name, at: at.toISOString(), sizeBytes: fs.statSync(target).size, verified: true, reason, chain: verdict.chain };
      index.entries.push({ ...info, maxZ: verdict.maxZ });
      index.lastFingerprint = fingerprint;
      // The seal travels with the backups too: signed, so a copy of the folder proves how far the ledger reached.
      if (verdict.chain) index.seal = host.signSeal(verdict.chain) ?? index.seal ?? null;
      // The new copy is recorded as verified before any older one is removed.
      writeIndex(folder, index);
      rotate(folder, index, [name, protect]);
      writeIndex(folder, index);
      lastError = null;
      clearShutdownFailureAfter(info);
      host.emit({ type: 'backup.changed' });
      return info;
    } catch (error) {
      fs.rmSync(temp, { force: true });
      throw failed(storageOr(error, folder, () => new DomainError('conflict', 'errors.backup.copyFailed', { folder, detail: describe(error) })));
    }
  }

  /** A good backup is what a failed one at the last stop was missing: its note goes. */
  function clearShutdownFailureAfter(info: BackupInfo): void {
    if (!shutdownFailure) return;
    try {
      clearShutdownFailure(host.dataDir);
      logger.info('the failed backup at the last stop is made good', { name: info.name, failedAt: shutdownFailure.at });
      shutdownFailure = null;
    } catch (error) {
      // The note stays on the Backups screen, which is the safe side; the next backup tries again.
      log(error);
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

  type Knowingly = { staffId: number | null; reason: string };

  async function restore(name: string, onlyInRecovery: boolean, knowingly: Knowingly | null = null): Promise<RestoreResult> {
    if (onlyInRecovery && (host.current() !== null || host.problem() === null)) throw new DomainError('conflict', 'errors.recovery.notDamaged');
    const folder = settings.folder;
    const source = path.join(folder, path.basename(name));
    if (!fs.existsSync(source)) throw new DomainError('not_found', 'errors.backup.missing', { name, folder });
    // In recovery from a seal problem, a backup that does not reach the seal loses what the seal
    // knew: only an owner continuing knowingly may put it back.
    const sealProblem = host.current() === null ? host.sealProblem() : null;
    if (sealProblem?.sealed && !knowingly && !fileReachesSeal(source, sealProblem.sealed)) {
      throw new DomainError('conflict', 'errors.recovery.behindSeal', { name, seq: sealProblem.sealed.seq });
    }
    // Check a copy in the data folder, not the original: what is checked is what goes in.
    const staged = path.join(host.dataDir, `${DB_FILE_NAME}.restoring`);
    let verdict: Verification;
    try {
      fs.copyFileSync(source, staged);
      verdict = await verify(staged);
    } catch (error) {
      verdict = { ok: false, problem: describe(error) };
    }
    if (!verdict.ok) {
      fs.rmSync(staged, { force: true });
      markUnverified(folder, name);
      logger.warn('restore refused: the backup failed its check', { name, problem: verdict.problem });
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
    // Nor a receipt number: the restored ledger numbers on above every receipt the replaced one issued.
    const receiptFloor = current ? highestReceipt(current.db) : highestReceiptOfFile(host.file);
    // Nor a refund number, the same way.
    const refundFloor = current ? highestRefund(current.db) : highestRefundOfFile(host.file);
    // A seal write still on its way would land after the restored ledger's seal and lead it.
    await host.sealIdle();
    host.closeLedger();
    let aside: KeptAside = { name: '', moved: [] };
    let placed = false;
    try {
      // In recovery the file set aside is the damaged one, and its name says so.
      aside = keepLedgerAside(host.file, fileStamp(clock()), current ? 'before-restore' : 'damaged');
      fs.renameSync(staged, host.file);
      placed = true;
      // The owner chose this copy: the seal follows it (the audit row below says from where).
      const opened = host.openLedger({ acceptSeal: true });
      if (!opened) throw new Error(host.problem() ?? 'the restored ledger failed its start-up check');
      const now = clock().toISOString();
      opened.db.transaction(() => {
        raiseZFloor(opened.db, zFloor);
        raiseReceiptFloor(opened.db, receiptFloor);
        raiseRefundFloor(opened.db, refundFloor);
        writeAudit(opened.db, {
          at: now,
          staffId: knowingly?.staffId ?? opened.session.staffId,
          command: knowingly ? 'ledger.continue' : 'backup.restore',
          tabId: null,
          detail: JSON.stringify({
            restoredFrom: name,
            keptAside: aside.name,
            zNumberFloor: zFloor,
            receiptNumberFloor: receiptFloor,
            refundNumberFloor: refundFloor,
            ...(sealProblem ? { seal: sealWords(sealProblem) } : {}),
            ...(knowingly ? { reason: knowingly.reason } : {}),
          }),
        });
      })();
    } catch (error) {
      logger.error('restore failed; putting the previous ledger back', error, { name });
      host.closeLedger();
      if (placed) {
        // Only the restored copy and its sidecars: the old ledger is safe aside and goes back.
        for (const suffix of ['-wal', '-shm']) fs.rmSync(`${host.file}${suffix}`, { force: true });
        if (!aside.moved.some(([original]) => original === host.file)) fs.rmSync(host.file, { force: true });
      }
      fs.rmSync(staged, { force: true });
      putBack(aside);
      try {
        // The ledger that was trading goes back as it was, seal and all.
        host.openLedger({ acceptSeal: current !== null });
      } catch (reopenError) {
        log(reopenError);
      }
      host.emit({ type: 'backup.changed' });
      throw new DomainError('internal', 'errors.backup.restoreFailed', { detail: describe(error) });
    }
    logger.info('restored', { from: name, keptAside: aside.name, zNumberFloor: zFloor });
    const restored = host.current();
    zSeen = { app: restored, z: restored ? issuedZ(restored.db) : 0 };
    try {
      // The restored ledger is now the newest good copy: were the file damaged later, recovery
      // offers this one, not the before-restore copy that would undo the owner's choice.
      await makeBackup('after-restore', name);
    } catch (error) {
      // The restore stands; the Backups screen shows lastError and the schedule tries again.
      log(error);
    }
    for (const type of ['store.changed', 'catalog.changed', 'drawer.changed', 'day.changed', 'backup.changed', 'customers.changed'] as const)
      host.emit({ type });
    host.emit({ type: 'tabs.changed', tabIds: [] });
    return { restoredFrom: name, keptAside: aside.name };
  }

  /**
   * Whose PIN may continue knowingly: the owners of the newest checked backup (a copy made before
   * whatever happened to the ledger, on this computer with this PIN key), else of the ledger on
   * disk, the file being judged, only when there is no backup. None when neither has an owner PIN.
   */
  function pinSource(listed: BackupInfo[]): { owners: OwnerPin[] } {
    const newest = listed.find((backup) => backup.verified);
    const keyId = options.pinKeyId ?? '';
    const fromBackup = newest ? ownersIn(path.join(settings.folder, newest.name), keyId) : [];
    if (fromBackup.length > 0) return { owners: fromBackup };
    return { owners: fs.existsSync(host.file) ? ownersIn(host.file, keyId) : [] };
  }

  async function checkOwnerPin(owners: OwnerPin[], input: ParsedInput<'recovery.continue'>): Promise<number | null> {
    if (owners.length === 0) return null;
    const now = clock();
    const wait = continueWaitMs(readContinueTries(host.dataDir), now);
    if (wait > 0) throw new DomainError('locked_out', 'errors.recovery.tooManyTries', { minutes: Math.ceil(wait / 60_000) });
    const owner = owners.find((candidate) => candidate.id === input.staffId);
    if (!owner || input.pin === undefined) throw new DomainError('invalid_input', 'errors.recovery.ownerNeeded', {}, 'pin');
    if (!options.verifyPin) throw new DomainError('internal', 'errors.internal');
    if (!(await options.verifyPin(input.pin, owner.pinHash))) {
      const tries = recordWrongContinuePin(host.dataDir, now);
      logger.warn('continue knowingly refused: wrong owner PIN', { staffId: owner.id, lockouts: tries.lockouts });
      throw new DomainError('wrong_pin', 'errors.recovery.ownerPin', {}, 'pin');
    }
    clearContinueTries(host.dataDir);
    return owner.id;
  }

  async function continueKnowingly(input: ParsedInput<'recovery.continue'>): Promise<RestoreResult> {
    const found = host.current() === null ? host.sealProblem() : null;
    if (!found) throw new DomainError('conflict', host.current() === null ? 'errors.recovery.notSealProblem' : 'errors.recovery.notDamaged');
    const staffId = await checkOwnerPin(pinSource(listBackups(settings.folder, readIndex(settings.folder))).owners, input);
    if (input.backup !== undefined) return restore(input.backup, true, { staffId, reason: input.reason });
    await host.sealIdle();
    const opened = host.openLedger({ acceptSeal: true });
    if (!opened) throw new DomainError('conflict', 'errors.recovery.ledgerDamaged', { problem: host.problem() ?? '' });
    const now = clock().toISOString();
    writeAudit(opened.db, {
      at: now,
      staffId: staffId ?? opened.session.staffId,
      command: 'ledger.continue',
      tabId: null,
      detail: JSON.stringify({ seal: sealWords(found), reason: input.reason, pinChecked: staffId !== null }),
    });
    host.sealSoon();
    logger.warn('continued knowingly past the seal', { cause: found.cause, problem: found.problem, staffId });
    for (const type of ['store.changed', 'catalog.changed', 'drawer.changed', 'day.changed', 'backup.changed', 'customers.changed'] as const)
      host.emit({ type });
    host.emit({ type: 'tabs.changed', tabIds: [] });
    return { restoredFrom: '', keptAside: '' };
  }

  function changed(): boolean {
    const app = host.current();
    return app !== null && ledgerFingerprint(app.db) !== readIndex(settings.folder).lastFingerprint;
  }

  function status(): BackupStatus {
    const backups = listBackups(settings.folder, readIndex(settings.folder));
    return { ...settings, lastBackup: backups.find((backup) => backup.verified) ?? null, lastError, lastShutdownFailure: shutdownFailure, backups };
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
        const z = issuedZ(app.db);
        if (zSeen.app !== app) {
          // A ledger this service did not see open: what it holds now is its starting point.
          zSeen = { app, z };
          return null;
        }
        if (z <= zSeen.z) return null;
        const info = await makeBackup('z');
        // Only once the copy is made: a failed one is tried again on the next day.changed.
        zSeen = { app, z };
        return info;
      }),
    changedSinceLastBackup: changed,
    backupIfChanged: (reason) => serial(async () => (changed() ? makeBackup(reason) : null)),
    restore: (name, restoreOptions) => serial(() => restore(name, restoreOptions?.onlyInRecovery ?? false)),
    recoveryStatus() {
      const problem = host.problem();
      const damaged = host.current() === null && problem !== null;
      const found = damaged ? host.sealProblem() : null;
      const listed = damaged ? listBackups(settings.folder, readIndex(settings.folder)) : [];
      const sealed = found?.sealed ?? null;
      const backups = sealed ? listed.map((backup) => ({ ...backup, reachesSeal: fileReachesSeal(path.join(settings.folder, backup.name), sealed) })) : listed;
      const owners = found ? pinSource(listed).owners : [];
      return {
        damaged,
        problem: damaged ? problem : null,
        seal: found
          ? {
              cause: found.cause,
              sealedSeq: found.sealed?.seq ?? null,
              sealedAt: found.sealed?.at ?? null,
              ledgerSeq: found.ledgerSeq,
              needsPin: owners.length > 0,
              owners: owners.map(({ id, name }) => ({ id, name })),
            }
          : null,
        ledgerFile: host.file,
        backupFolder: settings.folder,
        backups,
      };
    },
    continueKnowingly: (input) => serial(() => continueKnowingly(input)),
    recordShutdownFailure(problem) {
      const failure = { at: clock().toISOString(), problem };
      writeShutdownFailure(host.dataDir, failure);
      shutdownFailure = failure;
      logger.warn('the backup at this stop failed; the next start shows it on the Backups screen', { problem, dataDir: host.dataDir });
      host.emit({ type: 'backup.changed' });
    },
    idle: () => queue.then(() => undefined),
  };
}

/** A full or read-only backup disk in words that say what to do; any other failure as `otherwise` says. */
function storageOr(error: unknown, folder: string, otherwise: () => DomainError): DomainError {
  const fault = storageFaultOf(error, folder);
  return fault ? backupStorageError(fault, folder) : otherwise();
}

/** Waits until a file's bytes are on the disk, not only in the system's cache. */
async function flushToDisk(file: string, flags = 'r+'): Promise<void> {
  const handle = await fs.promises.open(file, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes a rename in a folder durable; Windows cannot open a folder for this, and needs not. */
async function flushFolder(folder: string): Promise<void> {
  try {
    await flushToDisk(folder, 'r');
  } catch {
    // EISDIR / EPERM on Windows: NTFS journals the rename itself.
  }
}
