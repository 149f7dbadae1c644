import fs from 'node:fs';
import path from 'node:path';
import type { DeviceView } from '../shared/device-types';
import type { StoreProfile } from '../shared/store-profile';
import { createAuth, type Auth } from './auth/auth-commands';
import { loadPepper, type SecretBox } from './auth/pepper';
import { createPinHasher, PIN_COST } from './auth/pin-hash';
import { createBackupScheduler, type BackupScheduler } from './backup/backup-scheduler';
import { emptyIndex, listBackups, readIndex } from './backup/backup-index';
import { createBackupService, type BackupService } from './backup/backup-service';
import { loadBackupSettings } from './backup/backup-settings';
import { createLedgerHost, type LedgerHost } from './ledger-host/ledger-host';
import { loggerOf, startLedgerApp, type LedgerApp, type LedgerOptions } from './ledger-host/ledger-app';
import { backupHandlers, createCommandRouter, type CommandRouter } from './ipc/host-commands';
import { ledgerPath } from './ledger/open';
import { sealKeyFrom } from './ledger/seal';
import { checkLedgerAtStartOffThread, type CheckedBefore } from './ledger/start-check-off-thread';
import { firstRunHandlers } from './first-run-profile';
import { deviceHandlers, deviceView, storeLanguageOf } from './device-commands';
import { memoryDevicePreferences, type DevicePreferencesStore } from './device-preferences';
import { profileExportHandlers } from './profile-export';
import { createPrinting } from './printing/printing';
import { logErrorsTo } from './logger';
import { systemClock } from './services/context';

/** Everything the main process owns, for both transports. */
export type AppCore = {
  /** Holds the current ledger, so a restore can swap it under the transports. */
  host: LedgerHost;
  backups: BackupService;
  scheduler: BackupScheduler;
  /** What the transports call: ledger commands, host commands, sign-in, and recovery mode. */
  commands: CommandRouter;
  /** Sessions (in memory), approvals and the PIN hasher. */
  auth: Auth;
  /** The ledger in use; null in recovery mode (the file failed its start-up check). */
  ledger(): LedgerApp | null;
  /** This PC's language and printer, and the store's language, as device.get answers them. */
  device(): DeviceView;
  /** Resolves once no backup or restore is running (call before close where you can wait). */
  idle(): Promise<void>;
  close(): void;
};

/**
 * Opens the ledger after its start-up check and wires backups around it. A damaged file is
 * not replaced by a fresh ledger: the core starts in recovery mode, answering only recovery.*
 * until a backup is restored. Any other failure (a ledger from a newer Aftertab, a file that is
 * not an Aftertab ledger, which is refused before a byte of it is written, a folder it may not
 * write) is thrown, as before, for the caller to report.
 */
export type AppCoreOptions = LedgerOptions & {
  schedule?: boolean;
  verifyWorkerFile?: string;
  secretBox?: SecretBox | null;
  /** A checked store profile for the first run (--profile, or a per-store build's). */
  profile?: StoreProfile | null;
  /** This PC's language and printer (a settings file; in memory when not given). */
  device?: DevicePreferencesStore;
  /** Told after device.update changed this PC's language or printer (the desktop menu follows the language). */
  onDeviceChange?: () => void;
  /** The ledger's quick check, made ahead off the main thread (openAppCore); used only for an unchanged file. */
  checked?: CheckedBefore;
};

/** Bundled, this file is dist/electron/{main,web-host}.cjs and the worker sits beside it. */
function workerFileOf(options: AppCoreOptions): string {
  return options.verifyWorkerFile ?? path.join(__dirname, 'verify-worker.cjs');
}

/**
 * startAppCore with its slow part, the ledger's quick check (about a second on a year of data),
 * in the worker first: the desktop window is created, loads its page and paints meanwhile, and
 * every command waits for the core (electron/ipc/pending-router.ts). The rest of the start, the
 * seal check and the migrations included, runs as startAppCore always has, before any command.
 */
export async function openAppCore(options: AppCoreOptions): Promise<AppCore> {
  const logger = loggerOf(options);
  const checked = await checkLedgerAtStartOffThread(ledgerPath(options.dataDir), {
    workerFile: workerFileOf(options),
    log: logErrorsTo(logger, 'the start-up check worker failed; checking on the main thread'),
  });
  return startAppCore({ ...options, logger, checked });
}

export function startAppCore(options: AppCoreOptions): AppCore {
  const logger = loggerOf(options);
  const clock = options.clock ?? systemClock;
  // The PIN key lives beside the ledger, never in it (see auth/pepper.ts). Read first: without it
  // no one can sign in, so a missing secret store stops the start before anything is opened.
  let pepper: Buffer;
  try {
    pepper = loadPepper(options.dataDir, options.secretBox ?? null);
  } catch (error) {
    logger.error('the PIN key could not be read', error, { dataDir: options.dataDir });
    throw error;
  }
  const hasher = createPinHasher(pepper, options.pinCost ?? PIN_COST);
  const backupFolder = (): string => loadBackupSettings(options.dataDir).settings.folder;
  const host = createLedgerHost({
    dataDir: options.dataDir,
    open: () => startLedgerApp({ ...options, logger }),
    log: logErrorsTo(logger, 'event listener failed'),
    // The seal is signed with a key from the same secret as the PIN hashes, kept outside the ledger.
    seal: {
      key: sealKeyFrom(pepper),
      backupsExist: () => listBackups(backupFolder(), emptyIndex()).length > 0,
      backupFolder,
      clock,
      pinKeyId: hasher.keyId(),
      indexSeal: () => readIndex(backupFolder()).seal ?? null,
    },
  });
  logger.info('start', { dataDir: options.dataDir, ledger: host.file, node: process.versions.node, electron: process.versions.electron ?? null });
  const existed = fs.existsSync(host.file);
  try {
    host.openLedger(options.checked ? { checked: options.checked } : {});
  } catch (error) {
    logger.error('the ledger could not be opened', error, { ledger: host.file });
    throw error;
  }
  const problem = host.problem();
  if (problem === null) logger.info('start-up check passed', { ledger: host.file, existed });
  else logger.warn('start-up check failed: recovery mode, only recovery.* will answer', { ledger: host.file, problem });
  // Run from source (tests, the bench) there is no worker file and backups are verified in-thread.
  const verifyWorkerFile = workerFileOf(options);
  const backups = createBackupService({
    host,
    clock,
    log: logErrorsTo(logger, 'backup problem'),
    logger,
    verifyWorkerFile,
    verifyPin: (pin, hash) => hasher.verify(pin, hash),
    pinKeyId: hasher.keyId(),
  });
  // The service has logged a failed backup with its stack; this says the schedule goes on.
  const retry = (error: unknown): void =>
    logger.warn('the scheduled backup will be tried again', { problem: error instanceof Error ? error.message : typeof error });
  const scheduler = createBackupScheduler({ backups, host, clock, log: retry });
  if (options.schedule !== false) scheduler.start();
  const auth = createAuth({ hasher, clock });
  // One store for this PC's preferences: device.* change them, store.exportProfile reads the printer.
  const device = options.device ?? memoryDevicePreferences();
  // This PC's thermal printer: papers from the ledger, the drawer kicked after a cash payment commits.
  const printing = createPrinting({ host, device, clock, logger });
  const commands = createCommandRouter({
    host,
    handlers: {
      ...backupHandlers(backups),
      ...firstRunHandlers({ host, backups, profile: options.profile ?? null, clock, logger, device }),
      ...deviceHandlers(device, () => storeLanguageOf(host.current()), options.onDeviceChange),
      ...profileExportHandlers({ host, backups, device, logger }),
      ...printing.handlers,
    },
    auth,
    clock,
    log: logErrorsTo(logger, 'internal error'),
    warn: logger.warn,
    chainWorkerFile: verifyWorkerFile,
    afterCommit: (committed) => printing.afterCommit(committed),
  });
  return {
    host,
    backups,
    scheduler,
    commands,
    auth,
    ledger: () => host.current(),
    device: () => deviceView(device, () => storeLanguageOf(host.current())),
    idle: async () => {
      await backups.idle();
      await host.sealIdle();
      await printing.idle();
    },
    close() {
      scheduler.stop();
      host.close();
      logger.info('stop', { dataDir: options.dataDir });
    },
  };
}
