import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../backup/backup-settings';

/**
 * Wrong owner PINs given to continue past the seal, kept beside the ledger (not in it: the ledger
 * is the thing in question) so that a restart does not reset them. Five in a row make the next
 * try wait 5 minutes, and each further five double the wait, up to a day.
 */
export const CONTINUE_TRIES_FILE = 'recovery-tries.json';
export const CONTINUE_TRIES = 5;
const FIRST_WAIT_MS = 5 * 60_000;
const LONGEST_WAIT_MS = 24 * 60 * 60_000;

export type ContinueTries = { wrong: number; lockouts: number; waitUntil: string | null };

const none: ContinueTries = { wrong: 0, lockouts: 0, waitUntil: null };

function file(dataDir: string): string {
  return path.join(dataDir, CONTINUE_TRIES_FILE);
}

export function readContinueTries(dataDir: string): ContinueTries {
  try {
    const raw = JSON.parse(fs.readFileSync(file(dataDir), 'utf8')) as Partial<ContinueTries>;
    return {
      wrong: Number.isSafeInteger(raw.wrong) ? (raw.wrong as number) : 0,
      lockouts: Number.isSafeInteger(raw.lockouts) ? (raw.lockouts as number) : 0,
      waitUntil: typeof raw.waitUntil === 'string' ? raw.waitUntil : null,
    };
  } catch {
    return none;
  }
}

/** Milliseconds left to wait before the next try, 0 when one may be made now. */
export function continueWaitMs(tries: ContinueTries, now: Date): number {
  return tries.waitUntil === null ? 0 : Math.max(0, Date.parse(tries.waitUntil) - now.getTime());
}

export function recordWrongContinuePin(dataDir: string, now: Date): ContinueTries {
  const before = readContinueTries(dataDir);
  const wrong = before.wrong + 1;
  const next =
    wrong < CONTINUE_TRIES
      ? { ...before, wrong }
      : {
          wrong: 0,
          lockouts: before.lockouts + 1,
          waitUntil: new Date(now.getTime() + Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** before.lockouts)).toISOString(),
        };
  writeFileAtomic(file(dataDir), `${JSON.stringify(next)}\n`);
  return next;
}

export function clearContinueTries(dataDir: string): void {
  fs.rmSync(file(dataDir), { force: true });
}
