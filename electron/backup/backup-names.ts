import type { BackupInfo } from '../../shared/closing-types';
import { backupName } from '../../shared/schemas';

export type BackupReason = BackupInfo['reason'];

const reasons: readonly BackupReason[] = ['scheduled', 'z', 'manual', 'before-restore', 'after-restore'];

/** aftertab-20261124T090000123Z-manual.sqlite (an optional -2, -3 when two land in one millisecond). */
const NAME = /^aftertab-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-(scheduled|z|manual|before-restore|after-restore)(?:-\d{1,3})?\.sqlite$/;

/** A UTC stamp that sorts as text in time order and is safe in a file name on every system. */
export function fileStamp(at: Date): string {
  return at.toISOString().replace(/[-:.]/g, '');
}

/**
 * The name of a new backup: UTC time to the millisecond, then why it was made. It matches the
 * contract's backupName pattern, so the same name can be sent back to restore it.
 */
export function makeBackupName(at: Date, reason: BackupReason, taken: (name: string) => boolean): string {
  const base = `aftertab-${fileStamp(at)}-${reason}`;
  let name = `${base}.sqlite`;
  for (let n = 2; taken(name) && n < 1000; n += 1) name = `${base}-${n}.sqlite`;
  if (!backupName.safeParse(name).success) throw new Error(`backup name ${name} does not match the contract`);
  return name;
}

/** Time and reason read back from a name we made; null for any other file. */
export function parseBackupName(name: string): { at: string; reason: BackupReason } | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, ms, reason] = match;
  const at = `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`;
  if (Number.isNaN(Date.parse(at)) || !reasons.includes(reason as BackupReason)) return null;
  return { at, reason: reason as BackupReason };
}
