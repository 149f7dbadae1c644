import { businessDateOf, compsByRate, lineAmounts, splitByWeights } from './frozen/003-closing';
import type { Migration } from './index';

const appendOnly = (table: string) => `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} is append-only: rows are never updated'); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} is append-only: rows are never deleted'); END;
`;

const DEFAULT_BOUNDARY = 240;

function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

type LineRow = {
  tab_id: number;
  qty: number;
  unit_minor: number;
  tax_rate_milli: number;
  comp_kind: 'amount' | 'percent' | null;
  comp_value: number | null;
  comp_reason: string | null;
};

/**
 * Closing the day: the business day each journal entry belongs to, drawer sessions with their
 * paid in/out, numbered Z reports, and which comp reason each posted comp belongs to.
 */
export const m003Closing: Migration = {
  version: 3,
  name: 'closing',
  up(db) {
    const zone = systemTimeZone();
    db.exec(`
ALTER TABLE store_settings ADD COLUMN day_boundary_minutes INTEGER NOT NULL DEFAULT ${DEFAULT_BOUNDARY}
  CHECK (day_boundary_minutes BETWEEN 0 AND 1439);
ALTER TABLE store_settings ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC';
-- Z numbers never go below this (raised by a restore, so a restored older file cannot reissue a number).
ALTER TABLE store_settings ADD COLUMN z_number_floor INTEGER NOT NULL DEFAULT 0 CHECK (z_number_floor >= 0);

ALTER TABLE journal_entries ADD COLUMN business_date TEXT NOT NULL DEFAULT '';
ALTER TABLE tabs ADD COLUMN closed_business_date TEXT;

CREATE TABLE z_reports (
  z_number INTEGER PRIMARY KEY,
  business_date TEXT NOT NULL UNIQUE,
  closed_at TEXT NOT NULL,
  closed_by INTEGER NOT NULL REFERENCES staff (id),
  last_entry_id INTEGER NOT NULL,
  report_json TEXT NOT NULL
) STRICT;

CREATE TABLE drawer_sessions (
  id INTEGER PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('open', 'counted', 'closed')),
  opened_at TEXT NOT NULL,
  opened_by INTEGER NOT NULL REFERENCES staff (id),
  float_minor INTEGER NOT NULL CHECK (float_minor >= 0),
  float_counts_json TEXT,
  -- The journal's last entry before the drawer opened: its cash is every cash posting after it.
  after_entry_id INTEGER NOT NULL,
  counted_minor INTEGER CHECK (counted_minor >= 0),
  -- The first blind count, kept when the drawer is counted again before sign-off.
  first_count_minor INTEGER CHECK (first_count_minor >= 0),
  counted_counts_json TEXT,
  counted_at TEXT,
  counted_by INTEGER REFERENCES staff (id),
  expected_minor INTEGER,
  variance_reason TEXT,
  closed_at TEXT,
  signed_off_by INTEGER REFERENCES staff (id),
  -- The journal's last entry inside the session (the entry before its close entry).
  last_entry_id INTEGER,
  close_entry_id INTEGER REFERENCES journal_entries (id),
  business_date TEXT
) STRICT;
-- One drawer: at most one session that is not closed.
CREATE UNIQUE INDEX drawer_sessions_one_open ON drawer_sessions (status IN ('open', 'counted')) WHERE status <> 'closed';
CREATE INDEX drawer_sessions_day ON drawer_sessions (business_date);

CREATE TABLE drawer_movements (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES drawer_sessions (id),
  kind TEXT NOT NULL CHECK (kind IN ('paid_in', 'paid_out')),
  amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
  reason TEXT NOT NULL,
  entry_id INTEGER NOT NULL REFERENCES journal_entries (id),
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  at TEXT NOT NULL
) STRICT;
CREATE INDEX drawer_movements_session ON drawer_movements (session_id);

-- Each comps posting shared out to the comp reasons of the lines it came from.
CREATE TABLE comp_postings (
  id INTEGER PRIMARY KEY,
  entry_id INTEGER NOT NULL REFERENCES journal_entries (id),
  tax_rate_milli INTEGER NOT NULL,
  reason TEXT NOT NULL,
  amount_minor INTEGER NOT NULL CHECK (amount_minor <> 0)
) STRICT;
CREATE INDEX comp_postings_entry ON comp_postings (entry_id);

-- What comp_postings already hold for each tab, rate and reason; a change posts the difference.
CREATE TABLE tab_comp_totals (
  tab_id INTEGER NOT NULL REFERENCES tabs (id),
  tax_rate_milli INTEGER NOT NULL,
  reason TEXT NOT NULL,
  comps_minor INTEGER NOT NULL,
  PRIMARY KEY (tab_id, tax_rate_milli, reason)
) STRICT;

-- Every query reaches postings through their entry; the index by account served none, and it
-- was a tenth of what a backup's integrity check reads.
DROP INDEX postings_account;

-- Reports read payments and closed tabs by day.
CREATE INDEX payments_entry ON payments (entry_id);
CREATE INDEX tabs_closed_day ON tabs (closed_business_date);

-- The first result of each command id, kept while its day may still see a retry; a Z clears the
-- results of the day before it. The id and payload hash stay in commands for ever, so a repeat
-- never posts twice and a reused id is always refused.
-- The command log itself becomes a WITHOUT ROWID table on its id: one B-tree instead of a table
-- plus an index of the same random ids, which is a quarter of what a backup's check reads.
CREATE TABLE commands_v3 (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  payload_hash TEXT NOT NULL,
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO commands_v3 (id, name, payload_hash, staff_id, at) SELECT id, name, payload_hash, staff_id, at FROM commands;
CREATE TABLE command_results (
  command_id TEXT PRIMARY KEY REFERENCES commands_v3 (id),
  result_json TEXT NOT NULL
) STRICT;
INSERT INTO command_results (command_id, result_json) SELECT id, result_json FROM commands;
DROP TABLE commands;
ALTER TABLE commands_v3 RENAME TO commands;
${appendOnly('commands')}

${appendOnly('z_reports')}
${appendOnly('drawer_movements')}
${appendOnly('comp_postings')}
`);
    db.prepare('UPDATE store_settings SET time_zone = ?').run(zone);

    // Entries made before this version belong to the business day their time falls in.
    db.exec('DROP TRIGGER journal_entries_no_update');
    const setDay = db.prepare('UPDATE journal_entries SET business_date = ? WHERE id = ?');
    for (const row of db.prepare<[], { id: number; created_at: string }>('SELECT id, created_at FROM journal_entries').all()) {
      setDay.run(businessDateOf(new Date(row.created_at), DEFAULT_BOUNDARY, zone), row.id);
    }
    db.exec(`
CREATE TRIGGER journal_entries_no_update BEFORE UPDATE ON journal_entries
BEGIN SELECT RAISE(ABORT, 'journal_entries is append-only: rows are never updated'); END;
CREATE INDEX journal_entries_day ON journal_entries (business_date);
-- Invariant 8: nothing is ever posted to a closed business day.
CREATE TRIGGER journal_entries_open_day BEFORE INSERT ON journal_entries
WHEN NEW.business_date NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
  OR NEW.business_date <= (SELECT coalesce(max(business_date), '') FROM z_reports)
BEGIN SELECT RAISE(ABORT, 'business day is closed or missing: postings go to the current business day'); END;
`);
    const setClosed = db.prepare('UPDATE tabs SET closed_business_date = ? WHERE id = ?');
    for (const row of db.prepare<[], { id: number; closed_at: string }>('SELECT id, closed_at FROM tabs WHERE closed_at IS NOT NULL').all()) {
      setClosed.run(businessDateOf(new Date(row.closed_at), DEFAULT_BOUNDARY, zone), row.id);
    }
    backfillComps(db);
  },
};

/** Earlier comps are attributed to their lines' reasons on the tab's latest comps entry. */
function backfillComps(db: Parameters<Migration['up']>[0]): void {
  const tabs = db.prepare<[], { tab_id: number; tax_mode: 'inclusive' | 'exclusive' }>(
    'SELECT DISTINCT r.tab_id, t.tax_mode FROM tab_rate_totals r JOIN tabs t ON t.id = r.tab_id WHERE r.comps_minor <> 0',
  );
  const lines = db.prepare<[number], LineRow>("SELECT * FROM tab_lines WHERE tab_id = ? AND state = 'active'");
  const lastEntry = db.prepare<[number], { id: number }>(
    "SELECT max(je.id) AS id FROM journal_entries je JOIN postings p ON p.entry_id = je.id WHERE je.tab_id = ? AND p.account = 'comps'",
  );
  const total = db.prepare('INSERT INTO tab_comp_totals (tab_id, tax_rate_milli, reason, comps_minor) VALUES (?, ?, ?, ?)');
  const posting = db.prepare('INSERT INTO comp_postings (entry_id, tax_rate_milli, reason, amount_minor) VALUES (?, ?, ?, ?)');
  for (const tab of tabs.all()) {
    const active = lines.all(tab.tab_id).map((l) => ({
      qty: l.qty,
      unitMinor: l.unit_minor,
      rateMilli: l.tax_rate_milli,
      comp: l.comp_kind && l.comp_value !== null ? { kind: l.comp_kind, value: l.comp_value } : null,
      reason: l.comp_reason ?? '',
    }));
    const entryId = lastEntry.get(tab.tab_id)?.id;
    if (entryId === undefined || entryId === null) continue;
    for (const rate of compsByRate(active, tab.tax_mode)) {
      const comped = active.filter((l) => l.rateMilli === rate.rateMilli && lineAmounts(l).comp > 0);
      if (rate.comps === 0 || comped.length === 0) continue;
      const shares = splitByWeights(
        rate.comps,
        comped.map((l) => lineAmounts(l).comp),
      );
      const byReason = new Map<string, number>();
      comped.forEach((l, i) => byReason.set(l.reason, (byReason.get(l.reason) ?? 0) + (shares[i] ?? 0)));
      for (const [reason, amount] of byReason) {
        if (amount === 0) continue;
        total.run(tab.tab_id, rate.rateMilli, reason, amount);
        posting.run(entryId, rate.rateMilli, reason, amount);
      }
    }
  }
}
