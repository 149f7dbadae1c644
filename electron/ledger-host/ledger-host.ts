import type { AppEvent } from '../../shared/types';
import type { LedgerApp } from './ledger-app';
import { chainHead, chainHeadAndRowAt, chainAppends, chainRowAt, type ChainHead } from '../ledger/chain';
import type { ChainSeen } from '../ipc/dispatcher';
import { checkLedgerAtStart, isDamageError } from '../ledger/health';
import { fileStamp, type CheckedBefore } from '../ledger/start-check-off-thread';
import { ledgerPath } from '../ledger/open';
import { createSealWriter, decodeSeal, encodeSeal, readSeal, type SealRead, type SealWriter } from '../ledger/seal';
import { checkSeal, type SealProblem } from './seal-check';

type Listener = (event: AppEvent) => void;

/**
 * Holds whichever ledger is current, so a restore can close one file and open another while
 * the transports keep talking to the same object. With no ledger (the file failed its start-up
 * check) the host is in recovery mode and `problem()` says what the check found.
 */
export type LedgerHost = {
  readonly dataDir: string;
  /** The ledger's path: <dataDir>/aftertab.sqlite. */
  readonly file: string;
  current(): LedgerApp | null;
  problem(): string | null;
  /** When the start-up check stopped at the seal (not at damage SQLite found): what it found. */
  sealProblem(): SealProblem | null;
  /** After a command: the ledger's chain head goes into the seal soon, off the command's path. */
  sealSoon(): void;
  /**
   * After a command: the WAL is copied into the file once a second has passed without another, off
   * every command's path (see WAL_AUTOCHECKPOINT_PAGES for the bound).
   */
  checkpointSoon(): void;
  /** Copies the WAL into the file now (before a backup, after a Z); false when it could not finish. */
  checkpointNow(): boolean;
  /** Resolves once no seal write is running (before a restore swaps the file). */
  sealIdle(): Promise<void>;
  /** A chain head signed as a seal (for the backup index); null where there is no seal key. */
  signSeal(head: ChainHead): string | null;
  /** Everything every window should hear: the ledger's events and the host's own (after a restore). */
  subscribe(listener: Listener): () => void;
  /** Only what the ledger's dispatcher emitted after a committed command (a Z, for the after-Z backup). */
  onLedgerEvent(listener: Listener): () => void;
  emit(event: AppEvent): void;
  /** Closes the current ledger; nothing reaches a ledger until openLedger. */
  closeLedger(): void;
  /**
   * Checks the file and opens it; on damage, or a ledger that does not reach the seal, stays
   * closed (recovery mode) and returns null. `acceptSeal` opens a ledger that does not reach the
   * seal (a restore the owner chose, or continuing knowingly); the seal then follows the ledger.
   * `checked`: the quick check already made off the main thread at start; it stands only while
   * the file and its WAL are exactly as they were when it began, else the file is checked again.
   */
  openLedger(options?: { acceptSeal?: boolean; checked?: CheckedBefore }): LedgerApp | null;
  close(): void;
};

function notify(listeners: Set<Listener>, event: AppEvent, log: (error: unknown) => void): void {
  for (const listener of [...listeners]) {
    try {
      listener(event);
    } catch (error) {
      log(error);
    }
  }
}

export type SealOptions = {
  /** The seal's signing key (from the install secret); without it there is no seal (some tests). */
  key: Buffer;
  /** Whether any backup exists: a missing ledger with backups beside it is not a first run. */
  backupsExist: () => boolean;
  backupFolder: () => string;
  clock: () => Date;
  /** This install's PIN key id (see seal-check.ts: a replaced secret cannot check the seal). */
  pinKeyId: string;
  /** The signed seal the newest backup wrote into the backup index, if any. */
  indexSeal: () => string | null;
};

/** A second without a command: the counter has paused, and the WAL goes into the file. */
export const CHECKPOINT_IDLE_MS = 1000;

function indexSealOf(sealing: SealOptions): SealRead {
  const text = sealing.indexSeal();
  return text === null ? { state: 'none' } : decodeSeal(sealing.key, text);
}

export function createLedgerHost(options: { dataDir: string; open: () => LedgerApp; log: (error: unknown) => void; seal?: SealOptions }): LedgerHost {
  const { dataDir, open, log } = options;
  const sealing = options.seal ?? null;
  const writer: SealWriter | null = sealing ? createSealWriter({ dataDir, key: sealing.key, onError: log }) : null;
  let sealProblem: SealProblem | null = null;
  const file = ledgerPath(dataDir);
  const everyone = new Set<Listener>();
  const ledgerOnly = new Set<Listener>();
  let app: LedgerApp | null = null;
  let problem: string | null = null;
  let unsubscribe: (() => void) | null = null;
  let checkpointTimer: NodeJS.Timeout | null = null;

  function cancelCheckpoint(): void {
    if (checkpointTimer) clearTimeout(checkpointTimer);
    checkpointTimer = null;
  }

  /** The ledger under this process was rewritten from outside: stop trading on it, and say so. */
  function rewrittenWhileOpen(last: ChainHead & { at: string }, head: ChainHead): void {
    log(new Error(`the ledger's entry ${last.seq} was rewritten by another program while Aftertab had it open`));
    unsubscribe?.();
    unsubscribe = null;
    const closing = app;
    app = null;
    closing?.close();
    sealProblem = {
      cause: 'diverged',
      problem: `the ledger's entry ${last.seq.toLocaleString('en')} was rewritten by another program while Aftertab had it open`,
      sealed: last,
      ledgerSeq: head.seq,
    };
    problem = sealProblem.problem;
    host.emit({ type: 'backup.changed' });
  }

  /** The head a ledger command handed over at its commit, for the sealSoon that follows it. */
  let justSeen: { db: LedgerApp['db']; appends: number } | null = null;

  /**
   * Seals `head`, read together with `atSeq`, the row at the seq sealed last. That row must still
   * be there as sealed: another program that rewrote the chain (and linked it up again) while this
   * one runs is never signed for.
   */
  function sealHead(head: ChainHead, atSeq: ChainHead | null): void {
    if (!writer || !sealing) return;
    const last = writer.last();
    // Nothing written since (a query): the head is the row sealed last, so it stands.
    if (last && last.seq === head.seq && last.hash === head.hash) return;
    if (last && atSeq?.hash !== last.hash) {
      rewrittenWhileOpen(last, head);
      return;
    }
    writer.note(head, sealing.clock().toISOString());
  }

  /** A ledger command's commit, with the chain as its last statement saw it (dispatcher.watchChain). */
  function sealSeen(ledger: LedgerApp, seen: ChainSeen): void {
    if (app !== ledger || !writer) return;
    // Read against another sealed row than the one sealed now (it cannot be, in one tick): read again.
    if ((writer.last()?.seq ?? 0) !== seen.sealedSeq) return;
    sealHead(seen.head, seen.atSeq);
    justSeen = app === ledger ? { db: ledger.db, appends: seen.appends } : null;
  }

  /** Whether the row this host sealed last still stands as sealed in `ledger` (see sealSoon). */
  function lastSealStands(ledger: LedgerApp): boolean {
    const last = writer?.last();
    return !last || chainRowAt(ledger.db, last.seq)?.hash === last.hash;
  }

  /**
   * Writes the seal at once. `closing`: the ledger this host has been sealing, which must still
   * hold the row sealed last (a chain rewritten under it is not signed at a clean stop either);
   * a ledger just opened was judged against the seal already, or accepted by the owner.
   */
  function sealNow(ledger: LedgerApp, closing: boolean): void {
    if (!writer || !sealing) return;
    try {
      if (closing && !lastSealStands(ledger)) {
        log(new Error("the ledger's sealed entry was rewritten by another program: the seal is left as it was"));
        return;
      }
      writer.note(chainHead(ledger.db), sealing.clock().toISOString());
      writer.flush();
    } catch (error) {
      log(error);
    }
  }

  const host: LedgerHost = {
    dataDir,
    file,
    current: () => app,
    problem: () => problem,
    sealProblem: () => sealProblem,
    sealSoon() {
      if (!app || !writer || !sealing) return;
      // A ledger command has just handed over the head it committed, and this connection has
      // appended nothing since: that head is sealed already (sealSeen), with no second read.
      const seen = justSeen;
      justSeen = null;
      if (seen && seen.db === app.db && seen.appends === chainAppends(app.db)?.count) return;
      try {
        const last = writer.last();
        const { head, atSeq } = chainHeadAndRowAt(app.db, last?.seq ?? 0);
        sealHead(head, atSeq);
      } catch (error) {
        // A seal that lags is accepted at the next start; a command's answer never waits on it.
        log(error);
      }
    },
    checkpointSoon() {
      cancelCheckpoint();
      checkpointTimer = setTimeout(() => {
        checkpointTimer = null;
        host.checkpointNow();
      }, CHECKPOINT_IDLE_MS);
      checkpointTimer.unref();
    },
    checkpointNow() {
      cancelCheckpoint();
      if (!app) return false;
      try {
        // PASSIVE: copies what no reader still needs, never waits for anyone.
        const [result] = app.db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
        return !!result && result.busy === 0 && result.checkpointed === result.log;
      } catch (error) {
        // A checkpoint that fails is tried again after the next command; the WAL keeps every commit.
        log(error);
        return false;
      }
    },
    sealIdle: () => writer?.idle() ?? Promise.resolve(),
    signSeal: (head) => (sealing ? encodeSeal(sealing.key, { ...head, at: sealing.clock().toISOString() }).trim() : null),
    subscribe(listener) {
      everyone.add(listener);
      return () => everyone.delete(listener);
    },
    onLedgerEvent(listener) {
      ledgerOnly.add(listener);
      return () => ledgerOnly.delete(listener);
    },
    emit(event) {
      notify(everyone, event, log);
    },
    closeLedger() {
      cancelCheckpoint();
      unsubscribe?.();
      unsubscribe = null;
      const closing = app;
      if (closing) sealNow(closing, true);
      app = null;
      closing?.close();
    },
    openLedger(openOptions = {}) {
      host.closeLedger();
      sealProblem = null;
      const check = openOptions.checked && openOptions.checked.stamp === fileStamp(file) ? openOptions.checked.check : checkLedgerAtStart(file);
      if (check.state === 'damaged') {
        problem = check.problem;
        return null;
      }
      if (sealing && !openOptions.acceptSeal) {
        const found = checkSeal({
          file,
          exists: check.state === 'ok',
          seal: readSeal(dataDir, sealing.key),
          backupsExist: sealing.backupsExist(),
          backupFolder: sealing.backupFolder(),
          pinKeyId: sealing.pinKeyId,
          indexSeal: indexSealOf(sealing),
        });
        if (found) {
          sealProblem = found;
          problem = found.problem;
          return null;
        }
      }
      let opened: LedgerApp;
      try {
        opened = open();
      } catch (error) {
        // Malformed pages the quick check did not reach can still surface while migrating.
        if (!isDamageError(error)) throw error;
        problem = error instanceof Error ? error.message : String(error);
        return null;
      }
      problem = null;
      app = opened;
      // From the first start on there is a seal, and after a restore it follows the ledger put back.
      sealNow(opened, false);
      const events = opened.dispatcher.subscribe((event) => {
        notify(ledgerOnly, event, log);
        notify(everyone, event, log);
      });
      const chain = writer
        ? opened.dispatcher.watchChain({ sealedSeq: () => writer.last()?.seq ?? 0, committed: (seen) => sealSeen(opened, seen) })
        : () => undefined;
      unsubscribe = () => {
        events();
        chain();
      };
      return opened;
    },
    close() {
      host.closeLedger();
      writer?.close();
      everyone.clear();
      ledgerOnly.clear();
    },
  };
  return host;
}
