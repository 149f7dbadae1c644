import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { BackupInfo } from '../../shared/closing-types';
import { backupName } from '../../shared/schemas';
import { parseBackupName } from './backup-names';
import { writeFileAtomic } from './backup-settings';

/**
 * backups.json in the backup folder: which files were verified when they were made (so the
 * list and the recovery screen can say so without re-reading every copy), the highest Z number
 * each one holds, and the fingerprint of the ledger at the last backup (so a restart does not
 * make a copy of an unchanged ledger). It travels with the folder, e.g. on a USB stick.
 */
export const INDEX_FILE = 'backups.json';

const entrySchema = z.object({
  name: backupName,
  at: z.string(),
  sizeBytes: z.number().int().min(0),
  reason: z.enum(['scheduled', 'z', 'manual', 'before-restore', 'after-restore']),
  verified: z.boolean(),
  maxZ: z.number().int().min(0),
  /** The copy's chain head; missing for a copy made before the chain. */
  chain: z
    .object({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) })
    .nullable()
    .optional(),
});
const indexSchema = z.object({
  entries: z.array(entrySchema),
  lastFingerprint: z.string().nullable(),
  /** The ledger's seal (signed chain head) as of the newest backup: a copy of the seal that travels with the folder. */
  seal: z.string().nullable().optional(),
});

export type IndexEntry = z.infer<typeof entrySchema>;
export type BackupIndex = z.infer<typeof indexSchema>;

export function emptyIndex(): BackupIndex {
  return { entries: [], lastFingerprint: null };
}

/** The index, or an empty one when it is missing or unreadable (the copies themselves still count). */
export function readIndex(folder: string): BackupIndex {
  try {
    const parsed = indexSchema.safeParse(JSON.parse(fs.readFileSync(path.join(folder, INDEX_FILE), 'utf8')));
    return parsed.success ? parsed.data : emptyIndex();
  } catch {
    return emptyIndex();
  }
}

export function writeIndex(folder: string, index: BackupIndex): void {
  writeFileAtomic(path.join(folder, INDEX_FILE), `${JSON.stringify(index, null, 2)}\n`);
}

function byNewest(a: BackupInfo, b: BackupInfo): number {
  return a.at === b.at ? b.name.localeCompare(a.name) : b.at.localeCompare(a.at);
}

/**
 * Every backup file in the folder, newest first. A file the index does not know (the index was
 * lost, or the file was copied in by hand) is listed as not verified; a restore checks it anyway.
 */
export function listBackups(folder: string, index: BackupIndex): BackupInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const known = new Map(index.entries.map((entry) => [entry.name, entry]));
  const out: BackupInfo[] = [];
  for (const name of names) {
    if (!backupName.safeParse(name).success) continue;
    let stat: fs.Stats;
    try {
      stat = fs.statSync(path.join(folder, name));
    } catch {
      continue;
    }
    if (!stat.isFile()) continue;
    const entry = known.get(name);
    const parsed = parseBackupName(name);
    out.push({
      name,
      at: entry?.at ?? parsed?.at ?? stat.mtime.toISOString(),
      sizeBytes: stat.size,
      reason: entry?.reason ?? parsed?.reason ?? 'manual',
      verified: entry !== undefined && entry.verified && entry.sizeBytes === stat.size,
      chain: entry?.chain ?? null,
    });
  }
  return out.sort(byNewest);
}
