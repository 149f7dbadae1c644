import { parentPort, workerData } from 'node:worker_threads';
import { verifyChainOfFile } from '../ledger/chain-off-thread';
import { checkLedgerAtStart } from '../ledger/health';
import { useNativeBinding } from '../ledger/sqlite-driver';
import { verifyLedgerCopy } from './verify';

/**
 * The entry of the verification worker (bundled to dist/electron/verify-worker.cjs by
 * scripts/build-node.mjs): checks one copy and posts the verdict back. integrity_check on a year
 * of data takes seconds; here it does not hold up the main process, which keeps answering.
 * A worker loads native modules afresh, so it is told which SQLite build its process uses.
 */
const data = workerData as { task?: unknown; file?: unknown; nativeBinding?: unknown } | null;
if (typeof data?.nativeBinding === 'string') useNativeBinding(data.nativeBinding);
const file = data?.file;
if (typeof file !== 'string') parentPort?.postMessage({ ok: false, problem: 'no file to verify was given' });
// The same worker also walks a live ledger's whole hash chain, read-only ("Check everything"),
// and runs the ledger's start-up check while the desktop window loads. A start-up check that
// throws (not damage: a file it may not read) ends the worker, and the caller checks again itself.
else parentPort?.postMessage(data?.task === 'chain' ? verifyChainOfFile(file) : data?.task === 'start' ? checkLedgerAtStart(file) : verifyLedgerCopy(file));
