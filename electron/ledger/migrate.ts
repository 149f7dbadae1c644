import type Database from 'better-sqlite3';
import { migrations } from './migrations';

export class LedgerTooNewError extends Error {}

export const LATEST_VERSION = migrations.length;

/**
 * Applies every pending numbered migration in one transaction and records the version in
 * PRAGMA user_version. A file written by a newer Aftertab is refused, never downgraded.
 */
export function migrate(db: Database.Database, target = LATEST_VERSION): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_VERSION) {
    throw new LedgerTooNewError(
      `this ledger was written by a newer Aftertab (schema ${current}, this version knows ${LATEST_VERSION}); update the app instead`,
    );
  }
  if (current >= target) return current;
  db.transaction(() => {
    for (const m of migrations.slice(current, target)) {
      m.up(db);
    }
    db.pragma(`user_version = ${target}`);
  })();
  return target;
}
