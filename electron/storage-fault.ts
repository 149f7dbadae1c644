import path from 'node:path';
import { DomainError } from '../shared/errors';

/**
 * A disk that is full or cannot be written to is something the shop fixes (free some space,
 * unlock the card), not a fault in Aftertab: it gets its own code and words that say what to
 * do, and a warning in the log rather than an internal error with a stack.
 */
export type StorageFault = { code: 'disk_full' | 'read_only'; path: string };

// Node's file calls: no space left, over quota; a read-only file system, or no write permission.
const FULL_ERRNO: ReadonlySet<string> = new Set(['ENOSPC', 'EDQUOT']);
const READ_ONLY_ERRNO: ReadonlySet<string> = new Set(['EROFS', 'EACCES']);

/**
 * What kind of storage fault `error` is, if any. SQLite says SQLITE_FULL when the disk (or the
 * database's page limit) is full, and SQLITE_READONLY or one of its extended codes
 * (SQLITE_READONLY_DBMOVED, …) when the file cannot be written; a file call says ENOSPC, EROFS
 * or EACCES and carries its own path. `file` is where the fault happened when the error does not say.
 */
export function storageFaultOf(error: unknown, file: string): StorageFault | null {
  if (!(error instanceof Error)) return null;
  const { code, path: errorPath } = error as NodeJS.ErrnoException;
  if (typeof code !== 'string') return null;
  const where = typeof errorPath === 'string' ? errorPath : file;
  if (code === 'SQLITE_FULL' || FULL_ERRNO.has(code)) return { code: 'disk_full', path: where };
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_') || READ_ONLY_ERRNO.has(code)) return { code: 'read_only', path: where };
  return null;
}

/** The refusal a command gets when the ledger's disk is full or read-only: nothing was saved. */
export function ledgerStorageError(fault: StorageFault, ledgerFile: string): DomainError {
  const folder = path.dirname(ledgerFile);
  return fault.code === 'disk_full'
    ? new DomainError('disk_full', 'errors.storage.diskFull', { folder })
    : new DomainError('read_only', 'errors.storage.readOnly', { folder });
}

/** The refusal a backup gets when its folder's disk is full or read-only: no copy was made. */
export function backupStorageError(fault: StorageFault, folder: string): DomainError {
  return fault.code === 'disk_full'
    ? new DomainError('disk_full', 'errors.backup.diskFull', { folder })
    : new DomainError('read_only', 'errors.backup.readOnly', { folder });
}
