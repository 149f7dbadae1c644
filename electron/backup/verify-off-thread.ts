import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
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
  const verdict = value as { ok?: unknown; maxZ?: unknown; problem?: unknown };
  return verdict.ok === true ? typeof verdict.maxZ === 'number' : verdict.ok === false && typeof verdict.problem === 'string';
}

/**
 * verifyLedgerCopy in a worker thread, one worker per check (a check is rare and takes seconds,
 * so starting a thread costs nothing that matters). When the worker file is missing (the app is
 * run from source, not bundled) or the worker fails before it answers (it could not start, could
 * not load better-sqlite3, crashed), the same check runs on the main thread instead: a slow
 * backup is better than none. The verdict itself is never second-guessed.
 */
export function verifyOffThread(options: OffThreadOptions): VerifyCopy {
  const fallback = options.fallback ?? verifyLedgerCopy;
  return (file) => {
    if (!fs.existsSync(options.workerFile)) return fallback(file);
    return new Promise<Verification>((resolve) => {
      let settled = false;
      const finish = (verdict: () => Verification, worker?: Worker): void => {
        if (settled) return;
        settled = true;
        resolve(verdict());
        void worker?.terminate();
      };
      let worker: Worker;
      try {
        worker = new Worker(options.workerFile, { workerData: { file, nativeBinding: nativeBindingInUse() } });
      } catch (error) {
        options.log(error);
        finish(() => fallback(file));
        return;
      }
      worker.on('message', (message: unknown) => {
        if (isVerification(message)) finish(() => message, worker);
        else {
          options.log(new Error(`the verification worker answered ${JSON.stringify(message)}`));
          finish(() => fallback(file), worker);
        }
      });
      worker.on('error', (error) => {
        options.log(error);
        finish(() => fallback(file), worker);
      });
      worker.on('exit', (code) => {
        if (settled) return;
        options.log(new Error(`the verification worker stopped (exit code ${code}) before it answered`));
        finish(() => fallback(file));
      });
    });
  };
}
