import type { AppEvent } from '../../shared/types';
import type { LedgerApp } from './ledger-app';
import { ledgerPath } from '../ledger/open';
import { checkLedgerAtStart, isDamageError } from '../ledger/health';

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
  /** Everything every window should hear: the ledger's events and the host's own (after a restore). */
  subscribe(listener: Listener): () => void;
  /** Only what the ledger's dispatcher emitted after a committed command (a Z, for the after-Z backup). */
  onLedgerEvent(listener: Listener): () => void;
  emit(event: AppEvent): void;
  /** Closes the current ledger; nothing reaches a ledger until openLedger. */
  closeLedger(): void;
  /** Checks the file and opens it; on damage stays closed (recovery mode) and returns null. */
  openLedger(): LedgerApp | null;
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

export function createLedgerHost(options: { dataDir: string; open: () => LedgerApp; log: (error: unknown) => void }): LedgerHost {
  const { dataDir, open, log } = options;
  const file = ledgerPath(dataDir);
  const everyone = new Set<Listener>();
  const ledgerOnly = new Set<Listener>();
  let app: LedgerApp | null = null;
  let problem: string | null = null;
  let unsubscribe: (() => void) | null = null;

  const host: LedgerHost = {
    dataDir,
    file,
    current: () => app,
    problem: () => problem,
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
      unsubscribe?.();
      unsubscribe = null;
      const closing = app;
      app = null;
      closing?.close();
    },
    openLedger() {
      host.closeLedger();
      const check = checkLedgerAtStart(file);
      if (check.state === 'damaged') {
        problem = check.problem;
        return null;
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
      unsubscribe = opened.dispatcher.subscribe((event) => {
        notify(ledgerOnly, event, log);
        notify(everyone, event, log);
      });
      return opened;
    },
    close() {
      host.closeLedger();
      everyone.clear();
      ledgerOnly.clear();
    },
  };
  return host;
}
