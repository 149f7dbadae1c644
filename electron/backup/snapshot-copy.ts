import fs from 'node:fs';
import type { Db } from '../ledger/open';
import { openDatabase } from '../ledger/sqlite-driver';

/** What a file copy says when the disk it writes to is full or read-only (the ledger is only read). */
const TARGET_FAULTS: ReadonlySet<string> = new Set(['ENOSPC', 'EDQUOT', 'EROFS']);

/** How the copy was made: the file's own bytes, or SQLite's online backup page by page. */
export type CopyWay = 'file' | 'online-backup';

/**
 * The ledger copied into `target` as one consistent file, while commands go on.
 *
 * When the WAL is all in the file (`checkpointed`: the checkpoint just before found nothing it
 * could not copy), a read transaction on a second connection holds that state: SQLite never
 * checkpoints into the file past a reader, and this reader reads the file alone, so the file's
 * bytes stay the whole ledger as of then while new commits go into the WAL. The system copies
 * those bytes off the main thread (copy_file_range, or a clone where the file system has them),
 * several times faster than the online backup. Otherwise, or when that copy fails (another handle
 * may lock part of the file on Windows), SQLite's online backup makes the copy, as it always did.
 * Nothing may run between the checkpoint and this call: the caller makes both in one tick.
 */
export async function copyLedger(db: Db, file: string, checkpointed: boolean, target: string): Promise<CopyWay> {
  if (checkpointed) {
    const reader = holdFile(file);
    if (reader) {
      try {
        await fs.promises.copyFile(file, target);
        return 'file';
      } catch (error) {
        fs.rmSync(target, { force: true });
        // A backup disk that is full or read-only is the shop's to fix; any other failure (a lock,
        // a file system without the call) is tried again by the online backup below.
        if (TARGET_FAULTS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      } finally {
        release(reader);
      }
    }
  }
  await db.backup(target);
  return 'online-backup';
}

/**
 * A read transaction begun while the WAL holds nothing the file lacks: until it is released, no
 * checkpoint copies a later commit into the file (SQLite backfills only up to the oldest reader's
 * snapshot). Null when the second connection cannot be had.
 */
function holdFile(file: string): ReturnType<typeof openDatabase> | null {
  let reader: ReturnType<typeof openDatabase> | null = null;
  try {
    reader = openDatabase(file, { readonly: true, fileMustExist: true });
    reader.exec('BEGIN');
    // The snapshot starts with the first read.
    reader.prepare('SELECT count(*) FROM sqlite_master').get();
    return reader;
  } catch {
    // The online backup is the way then.
    if (reader) release(reader);
    return null;
  }
}

function release(reader: ReturnType<typeof openDatabase>): void {
  try {
    if (reader.inTransaction) reader.exec('COMMIT');
  } finally {
    reader.close();
  }
}
