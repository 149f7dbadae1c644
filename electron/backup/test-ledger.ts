import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DomainError } from '../../shared/errors';
import type { AppEvent } from '../../shared/types';
import type { LedgerApp } from '../ledger-host/ledger-app';
import { accounts, postEntry } from '../ledger/journal';
import { ledgerPath, openLedger, type Db } from '../ledger/open';
import { bootstrapStore } from '../services/bootstrap';

/**
 * A real ledger file made by the real migrations, with a dispatcher that only relays events:
 * the backup code needs the file and the event stream, not the services (which tests of the
 * whole app reach through startAppCore).
 */
export type TestLedgerApp = LedgerApp & { emit(event: AppEvent): void };

export function tempDir(prefix = 'aftertab-backup-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function openTestLedger(dataDir: string, now = '2026-11-24T09:00:00.000Z'): TestLedgerApp {
  const file = ledgerPath(dataDir);
  const db = openLedger(file);
  const staffId = bootstrapStore(db, now, 'UTC');
  const listeners = new Set<(event: AppEvent) => void>();
  return {
    db,
    file,
    session: { staffId },
    dispatcher: {
      dispatch: () => ({ ok: false, error: { code: 'unknown_command', message: 'the test ledger runs no commands' } }),
      execute: () => ({ ok: false, error: { code: 'unknown_command', message: 'the test ledger runs no commands' } }),
      isCommitted: () => false,
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      // It commits nothing, so there is nothing of the chain to hand over.
      watchChain: () => () => undefined,
    },
    emit(event) {
      for (const listener of listeners) listener(event);
    },
    close: () => db.close(),
  };
}

let clockMs = Date.parse('2026-11-24T10:00:00.000Z');

/** A cash sale of amountMinor, as a balanced entry plus the command row every mutation leaves. */
export function sell(db: Db, staffId: number, amountMinor: number): number {
  clockMs += 60_000;
  const at = new Date(clockMs).toISOString();
  const commandId = randomUUID();
  db.prepare('INSERT INTO commands (id, name, payload_hash, staff_id, at) VALUES (?, ?, ?, ?, ?)').run(commandId, 'test.sell', '-', staffId, at);
  db.prepare('INSERT INTO command_results (command_id, result_json) VALUES (?, ?)').run(commandId, '{}');
  const id = postEntry(db, { kind: 'payment.cash', at, staffId, tabId: null, commandId }, [
    [accounts.cash, amountMinor],
    [accounts.sales('0'), -amountMinor],
  ]);
  if (id === null) throw new Error('a sale of nothing');
  return id;
}

/** A closed day with its Z number, written directly (the report services are not under test here). */
export function closeDay(db: Db, staffId: number, zNumber: number, businessDate: string): void {
  const lastEntry = db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM journal_entries').get()?.id ?? 0;
  db.prepare('INSERT INTO z_reports (z_number, business_date, closed_at, closed_by, last_entry_id, report_json) VALUES (?, ?, ?, ?, ?, ?)').run(
    zNumber,
    businessDate,
    new Date(clockMs).toISOString(),
    staffId,
    lastEntry,
    '{}',
  );
}

/** Sum of postings per account, the journal as a reader would compare it. */
export function balances(db: Db): Record<string, number> {
  const rows = db
    .prepare<[], { account: string; total: number }>('SELECT account, sum(amount_minor) AS total FROM postings GROUP BY account ORDER BY account')
    .all();
  return Object.fromEntries(rows.map((row) => [row.account, row.total]));
}

/** Overwrites `length` bytes at `offset` with a pattern no SQLite page has. */
export function scribble(file: string, offset: number, length: number): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, Buffer.alloc(length, 0xa5), 0, length, offset);
  } finally {
    fs.closeSync(fd);
  }
}

/** The DomainError a promise was refused with; anything else (or no refusal) fails the test. */
export async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}
