import { beforeAll, describe, expect, it } from 'vitest';
import { loadLanguages, setScreenLanguage } from '../../i18n/t';
import type { BackupInfo } from '../../../shared/closing-types';
import {
  chainHeadText,
  formatRecoveryWhen,
  formatSealWhen,
  formatSize,
  newestGood,
  reasonText,
  sealCauseText,
  settingsChange,
  shortHash,
} from './backup-format';

// The German catalogue, fetched before a switch to it, as the app does.
beforeAll(() => loadLanguages(['de']));

const saved = { folder: '/data/backups', keep: 14, everyMinutes: 30 };
const info = (name: string, at: string, verified: boolean): BackupInfo => ({ name, at, verified, sizeBytes: 1, reason: 'manual', chain: null });

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
    // The words follow the screen's language; the locale gives the region's way of writing dates.
    expect(formatRecoveryWhen('2026-11-24T12:05:00.000Z', 'de-DE')).toMatch(/^2[345] Nov 2026, \d{2}:05$/);
    setScreenLanguage('de');
    try {
      expect(formatRecoveryWhen('2026-11-24T12:05:00.000Z', 'de-DE')).toMatch(/^2[345]\.11\.2026, \d{2}:05$/);
      expect(formatRecoveryWhen('2026-11-24T12:05:00.000Z', 'en-IE')).toMatch(/^2[345]\.11\.2026, \d{2}:05$/);
    } finally {
      setScreenLanguage('en');
    }
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

describe('the hash chain and the seal in words', () => {
  const hash = `3f2a${'0'.repeat(56)}9c1d`;

  it('writes a chain head as an entry number people read and a short hash', () => {
    expect(shortHash(hash)).toBe('3f2a…9c1d');
    expect(chainHeadText({ seq: 4160, hash }, 'en-GB')).toBe('entry 4,160 · 3f2a…9c1d');
    expect(chainHeadText({ seq: 4160, hash }, 'de-DE')).toBe('entry 4.160 · 3f2a…9c1d');
  });

  it('offers first only a backup that reaches the seal, never one that falls short, however new', () => {
    const reaches = { ...info('reaches', '2026-11-24T09:00:00.000Z', true), reachesSeal: true };
    const short = { ...info('short', '2026-11-24T12:00:00.000Z', true), reachesSeal: false };
    expect(newestGood([short, reaches])?.name).toBe('reaches');
    expect(newestGood([short])).toBeNull();
    // No seal to compare with (null or absent): the newest checked copy, as before.
    expect(newestGood([{ ...short, reachesSeal: null }, reaches])?.name).toBe('short');
  });

  it('gives the seal’s time alone when it was today, with the date when it was not', () => {
    const at = '2026-11-24T12:02:00.000Z';
    expect(formatSealWhen(at, 'en-GB', new Date(at))).toMatch(/^\d{2}:02$/);
    const later = formatSealWhen(at, 'en-GB', new Date('2026-11-27T12:00:00.000Z'));
    expect(later).toContain('2026');
    expect(later).toMatch(/\d{2}:02$/);
  });

  it('says how far the ledger reaches against the seal, cause by cause', () => {
    const at = '2026-11-24T12:02:00.000Z';
    const now = new Date(at);
    const when = formatSealWhen(at, 'en-GB', now);
    const seal = { cause: 'behind' as const, sealedSeq: 4160, sealedAt: at, ledgerSeq: 4120, needsPin: true, owners: [] };
    expect(sealCauseText(seal, null, 'en-GB', now)).toBe(`The ledger ends at entry 4,120 of 4,160, recorded ${when}.`);
    expect(sealCauseText({ ...seal, cause: 'ledger_missing', ledgerSeq: null }, null, 'en-GB', now)).toBe(
      `The ledger file is missing. The seal beside it says it reached entry 4,160 at ${when}.`,
    );
    expect(sealCauseText({ ...seal, cause: 'ledger_missing', sealedSeq: null, sealedAt: null, ledgerSeq: null }, null, 'en-GB', now)).toBe(
      'The ledger file is missing, but there are backups of it.',
    );
    expect(sealCauseText({ ...seal, cause: 'diverged' }, null, 'en-GB', now)).toBe(
      `Entry 4,160 of this ledger is not the one sealed at ${when}: this is another ledger, or it was rewritten.`,
    );
    expect(sealCauseText({ ...seal, cause: 'seal_missing', sealedSeq: null, sealedAt: null }, null, 'en-GB', now)).toMatch(
      /^The seal beside the ledger is missing, though this ledger has been traded on \(it reaches entry 4,120\)/,
    );
    expect(sealCauseText({ ...seal, cause: 'seal_invalid', sealedSeq: null, sealedAt: null }, 'the seal beside the ledger is not readable', 'en-GB', now)).toBe(
      'The seal cannot be trusted: the seal beside the ledger is not readable. Aftertab cannot tell whether this ledger is complete.',
    );
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
