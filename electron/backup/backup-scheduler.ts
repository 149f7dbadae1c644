import type { BackupInfo } from '../../shared/closing-types';
import { consoleLogger, logErrorsTo, type ErrorLog } from '../logger';
import { systemClock, type Clock } from '../services/context';
import type { BackupService } from './backup-service';
import type { LedgerHost } from '../ledger-host/ledger-host';

export const CHECK_EVERY_MS = 60_000;

export type BackupScheduler = {
  start(): void;
  stop(): void;
  /** One check of the timer: backs up when everyMinutes have passed since the last try and the ledger changed. */
  tick(): Promise<BackupInfo | null>;
};

/**
 * Backs up after every Z (the ledger emits day.changed when a day is closed) and, every
 * `everyMinutes`, when something changed since the last backup. The timer looks once a minute,
 * so a new interval from the settings applies without restarting anything; it is unref'd, so
 * it never keeps the process alive. The first look after a start backs up changes made since
 * the last backup before the app was closed.
 */
export function createBackupScheduler(options: {
  backups: BackupService;
  host: LedgerHost;
  clock?: Clock;
  log?: ErrorLog;
  checkEveryMs?: number;
}): BackupScheduler {
  const { backups, host } = options;
  const clock = options.clock ?? systemClock;
  const log = options.log ?? logErrorsTo(consoleLogger, 'scheduled backup failed');
  let timer: ReturnType<typeof setInterval> | null = null;
  let unsubscribe: (() => void) | null = null;
  let lastTry = Number.NEGATIVE_INFINITY;

  async function tick(): Promise<BackupInfo | null> {
    if (!host.current()) return null;
    const now = clock().getTime();
    if (now - lastTry < backups.settings().everyMinutes * 60_000) return null;
    if (!backups.changedSinceLastBackup()) return null;
    lastTry = now;
    try {
      return await backups.backupNow('scheduled');
    } catch (error) {
      // The service has recorded it as lastError for the Backups screen; the next interval retries.
      log(error);
      return null;
    }
  }

  return {
    start() {
      if (timer) return;
      timer = setInterval(() => void tick(), options.checkEveryMs ?? CHECK_EVERY_MS);
      timer.unref();
      unsubscribe = host.onLedgerEvent((event) => {
        if (event.type !== 'day.changed') return;
        backups.backupAfterZ().catch(log);
      });
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
      unsubscribe?.();
      unsubscribe = null;
    },
    tick,
  };
}
