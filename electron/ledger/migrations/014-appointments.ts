import type { Migration } from './index';

/*
 * The salon's book and the deposits taken against no-shows (docs/domain.md, invariant 11).
 *
 * store_settings gains the opening hours (Monday first; Monday to Saturday 09:00 to 18:00 and
 * Sunday closed unless the owner sets otherwise) and the deposit policy. An appointment keeps the
 * policy it was booked under (policy_json), so a later change in Settings never moves what a
 * customer already agreed to, and its services as booked (appointment_services), so a price
 * change never moves a deposit's base.
 *
 * A deposit row is bookkeeping beside the journal, like a tab: every movement of its money is a
 * journal entry (chained by migration 011), and the row says which ones. While held it may be
 * attached to a tab; once closed (applied, refunded, forfeited or kept as a new held row) it
 * never changes, and no deposit is ever deleted. Parts are kept in minor units and must add up
 * to the amount. The rows themselves are not chained: ledger.check holds them to the journal
 * (the deposits_held balance is the sum of held deposits; each take entry is named once).
 *
 * Limits are written here, not imported, so this migration never changes with live code.
 */
const FINISHED = `('done', 'cancelled', 'late_cancel', 'no_show')`;

export const m014Appointments: Migration = {
  version: 14,
  name: 'appointments',
  up(db) {
    db.exec(`
ALTER TABLE store_settings ADD COLUMN opening_hours_json TEXT NOT NULL
  DEFAULT '[{"open":540,"close":1080},{"open":540,"close":1080},{"open":540,"close":1080},{"open":540,"close":1080},{"open":540,"close":1080},{"open":540,"close":1080},null]'
  CHECK (json_valid(opening_hours_json) AND json_array_length(opening_hours_json) = 7);
ALTER TABLE store_settings ADD COLUMN deposit_mode TEXT NOT NULL DEFAULT 'none' CHECK (deposit_mode IN ('none', 'fixed', 'percent'));
ALTER TABLE store_settings ADD COLUMN deposit_fixed_minor INTEGER NOT NULL DEFAULT 0 CHECK (deposit_fixed_minor >= 0);
ALTER TABLE store_settings ADD COLUMN deposit_percent INTEGER NOT NULL DEFAULT 0 CHECK (deposit_percent BETWEEN 0 AND 100);
ALTER TABLE store_settings ADD COLUMN free_cancel_hours INTEGER NOT NULL DEFAULT 24 CHECK (free_cancel_hours BETWEEN 0 AND 720);
ALTER TABLE store_settings ADD COLUMN forfeit_percent INTEGER NOT NULL DEFAULT 100 CHECK (forfeit_percent BETWEEN 0 AND 100);

CREATE TABLE appointments (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  start_minute INTEGER NOT NULL CHECK (start_minute >= 0 AND start_minute % 5 = 0),
  end_minute INTEGER NOT NULL CHECK (end_minute <= 1440 AND end_minute % 5 = 0),
  status TEXT NOT NULL CHECK (status IN ('booked', 'checked_in', 'done', 'cancelled', 'late_cancel', 'no_show')),
  note TEXT NOT NULL DEFAULT '',
  policy_json TEXT NOT NULL CHECK (json_valid(policy_json)),
  -- The earliest instant (UTC, ISO) a cancellation was still free at any time it was booked:
  -- set at booking to its start less the policy's free hours, and only ever lowered by a move,
  -- so moving a booking late never opens a new free window.
  free_cancel_by TEXT NOT NULL,
  tab_id INTEGER REFERENCES tabs (id),
  created_at TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES staff (id),
  updated_at TEXT NOT NULL,
  updated_by INTEGER NOT NULL REFERENCES staff (id),
  closed_at TEXT,
  -- The business day it was done, cancelled or marked a no-show (the Z counts it there).
  closed_business_date TEXT,
  CHECK (start_minute < end_minute),
  -- Checked in or done: its tab. Booked: none yet. Cancelled keeps the tab a check-in made and a void closed.
  CHECK (status NOT IN ('checked_in', 'done') OR tab_id IS NOT NULL),
  CHECK (status <> 'booked' OR tab_id IS NULL),
  CHECK ((status IN ${FINISHED}) = (closed_at IS NOT NULL)),
  CHECK ((closed_at IS NULL) = (closed_business_date IS NULL))
) STRICT;
CREATE INDEX appointments_staff_date ON appointments (staff_id, date);
CREATE INDEX appointments_date ON appointments (date, start_minute);
CREATE INDEX appointments_customer ON appointments (customer_id);
CREATE UNIQUE INDEX appointments_tab ON appointments (tab_id) WHERE tab_id IS NOT NULL;
CREATE TRIGGER appointments_no_delete BEFORE DELETE ON appointments
BEGIN SELECT RAISE(ABORT, 'appointments are cancelled, never deleted'); END;
CREATE TRIGGER appointments_finished_no_update BEFORE UPDATE ON appointments
WHEN OLD.status IN ${FINISHED} OR NEW.id IS NOT OLD.id
BEGIN SELECT RAISE(ABORT, 'closed is closed: a done, cancelled or no-show appointment never changes'); END;

CREATE TABLE appointment_services (
  appointment_id INTEGER NOT NULL REFERENCES appointments (id),
  position INTEGER NOT NULL CHECK (position >= 0),
  item_id INTEGER NOT NULL REFERENCES items (id),
  name TEXT NOT NULL,
  price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
  duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 600 AND duration_minutes % 5 = 0),
  expect_text TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (appointment_id, position)
) STRICT;
-- Only a booked appointment's services change (an edit replaces them); after that they are what was done.
CREATE TRIGGER appointment_services_booked_insert BEFORE INSERT ON appointment_services
WHEN (SELECT status FROM appointments WHERE id = NEW.appointment_id) IS NOT 'booked'
BEGIN SELECT RAISE(ABORT, 'closed is closed: only a booked appointment changes its services'); END;
CREATE TRIGGER appointment_services_booked_delete BEFORE DELETE ON appointment_services
WHEN (SELECT status FROM appointments WHERE id = OLD.appointment_id) IS NOT 'booked'
BEGIN SELECT RAISE(ABORT, 'closed is closed: only a booked appointment changes its services'); END;
CREATE TRIGGER appointment_services_no_update BEFORE UPDATE ON appointment_services
BEGIN SELECT RAISE(ABORT, 'appointment services are replaced while booked, never updated'); END;

-- The booking a line was rung up from at check-in: served work as booked, so taking it off or
-- lowering it is never a fresh mistyped tap (it needs tabs.adjustLarge), whoever it names.
ALTER TABLE tab_lines ADD COLUMN appointment_id INTEGER REFERENCES appointments (id);

CREATE TABLE deposits (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  appointment_id INTEGER REFERENCES appointments (id),
  from_deposit_id INTEGER REFERENCES deposits (id),
  amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
  method TEXT NOT NULL CHECK (method IN ('cash', 'card', 'other')),
  reference TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('held', 'closed')),
  applied_minor INTEGER NOT NULL DEFAULT 0 CHECK (applied_minor >= 0),
  refunded_minor INTEGER NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0),
  forfeited_minor INTEGER NOT NULL DEFAULT 0 CHECK (forfeited_minor >= 0),
  kept_minor INTEGER NOT NULL DEFAULT 0 CHECK (kept_minor >= 0),
  tab_id INTEGER REFERENCES tabs (id),
  -- The deposit.take entry; a kept rest has none (its money never left deposits_held).
  take_entry_id INTEGER REFERENCES journal_entries (id),
  -- The entries that closed it (apply, refund, forfeit), as a JSON array of ids.
  close_entry_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(close_entry_ids)),
  taken_at TEXT NOT NULL,
  taken_business_date TEXT NOT NULL,
  taken_by INTEGER NOT NULL REFERENCES staff (id),
  -- The business days it began and stopped being held (a kept rest begins the day it was kept),
  -- so a report of any day lists what was held at its end.
  held_business_date TEXT NOT NULL,
  closed_business_date TEXT,
  -- The drawer a cash deposit went into (its refund comes out of the one open then).
  drawer_session_id INTEGER REFERENCES drawer_sessions (id),
  closed_at TEXT,
  closed_by INTEGER REFERENCES staff (id),
  reason TEXT,
  CHECK ((take_entry_id IS NULL) = (from_deposit_id IS NOT NULL)),
  CHECK ((method = 'cash') = (drawer_session_id IS NOT NULL) OR from_deposit_id IS NOT NULL),
  CHECK (status = 'closed' OR (applied_minor = 0 AND refunded_minor = 0 AND forfeited_minor = 0 AND kept_minor = 0 AND closed_at IS NULL AND closed_business_date IS NULL)),
  CHECK (status = 'held' OR (applied_minor + refunded_minor + forfeited_minor + kept_minor = amount_minor AND closed_at IS NOT NULL AND closed_business_date IS NOT NULL))
) STRICT;
CREATE INDEX deposits_customer ON deposits (customer_id);
CREATE INDEX deposits_appointment ON deposits (appointment_id) WHERE appointment_id IS NOT NULL;
CREATE INDEX deposits_tab ON deposits (tab_id) WHERE tab_id IS NOT NULL;
CREATE INDEX deposits_held ON deposits (status) WHERE status = 'held';
CREATE UNIQUE INDEX deposits_take_entry ON deposits (take_entry_id) WHERE take_entry_id IS NOT NULL;
CREATE TRIGGER deposits_no_delete BEFORE DELETE ON deposits
BEGIN SELECT RAISE(ABORT, 'deposits are closed, never deleted: the journal names them'); END;
CREATE TRIGGER deposits_no_replace BEFORE INSERT ON deposits WHEN EXISTS (SELECT 1 FROM deposits WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'deposits already holds this key: rows are never replaced'); END;
-- Closed is closed; a held deposit changes only its tab and, once, its closing.
CREATE TRIGGER deposits_closed_no_update BEFORE UPDATE ON deposits
WHEN OLD.status = 'closed' OR NEW.id IS NOT OLD.id OR NEW.customer_id IS NOT OLD.customer_id OR NEW.appointment_id IS NOT OLD.appointment_id
  OR NEW.from_deposit_id IS NOT OLD.from_deposit_id OR NEW.amount_minor IS NOT OLD.amount_minor OR NEW.method IS NOT OLD.method
  OR NEW.take_entry_id IS NOT OLD.take_entry_id OR NEW.taken_at IS NOT OLD.taken_at OR NEW.taken_business_date IS NOT OLD.taken_business_date
  OR NEW.held_business_date IS NOT OLD.held_business_date
  OR NEW.drawer_session_id IS NOT OLD.drawer_session_id
BEGIN SELECT RAISE(ABORT, 'closed is closed: a closed deposit never changes, and a held one keeps its amount, customer and tender'); END;
`);
  },
};
