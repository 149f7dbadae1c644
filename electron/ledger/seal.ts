import { createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ChainHead } from './chain';

/**
 * The seal: the ledger's chain head (row number and hash) and when it was written, in a small
 * file beside the ledger, signed with a key derived from the per-install secret that is kept
 * outside the ledger (the PIN key, see auth/pepper.ts). At start the ledger must reach the seal:
 * a missing file, a rolled-back WAL or an older copy put back all end before it, and rewriting
 * the chain to match a forged seal needs that secret. The seal may lag the ledger (it is written
 * just after each commit), never lead it.
 */
export const SEAL_FILE = 'aftertab.seal';
const SEAL_VERSION = 1;

export type Seal = ChainHead & { at: string };

export type SealRead = { state: 'none' } | { state: 'ok'; seal: Seal } | { state: 'invalid'; problem: string };

export function sealPath(dataDir: string): string {
  return path.join(dataDir, SEAL_FILE);
}

/** The seal's own key: derived from the install secret, so the PIN hashes and the seal never share one. */
export function sealKeyFrom(secret: Buffer): Buffer {
  return createHmac('sha256', secret).update('aftertab ledger seal v1').digest();
}

function macOf(key: Buffer, seal: Seal): string {
  return createHmac('sha256', key).update(`${SEAL_VERSION}\n${seal.seq}\n${seal.hash}\n${seal.at}`).digest('hex');
}

export function encodeSeal(key: Buffer, seal: Seal): string {
  return `${JSON.stringify({ version: SEAL_VERSION, seq: seal.seq, hash: seal.hash, at: seal.at, mac: macOf(key, seal) })}\n`;
}

/** Parses and checks a seal's text: its shape, then its signature. */
export function decodeSeal(key: Buffer, text: string): SealRead {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { state: 'invalid', problem: 'the seal beside the ledger is not readable' };
  }
  const r = raw as Partial<Record<'version' | 'seq' | 'hash' | 'at' | 'mac', unknown>> | null;
  if (
    r === null ||
    typeof r !== 'object' ||
    r.version !== SEAL_VERSION ||
    !Number.isSafeInteger(r.seq) ||
    (r.seq as number) < 0 ||
    typeof r.hash !== 'string' ||
    !/^[0-9a-f]{64}$/.test(r.hash) ||
    typeof r.at !== 'string' ||
    typeof r.mac !== 'string' ||
    !/^[0-9a-f]{64}$/.test(r.mac)
  ) {
    return { state: 'invalid', problem: 'the seal beside the ledger is not a seal this version of Aftertab wrote' };
  }
  const seal: Seal = { seq: r.seq as number, hash: r.hash, at: r.at };
  const expected = Buffer.from(macOf(key, seal), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(r.mac, 'hex'))) {
    return { state: 'invalid', problem: "the seal beside the ledger is not signed with this computer's key" };
  }
  return { state: 'ok', seal };
}

export function readSeal(dataDir: string, key: Buffer): SealRead {
  let text: string;
  try {
    text = fs.readFileSync(sealPath(dataDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'none' };
    throw error;
  }
  return decodeSeal(key, text);
}

/** Writes the seal whole or not at all: a temp file, flushed to disk, renamed over the old one. */
export function writeSealSync(dataDir: string, key: Buffer, seal: Seal): void {
  const file = sealPath(dataDir);
  // Its own temp name: an asynchronous write may be running with the other one.
  const temp = `${file}.tmp-now`;
  const fd = fs.openSync(temp, 'w', 0o600);
  try {
    fs.writeFileSync(fd, encodeSeal(key, seal));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
}

/**
 * Writes off the main thread; `generation` says whether a synchronous write (a ledger opened,
 * closed or restored) came in meanwhile, in which case this older head is dropped unrenamed, so
 * a seal can never end up ahead of the ledger it stands beside.
 */
async function writeSealAsync(dataDir: string, key: Buffer, seal: Seal, generation: () => number): Promise<void> {
  const file = sealPath(dataDir);
  const temp = `${file}.tmp`;
  const started = generation();
  const handle = await fs.promises.open(temp, 'w', 0o600);
  try {
    await handle.writeFile(encodeSeal(key, seal));
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (generation() !== started) {
    await fs.promises.rm(temp, { force: true });
    return;
  }
  await fs.promises.rename(temp, file);
}

export type SealWriter = {
  /** The ledger now reaches `head`: write it soon, off the command's path (coalesced). */
  note(head: ChainHead, at: string): void;
  /** Writes the newest head now, synchronously (at start, after a restore, at stop). */
  flush(): void;
  /** Resolves once no write is running. */
  idle(): Promise<void>;
  /** The last seal written (or being written). */
  last(): Seal | null;
  /** No more writes: the caller has flushed the newest head; a write still on its way may fail quietly. */
  close(): void;
};

/**
 * Keeps the seal up to date after every commit without making a command wait for a second
 * file: writes run on the thread pool, one at a time, the newest head winning. A kill between a
 * commit and its seal leaves a seal that lags, which the start-up check accepts.
 */
export function createSealWriter(options: { dataDir: string; key: Buffer; onError: (error: unknown) => void }): SealWriter {
  const { dataDir, key, onError } = options;
  let wanted: Seal | null = null;
  // The last head tried, written or not: a failed write is tried again with the next head, not in a loop.
  let tried: Seal | null = null;
  let running: Promise<void> | null = null;
  let closed = false;
  // Bumped by every synchronous write: an asynchronous one begun before it must not rename over it.
  let generation = 0;

  const pump = (): void => {
    if (closed || running || wanted === null || wanted === tried) return;
    const next = wanted;
    tried = next;
    running = writeSealAsync(dataDir, key, next, () => generation)
      .catch((error: unknown) => {
        // After close the newest seal was written synchronously; a late older one failing changes nothing.
        if (!closed) onError(error);
      })
      .finally(() => {
        running = null;
        pump();
      });
  };

  return {
    note(head, at) {
      if (wanted !== null && wanted.seq === head.seq && wanted.hash === head.hash) return;
      wanted = { seq: head.seq, hash: head.hash, at };
      pump();
    },
    flush() {
      if (wanted === null) return;
      generation += 1;
      writeSealSync(dataDir, key, wanted);
      tried = wanted;
    },
    async idle() {
      while (running) await running;
    },
    last: () => wanted,
    close() {
      closed = true;
    },
  };
}
