import { parentPort, workerData } from 'node:worker_threads';
import { useNativeBinding } from '../ledger/sqlite-driver';
import { verifyLedgerCopy } from './verify';

/**
 * The entry of the verification worker (bundled to dist/electron/verify-worker.cjs by
 * scripts/build-node.mjs): checks one copy and posts the verdict back. integrity_check on a year
 * of data takes seconds; here it does not hold up the main process, which keeps answering.
 * A worker loads native modules afresh, so it is told which SQLite build its process uses.
 */
const data = workerData as { file?: unknown; nativeBinding?: unknown } | null;
if (typeof data?.nativeBinding === 'string') useNativeBinding(data.nativeBinding);
const file = data?.file;
parentPort?.postMessage(typeof file === 'string' ? verifyLedgerCopy(file) : { ok: false, problem: 'no file to verify was given' });
