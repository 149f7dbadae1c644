import type { Db } from './open';

/**
 * Counts this connection's writes to a few small tables (staff, the store's settings, the Zs), so
 * what the counter reads on every command from them can be kept between commands and read again
 * only once they change. The counting is done by TEMP triggers: they live in this connection
 * alone, never in the ledger file (a backup or another program never sees them), and the app's
 * one writing connection is the only one that changes these tables while it runs.
 */
export const WATCHED_TABLES = ['staff', 'store_settings', 'z_reports'] as const;
export type WatchedTable = (typeof WATCHED_TABLES)[number];

const counts = new WeakMap<Db, Map<WatchedTable, number>>();

export function watchTables(db: Db): void {
  const written = new Map<WatchedTable, number>(WATCHED_TABLES.map((table) => [table, 0]));
  db.function('aftertab_table_written', { deterministic: false }, (table: unknown) => {
    const name = table as WatchedTable;
    written.set(name, (written.get(name) ?? 0) + 1);
    return null;
  });
  for (const table of WATCHED_TABLES) {
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      db.exec(
        `CREATE TEMP TRIGGER IF NOT EXISTS aftertab_watch_${table}_${op.toLowerCase()} AFTER ${op} ON main.${table} BEGIN SELECT aftertab_table_written('${table}'); END`,
      );
    }
  }
  counts.set(db, written);
}

/** How many writes this connection has made to these tables; null when it does not count them (a reader). */
export function writesTo(db: Db, tables: readonly WatchedTable[]): number | null {
  const written = counts.get(db);
  if (!written) return null;
  return tables.reduce((sum, table) => sum + (written.get(table) ?? 0), 0);
}

const kept = new WeakMap<Db, Map<string, { at: number; value: unknown }>>();

/**
 * A value read from watched tables, kept under `key` until one of `tables` is written. Read
 * inside a transaction, it is kept only when that transaction has written none of the watched
 * tables so far (`writesAtStart`: writesTo(db, WATCHED_TABLES) when it began), so a value a
 * rollback takes back is never kept. A connection that does not count writes reads every time.
 */
export function readKept<T>(db: Db, key: string, tables: readonly WatchedTable[], read: () => T, writesAtStart: number | null = null): T {
  const now = writesTo(db, tables);
  if (now === null) return read();
  let values = kept.get(db);
  if (!values) {
    values = new Map();
    kept.set(db, values);
  }
  const hit = values.get(key);
  if (hit && hit.at === now) return hit.value as T;
  const value = read();
  if (!db.inTransaction || writesAtStart === writesTo(db, WATCHED_TABLES)) values.set(key, { at: now, value });
  else values.delete(key);
  return value;
}
