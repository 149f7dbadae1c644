import type { Migration } from './index';

const appendOnly = (table: string) => `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} is append-only: rows are never updated'); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} is append-only: rows are never deleted'); END;
`;

/** The first schema: store, staff, catalog, tabs, payments, journal, audit, command ids. */
export const m001Initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
CREATE TABLE store_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  currency TEXT NOT NULL,
  locale TEXT NOT NULL,
  tax_mode TEXT NOT NULL CHECK (tax_mode IN ('inclusive', 'exclusive')),
  tax_rates_json TEXT NOT NULL,
  token_first INTEGER NOT NULL,
  token_last INTEGER NOT NULL CHECK (token_last >= token_first),
  cash_rounding_minor INTEGER NOT NULL CHECK (cash_rounding_minor >= 1),
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE staff (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'staff')),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE categories (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
) STRICT;
CREATE UNIQUE INDEX categories_name ON categories (name COLLATE NOCASE) WHERE archived = 0;

CREATE TABLE items (
  id INTEGER PRIMARY KEY,
  category_id INTEGER REFERENCES categories (id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('product', 'service')),
  price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
  tax_rate_milli INTEGER NOT NULL CHECK (tax_rate_milli >= 0),
  expect_text TEXT NOT NULL DEFAULT '',
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE tabs (
  id INTEGER PRIMARY KEY,
  token INTEGER NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  label TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('open', 'settled', 'written_off', 'voided')),
  -- How the store priced tax when the tab opened; the tab is always read and posted with it.
  tax_mode TEXT NOT NULL CHECK (tax_mode IN ('inclusive', 'exclusive')),
  opened_at TEXT NOT NULL,
  opened_by INTEGER NOT NULL REFERENCES staff (id),
  last_activity_at TEXT NOT NULL,
  closed_at TEXT,
  close_reason TEXT
) STRICT;
-- Invariant 3: a token is held by at most one open tab.
CREATE UNIQUE INDEX tabs_open_token ON tabs (token) WHERE status = 'open';
CREATE INDEX tabs_status ON tabs (status);

CREATE TABLE tab_lines (
  id INTEGER PRIMARY KEY,
  tab_id INTEGER NOT NULL REFERENCES tabs (id),
  item_id INTEGER REFERENCES items (id),
  name TEXT NOT NULL,
  unit_minor INTEGER NOT NULL CHECK (unit_minor >= 0),
  tax_rate_milli INTEGER NOT NULL CHECK (tax_rate_milli >= 0),
  qty INTEGER NOT NULL CHECK (qty >= 1),
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  state TEXT NOT NULL CHECK (state IN ('active', 'removed')),
  remove_reason TEXT,
  comp_kind TEXT CHECK (comp_kind IN ('amount', 'percent')),
  comp_value INTEGER,
  comp_reason TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX tab_lines_tab ON tab_lines (tab_id);

-- What has been posted for each tax rate of a tab; a change posts the difference.
CREATE TABLE tab_rate_totals (
  tab_id INTEGER NOT NULL REFERENCES tabs (id),
  tax_rate_milli INTEGER NOT NULL,
  sales_minor INTEGER NOT NULL,
  comps_minor INTEGER NOT NULL,
  tax_minor INTEGER NOT NULL,
  receivable_minor INTEGER NOT NULL,
  PRIMARY KEY (tab_id, tax_rate_milli)
) STRICT;

CREATE TABLE journal_entries (
  id INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL,
  kind TEXT NOT NULL,
  tab_id INTEGER REFERENCES tabs (id),
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  command_id TEXT,
  memo TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX journal_entries_tab ON journal_entries (tab_id);

-- Debits are positive, credits negative; each entry sums to zero.
CREATE TABLE postings (
  id INTEGER PRIMARY KEY,
  entry_id INTEGER NOT NULL REFERENCES journal_entries (id),
  account TEXT NOT NULL,
  amount_minor INTEGER NOT NULL CHECK (amount_minor <> 0)
) STRICT;
CREATE INDEX postings_entry ON postings (entry_id);
CREATE INDEX postings_account ON postings (account);

CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  tab_id INTEGER NOT NULL REFERENCES tabs (id),
  entry_id INTEGER NOT NULL REFERENCES journal_entries (id),
  method TEXT NOT NULL CHECK (method IN ('cash', 'card', 'other')),
  amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
  tip_minor INTEGER NOT NULL CHECK (tip_minor >= 0),
  tendered_minor INTEGER,
  change_minor INTEGER NOT NULL DEFAULT 0 CHECK (change_minor >= 0),
  rounding_minor INTEGER NOT NULL DEFAULT 0,
  reference TEXT NOT NULL DEFAULT '',
  part_no INTEGER,
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX payments_tab ON payments (tab_id);

CREATE TABLE split_parts (
  tab_id INTEGER NOT NULL REFERENCES tabs (id),
  part_no INTEGER NOT NULL,
  amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
  payment_id INTEGER REFERENCES payments (id),
  PRIMARY KEY (tab_id, part_no)
) STRICT;

CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  command TEXT NOT NULL,
  tab_id INTEGER REFERENCES tabs (id),
  detail TEXT NOT NULL
) STRICT;
CREATE INDEX audit_tab ON audit (tab_id);

-- Invariant 6: the first result of each caller-chosen command id.
CREATE TABLE commands (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  payload_hash TEXT NOT NULL,
  result_json TEXT NOT NULL,
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  at TEXT NOT NULL
) STRICT;

${appendOnly('journal_entries')}
${appendOnly('postings')}
${appendOnly('audit')}
${appendOnly('commands')}
`);
  },
};
