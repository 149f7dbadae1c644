import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedger, type Db } from './open';
import { bootstrapStore } from '../services/bootstrap';
import { openDatabase } from './sqlite-driver';
import { readKept, WATCHED_TABLES, writesTo } from './table-watch';

const dirs: string[] = [];
function ledger(): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-watch-'));
  dirs.push(dir);
  const db = openLedger(path.join(dir, 'ledger.sqlite'));
  bootstrapStore(db, '2026-12-06T09:00:00.000Z', 'UTC');
  return db;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const storeName = (db: Db) => (db.prepare('SELECT name FROM store_settings WHERE id = 1').get() as { name: string }).name;

describe('what is kept between commands from the watched tables', () => {
  it('is read once, and again only after one of its tables is written', () => {
    const db = ledger();
    let reads = 0;
    const name = () => readKept(db, 'name', ['store_settings'], () => ((reads += 1), storeName(db)));
    const first = name();
    expect(name()).toBe(first);
    expect(reads).toBe(1);
    // A write to another watched table leaves it kept.
    db.prepare("UPDATE staff SET name = 'Kim' WHERE id = (SELECT min(id) FROM staff)").run();
    name();
    expect(reads).toBe(1);
    db.prepare("UPDATE store_settings SET name = 'Café Blau' WHERE id = 1").run();
    expect(name()).toBe('Café Blau');
    expect(reads).toBe(2);
    db.close();
  });

  it('never keeps what a transaction read after writing the table: a rollback takes it back', () => {
    const db = ledger();
    const before = storeName(db);
    const name = (since: number | null) => readKept(db, 'name', ['store_settings'], () => storeName(db), since);
    expect(() =>
      db.transaction(() => {
        const since = writesTo(db, WATCHED_TABLES);
        db.prepare("UPDATE store_settings SET name = 'Never saved' WHERE id = 1").run();
        expect(name(since)).toBe('Never saved');
        throw new Error('roll back');
      })(),
    ).toThrow('roll back');
    expect(name(null)).toBe(before);
    db.close();
  });

  it('keeps what a transaction read before writing anything watched', () => {
    const db = ledger();
    let reads = 0;
    const name = (since: number | null) => readKept(db, 'name', ['store_settings'], () => ((reads += 1), storeName(db)), since);
    db.transaction(() => name(writesTo(db, WATCHED_TABLES)))();
    name(null);
    expect(reads).toBe(1);
    db.close();
  });

  it('leaves the ledger file without a trace of the watch: the triggers are this connection’s alone', () => {
    const db = ledger();
    const file = db.name;
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_temp_master WHERE type = 'trigger' AND name LIKE 'aftertab_watch_%'").get()).toEqual({ n: 9 });
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name LIKE 'aftertab_watch_%'").get()).toEqual({ n: 0 });
    db.close();
    // Another connection (a reader, a backup's check) counts nothing and reads every time.
    const reader = openDatabase(file, { readonly: true });
    let reads = 0;
    readKept(reader, 'name', ['store_settings'], () => (reads += 1));
    readKept(reader, 'name', ['store_settings'], () => (reads += 1));
    expect(reads).toBe(2);
    expect(writesTo(reader, ['store_settings'])).toBeNull();
    reader.close();
  });
});
