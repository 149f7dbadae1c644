import Database from 'better-sqlite3';

/**
 * Reads the ledger file directly, read-only, beside (or instead of) the running host: what the
 * host says about itself is checked against what is on disk.
 */
export type Probe = {
  /** Command ids in the command log. */
  commandIds: () => Set<string>;
  /** Journal entries, audit rows and the result kept per command id: what one command posted. */
  postedBy: () => Map<string, string>;
  /** Row count and largest rowid of every table: equal before and after means nothing was written. */
  fingerprint: () => string;
  /** integrity_check and foreign_key_check; the problems they name (empty when the file is sound). */
  integrity: () => string[];
  close: () => void;
};

export function openProbe(file: string): Probe {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  const tables = (): { name: string; rowid: boolean }[] =>
    db
      .prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all()
      .map((t) => ({ name: t.name, rowid: !/WITHOUT\s+ROWID/i.test(t.sql) }));
  const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;
  return {
    commandIds: () =>
      new Set(
        db
          .prepare<[], { id: string }>('SELECT id FROM commands')
          .all()
          .map((r) => r.id),
      ),
    postedBy: () => {
      // One pass over each table (a lookup per command would be quadratic on a long run).
      const count = (sql: string): Map<string, number> =>
        new Map(
          db
            .prepare<[], { id: string; n: number }>(sql)
            .all()
            .map((r) => [r.id, r.n]),
        );
      const entries = count('SELECT command_id AS id, COUNT(*) AS n FROM journal_entries WHERE command_id IS NOT NULL GROUP BY command_id');
      const audits = count('SELECT command_id AS id, COUNT(*) AS n FROM audit WHERE command_id IS NOT NULL GROUP BY command_id');
      const results = count('SELECT command_id AS id, 1 AS n FROM command_results');
      const out = new Map<string, string>();
      for (const { id } of db.prepare<[], { id: string }>('SELECT id FROM commands').all()) {
        out.set(id, `${entries.get(id) ?? 0}/${audits.get(id) ?? 0}/${results.get(id) ?? 0}`);
      }
      return out;
    },
    fingerprint: () =>
      db.transaction(() =>
        tables()
          .map((t) => {
            const row = db.prepare(`SELECT COUNT(*) AS n${t.rowid ? ', MAX(rowid) AS m' : ''} FROM ${quote(t.name)}`).get() as { n: number; m?: number | null };
            return `${t.name}:${row.n}:${row.m ?? ''}`;
          })
          .join(' '),
      )(),
    integrity: () => {
      const problems: string[] = [];
      const integrity = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
      for (const row of integrity) if (row.integrity_check !== 'ok') problems.push(`integrity_check: ${row.integrity_check}`);
      const foreign = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
      for (const row of foreign) problems.push(`foreign_key_check: ${row.table} row ${row.rowid} points at a missing ${row.parent}`);
      return problems;
    },
    close: () => db.close(),
  };
}
