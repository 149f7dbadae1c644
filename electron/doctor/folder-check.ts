import path from 'node:path';
import type { DoctorDeps } from './deps';

/** Below this the ledger has little room to grow and a backup may not fit: worth a warning. */
export const WARN_BELOW_BYTES = 500 * 1024 * 1024;
/** Below this SQLite may soon refuse to write (a full disk fails a sale mid-transaction). */
export const FAIL_BELOW_BYTES = 50 * 1024 * 1024;

/** What a folder check reads: the file system, and the free space of a disk. */
export type FolderDeps = Pick<DoctorDeps, 'kindOf' | 'probeWrite' | 'freeBytes'>;

export type FolderVerdict = { status: 'ok' | 'warn' | 'fail'; detail: string; fix?: string };

export type FolderWords = {
  /** Who makes the folder when it is not there yet, e.g. "a first start creates it". */
  createdBy: string;
  /** The fix when the folder cannot be reached or written. */
  unreachableFix: string;
};

const MB = 1024 * 1024;

/** `12.3 GB`, `420 MB`: whole megabytes, or gigabytes to a tenth. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * MB) return `${Math.floor(bytes / MB)} MB`;
  return `${Math.round((bytes / (1024 * MB)) * 10) / 10} GB`;
}

/** The error's first line, without the `, open '<probe file>'` node:fs appends: the folder is already named. */
function messageOf(error: unknown): string {
  const line = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  return line.replace(/, \w+ '[^']*'$/, '');
}

/** The closest folder above `dir` that exists (where mkdir -p would start), or the file in the way. */
function nearestExisting(dir: string, deps: FolderDeps): { at: string; kind: 'folder' | 'file' } {
  let current = dir;
  for (;;) {
    const parent = path.dirname(current);
    const kind = deps.kindOf(parent);
    if (kind !== 'missing') return { at: parent, kind };
    // The root always exists, so this only guards against a kindOf that says otherwise.
    if (parent === current) return { at: parent, kind: 'file' };
    current = parent;
  }
}

/**
 * Whether the app could use `dir`: it exists and takes a file, or it does not exist yet and the
 * closest existing folder above it takes one (the app creates it with mkdir -p); then the free
 * space on that disk. The doctor never creates the folder: a mistyped --data-dir leaves nothing.
 */
export function checkFolder(dir: string, deps: FolderDeps, words: FolderWords): FolderVerdict {
  const fail = (detail: string, fix = words.unreachableFix): FolderVerdict => ({ status: 'fail', detail, fix });
  let probed: string;
  let place: string;
  try {
    const kind = deps.kindOf(dir);
    if (kind === 'file') return fail(`${dir} is a file, not a folder`);
    if (kind === 'folder') {
      probed = dir;
      place = `${dir}, writable`;
    } else {
      const above = nearestExisting(dir, deps);
      if (above.kind === 'file') return fail(`${dir} cannot be created: ${above.at} is a file, not a folder`);
      probed = above.at;
      place = `${dir} (not there yet; ${words.createdBy} under ${above.at}, which is writable)`;
    }
  } catch (error) {
    return fail(`${dir} cannot be reached: ${messageOf(error)}`);
  }
  try {
    deps.probeWrite(probed);
  } catch (error) {
    return fail(probed === dir ? `${dir} is not writable: ${messageOf(error)}` : `${dir} cannot be created: ${probed} is not writable (${messageOf(error)})`);
  }
  let free: number;
  try {
    free = deps.freeBytes(probed);
  } catch (error) {
    return {
      status: 'warn',
      detail: `${place}; its free space is unknown (${messageOf(error)})`,
      fix: `check the free space of the disk that holds ${probed}`,
    };
  }
  const lowFix = `free some space on the disk that holds ${probed} (Aftertab needs ${formatBytes(FAIL_BELOW_BYTES)} at the very least, ${formatBytes(WARN_BELOW_BYTES)} to be comfortable), or choose a folder on another disk`;
  if (free < FAIL_BELOW_BYTES) return fail(`${place}, but only ${formatBytes(free)} free`, lowFix);
  if (free < WARN_BELOW_BYTES)
    return { status: 'warn', detail: `${place}, ${formatBytes(free)} free (less than ${formatBytes(WARN_BELOW_BYTES)})`, fix: lowFix };
  return { status: 'ok', detail: `${place}, ${formatBytes(free)} free` };
}
