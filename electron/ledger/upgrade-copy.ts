import fs from 'node:fs';
import path from 'node:path';
import { fileStamp } from '../backup/backup-names';
import { verifyLedgerCopy } from '../backup/verify';
import { describeError } from './health';
import { LATEST_VERSION } from './migrate';
import { openDatabase } from './sqlite-driver';

/** The copy before an upgrade could not be made: nothing was migrated, the ledger is as it was. */
export class LedgerUpgradeCopyError extends Error {}

export type UpgradeCopy = { file: string; fromVersion: number; toVersion: number; bytes: number };

/**
 * aftertab.sqlite.before-upgrade-schema14-20261124T090000123Z beside the ledger (-2, -3 when
 * taken): the schema it had and when it was copied, named like the copies a restore keeps
 * aside. Never listed as a backup nor rotated away: it is the only copy of the ledger as the
 * earlier version wrote it, should the upgrade or the new version prove wrong.
 */
function copyName(file: string, fromVersion: number, at: Date): string {
  const base = `${file}.before-upgrade-schema${fromVersion}-${fileStamp(at)}`;
  let name = base;
  for (let n = 2; fs.existsSync(name) || fs.existsSync(`${name}.partial`); n += 1) name = `${base}-${n}`;
  return name;
}

/** The copy's bytes on the disk before anything is migrated; a folder cannot be opened for this on Windows, and needs not. */
function flush(target: string, flags: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(target, flags);
    fs.fsyncSync(fd);
  } catch (error) {
    if (flags === 'r+') throw error;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/**
 * Before this version migrates an existing ledger of an earlier schema, a verified copy of it as
 * it is: VACUUM INTO on a read-only connection, so the ledger itself is not written (not even
 * its header), the copy is one consistent snapshot that includes what the -wal holds, and a
 * ledger of a year (hundreds of MB) streams to the disk instead of passing through memory. The
 * copy is flushed to the disk and checked like every backup (integrity, an Aftertab schema, a
 * balanced journal, the chain since its last Z) before it gets its name. Returns null when there
 * is nothing to keep: a brand-new file (schema 0) or one already at this version. Throws
 * LedgerUpgradeCopyError, having changed nothing, when the copy cannot be made.
 */
export function copyBeforeUpgrade(file: string, fromVersion: number, at: Date): UpgradeCopy | null {
  // The version comes from the identity check that has just read it: a ledger at this version
  // (every start but the first after an update) opens no second reader.
  if (fromVersion === 0 || fromVersion >= LATEST_VERSION) return null;
  const reader = openDatabase(file, { readonly: true, fileMustExist: true });
  let target = '';
  let partial = '';
  try {
    target = copyName(file, fromVersion, at);
    partial = `${target}.partial`;
    reader.prepare('VACUUM INTO ?').run(partial);
  } catch (error) {
    if (partial) fs.rmSync(partial, { force: true });
    throw refused(file, target, error);
  } finally {
    reader.close();
  }
  try {
    flush(partial, 'r+');
    const verdict = verifyLedgerCopy(partial);
    if (!verdict.ok) throw new Error(`the copy failed its check: ${verdict.problem}`);
    fs.renameSync(partial, target);
    flush(path.dirname(target), 'r');
    return { file: target, fromVersion, toVersion: LATEST_VERSION, bytes: fs.statSync(target).size };
  } catch (error) {
    for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(`${partial}${suffix}`, { force: true });
    throw refused(file, target, error);
  }
}

function refused(file: string, target: string, error: unknown): LedgerUpgradeCopyError {
  const where = target ? ` at ${target}` : '';
  return new LedgerUpgradeCopyError(
    `${file} was not upgraded to schema ${LATEST_VERSION}: the copy kept before an upgrade could not be made${where} (${describeError(error)}); nothing was changed, free some space or make the folder writable and start again`,
  );
}
