import { runInWorker } from '../worker-task';
import { verifyChain, type ChainVerification } from './chain';
import { nativeBindingInUse, openDatabase } from './sqlite-driver';

/** The whole chain of a ledger file, checked on a read-only connection of its own. */
export function verifyChainOfFile(file: string): ChainVerification {
  const db = openDatabase(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('cache_size = -131072');
    return verifyChain(db);
  } finally {
    db.close();
  }
}

function isVerification(value: unknown): value is ChainVerification {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<ChainVerification>;
  return (
    typeof v.fromSeq === 'number' &&
    typeof v.rowsChecked === 'number' &&
    typeof v.head === 'object' &&
    v.head !== null &&
    (v.broken === null || typeof v.broken === 'object')
  );
}

/**
 * The full chain check ("Check everything") walks every row: on a year of data, tens of seconds.
 * It runs in the bundled worker (dist/electron/verify-worker.cjs, `task: 'chain'`) on its own
 * read-only connection, so the main process keeps answering the counter meanwhile (the WAL lets
 * a reader work beside the writer). Run from source, or when the worker fails before it answers,
 * the same check runs on the main thread instead; its verdict is never second-guessed.
 */
export function verifyChainOffThread(file: string, options: { workerFile: string; log: (error: unknown) => void }): Promise<ChainVerification> {
  return runInWorker({
    workerFile: options.workerFile,
    workerData: { task: 'chain', file, nativeBinding: nativeBindingInUse() },
    name: 'chain',
    accept: isVerification,
    fallback: () => verifyChainOfFile(file),
    log: options.log,
  });
}
