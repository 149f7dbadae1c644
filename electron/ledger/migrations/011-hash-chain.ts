import { createHash } from 'node:crypto';
import { backfillRowsSql, backfillTabsSql, CHAINED_ROWS_V1, rowTriggerSql, TAB_STATUS_KIND, tabStatusTriggerSql } from './chain-v1';
import type { Migration } from './index';

function sha256(data: Buffer | string): Buffer {
  return createHash('sha256').update(data).digest();
}

/** The link rule of chain-v1.ts, for the rows already there when the chain is made. */
function link(previous: Buffer, kind: string, ref: string | number, content: Buffer): Buffer {
  return sha256(Buffer.concat([previous, Buffer.from(`${kind}\n${String(ref)}\n`, 'utf8'), content]));
}

/**
 * The hash chain (docs/LEDGER-CHAIN.md): one append-only table, `ledger_chain`, that every
 * entry, posting, audit row, Z, command record and money fact extends through AFTER INSERT
 * triggers, and every close and reopen of a tab through AFTER UPDATE triggers. Each Z keeps the
 * chain head it closed on and how many rows of each kind the chain then held. Rows already in
 * the ledger are chained here, table by table in key order, so an upgraded ledger verifies like
 * a new one. Kept small on purpose (a year is millions of rows): hashes are 32-byte blobs, a
 * whole-number key is stored as a number, and no index but the row number.
 *
 * The triggers call aftertab_sha256 and aftertab_link, which the app registers on every
 * connection it opens; a connection without them (a sqlite3 shell) cannot add a chained row.
 */
export const m011HashChain: Migration = {
  version: 11,
  name: 'hash-chain',
  up(db) {
    db.exec(`
CREATE TABLE ledger_chain (
  seq INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  ref ANY NOT NULL,
  content BLOB CHECK (content IS NULL OR length(content) = 32),
  hash BLOB NOT NULL CHECK (length(hash) = 32)
) STRICT;
CREATE TRIGGER ledger_chain_no_update BEFORE UPDATE ON ledger_chain
BEGIN SELECT RAISE(ABORT, 'ledger_chain is append-only: rows are never updated'); END;
CREATE TRIGGER ledger_chain_no_delete BEFORE DELETE ON ledger_chain
BEGIN SELECT RAISE(ABORT, 'ledger_chain is append-only: rows are never deleted'); END;
-- INSERT OR REPLACE on a connection without recursive_triggers deletes without the trigger above.
CREATE TRIGGER ledger_chain_no_replace BEFORE INSERT ON ledger_chain WHEN EXISTS (SELECT 1 FROM ledger_chain WHERE seq = NEW.seq)
BEGIN SELECT RAISE(ABORT, 'ledger_chain is append-only: rows are never replaced'); END;
ALTER TABLE z_reports ADD COLUMN chain_seq INTEGER;
ALTER TABLE z_reports ADD COLUMN chain_hash TEXT;
ALTER TABLE z_reports ADD COLUMN chain_counts TEXT;
`);
    const append = db.prepare('INSERT INTO ledger_chain (kind, ref, content, hash) VALUES (?, ?, ?, ?)');
    let head: Buffer = Buffer.alloc(32);
    const chain = (kind: string, keepsContent: boolean, rows: Iterable<{ ref: string | number; json: string }>): void => {
      for (const row of rows) {
        const content = sha256(row.json);
        head = link(head, kind, row.ref, content);
        append.run(kind, row.ref, keepsContent ? content : null, head);
      }
    };
    for (const spec of CHAINED_ROWS_V1)
      chain(spec.kind, spec.keepsContent, db.prepare<[], { ref: string | number; json: string }>(backfillRowsSql(spec)).all());
    chain(TAB_STATUS_KIND, true, db.prepare<[], { ref: number; json: string }>(backfillTabsSql()).all());
    for (const spec of CHAINED_ROWS_V1) db.exec(rowTriggerSql(spec));
    db.exec(tabStatusTriggerSql());
  },
};
