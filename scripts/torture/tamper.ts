import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Random } from '../../bench/seeded-random';
import { DB_FILE_NAME } from '../../electron/ledger/open';
import { startOutcome, tradedLedger } from './scene';
import type { Tally } from './verdict';

type Row = Record<string, unknown>;
type Case = { name: string; tamper: (db: Database.Database) => void };

function one<T = Row>(db: Database.Database, sql: string, ...params: unknown[]): T {
  const row = db.prepare(sql).get(...params) as T | undefined;
  if (!row) throw new TamperSetupError(`the scene has no row for: ${sql}`);
  return row;
}

/** The scene lacked what a case needs: a fault in the harness, not a detection. */
export class TamperSetupError extends Error {}

/** Writes `row` back over itself with INSERT OR REPLACE, with some columns changed. */
function replaceRow(db: Database.Database, table: string, row: Row, changes: Row): void {
  const next = { ...row, ...changes };
  const columns = Object.keys(next);
  db.prepare(`INSERT OR REPLACE INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((c) => next[c]));
}

function dropTriggersOn(db: Database.Database, table: string): void {
  const triggers = db.prepare<[string], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?").all(table);
  for (const { name } of triggers) db.exec(`DROP TRIGGER "${name}"`);
}

/** Two postings of one entry on different accounts: swapping their amounts keeps the entry balanced. */
function balancedPair(db: Database.Database): [Row, Row] {
  const entry = one<{ entry_id: number }>(
    db,
    'SELECT entry_id FROM postings GROUP BY entry_id HAVING COUNT(*) = 2 AND COUNT(DISTINCT account) = 2 ORDER BY entry_id LIMIT 1',
  );
  const rows = db.prepare('SELECT * FROM postings WHERE entry_id = ? ORDER BY id').all(entry.entry_id) as Row[];
  return [rows[0] as Row, rows[1] as Row];
}

const settledTab = (db: Database.Database): number => one<{ id: number }>(db, "SELECT id FROM tabs WHERE status = 'settled' ORDER BY id DESC LIMIT 1").id;

/**
 * Rewrites someone could make with sqlite3 on the file while the app is stopped, on a fresh
 * connection (recursive_triggers off, none of the app's SQL functions registered).
 */
export const TAMPER_CASES: readonly Case[] = [
  {
    name: 'INSERT OR REPLACE rewrites an audit row',
    tamper: (db) => replaceRow(db, 'audit', one(db, 'SELECT * FROM audit ORDER BY id LIMIT 1 OFFSET 1'), { detail: '{"rewritten":true}' }),
  },
  {
    name: 'INSERT OR REPLACE swaps two postings of an entry (still balanced)',
    tamper: (db) => {
      const [a, b] = balancedPair(db);
      db.transaction(() => {
        replaceRow(db, 'postings', a, { amount_minor: b.amount_minor });
        replaceRow(db, 'postings', b, { amount_minor: a.amount_minor });
      })();
    },
  },
  {
    name: 'INSERT OR REPLACE moves two postings to each other’s account',
    tamper: (db) => {
      const [a, b] = balancedPair(db);
      db.transaction(() => {
        replaceRow(db, 'postings', a, { account: b.account });
        replaceRow(db, 'postings', b, { account: a.account });
      })();
    },
  },
  {
    name: 'DROP TRIGGER, then UPDATE two postings (still balanced)',
    tamper: (db) => {
      dropTriggersOn(db, 'postings');
      const [a, b] = balancedPair(db);
      db.prepare('UPDATE postings SET amount_minor = ? WHERE id = ?').run(b.amount_minor, a.id);
      db.prepare('UPDATE postings SET amount_minor = ? WHERE id = ?').run(a.amount_minor, b.id);
    },
  },
  {
    name: 'DROP TRIGGER, then UPDATE an audit row',
    tamper: (db) => {
      dropTriggersOn(db, 'audit');
      db.prepare('UPDATE audit SET detail = ? WHERE id = ?').run('{"rewritten":true}', one<{ id: number }>(db, 'SELECT MIN(id) AS id FROM audit').id);
    },
  },
  {
    name: 'DROP TRIGGER, then UPDATE a journal entry',
    tamper: (db) => {
      dropTriggersOn(db, 'journal_entries');
      db.prepare("UPDATE journal_entries SET memo = 'rewritten' WHERE id = ?").run(one<{ id: number }>(db, 'SELECT MAX(id) AS id FROM journal_entries').id);
    },
  },
  {
    name: 'UPDATE command_results forges a replayed result',
    tamper: (db) => {
      const row = one<{ command_id: string; result_json: string }>(
        db,
        "SELECT r.command_id, r.result_json FROM command_results r JOIN commands c ON c.id = r.command_id WHERE c.name = 'settle.pay' LIMIT 1",
      );
      db.prepare('UPDATE command_results SET result_json = ? WHERE command_id = ?').run(
        row.result_json.replace(/"tipMinor":\d+/, '"tipMinor":0'),
        row.command_id,
      );
      if (db.prepare('SELECT changes() AS n').pluck().get() !== 1) throw new TamperSetupError('the forged result was not written');
    },
  },
  {
    name: 'UPDATE a payment of a settled tab',
    tamper: (db) => {
      db.prepare('UPDATE payments SET tip_minor = tip_minor + 500, amount_minor = amount_minor - 1 WHERE tab_id = ?').run(settledTab(db));
    },
  },
  {
    name: 'INSERT OR REPLACE a payment of a settled tab',
    tamper: (db) => replaceRow(db, 'payments', one(db, 'SELECT * FROM payments WHERE tab_id = ? LIMIT 1', settledTab(db)), { method: 'cash', tip_minor: 0 }),
  },
  {
    name: 'UPDATE a line of a settled tab',
    tamper: (db) => {
      db.prepare('UPDATE tab_lines SET qty = qty + 1 WHERE tab_id = ?').run(settledTab(db));
    },
  },
  {
    name: 'DELETE an audit row',
    tamper: (db) => {
      db.prepare('DELETE FROM audit WHERE id = ?').run(one<{ id: number }>(db, 'SELECT MAX(id) AS id FROM audit').id);
    },
  },
  {
    name: 'DELETE a payment of a settled tab',
    tamper: (db) => {
      db.pragma('foreign_keys = OFF');
      db.prepare('DELETE FROM payments WHERE tab_id = ?').run(settledTab(db));
    },
  },
];

/**
 * Every tamper case on its own copy of a traded ledger. Caught: SQLite refused the statement,
 * or the next start refused or went into recovery, or ledger.check named a problem.
 */
export async function runTamper(random: Random, tally: Tally, say: (line: string) => void): Promise<void> {
  const golden = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-torture-golden-'));
  try {
    await tradedLedger(golden, random);
    for (const tamperCase of TAMPER_CASES) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-torture-tamper-'));
      try {
        fs.cpSync(golden, dir, { recursive: true });
        let verdict: string;
        const db = new Database(path.join(dir, DB_FILE_NAME));
        let refused: string | null = null;
        try {
          tamperCase.tamper(db);
        } catch (error) {
          if (error instanceof TamperSetupError) throw error;
          refused = error instanceof Error ? error.message : String(error);
        } finally {
          db.close();
        }
        tally.tamper_cases += 1;
        if (refused !== null) verdict = `caught (SQLite refused it: ${refused})`;
        else {
          const outcome = await startOutcome(dir, { check: true });
          const caught = outcome.kind === 'refused' || outcome.kind === 'recovery' || outcome.kind === 'check-failed';
          if (!caught) tally.tamper_undetected += 1;
          verdict = `${caught ? 'caught' : 'UNDETECTED'} (${outcome.kind}: ${outcome.detail})`;
        }
        say(`tamper: ${tamperCase.name}: ${verdict}`);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    fs.rmSync(golden, { recursive: true, force: true });
  }
}
