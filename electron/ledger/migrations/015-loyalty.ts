import type { Migration } from './index';

/*
 * Loyalty: a stamp card (every Nth item of one category free) or points per amount spent,
 * redeemable as an amount off. Off until the owner turns it on (store_settings.loyalty_scheme).
 *
 * Points: one point for every loyalty_points_spend_minor paid on a settled tab (tips excluded,
 * whole points only), each worth loyalty_point_value_minor when redeemed, and only once the
 * customer holds at least loyalty_points_min. Stamps: one for every unit of the category charged
 * on a settled tab; N - 1 stamps free the Nth unit.
 *
 * A customer's balance is never a counter: it is the sum of loyalty_movements, which are only ever
 * added (earned when a tab settles, redeemed at settlement, reversed when the tab they came from
 * is reopened, or by a refund once refunds exist). A movement names ids only, never a person.
 * Each scheme keeps its own balance, so switching the scheme leaves the other one waiting.
 *
 * A redemption is money: one journal entry (loyalty.redeem) Dr loyalty (net of tax) and Dr
 * tax_payable per rate, Cr tabs_receivable, so the tax follows the lower price exactly as a comp's
 * does. loyalty_postings keeps that entry's figures per rate, like comp_postings, for the Z and for
 * taking the reward back off exactly (loyalty.undo) when the tab's lines change.
 * tab_rate_totals.loyalty_minor keeps what the tab's rows hold: receivable = sales - comps - loyalty + tax.
 *
 * The rows are not chained (migration 011): the journal entries they point at are, and every
 * amount that moves money is in them. Limits are written here, not imported, so this migration
 * never changes with live code.
 */
const appendOnly = (table: string) => `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} are only ever added: a later movement corrects an earlier one'); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} are only ever added: a later movement corrects an earlier one'); END;`;

export const m015Loyalty: Migration = {
  version: 15,
  name: 'loyalty',
  up(db) {
    db.exec(`
ALTER TABLE store_settings ADD COLUMN loyalty_scheme TEXT NOT NULL DEFAULT 'off' CHECK (loyalty_scheme IN ('off', 'stamps', 'points'));
ALTER TABLE store_settings ADD COLUMN loyalty_category_id INTEGER REFERENCES categories (id);
ALTER TABLE store_settings ADD COLUMN loyalty_stamps_every INTEGER NOT NULL DEFAULT 10 CHECK (loyalty_stamps_every BETWEEN 2 AND 100);
ALTER TABLE store_settings ADD COLUMN loyalty_points_spend_minor INTEGER NOT NULL DEFAULT 100 CHECK (loyalty_points_spend_minor >= 1);
ALTER TABLE store_settings ADD COLUMN loyalty_point_value_minor INTEGER NOT NULL DEFAULT 1 CHECK (loyalty_point_value_minor >= 1);
ALTER TABLE store_settings ADD COLUMN loyalty_points_min INTEGER NOT NULL DEFAULT 100 CHECK (loyalty_points_min >= 1);

ALTER TABLE tab_rate_totals ADD COLUMN loyalty_minor INTEGER NOT NULL DEFAULT 0;

CREATE TABLE loyalty_movements (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  tab_id INTEGER NOT NULL REFERENCES tabs (id),
  scheme TEXT NOT NULL CHECK (scheme IN ('stamps', 'points')),
  kind TEXT NOT NULL CHECK (kind IN ('earn', 'redeem', 'reverse')),
  units INTEGER NOT NULL CHECK (units <> 0),
  -- A redemption: what it took off the tab, in the tab's own prices (as a comp by amount is).
  discount_minor INTEGER NOT NULL DEFAULT 0 CHECK (discount_minor >= 0),
  -- A stamp card's reward: the line whose unit it freed.
  line_id INTEGER REFERENCES tab_lines (id),
  -- A redemption's loyalty.redeem entry, or the loyalty.undo entry that took it back off.
  entry_id INTEGER REFERENCES journal_entries (id),
  reverses_id INTEGER UNIQUE REFERENCES loyalty_movements (id),
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  at TEXT NOT NULL,
  CHECK ((kind = 'earn' AND units > 0) OR (kind = 'redeem' AND units < 0) OR kind = 'reverse'),
  CHECK ((kind = 'reverse') = (reverses_id IS NOT NULL)),
  CHECK (kind <> 'redeem' OR entry_id IS NOT NULL),
  CHECK (kind = 'redeem' OR (discount_minor = 0 AND line_id IS NULL))
) STRICT;
CREATE INDEX loyalty_movements_customer ON loyalty_movements (customer_id, scheme);
CREATE INDEX loyalty_movements_tab ON loyalty_movements (tab_id);
${appendOnly('loyalty_movements')}
CREATE TRIGGER loyalty_movements_no_replace BEFORE INSERT ON loyalty_movements WHEN EXISTS (SELECT 1 FROM loyalty_movements WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'loyalty_movements already holds this key: rows are never replaced'); END;
-- A reversal gives back exactly what it reverses, for the same customer, tab and scheme; a reversal is never reversed.
CREATE TRIGGER loyalty_movements_reverse_exact BEFORE INSERT ON loyalty_movements
WHEN NEW.kind = 'reverse' AND NOT EXISTS (
  SELECT 1 FROM loyalty_movements m WHERE m.id = NEW.reverses_id AND m.kind <> 'reverse' AND m.units = -NEW.units
    AND m.customer_id = NEW.customer_id AND m.tab_id = NEW.tab_id AND m.scheme = NEW.scheme)
BEGIN SELECT RAISE(ABORT, 'a loyalty reversal gives back exactly the movement it names'); END;

CREATE TABLE loyalty_postings (
  entry_id INTEGER NOT NULL REFERENCES journal_entries (id),
  tax_rate_milli INTEGER NOT NULL,
  -- Taken off the tab's prices at this rate, the tax it no longer owes, what the tab owes less,
  -- and the loyalty account's share (net of tax): receivable = loyalty + tax.
  discount_minor INTEGER NOT NULL,
  tax_minor INTEGER NOT NULL,
  receivable_minor INTEGER NOT NULL,
  loyalty_minor INTEGER NOT NULL,
  CHECK (receivable_minor = loyalty_minor + tax_minor),
  PRIMARY KEY (entry_id, tax_rate_milli)
) STRICT;
${appendOnly('loyalty_postings')}
CREATE TRIGGER loyalty_postings_no_replace BEFORE INSERT ON loyalty_postings
WHEN EXISTS (SELECT 1 FROM loyalty_postings WHERE entry_id = NEW.entry_id AND tax_rate_milli = NEW.tax_rate_milli)
BEGIN SELECT RAISE(ABORT, 'loyalty_postings already holds this key: rows are never replaced'); END;
`);
  },
};
