import fs from 'node:fs';
import { runInWorker } from '../worker-task';
import { checkLedgerAtStart, type StartCheck } from './health';
import { nativeBindingInUse } from './sqlite-driver';

/** What a ledger file and its WAL looked like: a verdict holds only for the bytes it read. */
export type FileStamp = string;

function stampOne(file: string): string {
  try {
    const stat = fs.statSync(file);
    return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'none';
    throw error;
  }
}

/** The ledger's and its WAL's identity, size and time of last change (the WAL holds commits too). */
export function fileStamp(file: string): FileStamp {
  return `${stampOne(file)}|${stampOne(`${file}-wal`)}`;
}

/** A start-up check made ahead of opening, and the file as it was when the check began. */
export type CheckedBefore = { check: StartCheck; stamp: FileStamp };

function isStartCheck(value: unknown): value is StartCheck {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { state?: unknown; problem?: unknown };
  return v.state === 'ok' || v.state === 'missing' || (v.state === 'damaged' && typeof v.problem === 'string');
}

/**
 * The start-up check (quick_check, read-only: about a second on a year of data) in the bundled
 * worker (dist/electron/verify-worker.cjs, `task: 'start'`), so the process that asked keeps
 * running meanwhile: the desktop window loads and paints while the ledger is checked. Run from
 * source, or when the worker fails before it answers, the same check runs on this thread; a
 * failure that is not damage (a folder it may not read) is thrown there, as it always was. The
 * stamp is taken before the check starts, so a file that changes during or after it no longer
 * matches and is checked again before it is opened (LedgerHost.openLedger).
 */
export async function checkLedgerAtStartOffThread(file: string, options: { workerFile: string; log: (error: unknown) => void }): Promise<CheckedBefore> {
  const stamp = fileStamp(file);
  const check = await runInWorker({
    workerFile: options.workerFile,
    workerData: { task: 'start', file, nativeBinding: nativeBindingInUse() },
    name: 'start-up check',
    accept: isStartCheck,
    fallback: () => checkLedgerAtStart(file),
    log: options.log,
  });
  return { check, stamp };
}
