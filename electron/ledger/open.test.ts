import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { applyPragmas, LedgerOpenError, openLedger } from './open';
import { AFTERTAB_APPLICATION_ID, LATEST_VERSION, LedgerTooNewError } from './migrate';

const dirs: string[] = [];
function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-open-'));
  dirs.push(dir);
  return path.join(dir, 'ledger.sqlite');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('opening the ledger', () => {
  it('sets WAL, synchronous=FULL, foreign keys and a busy timeout on every open, including a reopen', () => {
    const file = tempFile();
    openLedger(file).close();
    const db = openLedger(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    // SQLite's own checkpoint only as a bound (64 MB): the host checkpoints when the counter is quiet.
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(16_384);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    db.close();
  });

  it('refuses to start when a pragma does not take', () => {
    const file = tempFile();
    new Database(file).close(); // a rollback-journal file; a read-only connection cannot switch it to WAL
    const readonly = new Database(file, { readonly: true });
    expect(() => applyPragmas(readonly)).toThrow(LedgerOpenError);
    expect(() => applyPragmas(readonly)).toThrow(/journal_mode/);
    readonly.close();
  });

  it('refuses a ledger written by a newer version and leaves it untouched', () => {
    const file = tempFile();
    // A newer Aftertab's file carries Aftertab's application_id; its tables are its own business.
    const raw = new Database(file);
    raw.pragma(`application_id = ${AFTERTAB_APPLICATION_ID}`);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    const bytes = fs.readFileSync(file);
    expect(() => openLedger(file)).toThrow(LedgerTooNewError);
    expect(() => openLedger(file)).toThrow(`newer Aftertab (schema ${LATEST_VERSION + 1}, this version knows ${LATEST_VERSION})`);
    // Not even the switch to WAL: the file is refused before it is opened for writing.
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    const again = new Database(file);
    expect(again.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1);
    expect(again.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({ n: 0 });
    again.close();
  });
});
