import { runInWorker } from '../worker-task';
import { nativeBindingInUse } from '../ledger/sqlite-driver';
import { verifyLedgerCopy, type Verification } from './verify';

export type VerifyCopy = (file: string) => Verification | Promise<Verification>;

export type OffThreadOptions = {
  /** The bundled worker entry (dist/electron/verify-worker.cjs); missing when running from source. */
  workerFile: string;
  log: (error: unknown) => void;
  /** The check run on the main thread when the worker cannot start; tests pass their own. */
  fallback?: (file: string) => Verification;
};

function isVerification(value: unknown): value is Verification {
  if (typeof value !== 'object' || value === null) return false;
  const verdict = value as { ok?: unknown; maxZ?: unknown; chain?: unknown; problem?: unknown };
  return verdict.ok === true
    ? typeof verdict.maxZ === 'number' && (verdict.chain === null || typeof verdict.chain === 'object')
    : verdict.ok === false && typeof verdict.problem === 'string';
}

/**
 * verifyLedgerCopy in a worker thread (see worker-task.ts: on the main thread when there is no
 * bundled worker or it fails before it answers). quick_check on a year takes a second or more.
 */
export function verifyOffThread(options: OffThreadOptions): VerifyCopy {
  const fallback = options.fallback ?? verifyLedgerCopy;
  return (file) =>
    runInWorker({
      workerFile: options.workerFile,
      workerData: { file, nativeBinding: nativeBindingInUse() },
      name: 'verification',
      accept: isVerification,
      fallback: () => fallback(file),
      log: options.log,
    });
}
