import { rowTriggerSql, type ChainedTable } from './chain-v1';
import type { Migration } from './index';

/**
 * The receipt chain row (docs/LEDGER-CHAIN.md): a receipt is chained like a payment, so a
 * number deleted, changed or slipped in with a sqlite3 shell (which can drop the triggers below)
 * breaks the chain. Frozen with this migration: the chain check reads the same list.
 */
export const RECEIPT_CHAIN: ChainedTable = {
  kind: 'receipt',
  table: 'receipts',
  key: 'receipt_number',
  intKey: true,
  keepsContent: false,
  columns: ['receipt_number', 'tab_id', 'business_date', 'issued_at', 'total_minor', 'staff_id', 'replaces'],
};

/*
 * Receipts (issue 12): what a tax office expects on every receipt, and a number for each.
 *
 * store_settings gains the receipt's header: the legal name, 0 to 4 address lines (JSON), the tax
 * number and a logo, and the language paper is printed in. The logo is kept as the picture's own
 * bytes (a BLOB), not as a data URL: a third smaller, and the ledger itself refuses anything but a
 * PNG or JPEG of at most 128 KB by its first bytes. The screens get it as a data URL.
 *
 * receipts: one row per receipt issued, written in the transaction in which a tab becomes settled
 * (paid in full, by payments or a deposit). The number is one above the higher of every number
 * issued and receipt_number_floor (raised by a restore to the highest number the ledger it
 * replaces had issued), so a number is never issued twice, not even after a restore of an older
 * backup; the trigger below refuses any other number, so the numbers run without gaps but for a
 * restore. A row is never changed or deleted. A payment void that reopens a settled tab leaves its
 * receipt as it was; when the tab settles again it gets a new number, whose `replaces` names the
 * tab's previous receipt (the screens show the newest). The total is what the tab cost (after
 * comps and rewards, with tax; tips apart), as tab_rate_totals holds it.
 *
 * Tabs settled before this migration get no numbers: a number says when it was issued, and
 * numbering old tabs now would give them numbers they never carried on paper.
 *
 * Limits are written here, not imported, so this migration never changes with live code.
 */
export const m016Receipts: Migration = {
  version: 16,
  name: 'receipts',
  up(db) {
    db.exec(`
ALTER TABLE store_settings ADD COLUMN legal_name TEXT NOT NULL DEFAULT '' CHECK (length(legal_name) <= 120);
ALTER TABLE store_settings ADD COLUMN address_json TEXT NOT NULL DEFAULT '[]'
  CHECK (json_valid(address_json) AND json_type(address_json) = 'array' AND json_array_length(address_json) <= 4);
ALTER TABLE store_settings ADD COLUMN tax_number TEXT NOT NULL DEFAULT '' CHECK (length(tax_number) <= 40);
ALTER TABLE store_settings ADD COLUMN logo BLOB
  CHECK (logo IS NULL OR (typeof(logo) = 'blob' AND length(logo) <= 131072 AND (substr(logo, 1, 8) = X'89504E470D0A1A0A' OR substr(logo, 1, 3) = X'FFD8FF')));
ALTER TABLE store_settings ADD COLUMN language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'de', 'es'));
ALTER TABLE store_settings ADD COLUMN receipt_number_floor INTEGER NOT NULL DEFAULT 0 CHECK (receipt_number_floor >= 0);

CREATE TABLE receipts (
  receipt_number INTEGER PRIMARY KEY CHECK (receipt_number >= 1),
  tab_id INTEGER NOT NULL REFERENCES tabs (id),
  business_date TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  total_minor INTEGER NOT NULL CHECK (total_minor >= 0),
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  -- The tab's previous receipt, when a voided payment reopened it and it settled again.
  replaces INTEGER UNIQUE REFERENCES receipts (receipt_number)
) STRICT;
CREATE INDEX receipts_tab ON receipts (tab_id, receipt_number);

CREATE TRIGGER receipts_no_update BEFORE UPDATE ON receipts
BEGIN SELECT RAISE(ABORT, 'receipts are never changed: an issued receipt number stands as it was printed'); END;
CREATE TRIGGER receipts_no_delete BEFORE DELETE ON receipts
BEGIN SELECT RAISE(ABORT, 'receipts are never deleted: a receipt number is never reused'); END;
-- INSERT OR REPLACE on a connection without recursive_triggers deletes without the trigger above.
CREATE TRIGGER receipts_no_replace BEFORE INSERT ON receipts WHEN EXISTS (SELECT 1 FROM receipts WHERE receipt_number = NEW.receipt_number)
BEGIN SELECT RAISE(ABORT, 'receipts already holds this number: a receipt number is never reused'); END;
CREATE TRIGGER receipts_next_number BEFORE INSERT ON receipts
WHEN NEW.receipt_number IS NOT max(coalesce((SELECT max(receipt_number) FROM receipts), 0), coalesce((SELECT receipt_number_floor FROM store_settings WHERE id = 1), 0)) + 1
BEGIN SELECT RAISE(ABORT, 'a receipt takes the next number: one above every number issued and the floor'); END;
-- Issued as the tab settles, for what it cost, on its day.
CREATE TRIGGER receipts_settled_tab BEFORE INSERT ON receipts
WHEN NOT EXISTS (
  SELECT 1 FROM tabs t WHERE t.id = NEW.tab_id AND t.status = 'settled' AND t.closed_at = NEW.issued_at AND t.closed_business_date = NEW.business_date)
  OR NEW.total_minor IS NOT (SELECT coalesce(sum(receivable_minor), 0) FROM tab_rate_totals WHERE tab_id = NEW.tab_id)
BEGIN SELECT RAISE(ABORT, 'a receipt is issued for a settled tab, as it closed, for what it cost'); END;
CREATE TRIGGER receipts_replaces_newest BEFORE INSERT ON receipts
WHEN NEW.replaces IS NOT (SELECT max(receipt_number) FROM receipts WHERE tab_id = NEW.tab_id)
BEGIN SELECT RAISE(ABORT, 'a tab''s new receipt replaces its newest one, and a first one replaces none'); END;
${rowTriggerSql(RECEIPT_CHAIN)}
`);
  },
};
