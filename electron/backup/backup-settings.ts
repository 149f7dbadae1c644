import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * Backup settings live in a small JSON file beside the ledger, not in it: the ledger may be
 * the very thing that is damaged, and the recovery screen still needs to know where the
 * backups are. Plain node:fs rather than `conf`/electron-store: the file has three fields, the
 * web host runs without Electron, and write-temp-then-rename is all the atomicity it needs.
 */
export const SETTINGS_FILE = 'backup-settings.json';

export const DEFAULT_KEEP = 14;
export const DEFAULT_EVERY_MINUTES = 30;

export type BackupSettings = { folder: string; keep: number; everyMinutes: number };

const fileSchema = z
  .object({
    folder: z.string().min(1).max(1000).optional(),
    keep: z.number().int().min(1).max(365).optional(),
    everyMinutes: z.number().int().min(5).max(1440).optional(),
  })
  .strip();

export function defaultBackupSettings(dataDir: string): BackupSettings {
  return { folder: path.join(dataDir, 'backups'), keep: DEFAULT_KEEP, everyMinutes: DEFAULT_EVERY_MINUTES };
}

/**
 * The saved settings over the defaults. A missing file is the defaults; an unreadable one is
 * reported through `problem` and the defaults are used, so backups keep running.
 */
export function loadBackupSettings(dataDir: string): { settings: BackupSettings; problem: string | null } {
  const defaults = defaultBackupSettings(dataDir);
  let text: string;
  try {
    text = fs.readFileSync(path.join(dataDir, SETTINGS_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { settings: defaults, problem: null };
    return { settings: defaults, problem: `${SETTINGS_FILE} could not be read: ${String(error)}` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { settings: defaults, problem: `${SETTINGS_FILE} is not valid JSON; using the default backup settings` };
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success || (parsed.data.folder !== undefined && !path.isAbsolute(parsed.data.folder))) {
    return { settings: defaults, problem: `${SETTINGS_FILE} has a value out of range; using the default backup settings` };
  }
  return { settings: { ...defaults, ...parsed.data }, problem: null };
}

/** Writes a temp file, flushes it and renames it over the old one: a crash leaves old or new, never half. */
export function writeFileAtomic(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

export function saveBackupSettings(dataDir: string, settings: BackupSettings): void {
  fs.mkdirSync(dataDir, { recursive: true });
  writeFileAtomic(path.join(dataDir, SETTINGS_FILE), `${JSON.stringify(settings, null, 2)}\n`);
}
