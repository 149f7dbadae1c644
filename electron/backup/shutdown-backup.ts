import type { BackupInfo } from '../../shared/closing-types';
import type { BackupService } from './backup-service';

/** How long a clean shutdown waits for its backup before quitting anyway. */
export const SHUTDOWN_BACKUP_LIMIT_MS = 5000;

export type ShutdownBackup =
  | { outcome: 'backed-up'; backup: BackupInfo }
  | { outcome: 'unchanged' }
  | { outcome: 'failed'; error: unknown }
  | { outcome: 'timed-out' };

/**
 * On a clean shutdown: one backup if anything changed since the last one (after whatever backup
 * or restore is already running), so work done since the last scheduled copy survives damage to
 * the file later. Never throws and never waits longer than limitMs: quitting must not hang on a
 * slow USB stick. Failures and the time running out are logged; the caller quits either way.
 */
export async function backupBeforeExit(
  backups: Pick<BackupService, 'backupIfChanged'>,
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
  if (result.outcome === 'failed') options.log(result.error);
  if (result.outcome === 'timed-out') options.log(new Error(`the last backup took longer than ${limitMs} ms; stopping without waiting for it`));
  return result;
}
