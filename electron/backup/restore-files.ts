import fs from 'node:fs';
import path from 'node:path';

export type KeptAside = { name: string; moved: [from: string, to: string][] };

/** Why the ledger is set aside: a deliberate restore over a healthy file, or recovery from a damaged one. */
export type AsideLabel = 'before-restore' | 'damaged';

function sameFile(a: string, b: string): boolean {
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

/**
 * Keeps the ledger as aftertab.sqlite.before-restore-<stamp> (or .damaged-<stamp> when it
 * failed its start-up check) in the same folder, with its -wal
 * and -shm (which may hold committed pages of a damaged file). The sidecars are moved; the
 * ledger itself is hard-linked (copied where links are not possible), so that there is never a
 * moment without an aftertab.sqlite: the restored copy then replaces it in one rename, and a
 * crash in between leaves either the old ledger or the new one, never a missing one (which the
 * next start would take for a first run). Nothing is ever deleted.
 */
export function keepLedgerAside(file: string, stamp: string, label: AsideLabel = 'before-restore'): KeptAside {
  const suffixes = ['', '-wal', '-shm'];
  let base = `${file}.${label}-${stamp}`;
  for (let n = 2; suffixes.some((suffix) => fs.existsSync(`${base}${suffix}`)); n += 1) base = `${file}.${label}-${stamp}-${n}`;
  const kept: KeptAside = { name: path.basename(base), moved: [] };
  try {
    // The sidecars first: a -wal left beside the restored file would be replayed into it.
    for (const suffix of ['-wal', '-shm']) {
      if (!fs.existsSync(`${file}${suffix}`)) continue;
      fs.renameSync(`${file}${suffix}`, `${base}${suffix}`);
      kept.moved.push([`${file}${suffix}`, `${base}${suffix}`]);
    }
    if (fs.existsSync(file)) {
      try {
        fs.linkSync(file, base);
      } catch {
        fs.copyFileSync(file, base, fs.constants.COPYFILE_EXCL);
      }
      kept.moved.push([file, base]);
    }
  } catch (error) {
    putBack(kept);
    throw error;
  }
  return kept;
}

/** Undoes keepLedgerAside after a restore that could not be completed: the old ledger goes back in place. */
export function putBack(kept: KeptAside): void {
  for (const [original, aside] of [...kept.moved].reverse()) {
    if (!fs.existsSync(aside)) continue;
    // Still the same file (the restored copy never replaced it): the link alone goes.
    if (sameFile(original, aside)) fs.rmSync(aside);
    else fs.renameSync(aside, original);
  }
}
