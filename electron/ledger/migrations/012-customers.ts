import type { Migration } from './index';

/*
 * Customer profiles, and the tab a customer is attached to. A profile is never deleted while the
 * ledger names it: it is archived, merged into another (merged_into) or erased (its personal
 * fields cleared, erased_at set). name_key and phone_digits are what the counter's one search
 * field matches: the name folded to lower case without accents, the phone's digits alone. Both
 * are written by the service with the fields they come from.
 *
 * Personal fields live only here: audit rows and journal memos name a customer by id, so an
 * erased profile leaves nothing readable in the append-only, hashed tables.
 */
export const m012Customers: Migration = {
  version: 12,
  name: 'customers',
  up(db) {
    db.exec(`
CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  phone TEXT,
  phone_digits TEXT,
  email TEXT,
  notes TEXT,
  contact_ok INTEGER NOT NULL DEFAULT 0 CHECK (contact_ok IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  archived_at TEXT,
  erased_at TEXT,
  merged_into INTEGER REFERENCES customers (id),
  CHECK (merged_into IS NULL OR merged_into <> id),
  -- A merged profile is archived with it, so it leaves the search like any archived one.
  CHECK (merged_into IS NULL OR archived_at IS NOT NULL),
  CHECK (erased_at IS NULL OR (phone IS NULL AND phone_digits IS NULL AND email IS NULL AND notes IS NULL AND contact_ok = 0))
) STRICT;
CREATE INDEX customers_name_key ON customers (name_key);
CREATE INDEX customers_merged_into ON customers (merged_into) WHERE merged_into IS NOT NULL;
CREATE TRIGGER customers_no_delete BEFORE DELETE ON customers
BEGIN SELECT RAISE(ABORT, 'customers are archived, merged or erased, never deleted: the ledger names them'); END;
-- An erased profile stays erased: nothing personal comes back by a later edit.
CREATE TRIGGER customers_erased_stay_erased BEFORE UPDATE ON customers
WHEN OLD.erased_at IS NOT NULL AND (NEW.erased_at IS NOT OLD.erased_at OR NEW.name IS NOT OLD.name OR NEW.phone IS NOT NULL OR NEW.email IS NOT NULL OR NEW.notes IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'an erased customer stays erased'); END;

ALTER TABLE tabs ADD COLUMN customer_id INTEGER REFERENCES customers (id);
CREATE INDEX tabs_customer ON tabs (customer_id) WHERE customer_id IS NOT NULL;
-- Closed is closed (migration 010) for the customer too: a settled, written-off or voided tab
-- keeps the customer it closed with; a merge shows its visits on the kept profile instead.
CREATE TRIGGER tabs_closed_customer BEFORE UPDATE OF customer_id ON tabs
WHEN OLD.status <> 'open' AND NEW.customer_id IS NOT OLD.customer_id
BEGIN SELECT RAISE(ABORT, 'closed is closed: a closed tab keeps its customer'); END;
`);
  },
};
