import path from 'node:path';
import { createBackupScheduler, type BackupScheduler } from './backup/backup-scheduler';
import { createBackupService, type BackupService } from './backup/backup-service';
import { createLedgerHost, type LedgerHost } from './backup/ledger-host';
import { createDispatcher, type Dispatcher, type Session } from './ipc/dispatcher';
import { backupHandlers, createCommandRouter, type CommandRouter } from './ipc/host-commands';
import { ledgerPath, openLedger, type Db } from './ledger/open';
import { bootstrapStore } from './services/bootstrap';
import { systemClock, type Clock } from './services/context';
import { handlers } from './services';

export type LedgerApp = { db: Db; dispatcher: Dispatcher; session: Session; file: string; close: () => void };

export type LedgerOptions = { dataDir: string; clock?: Clock; log?: (error: unknown) => void; timeZone?: string };

/**
 * One ledger file opened, with no Electron in it: the ledger in dataDir, the default store,
 * and the dispatcher. Tests and the bench use it directly; the app runs it inside a host.
 */
export function startLedgerApp(options: LedgerOptions): LedgerApp {
  const clock = options.clock ?? systemClock;
  const file = ledgerPath(options.dataDir);
  const db = openLedger(file);
  const staffId = bootstrapStore(db, clock().toISOString(), options.timeZone);
  const dispatcher = createDispatcher({ db, handlers, clock, ...(options.log ? { log: options.log } : {}) });
  return { db, dispatcher, session: { staffId }, file, close: () => db.close() };
}

/** Everything the main process owns, for both transports. */
export type AppCore = {
  /** Holds the current ledger, so a restore can swap it under the transports. */
  host: LedgerHost;
  backups: BackupService;
  scheduler: BackupScheduler;
  /** What the transports call: ledger commands, host commands, and recovery mode. */
  commands: CommandRouter;
  /** The ledger in use; null in recovery mode (the file failed its start-up check). */
  ledger(): LedgerApp | null;
  /** Resolves once no backup or restore is running (call before close where you can wait). */
  idle(): Promise<void>;
  close(): void;
};

/**
 * Opens the ledger after its start-up check and wires backups around it. A damaged file is
 * not replaced by a fresh ledger: the core starts in recovery mode, answering only recovery.*
 * until a backup is restored. Any other failure (a ledger from a newer Aftertab, a folder it
 * may not write) is thrown, as before, for the caller to report.
 */
export function startAppCore(options: LedgerOptions & { schedule?: boolean; verifyWorkerFile?: string }): AppCore {
  const log = options.log ?? ((error: unknown) => console.error('[aftertab]', error));
  const clock = options.clock ?? systemClock;
  const host = createLedgerHost({ dataDir: options.dataDir, open: () => startLedgerApp(options), log });
  host.openLedger();
  // Bundled, this file is dist/electron/{main,web-host}.cjs and the worker sits beside it; run
  // from source (tests, the bench) there is no such file and backups are verified in-thread.
  const verifyWorkerFile = options.verifyWorkerFile ?? path.join(__dirname, 'verify-worker.cjs');
  const backups = createBackupService({ host, clock, log, verifyWorkerFile });
  const scheduler = createBackupScheduler({ backups, host, clock, log });
  if (options.schedule !== false) scheduler.start();
  const commands = createCommandRouter({ host, handlers: backupHandlers(backups), log });
  return {
    host,
    backups,
    scheduler,
    commands,
    ledger: () => host.current(),
    idle: () => backups.idle(),
    close() {
      scheduler.stop();
      host.close();
    },
  };
}
