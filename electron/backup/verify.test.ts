import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ledgerPath } from '../ledger/open';
import { openTestLedger, scribble, sell, tempDir, closeDay } from './test-ledger';
import { checkLedgerAtStart, isDamageError } from '../ledger/health';
import { verifyLedgerCopy } from './verify';
import { registerChainFunctions } from '../ledger/chain';
import { makeLedger } from '../test-support/ledger-fixture';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A closed ledger file with a few hundred entries, so it spans many pages. */
function ledgerFile(): { dir: string; file: string } {
  const dir = tempDir('aftertab-verify-');
  dirs.push(dir);
  const app = openTestLedger(dir);
  for (let i = 0; i < 300; i += 1) sell(app.db, app.session.staffId, 100 + i);
  app.close();
  return { dir, file: ledgerPath(dir) };
}

describe('checkLedgerAtStart', () => {
  it('says missing for a first start and ok for a healthy ledger', () => {
    const { dir, file } = ledgerFile();
    expect(checkLedgerAtStart(path.join(dir, 'nothing.sqlite'))).toEqual({ state: 'missing' });
    expect(checkLedgerAtStart(file)).toEqual({ state: 'ok' });
  });

  it.each([
    ['an overwritten header', (file: string) => scribble(file, 0, 100)],
    ['a file cut in half', (file: string) => fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2))],
    ['garbage over the middle pages', (file: string) => scribble(file, 8192, 16_384)],
    ['an empty file', (file: string) => fs.truncateSync(file, 0)],
  ])('finds %s damaged and leaves the file as it was', (_label, damage) => {
    const { file } = ledgerFile();
    damage(file);
    const before = fs.readFileSync(file);
    const check = checkLedgerAtStart(file);
    expect(check.state).toBe('damaged');
    expect(check.state === 'damaged' && check.problem.length).toBeGreaterThan(0);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('throws, rather than calling it damage, when the file cannot be opened for another reason', () => {
    const { dir } = ledgerFile();
    // A folder where the ledger should be: SQLite cannot open it, but nothing is corrupt.
    const folder = path.join(dir, 'folder.sqlite');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'x'), 'x');
    expect(() => checkLedgerAtStart(folder)).toThrow();
  });
});

describe('verifyLedgerCopy', () => {
  function copyOf(file: string): string {
    const copy = `${file}.copy`;
    fs.copyFileSync(file, copy);
    return copy;
  }

  it('passes a healthy ledger, in rollback-journal mode afterwards, with its highest Z', () => {
    const { dir, file } = ledgerFile();
    const app = openTestLedger(dir);
    closeDay(app.db, app.session.staffId, 4, '2026-11-24');
    app.close();
    const copy = copyOf(file);
    expect(verifyLedgerCopy(copy)).toEqual({ ok: true, maxZ: 4, chain: { seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    const db = new Database(copy, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    db.close();
    expect(fs.existsSync(`${copy}-wal`)).toBe(false);
  });

  it('passes a backup made before ledgers carried the application_id, and fails one with another application’s id', () => {
    const { file } = ledgerFile();
    const earlier = copyOf(file);
    const unmarked = new Database(earlier);
    unmarked.pragma('application_id = 0');
    unmarked.close();
    expect(verifyLedgerCopy(earlier)).toEqual({ ok: true, maxZ: 0, chain: expect.objectContaining({ seq: expect.any(Number) }) });

    const theirs = `${file}.theirs`;
    fs.copyFileSync(file, theirs);
    const marked = new Database(theirs);
    marked.pragma('application_id = 1234567');
    marked.close();
    const verdict = verifyLedgerCopy(theirs);
    expect(verdict.ok === false && verdict.problem).toMatch(/^it is not an Aftertab ledger: it carries another application's id \(application_id 0x0012d687\)/);
  });

  it('fails a journal entry that does not sum to zero', () => {
    const { file } = ledgerFile();
    const copy = copyOf(file);
    const db = new Database(copy);
    // An editor who brings the chain's function along gets past the chain trigger; the balance check still catches it.
    registerChainFunctions(db);
    db.prepare("INSERT INTO postings (entry_id, account, amount_minor) VALUES (3, 'sales', -1)").run();
    db.close();
    expect(verifyLedgerCopy(copy)).toEqual({ ok: false, problem: 'journal entry #3 does not balance (off by -1 minor units)' });
  });

  it('fails a posting that belongs to no entry', () => {
    const { file } = ledgerFile();
    const copy = copyOf(file);
    const db = new Database(copy);
    registerChainFunctions(db);
    db.pragma('foreign_keys = OFF');
    db.prepare("INSERT INTO postings (entry_id, account, amount_minor) VALUES (99999, 'sales', 7)").run();
    db.close();
    expect(verifyLedgerCopy(copy)).toEqual({ ok: false, problem: 'journal entry #99999 does not balance (off by 7 minor units)' });
  });

  it('fails a damaged copy, a file that is not a ledger, and an empty file', () => {
    const { dir, file } = ledgerFile();
    const damaged = copyOf(file);
    scribble(damaged, 4096, fs.statSync(damaged).size - 8192);
    expect(verifyLedgerCopy(damaged).ok).toBe(false);

    const other = path.join(dir, 'other.sqlite');
    new Database(other).exec('CREATE TABLE notes (text TEXT)');
    expect(verifyLedgerCopy(other)).toEqual({ ok: false, problem: 'it is not an Aftertab ledger: it has tables notes' });

    const empty = path.join(dir, 'empty.sqlite');
    fs.writeFileSync(empty, '');
    expect(verifyLedgerCopy(empty)).toEqual({ ok: false, problem: 'the file is empty' });
  });
});

describe('isDamageError', () => {
  it('knows SQLite’s codes for an unreadable file and nothing else', () => {
    expect(isDamageError({ code: 'SQLITE_NOTADB' })).toBe(true);
    expect(isDamageError({ code: 'SQLITE_CORRUPT_INDEX' })).toBe(true);
    expect(isDamageError({ code: 'SQLITE_CANTOPEN' })).toBe(false);
    expect(isDamageError(new Error('no code'))).toBe(false);
  });
});

describe('a copy whose hash chain was edited', () => {
  it('is not passed as good: the chain since its newest Z is checked with every backup', () => {
    const l = makeLedger('2026-11-24T09:00:00.000Z', { drawer: false });
    try {
      const item = l.call('catalog.createItem', { categoryId: null, name: 'Latte', kind: 'product', priceMinor: 440, rateMilli: 0, expectText: '' });
      const tab = l.call('tab.open', {});
      l.call('tab.addLine', { tabId: tab.id, itemId: item.id });
      l.setNow('2026-11-25T08:00:00.000Z');
      l.call('day.close', { businessDate: '2026-11-24' });
      l.call('tab.open', { name: 'After the Z' });
      const copy = path.join(l.dir, 'copy.sqlite');
      l.db.exec(`VACUUM INTO '${copy}'`);
      expect(verifyLedgerCopy(copy)).toMatchObject({ ok: true });
      const db = new Database(copy);
      registerChainFunctions(db);
      db.exec('DROP TRIGGER audit_no_update');
      db.prepare("UPDATE audit SET detail = '{}' WHERE id = (SELECT max(id) FROM audit)").run();
      db.close();
      expect(verifyLedgerCopy(copy)).toEqual({
        ok: false,
        problem: expect.stringMatching(/^its hash chain is broken: the chain breaks at row [\d,]+ \(audit row #\d+\)/),
      });
    } finally {
      l.cleanup();
    }
  });
});
