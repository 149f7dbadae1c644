import type Database from 'better-sqlite3';
import type { SealCause } from '../../shared/closing-types';
import { chainHead, chainRowAt, EMPTY_HEAD, hasChain, type ChainHead } from '../ledger/chain';
import { openDatabase } from '../ledger/sqlite-driver';
import type { Seal, SealRead } from '../ledger/seal';

/** Why a ledger is not opened for trading although SQLite finds nothing wrong with it. */
export type SealProblem = {
  cause: SealCause;
  /** In words, for the log and the recovery screen. */
  problem: string;
  /** What the seal says, when there is a seal that verifies. */
  sealed: Seal | null;
  /** How far the ledger on disk reaches (its chain head's row), when there is one. */
  ledgerSeq: number | null;
};

/** "2026-12-05 14:02 UTC": a seal's time in a log line (the screen shows it in local time). */
export function sealTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function n(value: number): string {
  return value.toLocaleString('en');
}

/** Runs `read` on a read-only connection of its own to a ledger file, which is never written. */
function withReader<T>(file: string, read: (db: Database.Database) => T): T {
  const db = openDatabase(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

type LedgerReach = { chained: boolean; head: ChainHead; traded: boolean; atSeal: ChainHead | null };

/** Reads, without writing a byte, how far the ledger's chain reaches and which row sits at the seal's number. */
function readReach(file: string, sealSeq: number | null): LedgerReach {
  return withReader(file, (db) => {
    if (!hasChain(db)) return { chained: false, head: EMPTY_HEAD, traded: false, atSeal: sealSeq === 0 ? EMPTY_HEAD : null };
    const traded = db.prepare("SELECT (SELECT count(*) FROM ledger_chain WHERE kind IN ('command', 'entry')) > 0 AS t").get() as { t: number };
    return { chained: true, head: chainHead(db), traded: traded.t === 1, atSeal: sealSeq === null ? null : chainRowAt(db, sealSeq) };
  });
}

/**
 * The seal half of the start-up check, run before anything writes. A ledger is opened for
 * trading only when its chain reaches the seal (it may run past it: the seal is written just
 * after each commit). A first run is only a first run where there is no seal, no backup and no
 * ledger. A ledger made before the chain existed (no chain table) and no seal is an upgrade.
 */
export function checkSeal(options: {
  file: string;
  exists: boolean;
  seal: SealRead;
  backupsExist: boolean;
  backupFolder: string;
  /** This install's PIN key id: a ledger whose PINs were made with another key lost its secret with them. */
  pinKeyId: string;
  /** The signed copy of the seal the newest backup left in the backup index, read when the seal itself is missing. */
  indexSeal: SealRead;
}): SealProblem | null {
  const { file, exists, backupsExist } = options;
  // A missing seal falls back on the copy the backups carry (deleting the seal alone hides nothing).
  const seal = options.seal.state === 'none' && options.indexSeal.state === 'ok' ? options.indexSeal : options.seal;
  if (seal.state === 'invalid') {
    const ledgerSeq = exists ? readReach(file, null).head.seq : null;
    // Never decided from the ledger's own word alone: the PIN key id is only used to say why.
    const problem =
      exists && withReader(file, (db) => pinKeyChanged(db, options.pinKeyId))
        ? "the seal beside the ledger cannot be checked: this computer's PIN key is not the one the ledger was sealed with (the data folder was moved, or the key file was lost)"
        : seal.problem;
    return { cause: 'seal_invalid', problem, sealed: null, ledgerSeq };
  }
  const sealed = seal.state === 'ok' ? seal.seal : null;
  if (!exists) {
    if (sealed) {
      return {
        cause: 'ledger_missing',
        problem: `the ledger file is missing: the seal beside it says the ledger reached entry ${n(sealed.seq)} at ${sealTime(sealed.at)}`,
        sealed,
        ledgerSeq: null,
      };
    }
    if (backupsExist) {
      return {
        cause: 'ledger_missing',
        problem: `the ledger file is missing, and there are backups of it in ${options.backupFolder}`,
        sealed: null,
        ledgerSeq: null,
      };
    }
    return null;
  }
  const reach = readReach(file, sealed?.seq ?? null);
  if (!sealed) {
    // Trading with a chain but no seal: the seal was removed, or this file came from elsewhere.
    if (reach.chained && reach.traded) {
      return {
        cause: 'seal_missing',
        problem: `the seal beside the ledger is missing (the ledger reaches entry ${n(reach.head.seq)})`,
        sealed: null,
        ledgerSeq: reach.head.seq,
      };
    }
    return null;
  }
  if (reach.head.seq < sealed.seq) {
    return {
      cause: 'behind',
      problem: `the ledger ends at entry ${n(reach.head.seq)} of ${n(sealed.seq)}, recorded ${sealTime(sealed.at)}`,
      sealed,
      ledgerSeq: reach.head.seq,
    };
  }
  if (reach.atSeal?.hash !== sealed.hash) {
    return {
      cause: 'diverged',
      problem: `the ledger's entry ${n(sealed.seq)} is not the one sealed at ${sealTime(sealed.at)}: this is another ledger, or it was rewritten`,
      sealed,
      ledgerSeq: reach.head.seq,
    };
  }
  return null;
}

function pinKeyChanged(db: Database.Database, pinKeyId: string): boolean {
  const hasColumn = db.prepare("SELECT 1 FROM pragma_table_info('store_settings') WHERE name = 'pin_key_id'").get() !== undefined;
  if (!hasColumn) return false;
  const stored = (db.prepare('SELECT pin_key_id AS k FROM store_settings WHERE id = 1').get() as { k: string | null } | undefined)?.k ?? null;
  return stored !== null && stored !== pinKeyId;
}

/** Whether a ledger file (a backup) holds the sealed entry with the sealed hash. */
export function fileReachesSeal(file: string, sealed: Seal): boolean {
  try {
    return withReader(file, (db) => hasChain(db) && chainRowAt(db, sealed.seq)?.hash === sealed.hash);
  } catch {
    return false;
  }
}

export type OwnerPin = { id: number; name: string; pinHash: string };

/**
 * The active owners with a PIN in a ledger file, read-only; empty when the file cannot be read,
 * or when its PINs were made with another PIN key than this install's (none of them can be checked).
 */
export function ownersIn(file: string, pinKeyId: string): OwnerPin[] {
  try {
    return withReader(file, (db) =>
      pinKeyChanged(db, pinKeyId)
        ? []
        : db
            .prepare<[], OwnerPin>(
              "SELECT id, name, pin_hash AS pinHash FROM staff WHERE role = 'owner' AND active = 1 AND archived_at IS NULL AND pin_hash IS NOT NULL ORDER BY id",
            )
            .all(),
    );
  } catch {
    return [];
  }
}
