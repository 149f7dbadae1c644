import type { Migration } from './index';

/**
 * A payment voided by a manager soon after it was taken: which payment, the journal entry that
 * reversed it, why and by whom. The payment row itself stays as it was taken; a payment has at
 * most one void (the key), and a void is never changed or removed.
 */
export const m006PaymentVoids: Migration = {
  version: 6,
  name: 'payment-voids',
  up(db) {
    db.exec(`
CREATE TABLE payment_voids (
  payment_id INTEGER PRIMARY KEY REFERENCES payments (id),
  entry_id INTEGER NOT NULL UNIQUE REFERENCES journal_entries (id),
  reason TEXT NOT NULL CHECK (length(reason) > 0),
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  at TEXT NOT NULL
) STRICT;

CREATE TRIGGER payment_voids_no_update BEFORE UPDATE ON payment_voids
BEGIN SELECT RAISE(ABORT, 'payment_voids is append-only: rows are never updated'); END;
CREATE TRIGGER payment_voids_no_delete BEFORE DELETE ON payment_voids
BEGIN SELECT RAISE(ABORT, 'payment_voids is append-only: rows are never deleted'); END;
`);
  },
};
