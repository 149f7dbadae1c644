import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keepLedgerAside, putBack } from './restore-files';
import { tempDir } from './test-ledger';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function ledgerWithSidecars(): { dir: string; file: string } {
  const dir = tempDir('aftertab-aside-');
  dirs.push(dir);
  const file = path.join(dir, 'aftertab.sqlite');
  fs.writeFileSync(file, 'OLD LEDGER');
  fs.writeFileSync(`${file}-wal`, 'OLD WAL');
  fs.writeFileSync(`${file}-shm`, 'OLD SHM');
  return { dir, file };
}

describe('keepLedgerAside', () => {
  it('names a damaged ledger set aside in recovery .damaged-<stamp>, sidecars included', () => {
    const { dir, file } = ledgerWithSidecars();
    const kept = keepLedgerAside(file, '20261124T120000000Z', 'damaged');
    expect(kept.name).toBe('aftertab.sqlite.damaged-20261124T120000000Z');
    expect(fs.readdirSync(dir).sort()).toEqual([
      'aftertab.sqlite',
      'aftertab.sqlite.damaged-20261124T120000000Z',
      'aftertab.sqlite.damaged-20261124T120000000Z-shm',
      'aftertab.sqlite.damaged-20261124T120000000Z-wal',
    ]);
    // A second recovery in the same millisecond never overwrites the first damaged file.
    expect(keepLedgerAside(file, '20261124T120000000Z', 'damaged').name).toBe('aftertab.sqlite.damaged-20261124T120000000Z-2');
  });

  it('keeps the ledger and moves its sidecars aside, leaving the ledger in place until it is replaced', () => {
    const { dir, file } = ledgerWithSidecars();
    const kept = keepLedgerAside(file, '20261124T120000000Z');
    expect(kept.name).toBe('aftertab.sqlite.before-restore-20261124T120000000Z');
    expect(fs.readdirSync(dir).sort()).toEqual([
      'aftertab.sqlite',
      'aftertab.sqlite.before-restore-20261124T120000000Z',
      'aftertab.sqlite.before-restore-20261124T120000000Z-shm',
      'aftertab.sqlite.before-restore-20261124T120000000Z-wal',
    ]);
    expect(fs.readFileSync(path.join(dir, `${kept.name}-wal`), 'utf8')).toBe('OLD WAL');

    fs.writeFileSync(`${file}.restoring`, 'RESTORED');
    fs.renameSync(`${file}.restoring`, file);
    expect(fs.readFileSync(path.join(dir, kept.name), 'utf8')).toBe('OLD LEDGER');
    expect(fs.readFileSync(file, 'utf8')).toBe('RESTORED');
  });

  it('never reuses an aside name', () => {
    const { dir, file } = ledgerWithSidecars();
    const first = keepLedgerAside(file, 'STAMP');
    fs.writeFileSync(`${file}.new`, 'NEWER');
    fs.renameSync(`${file}.new`, file);
    const second = keepLedgerAside(file, 'STAMP');
    expect(second.name).toBe('aftertab.sqlite.before-restore-STAMP-2');
    expect(fs.readFileSync(path.join(dir, first.name), 'utf8')).toBe('OLD LEDGER');
    expect(fs.readFileSync(path.join(dir, second.name), 'utf8')).toBe('NEWER');
  });
});

describe('putBack', () => {
  it('puts the old ledger and its sidecars back over a restored copy', () => {
    const { dir, file } = ledgerWithSidecars();
    const kept = keepLedgerAside(file, 'S');
    fs.writeFileSync(`${file}.restoring`, 'RESTORED');
    fs.renameSync(`${file}.restoring`, file);
    putBack(kept);
    expect(fs.readdirSync(dir).sort()).toEqual(['aftertab.sqlite', 'aftertab.sqlite-shm', 'aftertab.sqlite-wal']);
    expect(fs.readFileSync(file, 'utf8')).toBe('OLD LEDGER');
    expect(fs.readFileSync(`${file}-wal`, 'utf8')).toBe('OLD WAL');
  });

  it('only drops the extra name when nothing replaced the ledger yet', () => {
    const { dir, file } = ledgerWithSidecars();
    putBack(keepLedgerAside(file, 'S'));
    expect(fs.readdirSync(dir).sort()).toEqual(['aftertab.sqlite', 'aftertab.sqlite-shm', 'aftertab.sqlite-wal']);
    expect(fs.readFileSync(file, 'utf8')).toBe('OLD LEDGER');
  });
});
