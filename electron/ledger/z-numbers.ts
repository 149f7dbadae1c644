import type { Db } from './open';
import { statement } from './statements';

/**
 * The Z-number rule, in one place: Z numbers only grow and are never issued twice, not even
 * after a restore brings back an older file that never saw the later ones. Each ledger keeps a
 * floor (store_settings.z_number_floor) that a restore raises to every number seen; the next Z is
 * one above the higher of the floor and the highest number issued.
 */

function hasTable(db: Db, name: string): boolean {
  return statement(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** The highest Z number the ledger has actually issued (not its floor): what a new Z raises. */
export function issuedZ(db: Db): number {
  return statement<[], { z: number | null }>(db, 'SELECT max(z_number) AS z FROM z_reports').get()?.z ?? 0;
}

/**
 * The highest Z number a ledger has issued or promised not to reuse (its floor). It reads any
 * schema version, since a backup or a damaged file may be older than the app: a ledger from
 * before Z reports has issued none, and one from before the floor has only its issued numbers.
 */
export function highestZ(db: Db): number {
  if (!hasTable(db, 'z_reports')) return 0;
  const hasFloor = statement(db, "SELECT 1 FROM pragma_table_info('store_settings') WHERE name = 'z_number_floor'").get() !== undefined;
  const floor = hasFloor ? (statement<[], { f: number | null }>(db, 'SELECT max(z_number_floor) AS f FROM store_settings').get()?.f ?? 0) : 0;
  return Math.max(issuedZ(db), floor);
}

/** The number the next Z takes. */
export function nextZNumber(db: Db): number {
  return highestZ(db) + 1;
}

/**
 * Raises the ledger's Z floor to at least `floor` (never lowers it), so the next Z is numbered
 * above it. A restore calls it with the highest number any copy has seen, inside its transaction.
 */
export function raiseZFloor(db: Db, floor: number): void {
  if (!Number.isSafeInteger(floor) || floor < 0) throw new RangeError(`a Z floor is a whole number from 0 (got ${floor})`);
  statement(db, 'UPDATE store_settings SET z_number_floor = max(z_number_floor, ?) WHERE id = 1').run(floor);
}
