import type { Migration } from './index';

/**
 * Staff sign in with their own PIN, and a manager's PIN approves one action a staff member may not
 * do alone. A PIN is kept only as a salted scrypt hash made with a secret outside this file; no
 * one has a PIN until they set one, so a ledger from before asks its owner for one at the next
 * start. Journal entries and audit rows name the approver where an action needed one, and the
 * audit row names the command id it belongs to. The thresholds are written here, not imported,
 * so this migration never changes with live code.
 */
export const m008StaffAuth: Migration = {
  version: 8,
  name: 'staff-auth',
  up(db) {
    db.exec(`
ALTER TABLE staff ADD COLUMN pin_hash TEXT;
ALTER TABLE staff ADD COLUMN failed_pins INTEGER NOT NULL DEFAULT 0 CHECK (failed_pins >= 0);
ALTER TABLE staff ADD COLUMN locked_until TEXT;
ALTER TABLE staff ADD COLUMN archived_at TEXT;

ALTER TABLE journal_entries ADD COLUMN approved_by INTEGER REFERENCES staff (id);
ALTER TABLE audit ADD COLUMN approved_by INTEGER REFERENCES staff (id);
ALTER TABLE audit ADD COLUMN command_id TEXT;
CREATE INDEX audit_at ON audit (at);
CREATE INDEX audit_staff ON audit (staff_id);

-- Which PIN key (a keyed fingerprint of it, never the key) the PINs were made with.
ALTER TABLE store_settings ADD COLUMN pin_key_id TEXT;
ALTER TABLE store_settings ADD COLUMN idle_lock_minutes INTEGER NOT NULL DEFAULT 5 CHECK (idle_lock_minutes BETWEEN 1 AND 240);
ALTER TABLE store_settings ADD COLUMN approval_comp_percent INTEGER NOT NULL DEFAULT 20 CHECK (approval_comp_percent BETWEEN 0 AND 100);
ALTER TABLE store_settings ADD COLUMN approval_comp_minor INTEGER NOT NULL DEFAULT 500 CHECK (approval_comp_minor >= 0);
ALTER TABLE store_settings ADD COLUMN tip_approval_percent INTEGER NOT NULL DEFAULT 100 CHECK (tip_approval_percent BETWEEN 1 AND 1000);
`);
  },
};
