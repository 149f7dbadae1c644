import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { CommandInput, CommandName, CommandResult } from '../../shared/contract';
import type { AppError, Result } from '../../shared/errors';
import { startLedgerApp, type LedgerApp } from '../ledger-host/ledger-app';
import { assertInvariants } from './invariants';

export type TestLedger = LedgerApp & {
  dir: string;
  /** Moves the injected clock forward. */
  advance: (ms: number) => void;
  /** Sets the injected clock to an ISO time. */
  setNow: (iso: string) => void;
  raw: (name: string, input: unknown, commandId?: string | null) => Result<unknown>;
  /** Runs a command (with a fresh command id when it mutates), checks the invariants, unwraps. */
  call: <N extends CommandName>(name: N, input: CommandInput<N>) => CommandResult<N>;
  fail: <N extends CommandName>(name: N, input: unknown) => AppError;
  cleanup: () => void;
};

/**
 * A real ledger file made by the real migrations in a temp folder, with a controllable clock.
 * A drawer is opened with an empty float (which posts nothing) so tests can take cash; drawer
 * and day-close tests pass `{ drawer: false }` and open their own.
 */
export function makeLedger(start = '2026-11-24T09:00:00.000Z', options: { drawer?: boolean } = {}): TestLedger {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-test-'));
  let now = Date.parse(start);
  const app = startLedgerApp({ dataDir: dir, clock: () => new Date(now), log: () => undefined, timeZone: 'UTC' });
  const raw = (name: string, input: unknown, commandId: string | null = randomUUID()) =>
    app.dispatcher.dispatch(name, commandId === null ? { input } : { input, commandId }, app.session);
  if (options.drawer !== false) {
    const opened = raw('drawer.open', { float: { kind: 'total', totalMinor: 0 } });
    if (!opened.ok) throw new Error(`could not open the test drawer: ${opened.error.message}`);
  }
  return {
    ...app,
    dir,
    advance: (ms) => {
      now += ms;
    },
    setNow: (iso) => {
      now = Date.parse(iso);
    },
    raw,
    call: (name, input) => {
      const result = raw(name, input);
      if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
      assertInvariants(app.db);
      return result.value as never;
    },
    fail: (name, input) => {
      const before = snapshot(app);
      const result = raw(name, input);
      expect(result.ok, `${name} should have failed`).toBe(false);
      expect(snapshot(app), `${name} failed but changed the ledger`).toEqual(before);
      assertInvariants(app.db);
      return (result as { ok: false; error: AppError }).error;
    },
    cleanup: () => {
      app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Row counts and sums of every table a command can write, to prove a refusal wrote nothing. */
export function snapshot(app: LedgerApp): Record<string, unknown> {
  const tables = [
    'staff',
    'tabs',
    'tab_lines',
    'tab_rate_totals',
    'journal_entries',
    'postings',
    'payments',
    'split_parts',
    'audit',
    'commands',
    'command_results',
    'items',
    'categories',
    'store_settings',
    'drawer_sessions',
    'drawer_movements',
    'z_reports',
    'comp_postings',
    'tab_comp_totals',
    'entry_lines',
    'payment_voids',
    'customers',
    'appointments',
    'appointment_services',
    'deposits',
    'loyalty_movements',
    'loyalty_postings',
    'receipts',
    'token_events',
    'tab_token_changes',
    'line_moves',
    'tab_merges',
    'refunds',
    'refund_rates',
    'refund_lines',
    'refund_tenders',
  ];
  const out: Record<string, unknown> = {};
  // The command log is keyed by its id (WITHOUT ROWID); every other table keeps a rowid.
  for (const table of tables) out[table] = app.db.prepare(`SELECT * FROM ${table} ORDER BY ${table === 'commands' ? 'id' : 'rowid'}`).all();
  return out;
}
