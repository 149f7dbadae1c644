import type { Migration } from './index';

/*
 * Every rule here is a trigger, so it holds on any connection, including a plain sqlite3 shell
 * with recursive_triggers off. There INSERT OR REPLACE deletes the row it replaces without
 * firing any DELETE trigger, so each protected table also refuses an insert whose key is
 * already taken: the app never inserts over an existing key, and with an automatic id the key
 * is NULL, which costs one index probe and matches nothing.
 */

const CLOSED_TAB = 'a settled, written-off or voided tab never changes';

/** Whether tab `tabId` (an SQL expression) is not open; a missing tab counts as not open. */
const notOpen = (tabId: string) => `(SELECT status FROM tabs WHERE id = ${tabId}) IS NOT 'open'`;

/** Refuses an insert whose key (or any unique key, in `taken`) already holds a row. */
const noReplace = (table: string, taken: string) => `
CREATE TRIGGER ${table}_no_replace BEFORE INSERT ON ${table}
WHEN EXISTS (SELECT 1 FROM ${table} WHERE ${taken})
BEGIN SELECT RAISE(ABORT, '${table} already holds this key: rows are never replaced'); END;
`;

const noDelete = (table: string, why: string) => `
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} rows are never deleted: ${why}'); END;
`;

/**
 * A table of a tab's own rows: nothing is added to a tab that is not open, no key changes (so
 * UPDATE OR REPLACE cannot land on another row), and a closed tab's rows never change.
 */
const tabRows = (table: string, key: readonly string[]) => `
CREATE TRIGGER ${table}_closed_tab_insert BEFORE INSERT ON ${table}
WHEN ${notOpen('NEW.tab_id')}
BEGIN SELECT RAISE(ABORT, 'closed is closed: ${table} of ${CLOSED_TAB}'); END;
CREATE TRIGGER ${table}_closed_tab_update BEFORE UPDATE ON ${table}
WHEN ${key.map((k) => `NEW.${k} IS NOT OLD.${k}`).join(' OR ')} OR ${notOpen('OLD.tab_id')}
BEGIN SELECT RAISE(ABORT, 'closed is closed: ${table} of ${CLOSED_TAB}, and no row changes its key'); END;
`;

/** The tab columns only a close or a reopen may change; the rest stay as the tab was opened. */
const FIXED = ['id', 'token', 'name', 'label', 'note', 'tax_mode', 'opened_at', 'opened_by'];
const same = (columns: readonly string[]) => columns.map((c) => `NEW.${c} IS OLD.${c}`).join(' AND ');

/** The tab's closing day has not been closed by a Z. */
const dayOpen = `OLD.closed_business_date > coalesce((SELECT max(business_date) FROM z_reports), '')`;

/**
 * Written here, not imported, so this migration never changes with live code: the minutes after
 * a payment within which it may be voided (the tenth minute still counts).
 */
const VOID_WINDOW_MS = 10 * 60_000;

export const m010ClosedIsClosed: Migration = {
  version: 10,
  name: 'closed-is-closed',
  up(db) {
    db.exec(`
-- What was append-only already cannot be rewritten by INSERT OR REPLACE either.
${noReplace('journal_entries', 'id = NEW.id')}
${noReplace('postings', 'id = NEW.id')}
${noReplace('audit', 'id = NEW.id')}
${noReplace('commands', 'id = NEW.id')}
${noReplace('z_reports', 'z_number = NEW.z_number OR business_date = NEW.business_date')}
${noReplace('drawer_movements', 'id = NEW.id')}
${noReplace('comp_postings', 'id = NEW.id')}
${noReplace('payment_voids', 'payment_id = NEW.payment_id OR entry_id = NEW.entry_id')}
${noReplace('entry_lines', 'entry_id = NEW.entry_id')}

-- A payment is kept as it was taken; a void is a row of its own.
CREATE TRIGGER payments_no_update BEFORE UPDATE ON payments
BEGIN SELECT RAISE(ABORT, 'payments is append-only: rows are never updated'); END;
CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
BEGIN SELECT RAISE(ABORT, 'payments is append-only: rows are never deleted'); END;
${noReplace('payments', 'id = NEW.id')}
CREATE TRIGGER payments_closed_tab_insert BEFORE INSERT ON payments
WHEN ${notOpen('NEW.tab_id')}
BEGIN SELECT RAISE(ABORT, 'closed is closed: payments of ${CLOSED_TAB}'); END;

-- A replay result is written once; only a Z removes it, and only once the Z before has closed its day.
CREATE TRIGGER command_results_no_update BEFORE UPDATE ON command_results
BEGIN SELECT RAISE(ABORT, 'command_results is append-only: rows are never updated'); END;
CREATE TRIGGER command_results_no_delete BEFORE DELETE ON command_results
WHEN NOT coalesce((SELECT at FROM commands WHERE id = OLD.command_id) < (SELECT closed_at FROM z_reports ORDER BY z_number DESC LIMIT 1), 0)
BEGIN SELECT RAISE(ABORT, 'command_results are deleted only by a Z, and only for commands from before the last Z'); END;
${noReplace('command_results', 'command_id = NEW.command_id')}

-- A line is removed by its state and a total is posted down to zero: neither is ever deleted.
${tabRows('tab_lines', ['id', 'tab_id'])}
${noDelete('tab_lines', 'a line is removed by its state')}
${noReplace('tab_lines', 'id = NEW.id')}
${tabRows('tab_rate_totals', ['tab_id', 'tax_rate_milli'])}
${noDelete('tab_rate_totals', 'a rate no longer charged is posted down to zero')}
${tabRows('tab_comp_totals', ['tab_id', 'tax_rate_milli', 'reason'])}
${noDelete('tab_comp_totals', 'a reason no longer given is posted down to zero')}
-- An open tab's unpaid parts are replanned (deleted and written again); a closed tab's stay.
-- Their key includes the tab, so refusing every insert into a closed tab also refuses a replace.
${tabRows('split_parts', ['tab_id', 'part_no'])}
CREATE TRIGGER split_parts_closed_tab_delete BEFORE DELETE ON split_parts
WHEN ${notOpen('OLD.tab_id')}
BEGIN SELECT RAISE(ABORT, 'closed is closed: split_parts of ${CLOSED_TAB}'); END;

-- The tab itself. A settled or written-off tab may still be rated until the Z closes its day,
-- and the one way back is a voided payment: within ${VOID_WINDOW_MS / 60_000} minutes of the tab's last payment,
-- recorded in payment_voids at this same moment, on a day not closed by a Z, settled to open.
CREATE TRIGGER tabs_closed_no_update BEFORE UPDATE ON tabs
WHEN NEW.id IS NOT OLD.id OR (OLD.status <> 'open' AND NOT (
  (OLD.status IN ('settled', 'written_off') AND ${dayOpen}
    AND ${same([...FIXED, 'status', 'last_activity_at', 'closed_at', 'close_reason', 'closed_business_date'])})
  OR
  (OLD.status = 'settled' AND NEW.status = 'open' AND ${dayOpen}
    AND ${same([...FIXED, 'rating'])}
    AND NEW.closed_at IS NULL AND NEW.close_reason IS NULL AND NEW.closed_business_date IS NULL
    AND EXISTS (
      SELECT 1 FROM payments p JOIN payment_voids v ON v.payment_id = p.id
      WHERE p.id = (SELECT max(id) FROM payments WHERE tab_id = OLD.id)
        AND v.at = NEW.last_activity_at
        AND round((julianday(v.at) - julianday(p.created_at)) * 86400000) <= ${VOID_WINDOW_MS}))
))
BEGIN SELECT RAISE(ABORT, 'closed is closed: ${CLOSED_TAB} (only its rating before the Z, or a void of its last payment within minutes, reopening it)'); END;
${noDelete('tabs', 'a tab is closed by its status')}
${noReplace('tabs', `id = NEW.id OR (NEW.status = 'open' AND token = NEW.token AND status = 'open')`)}

-- A drawer session changes until it is signed off; then it is part of its day for good.
CREATE TRIGGER drawer_sessions_closed_no_update BEFORE UPDATE ON drawer_sessions
WHEN OLD.status = 'closed' OR NEW.id IS NOT OLD.id
BEGIN SELECT RAISE(ABORT, 'closed is closed: a signed-off drawer session never changes, and no session changes its id'); END;
${noDelete('drawer_sessions', 'a session is closed by its sign-off')}
${noReplace('drawer_sessions', `id = NEW.id OR (NEW.status <> 'closed' AND status <> 'closed')`)}
`);
  },
};
