import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../../shared/closing-types';
import { formatRecoveryWhen, formatSize, newestGood, reasonText, settingsChange } from './backup-format';

const saved = { folder: '/data/backups', keep: 14, everyMinutes: 30 };
const info = (name: string, at: string, verified: boolean): BackupInfo => ({ name, at, verified, sizeBytes: 1, reason: 'manual' });

describe('backup formatting', () => {
  it('words sizes and reasons', () => {
    expect(formatSize(512, 'en-GB')).toBe('0.5 kB');
    expect(formatSize(1536, 'en-GB')).toBe('1.5 kB');
    expect(formatSize(3 * 1024 * 1024, 'en-GB')).toBe('3 MB');
    expect(reasonText('before-restore')).toBe('before a restore');
    expect(reasonText('after-restore')).toBe('after a restore');
  });

  it('on the recovery screen: the given (system) locale, medium date, 24-hour time, on one line', () => {
    // Noon UTC is within a day of noon everywhere: an hour of 12 or more, so a 12-hour clock would say PM.
    const us = formatRecoveryWhen('2026-11-24T12:05:00.000Z', 'en-US');
    expect(us).toMatch(/^Nov 2[345], 2026, \d{2}:05$/);
    expect(us).not.toMatch(/AM|PM/);
    expect(formatRecoveryWhen('2026-11-24T12:05:00.000Z', 'de-DE')).toMatch(/^2[345]\.11\.2026, \d{2}:05$/);
    expect(formatRecoveryWhen('2026-11-24T12:05:00.000Z', 'not a locale!')).toMatch(/2026/);
  });

  it('never offers a before-restore copy first: it would undo the restore; an after-restore one is fine', () => {
    const backups: BackupInfo[] = [
      { ...info('before', '2026-11-24T12:00:00.000Z', true), reason: 'before-restore' },
      { ...info('after', '2026-11-24T11:59:00.000Z', true), reason: 'after-restore' },
      info('older', '2026-11-24T09:00:00.000Z', true),
    ];
    expect(newestGood(backups)?.name).toBe('after');
    expect(newestGood([backups[0]!, backups[2]!])?.name).toBe('older');
    expect(newestGood([backups[0]!])).toBeNull();
  });

  it('offers the newest checked backup, never an unchecked one', () => {
    const list = [info('a', '2026-11-24T09:00:00.000Z', true), info('b', '2026-11-25T09:00:00.000Z', false), info('c', '2026-11-23T09:00:00.000Z', true)];
    expect(newestGood(list)?.name).toBe('a');
    expect(newestGood([list[1]!])).toBeNull();
  });
});

describe('settingsChange', () => {
  it('sends only what changed, as numbers', () => {
    expect(settingsChange({ folder: ' /media/usb ', keep: '7', everyMinutes: '30' }, saved)).toEqual({ change: { folder: '/media/usb', keep: 7 }, errors: {} });
    expect(settingsChange({ folder: '/data/backups', keep: '14', everyMinutes: '30' }, saved)).toEqual({ change: {}, errors: {} });
  });

  it('refuses an empty folder, a keep of 0 and fractions, and sends nothing', () => {
    const { change, errors } = settingsChange({ folder: ' ', keep: '0', everyMinutes: '7.5' }, saved);
    expect(change).toEqual({});
    expect(Object.keys(errors).sort()).toEqual(['everyMinutes', 'folder', 'keep']);
    expect(settingsChange({ folder: '/x', keep: '3', everyMinutes: '4' }, saved).errors).toEqual({ everyMinutes: expect.stringContaining('5 to 1440') });
  });
});
