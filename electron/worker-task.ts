import fs from 'node:fs';
import { Worker } from 'node:worker_threads';

/**
 * Runs one task in the bundled worker (a fresh thread per task: tasks are rare and take seconds,
 * so starting a thread costs nothing that matters) and resolves with its answer. When the worker
 * file is missing (run from source, not bundled), or the worker fails before it gives an answer
 * `accept` takes (it could not start, could not load better-sqlite3, crashed), the same task runs
 * on the main thread instead: slower is better than not at all. An answer is never second-guessed.
 */
export function runInWorker<T>(options: {
  workerFile: string;
  workerData: unknown;
  /** What the worker is, for the log ("verification", "chain"). */
  name: string;
  accept: (message: unknown) => message is T;
  fallback: () => T;
  log: (error: unknown) => void;
}): Promise<T> {
  const { workerFile, name, accept, fallback, log } = options;
  if (!fs.existsSync(workerFile)) return Promise.resolve().then(fallback);
  return new Promise<T>((resolve) => {
    let settled = false;
    const finish = (answer: () => T, worker?: Worker): void => {
      if (settled) return;
      settled = true;
      resolve(answer());
      void worker?.terminate();
    };
    let worker: Worker;
    try {
      worker = new Worker(workerFile, { workerData: options.workerData });
    } catch (error) {
      log(error);
      finish(fallback);
      return;
    }
    worker.on('message', (message: unknown) => {
      if (accept(message)) finish(() => message, worker);
      else {
        log(new Error(`the ${name} worker answered ${JSON.stringify(message)}`));
        finish(fallback, worker);
      }
    });
    worker.on('error', (error) => {
      log(error);
      finish(fallback, worker);
    });
    worker.on('exit', (code) => {
      if (settled) return;
      log(new Error(`the ${name} worker stopped (exit code ${code}) before it answered`));
      finish(fallback);
    });
  });
}
