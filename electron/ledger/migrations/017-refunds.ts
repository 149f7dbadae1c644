import { rowTriggerSql, type ChainedTable } from './chain-v1';
import type { Migration } from './index';

/**
 * The refund chain rows (docs/LEDGER-CHAIN.md): each row of the four refund tables is chained as it
 * is inserted, so a refund changed, deleted or slipped in with a sqlite3 shell (which can drop the
 * triggers below) breaks the chain. Frozen with this migration: the chain check reads the same list.
 */
export const REFUND_CHAINS: readonly ChainedTable[] = [
  {
    kind: 'refund',
    table: 'refunds',
    key: 'id',
    intKey: true,
    keepsContent: false,
    columns: [
      'id',
      'tab_id',
      'receipt_number',
      'entry_id',
      'mode',
      'reason',
      'amount_minor',
      'tax_minor',
      'tip_minor',
      'business_date',
      'staff_id',
      'approved_by',
      'at',
    ],
  },
  {
    kind: 'refund_rate',
    table: 'refund_rates',
    key: 'id',
    intKey: true,
    keepsContent: false,
    columns: ['id', 'refund_id', 'tax_rate_milli', 'amount_minor', 'tax_minor'],
  },
  {
    kind: 'refund_line',
    table: 'refund_lines',
    key: 'id',
    intKey: true,
    keepsContent: false,
    columns: ['id', 'refund_id', 'line_id', 'comped', 'qty', 'amount_minor'],
  },
  {
    kind: 'refund_tender',
    table: 'refund_tenders',
    key: 'id',
    intKey: true,
    keepsContent: false,
    columns: ['id', 'refund_id', 'method', 'amount_minor', 'tip_minor', 'rounding_minor'],
  },
];

/*
 * Refunds of settled tabs (issue 13): money given back, whole, by some units of some lines or by an
 * amount, with a reason, by the tenders the tab was paid with.
 *
 * refunds: one row per refund, written after its refund.issue journal entry (on the same tab and
 * business day, the one the refund is given on, never a closed one) and naming the tab's receipt.
 * amount_minor is the bill part given back (tax included), tax_minor the tax in it, tip_minor the
 * tips. Its parts follow it in the same transaction and are only ever added to the newest refund:
 * refund_rates (what it gave back at each rate), refund_lines (units of lines, for a refund by
 * line), refund_tenders (the bill part and tips by each tender, and the cash rounding). Nothing is
 * ever changed or deleted; a later refund is a new row.
 *
 * A refund's number is its id: one above the higher of every number issued and
 * store_settings.refund_number_floor (raised by a restore to the highest number the ledger it
 * replaces had issued), as receipt numbers are (migration 016), so a refund number is never given
 * twice, not even after a restore of an older backup; the trigger below refuses any other number.
 *
 * Invariant 12, held by the file itself: a refund is of a settled tab; what all its refunds give
 * back never passes what was paid, in all, by each tender (standing payments and deposits applied),
 * in tips by each tender, at each rate (what the tab cost there, and its tax), and in units of each
 * line. A payment of a refunded tab can no longer be voided (that would lower what was paid under
 * the refunds). Migration 018 puts the triggers on what was paid back counting the payments of tabs
 * merged into the refunded one (a merged tab's payments stay its own rows).
 *
 * Limits are written here, not imported, so this migration never changes with live code.
 */

const appendOnly = (table: string) => `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} are never changed: a later refund is a new row'); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} are never deleted: a refund given stands'); END;
CREATE TRIGGER ${table}_no_replace BEFORE INSERT ON ${table} WHEN EXISTS (SELECT 1 FROM ${table} WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, '${table} already holds this key: rows are never replaced'); END;`;

/** A refund's parts are written with it, after it, and never added to an earlier refund. */
const newestOnly = (table: string) => `
CREATE TRIGGER ${table}_newest_refund BEFORE INSERT ON ${table}
WHEN NEW.refund_id IS NOT (SELECT max(id) FROM refunds)
BEGIN SELECT RAISE(ABORT, 'a refund''s parts are written with it: nothing is added to an earlier refund'); END;`;

/** The tab of the refund a part belongs to. */
const tabOf = `(SELECT tab_id FROM refunds WHERE id = NEW.refund_id)`;

/** What standing payments of tab `tab` by `method` put in `column` (amount_minor or tip_minor). */
const paid = (tab: string, method: string, column: string) =>
  `(SELECT coalesce(sum(p.${column}), 0) FROM payments p WHERE p.tab_id = ${tab} AND p.method = ${method} AND NOT EXISTS (SELECT 1 FROM payment_voids v WHERE v.payment_id = p.id))`;
const applied = (tab: string, method: string) => `(SELECT coalesce(sum(d.applied_minor), 0) FROM deposits d WHERE d.tab_id = ${tab} AND d.method = ${method})`;
const refundedBy = (tab: string, method: string, column: string) =>
  `(SELECT coalesce(sum(rt.${column}), 0) FROM refund_tenders rt JOIN refunds r ON r.id = rt.refund_id WHERE r.tab_id = ${tab} AND rt.method = ${method})`;

export const m017Refunds: Migration = {
  version: 17,
  name: 'refunds',
  up(db) {
    db.exec(`
ALTER TABLE store_settings ADD COLUMN refund_number_floor INTEGER NOT NULL DEFAULT 0 CHECK (refund_number_floor >= 0);

CREATE TABLE refunds (
  id INTEGER PRIMARY KEY CHECK (id >= 1),
  tab_id INTEGER NOT NULL REFERENCES tabs (id),
  -- The receipt refunded (the tab's newest); NULL for a tab settled before receipts were numbered.
  receipt_number INTEGER REFERENCES receipts (receipt_number),
  entry_id INTEGER NOT NULL UNIQUE REFERENCES journal_entries (id),
  mode TEXT NOT NULL CHECK (mode IN ('whole', 'lines', 'amount')),
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
  amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
  tax_minor INTEGER NOT NULL CHECK (tax_minor >= 0 AND tax_minor <= amount_minor),
  tip_minor INTEGER NOT NULL CHECK (tip_minor >= 0),
  business_date TEXT NOT NULL,
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  approved_by INTEGER REFERENCES staff (id),
  at TEXT NOT NULL,
  CHECK (amount_minor + tip_minor > 0)
) STRICT;
CREATE INDEX refunds_tab ON refunds (tab_id);
CREATE INDEX refunds_day ON refunds (business_date);

CREATE TABLE refund_rates (
  id INTEGER PRIMARY KEY,
  refund_id INTEGER NOT NULL REFERENCES refunds (id),
  tax_rate_milli INTEGER NOT NULL CHECK (tax_rate_milli >= 0),
  amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
  tax_minor INTEGER NOT NULL CHECK (tax_minor >= 0 AND tax_minor <= amount_minor),
  UNIQUE (refund_id, tax_rate_milli)
) STRICT;

CREATE TABLE refund_lines (
  id INTEGER PRIMARY KEY,
  refund_id INTEGER NOT NULL REFERENCES refunds (id),
  line_id INTEGER NOT NULL REFERENCES tab_lines (id),
  -- The line's comped units, or its full-price ones.
  comped INTEGER NOT NULL CHECK (comped IN (0, 1)),
  qty INTEGER NOT NULL CHECK (qty >= 1),
  amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
  UNIQUE (refund_id, line_id, comped)
) STRICT;
CREATE INDEX refund_lines_line ON refund_lines (line_id);

CREATE TABLE refund_tenders (
  id INTEGER PRIMARY KEY,
  refund_id INTEGER NOT NULL REFERENCES refunds (id),
  method TEXT NOT NULL CHECK (method IN ('cash', 'card', 'other')),
  -- The bill part and the tips given back by this tender; in cash, what changed hands was
  -- amount + tip - rounding (what all the tab's cash refunds gave back rounded to the store's cash
  -- step, less what earlier ones handed out; the difference to rounding). That may be nothing when
  -- the last cents of the cash paid go back (4.42 taken as 4.40: 4.40 then 0.02 hand out 4.40, 0.00).
  amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
  tip_minor INTEGER NOT NULL CHECK (tip_minor >= 0),
  rounding_minor INTEGER NOT NULL DEFAULT 0 CHECK (method = 'cash' OR rounding_minor = 0),
  CHECK (amount_minor + tip_minor > 0 AND rounding_minor <= amount_minor + tip_minor),
  UNIQUE (refund_id, method)
) STRICT;
${appendOnly('refunds')}
${appendOnly('refund_rates')}
${appendOnly('refund_lines')}
${appendOnly('refund_tenders')}
${newestOnly('refund_rates')}
${newestOnly('refund_lines')}
${newestOnly('refund_tenders')}

-- A refund takes the next number: never one issued before, nor one a restore put below the floor.
CREATE TRIGGER refunds_next_number BEFORE INSERT ON refunds
WHEN NEW.id IS NOT max(coalesce((SELECT max(id) FROM refunds), 0), coalesce((SELECT refund_number_floor FROM store_settings WHERE id = 1), 0)) + 1
BEGIN SELECT RAISE(ABORT, 'a refund takes the next number: one above every number issued and the floor'); END;
-- A refund is of a settled tab, on its own refund.issue entry, on a day no Z has closed.
CREATE TRIGGER refunds_settled_tab BEFORE INSERT ON refunds
WHEN (SELECT status FROM tabs WHERE id = NEW.tab_id) IS NOT 'settled'
  OR NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.id = NEW.entry_id AND e.kind = 'refund.issue' AND e.tab_id = NEW.tab_id AND e.business_date = NEW.business_date)
  OR NEW.business_date <= coalesce((SELECT max(business_date) FROM z_reports), '')
BEGIN SELECT RAISE(ABORT, 'a refund is of a settled tab, on its own refund entry, on a day not closed'); END;
CREATE TRIGGER refunds_receipt_of_tab BEFORE INSERT ON refunds
WHEN NEW.receipt_number IS NOT NULL AND NOT EXISTS (SELECT 1 FROM receipts WHERE receipt_number = NEW.receipt_number AND tab_id = NEW.tab_id)
BEGIN SELECT RAISE(ABORT, 'a refund names a receipt of the tab it refunds'); END;
-- Invariant 12: never more back, in all, than was paid on the tab (tips apart from the bill).
CREATE TRIGGER refunds_within_paid BEFORE INSERT ON refunds
WHEN (SELECT coalesce(sum(amount_minor), 0) FROM refunds WHERE tab_id = NEW.tab_id) + NEW.amount_minor
     > (SELECT coalesce(sum(p.amount_minor), 0) FROM payments p WHERE p.tab_id = NEW.tab_id AND NOT EXISTS (SELECT 1 FROM payment_voids v WHERE v.payment_id = p.id))
       + (SELECT coalesce(sum(d.applied_minor), 0) FROM deposits d WHERE d.tab_id = NEW.tab_id)
  OR (SELECT coalesce(sum(tip_minor), 0) FROM refunds WHERE tab_id = NEW.tab_id) + NEW.tip_minor
     > (SELECT coalesce(sum(p.tip_minor), 0) FROM payments p WHERE p.tab_id = NEW.tab_id AND NOT EXISTS (SELECT 1 FROM payment_voids v WHERE v.payment_id = p.id))
BEGIN SELECT RAISE(ABORT, 'invariant 12: a settled tab is never refunded beyond what was paid on it'); END;
-- ... by each tender, in the bill part and in tips.
CREATE TRIGGER refund_tenders_within_paid BEFORE INSERT ON refund_tenders
WHEN ${refundedBy(tabOf, 'NEW.method', 'amount_minor')} + NEW.amount_minor > ${paid(tabOf, 'NEW.method', 'amount_minor')} + ${applied(tabOf, 'NEW.method')}
  OR ${refundedBy(tabOf, 'NEW.method', 'tip_minor')} + NEW.tip_minor > ${paid(tabOf, 'NEW.method', 'tip_minor')}
BEGIN SELECT RAISE(ABORT, 'invariant 12: never more back by a tender than it paid on the tab'); END;
-- ... at each rate, what the tab cost there and the tax in it.
CREATE TRIGGER refund_rates_within_paid BEFORE INSERT ON refund_rates
WHEN NOT EXISTS (SELECT 1 FROM tab_rate_totals WHERE tab_id = ${tabOf} AND tax_rate_milli = NEW.tax_rate_milli)
  OR (SELECT coalesce(sum(rr.amount_minor), 0) FROM refund_rates rr JOIN refunds r ON r.id = rr.refund_id WHERE r.tab_id = ${tabOf} AND rr.tax_rate_milli = NEW.tax_rate_milli) + NEW.amount_minor
     > (SELECT receivable_minor FROM tab_rate_totals WHERE tab_id = ${tabOf} AND tax_rate_milli = NEW.tax_rate_milli)
  OR (SELECT coalesce(sum(rr.tax_minor), 0) FROM refund_rates rr JOIN refunds r ON r.id = rr.refund_id WHERE r.tab_id = ${tabOf} AND rr.tax_rate_milli = NEW.tax_rate_milli) + NEW.tax_minor
     > (SELECT tax_minor FROM tab_rate_totals WHERE tab_id = ${tabOf} AND tax_rate_milli = NEW.tax_rate_milli)
BEGIN SELECT RAISE(ABORT, 'invariant 12: never more back at a rate than the tab cost there'); END;
-- ... and never a unit twice: an active line of the tab, at most its comped or full-price units.
CREATE TRIGGER refund_lines_within_units BEFORE INSERT ON refund_lines
WHEN NOT EXISTS (SELECT 1 FROM tab_lines l WHERE l.id = NEW.line_id AND l.tab_id = ${tabOf} AND l.state = 'active')
  OR (SELECT coalesce(sum(rl.qty), 0) FROM refund_lines rl WHERE rl.line_id = NEW.line_id AND rl.comped = NEW.comped) + NEW.qty
     > (SELECT CASE WHEN l.comp_kind IS NULL THEN (CASE WHEN NEW.comped = 1 THEN 0 ELSE l.qty END)
                    WHEN NEW.comped = 1 THEN coalesce(l.comp_qty, l.qty) ELSE l.qty - coalesce(l.comp_qty, l.qty) END
        FROM tab_lines l WHERE l.id = NEW.line_id)
BEGIN SELECT RAISE(ABORT, 'invariant 12: a unit of a line is refunded at most once'); END;

-- What was paid under a refund stands: a refunded tab's payments are never voided.
CREATE TRIGGER payment_voids_not_refunded BEFORE INSERT ON payment_voids
WHEN EXISTS (SELECT 1 FROM refunds r JOIN payments p ON p.tab_id = r.tab_id WHERE p.id = NEW.payment_id)
BEGIN SELECT RAISE(ABORT, 'a payment of a refunded tab is never voided: what was paid under a refund stands'); END;
${REFUND_CHAINS.map(rowTriggerSql).join('\n')}
`);
  },
};
