import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupName } from '../../shared/schemas';
import { fileStamp, makeBackupName, parseBackupName } from './backup-names';
import { loadBackupSettings, saveBackupSettings, SETTINGS_FILE, writeFileAtomic } from './backup-settings';
import { tempDir } from './test-ledger';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = tempDir('aftertab-settings-');
  dirs.push(dir);
  return dir;
}

describe('backup settings', () => {
  it('default to <dataDir>/backups, 14 kept, every 30 minutes', () => {
    const dir = dataDir();
    expect(loadBackupSettings(dir)).toEqual({ settings: { folder: path.join(dir, 'backups'), keep: 14, everyMinutes: 30 }, problem: null });
  });

  it('round-trip through the file and leave no temp file behind', () => {
    const dir = dataDir();
    saveBackupSettings(dir, { folder: '/media/usb/aftertab', keep: 7, everyMinutes: 60 });
    expect(loadBackupSettings(dir).settings).toEqual({ folder: '/media/usb/aftertab', keep: 7, everyMinutes: 60 });
    expect(fs.readdirSync(dir)).toEqual([SETTINGS_FILE]);
  });

  it.each([
    ['not JSON', '{"keep":'],
    ['a value out of range', '{"keep":0}'],
    ['a relative folder', '{"folder":"backups"}'],
  ])('fall back to the defaults, saying why, for a file with %s', (_label, text) => {
    const dir = dataDir();
    fs.writeFileSync(path.join(dir, SETTINGS_FILE), text);
    const loaded = loadBackupSettings(dir);
    expect(loaded.settings.keep).toBe(14);
    expect(loaded.problem).toContain(SETTINGS_FILE);
  });

  it('writeFileAtomic replaces the whole file or nothing', () => {
    const dir = dataDir();
    const file = path.join(dir, 'x.json');
    writeFileAtomic(file, 'first');
    writeFileAtomic(file, 'second');
    expect(fs.readFileSync(file, 'utf8')).toBe('second');
    expect(() => writeFileAtomic(path.join(dir, 'missing', 'x.json'), 'never')).toThrow();
    expect(fs.readdirSync(dir)).toEqual(['x.json']);
  });
});

describe('backup names', () => {
  const at = new Date('2026-11-24T09:05:07.042Z');

  it('carry the UTC time and the reason, match the contract, and read back', () => {
    const name = makeBackupName(at, 'before-restore', () => false);
    expect(name).toBe('aftertab-20261124T090507042Z-before-restore.sqlite');
    expect(backupName.safeParse(name).success).toBe(true);
    expect(parseBackupName(name)).toEqual({ at: '2026-11-24T09:05:07.042Z', reason: 'before-restore' });
    expect(fileStamp(at)).toBe('20261124T090507042Z');
  });

  it('get a counter when the name is taken, and other files are not ours', () => {
    const taken = new Set(['aftertab-20261124T090507042Z-z.sqlite']);
    const name = makeBackupName(at, 'z', (candidate) => taken.has(candidate));
    expect(name).toBe('aftertab-20261124T090507042Z-z-2.sqlite');
    expect(parseBackupName(name)?.reason).toBe('z');
    expect(parseBackupName('aftertab-copy.sqlite')).toBeNull();
  });
});
