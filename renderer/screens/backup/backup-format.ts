import type { BackupInfo, RecoveryStatus } from '../../../shared/closing-types';
import { formatWhen } from '../../hooks/use-when';
import { t } from '../../i18n/t';

/**
 * A time on the recovery screen, where the store's locale and time zone cannot be read (the
 * ledger is the damaged thing): the system's language and zone, and a 24-hour clock, which reads
 * the same everywhere.
 */
export function formatRecoveryWhen(iso: string, locale: string = navigator.language): string {
  return formatWhen(iso, { locale, clock: '24h' });
}

const UNITS = ['kilobyte', 'megabyte', 'gigabyte'] as const;

/** 1536 → "1.5 kB": file sizes in the units people read them in (a ledger is never mere bytes). */
export function formatSize(bytes: number, locale?: string): string {
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: UNITS[unit], unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

export function reasonText(reason: BackupInfo['reason']): string {
  return t(`backup.reason.${reason}`);
}

/**
 * The newest backup that was checked when it was made: the one to offer first. Never a
 * before-restore copy: it holds what the owner chose to replace, so offering it by default
 * would undo their restore (it stays in the list, to pick deliberately). In recovery from a seal
 * problem, never one that does not reach the seal: restoring it would lose what the seal knew.
 */
export function newestGood(backups: readonly BackupInfo[]): BackupInfo | null {
  return (
    backups
      .filter((backup) => backup.verified && backup.reason !== 'before-restore' && backup.reachesSeal !== false)
      .sort((a, b) => b.at.localeCompare(a.at))[0] ?? null
  );
}

/** A chain entry number as people read counts: 4160 → "4,160" (in the given locale). */
export function formatEntry(seq: number, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale).format(seq);
  } catch {
    return new Intl.NumberFormat().format(seq);
  }
}

/** A hash short enough to read aloud and compare: its first and last four characters. */
export function shortHash(hash: string): string {
  return hash.length <= 9 ? hash : `${hash.slice(0, 4)}…${hash.slice(-4)}`;
}

/** A chain head in words: "entry 4,160 · 3f2a…9c1d". */
export function chainHeadText(chain: { seq: number; hash: string }, locale?: string): string {
  return t('backup.chainHead', { seq: formatEntry(chain.seq, locale), hash: shortHash(chain.hash) });
}

function sameLocalDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/**
 * When the seal was written, on the recovery screen (this computer's language and clock): the
 * time alone when it was today ("14:02"), else the date too, so an old seal never reads as today's.
 */
export function formatSealWhen(iso: string, locale: string = navigator.language, now: Date = new Date()): string {
  const at = new Date(iso);
  if (!sameLocalDay(at, now)) return formatRecoveryWhen(iso, locale);
  const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  try {
    return new Intl.DateTimeFormat(locale, options).format(at);
  } catch {
    return new Intl.DateTimeFormat(undefined, options).format(at);
  }
}

/** What the seal check found, in words: which entry the ledger reaches against the seal's. */
export function sealCauseText(
  seal: NonNullable<RecoveryStatus['seal']>,
  problem: string | null,
  locale: string = navigator.language,
  now: Date = new Date(),
): string {
  const n = (seq: number | null) => formatEntry(seq ?? 0, locale);
  const when = seal.sealedAt ? formatSealWhen(seal.sealedAt, locale, now) : '';
  switch (seal.cause) {
    case 'behind':
      return t('recovery.seal.behind', { have: n(seal.ledgerSeq), sealed: n(seal.sealedSeq), when });
    case 'ledger_missing':
      return seal.sealedSeq !== null ? t('recovery.seal.missingSealed', { sealed: n(seal.sealedSeq), when }) : t('recovery.seal.missing');
    case 'diverged':
      return t('recovery.seal.diverged', { sealed: n(seal.sealedSeq), when });
    case 'seal_missing':
      return t('recovery.seal.sealMissing', { have: n(seal.ledgerSeq) });
    case 'seal_invalid':
      return t('recovery.seal.sealInvalid', { problem: problem ?? '' });
  }
}

export type SettingsDraft = { folder: string; keep: string; everyMinutes: string };
export type SettingsChange = { folder?: string; keep?: number; everyMinutes?: number };
export type DraftErrors = Partial<Record<keyof SettingsDraft, string>>;

function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\s*\d{1,5}\s*$/.test(text)) return null;
  const value = Number(text.trim());
  return value >= min && value <= max ? value : null;
}

/**
 * What the settings form would send: only the fields that differ from what is saved, or the
 * errors to show beside the fields (nothing is sent while any field is wrong).
 */
export function settingsChange(
  draft: SettingsDraft,
  saved: { folder: string; keep: number; everyMinutes: number },
): { change: SettingsChange; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const change: SettingsChange = {};
  const folder = draft.folder.trim();
  if (folder === '') errors.folder = t('errors.field.backupFolder');
  else if (folder !== saved.folder) change.folder = folder;
  const keep = wholeNumber(draft.keep, 1, 365);
  if (keep === null) errors.keep = t('backup.keepInvalid');
  else if (keep !== saved.keep) change.keep = keep;
  const every = wholeNumber(draft.everyMinutes, 5, 1440);
  if (every === null) errors.everyMinutes = t('backup.everyInvalid');
  else if (every !== saved.everyMinutes) change.everyMinutes = every;
  return { change: Object.keys(errors).length > 0 ? {} : change, errors };
}
