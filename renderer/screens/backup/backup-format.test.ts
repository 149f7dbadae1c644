import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../../shared/closing-types';
import { formatSize, formatWhen, newestGood, reasonText, settingsChange } from './backup-format';

const saved = { folder: '/data/backups', keep: 14, everyMinutes: 30 };
const info = (name: string, at: string, verified: boolean): BackupInfo => ({ name, at, verified, sizeBytes: 1, reason: 'manual' });

describe('backup formatting', () => {
  it('words sizes and reasons', () => {
    expect(formatSize(512, 'en-GB')).toBe('0.5 kB');
    expect(formatSize(1536, 'en-GB')).toBe('1.5 kB');
    expect(formatSize(3 * 1024 * 1024, 'en-GB')).toBe('3 MB');
    expect(reasonText('before-restore')).toBe('before a restore');
  });

  it('shows a time in the given locale and an unreadable one as it is', () => {
    expect(formatWhen('2026-11-24T09:05:00.000Z', 'en-GB')).toMatch(/24 Nov 2026/);
    expect(formatWhen('not a time')).toBe('not a time');
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
