import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { BackupInfo, ShutdownBackupFailure } from '../../shared/closing-types';
import type { BackupService } from './backup-service';
import { writeFileAtomic } from './backup-settings';

/** How long a clean shutdown waits for its backup before quitting anyway. */
export const SHUTDOWN_BACKUP_LIMIT_MS = 5000;

/**
 * A backup that failed at a clean stop, kept beside the ledger (not in it, and not in the backup
 * folder, which may be the very disk that failed) so the next start can show it on the Backups
 * screen until a good backup is made.
 */
export const SHUTDOWN_FAILURE_FILE = 'backup-shutdown-failed.json';

const failureSchema = z.object({ at: z.string().min(1).max(100), problem: z.string().min(1).max(2000) }).strip();

/** The recorded failure, or null when there is none (or the file cannot be read as one). */
export function readShutdownFailure(dataDir: string): ShutdownBackupFailure | null {
  try {
    const parsed = failureSchema.safeParse(JSON.parse(fs.readFileSync(path.join(dataDir, SHUTDOWN_FAILURE_FILE), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeShutdownFailure(dataDir: string, failure: ShutdownBackupFailure): void {
  writeFileAtomic(path.join(dataDir, SHUTDOWN_FAILURE_FILE), `${JSON.stringify(failure, null, 2)}\n`);
}

export function clearShutdownFailure(dataDir: string): void {
  fs.rmSync(path.join(dataDir, SHUTDOWN_FAILURE_FILE), { force: true });
}

export type ShutdownBackup =
  { outcome: 'backed-up'; backup: BackupInfo } | { outcome: 'unchanged' } | { outcome: 'failed'; error: unknown } | { outcome: 'timed-out' };

/**
 * On a clean shutdown: one backup if anything changed since the last one (after whatever backup
 * or restore is already running), so work done since the last scheduled copy survives damage to
 * the file later. Never throws and never waits longer than limitMs: quitting must not hang on a
 * slow USB stick. A failure, or the time running out, is logged and recorded for the next start
 * to show; the caller quits either way.
 */
export async function backupBeforeExit(
  backups: Pick<BackupService, 'backupIfChanged' | 'recordShutdownFailure'>,
  options: { limitMs?: number; log: (error: unknown) => void },
): Promise<ShutdownBackup> {
  const limitMs = options.limitMs ?? SHUTDOWN_BACKUP_LIMIT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeUp = new Promise<ShutdownBackup>((resolve) => {
    timer = setTimeout(() => resolve({ outcome: 'timed-out' }), limitMs);
  });
  const attempt = backups.backupIfChanged('scheduled').then(
    (backup): ShutdownBackup => (backup ? { outcome: 'backed-up', backup } : { outcome: 'unchanged' }),
    (error: unknown): ShutdownBackup => ({ outcome: 'failed', error }),
  );
  const result = await Promise.race([attempt, timeUp]);
  clearTimeout(timer);
  let problem: Error | null = null;
  if (result.outcome === 'failed') problem = result.error instanceof Error ? result.error : new Error(String(result.error));
  if (result.outcome === 'timed-out') problem = new Error(`it took longer than ${limitMs} ms, so Aftertab stopped without waiting for it`);
  if (problem) {
    options.log(problem);
    try {
      backups.recordShutdownFailure(problem.message);
    } catch (error) {
      // The data folder itself may be the full disk; the log still has the failure.
      options.log(error);
    }
  }
  return result;
}
