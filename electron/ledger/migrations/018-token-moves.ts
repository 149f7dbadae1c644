import { rowTriggerSql, type ChainedTable } from './chain-v1';
import type { Migration } from './index';

/*
 * Tokens as real objects, and moving things between open tabs (issue 13).
 *
 * token_events: a token the customer did not hand back when their tab closed ('missing', naming the
 * settled or written-off tab it went with), and the day it turns up again ('found'). A token's state
 * is its newest event; a missing token is held by no open tab (the triggers on tabs below refuse to
 * open a tab on it, give it to a tab, or reopen a tab on it) and the pool never hands it out. It goes
 * missing only with the last tab that held it, and only while no open tab holds it.
 *
 * tab_token_changes: an open tab given another free token; the tab's token changes only with its row.
 *
 * line_moves: units of a line moved from one open tab to another: the whole line (the row itself
 * moves, keeping its id, so what it rang up and when stays on record), or part of its quantity (a
 * new line on the other tab, `new_line_id`, with the same snapshot, server and time). `merged` says
 * the move was part of merging its tab away. A line changes its tab only with its row.
 *
 * tab_merges: an open tab merged into another. What had been paid on it (its payments, and what was
 * merged into it before) counts from then on for the tab it went into: `paid_minor`, which the
 * ledger's reads and checks add to that tab's payments. The merged tab closes as voided with a
 * reason saying where it went; it never reopens.
 *
 * Refunds (migration 017) are held to invariant 12 against what was paid on the refunded tab and on
 * every tab merged into it: this migration puts its triggers back counting the merged tabs' payments.
 *
 * Every row is written once and never changed or deleted, and each is chained like a payment.
 * Limits and rules are written here, not imported, so this migration never changes with live code.
 */

const chained = (kind: string, table: string, key: string, columns: readonly string[]): ChainedTable => ({
  kind,
  table,
  key,
  intKey: true,
  keepsContent: false,
  columns,
});

export const TOKEN_EVENT_CHAIN = chained('token_event', 'token_events', 'id', ['id', 'token', 'kind', 'tab_id', 'at', 'staff_id', 'command_id']);
export const TOKEN_CHANGE_CHAIN = chained('token_change', 'tab_token_changes', 'id', [
  'id',
  'tab_id',
  'from_token',
  'to_token',
  'at',
  'staff_id',
  'command_id',
]);
export const LINE_MOVE_CHAIN = chained('line_move', 'line_moves', 'id', [
  'id',
  'line_id',
  'from_tab_id',
  'to_tab_id',
  'qty',
  'new_line_id',
  'merged',
  'at',
  'staff_id',
  'command_id',
]);
export const TAB_MERGE_CHAIN = chained('tab_merge', 'tab_merges', 'from_tab_id', [
  'from_tab_id',
  'into_tab_id',
  'from_token',
  'into_token',
  'paid_minor',
  'at',
  'staff_id',
  'command_id',
]);

/** The chained tables of this migration, in the order the chain check lists them. */
export const TOKEN_MOVES_CHAINS: readonly ChainedTable[] = [TOKEN_EVENT_CHAIN, TOKEN_CHANGE_CHAIN, LINE_MOVE_CHAIN, TAB_MERGE_CHAIN];

/** Whether token `token` (an SQL expression) is missing now: its newest event says so. */
const isMissing = (token: string) => `(SELECT kind FROM token_events WHERE token = ${token} ORDER BY id DESC LIMIT 1) IS 'missing'`;
const isOpen = (tabId: string) => `(SELECT status FROM tabs WHERE id = ${tabId}) IS 'open'`;

const appendOnly = (table: string, key: string) => `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} is append-only: rows are never updated'); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} is append-only: rows are never deleted'); END;
CREATE TRIGGER ${table}_no_replace BEFORE INSERT ON ${table} WHEN EXISTS (SELECT 1 FROM ${table} WHERE ${key} = NEW.${key})
BEGIN SELECT RAISE(ABORT, '${table} already holds this key: rows are never replaced'); END;
`;

const CLOSED_TAB = 'a settled, written-off or voided tab never changes';

/**
 * The tab `tab` (an SQL expression) and every tab merged into it, and into those, as a subquery of
 * ids: what was paid on any of them paid for `tab` (a merged tab's payments stay its own rows).
 */
const family = (tab: string) =>
  `(WITH RECURSIVE family(id) AS (SELECT ${tab} UNION SELECT m.from_tab_id FROM tab_merges m JOIN family f ON m.into_tab_id = f.id) SELECT id FROM family)`;
/** The tab `tab` and every tab it was merged into, and those into theirs: the tabs a payment of `tab` paid for. */
const paidFor = (tab: string) =>
  `(WITH RECURSIVE paid_for(id) AS (SELECT ${tab} UNION SELECT m.into_tab_id FROM tab_merges m JOIN paid_for f ON m.from_tab_id = f.id) SELECT id FROM paid_for)`;
/** The tab of the refund a refund part belongs to. */
const refundTab = '(SELECT tab_id FROM refunds WHERE id = NEW.refund_id)';
/** What the standing payments of `tab`'s family put in `column` (amount_minor or tip_minor), by `method` when given. */
const familyPaid = (tab: string, column: string, method?: string) =>
  `(SELECT coalesce(sum(p.${column}), 0) FROM payments p WHERE p.tab_id IN ${family(tab)}${method ? ` AND p.method = ${method}` : ''}
      AND NOT EXISTS (SELECT 1 FROM payment_voids v WHERE v.payment_id = p.id))`;
const familyApplied = (tab: string, method?: string) =>
  `(SELECT coalesce(sum(d.applied_minor), 0) FROM deposits d WHERE d.tab_id IN ${family(tab)}${method ? ` AND d.method = ${method}` : ''})`;
const refundedBy = (tab: string, method: string, column: string) =>
  `(SELECT coalesce(sum(rt.${column}), 0) FROM refund_tenders rt JOIN refunds r ON r.id = rt.refund_id WHERE r.tab_id = ${tab} AND rt.method = ${method})`;

export const m018TokenMoves: Migration = {
  version: 18,
  name: 'token-moves',
  up(db) {
    db.exec(`
CREATE TABLE token_events (
  id INTEGER PRIMARY KEY,
  token INTEGER NOT NULL CHECK (token >= 0 AND token <= 9999),
  kind TEXT NOT NULL CHECK (kind IN ('missing', 'found')),
  -- The tab the token went with (for 'found', the tab of the 'missing' it ends).
  tab_id INTEGER NOT NULL REFERENCES tabs (id),
  at TEXT NOT NULL,
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  command_id TEXT
) STRICT;
CREATE INDEX token_events_token ON token_events (token, id);
${appendOnly('token_events', 'id')}
CREATE TRIGGER token_events_missing BEFORE INSERT ON token_events
WHEN NEW.kind = 'missing' AND (
  NOT EXISTS (SELECT 1 FROM tabs t WHERE t.id = NEW.tab_id AND t.token = NEW.token AND t.status IN ('settled', 'written_off'))
  OR ${isMissing('NEW.token')}
  -- Given out again since this tab closed: to a tab open now or opened after, or by a change of token.
  OR EXISTS (SELECT 1 FROM tabs t, tabs x WHERE x.id = NEW.tab_id AND t.token = NEW.token AND t.id <> x.id
             AND (t.status = 'open' OR t.opened_at > x.closed_at OR (t.opened_at = x.closed_at AND t.id > x.id)))
  OR EXISTS (SELECT 1 FROM tab_token_changes c WHERE (c.to_token = NEW.token OR c.from_token = NEW.token) AND c.tab_id <> NEW.tab_id
             AND c.at >= (SELECT closed_at FROM tabs WHERE id = NEW.tab_id)))
BEGIN SELECT RAISE(ABORT, 'a token goes missing with the settled or written-off tab that held it last, while no open tab holds it'); END;
CREATE TRIGGER token_events_found BEFORE INSERT ON token_events
WHEN NEW.kind = 'found' AND NOT EXISTS (
  SELECT 1 FROM token_events e WHERE e.id = (SELECT max(id) FROM token_events WHERE token = NEW.token) AND e.kind = 'missing' AND e.tab_id = NEW.tab_id)
BEGIN SELECT RAISE(ABORT, 'only a missing token is found, and it names the tab it went missing with'); END;

CREATE TABLE tab_token_changes (
  id INTEGER PRIMARY KEY,
  tab_id INTEGER NOT NULL REFERENCES tabs (id),
  from_token INTEGER NOT NULL,
  to_token INTEGER NOT NULL CHECK (to_token >= 0 AND to_token <= 9999),
  at TEXT NOT NULL,
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  command_id TEXT,
  CHECK (to_token <> from_token)
) STRICT;
CREATE INDEX tab_token_changes_tab ON tab_token_changes (tab_id, id);
${appendOnly('tab_token_changes', 'id')}
CREATE TRIGGER tab_token_changes_free BEFORE INSERT ON tab_token_changes
WHEN NOT EXISTS (SELECT 1 FROM tabs t WHERE t.id = NEW.tab_id AND t.status = 'open' AND t.token = NEW.from_token)
  OR EXISTS (SELECT 1 FROM tabs t WHERE t.token = NEW.to_token AND t.status = 'open')
  OR ${isMissing('NEW.to_token')}
BEGIN SELECT RAISE(ABORT, 'an open tab changes to a token no open tab holds and that is not missing'); END;

CREATE TABLE tab_merges (
  from_tab_id INTEGER PRIMARY KEY REFERENCES tabs (id),
  into_tab_id INTEGER NOT NULL REFERENCES tabs (id),
  from_token INTEGER NOT NULL,
  into_token INTEGER NOT NULL,
  -- What had been paid on the merged tab (payments, and what was merged into it): it now counts for into_tab_id.
  paid_minor INTEGER NOT NULL CHECK (paid_minor >= 0),
  at TEXT NOT NULL,
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  command_id TEXT,
  CHECK (into_tab_id <> from_tab_id)
) STRICT;
CREATE INDEX tab_merges_into ON tab_merges (into_tab_id);
${appendOnly('tab_merges', 'from_tab_id')}
CREATE TRIGGER tab_merges_open BEFORE INSERT ON tab_merges
WHEN NOT EXISTS (SELECT 1 FROM tabs t WHERE t.id = NEW.from_tab_id AND t.status = 'open' AND t.token = NEW.from_token)
  OR NOT EXISTS (SELECT 1 FROM tabs t WHERE t.id = NEW.into_tab_id AND t.status = 'open' AND t.token = NEW.into_token)
BEGIN SELECT RAISE(ABORT, 'a tab is merged while open, into another open tab'); END;

CREATE TABLE line_moves (
  id INTEGER PRIMARY KEY,
  line_id INTEGER NOT NULL REFERENCES tab_lines (id),
  from_tab_id INTEGER NOT NULL REFERENCES tabs (id),
  to_tab_id INTEGER NOT NULL REFERENCES tabs (id),
  qty INTEGER NOT NULL CHECK (qty >= 1),
  -- The line made on to_tab_id for part of the quantity; NULL when the line itself moved.
  new_line_id INTEGER UNIQUE REFERENCES tab_lines (id),
  merged INTEGER NOT NULL CHECK (merged IN (0, 1)),
  at TEXT NOT NULL,
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  command_id TEXT,
  CHECK (to_tab_id <> from_tab_id)
) STRICT;
CREATE INDEX line_moves_line ON line_moves (line_id, id);
CREATE INDEX line_moves_from ON line_moves (from_tab_id);
CREATE INDEX line_moves_to ON line_moves (to_tab_id);
${appendOnly('line_moves', 'id')}
CREATE TRIGGER line_moves_open BEFORE INSERT ON line_moves
WHEN NOT (${isOpen('NEW.from_tab_id')} AND ${isOpen('NEW.to_tab_id')})
  OR NOT EXISTS (SELECT 1 FROM tab_lines l WHERE l.id = NEW.line_id AND l.tab_id = NEW.from_tab_id AND l.state = 'active'
                 AND (NEW.new_line_id IS NOT NULL OR l.qty = NEW.qty))
  OR (NEW.new_line_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM tab_lines n WHERE n.id = NEW.new_line_id AND n.tab_id = NEW.to_tab_id AND n.qty = NEW.qty AND n.state = 'active'))
BEGIN SELECT RAISE(ABORT, 'a line moves between two open tabs: all of it, or part of it as a new line of that quantity'); END;

-- Closed is closed (migration 010) still holds for lines; one key may now change: an open tab's
-- line goes to another open tab, and only with the line_moves row that records exactly that.
DROP TRIGGER tab_lines_closed_tab_update;
CREATE TRIGGER tab_lines_closed_tab_update BEFORE UPDATE ON tab_lines
WHEN NEW.id IS NOT OLD.id OR NOT ${isOpen('OLD.tab_id')}
  OR (NEW.tab_id IS NOT OLD.tab_id AND NOT (${isOpen('NEW.tab_id')} AND EXISTS (
        SELECT 1 FROM line_moves m WHERE m.id = (SELECT max(id) FROM line_moves WHERE line_id = OLD.id)
          AND m.from_tab_id = OLD.tab_id AND m.to_tab_id = NEW.tab_id AND m.new_line_id IS NULL AND m.qty = OLD.qty)))
BEGIN SELECT RAISE(ABORT, 'closed is closed: tab_lines of ${CLOSED_TAB}, and no row changes its key'); END;

-- A missing token is held by no open tab: none opens on it, takes it or reopens on it.
CREATE TRIGGER tabs_missing_token_insert BEFORE INSERT ON tabs
WHEN NEW.status = 'open' AND ${isMissing('NEW.token')}
BEGIN SELECT RAISE(ABORT, 'a missing token is not handed out: mark it found first'); END;
CREATE TRIGGER tabs_missing_token_update BEFORE UPDATE OF token, status ON tabs
WHEN NEW.status = 'open' AND (NEW.token IS NOT OLD.token OR OLD.status IS NOT 'open') AND ${isMissing('NEW.token')}
BEGIN SELECT RAISE(ABORT, 'a missing token is not handed out: mark it found first'); END;
-- An open tab's token changes only with the tab_token_changes row that records it.
CREATE TRIGGER tabs_token_change BEFORE UPDATE OF token ON tabs
WHEN NEW.token IS NOT OLD.token AND NOT EXISTS (
  SELECT 1 FROM tab_token_changes c WHERE c.id = (SELECT max(id) FROM tab_token_changes WHERE tab_id = OLD.id)
    AND c.from_token = OLD.token AND c.to_token = NEW.token)
BEGIN SELECT RAISE(ABORT, 'a tab changes its token only with the tab_token_changes row that records it'); END;
-- A tab merged into another closes as voided and never reopens.
CREATE TRIGGER tabs_merged_stay_closed BEFORE UPDATE OF status ON tabs
WHEN EXISTS (SELECT 1 FROM tab_merges WHERE from_tab_id = OLD.id) AND NEW.status IS NOT 'voided'
BEGIN SELECT RAISE(ABORT, 'a tab merged into another closes as voided and never reopens'); END;

-- Invariant 12 (migration 017) counts what was paid on the tabs merged into the refunded one: the
-- payments taken on them (and on tabs merged into those) paid for it, though each stays a row of
-- the tab it was taken on. Never more back, in all or by a tender, in the bill part or in tips.
DROP TRIGGER refunds_within_paid;
CREATE TRIGGER refunds_within_paid BEFORE INSERT ON refunds
WHEN (SELECT coalesce(sum(amount_minor), 0) FROM refunds WHERE tab_id = NEW.tab_id) + NEW.amount_minor
     > ${familyPaid('NEW.tab_id', 'amount_minor')} + ${familyApplied('NEW.tab_id')}
  OR (SELECT coalesce(sum(tip_minor), 0) FROM refunds WHERE tab_id = NEW.tab_id) + NEW.tip_minor > ${familyPaid('NEW.tab_id', 'tip_minor')}
BEGIN SELECT RAISE(ABORT, 'invariant 12: a settled tab is never refunded beyond what was paid on it'); END;
DROP TRIGGER refund_tenders_within_paid;
CREATE TRIGGER refund_tenders_within_paid BEFORE INSERT ON refund_tenders
WHEN ${refundedBy(refundTab, 'NEW.method', 'amount_minor')} + NEW.amount_minor
     > ${familyPaid(refundTab, 'amount_minor', 'NEW.method')} + ${familyApplied(refundTab, 'NEW.method')}
  OR ${refundedBy(refundTab, 'NEW.method', 'tip_minor')} + NEW.tip_minor > ${familyPaid(refundTab, 'tip_minor', 'NEW.method')}
BEGIN SELECT RAISE(ABORT, 'invariant 12: never more back by a tender than it paid on the tab'); END;
-- What was paid under a refund stands, on whichever tab of the family it was taken.
DROP TRIGGER payment_voids_not_refunded;
CREATE TRIGGER payment_voids_not_refunded BEFORE INSERT ON payment_voids
WHEN EXISTS (SELECT 1 FROM refunds r WHERE r.tab_id IN ${paidFor('(SELECT tab_id FROM payments WHERE id = NEW.payment_id)')})
BEGIN SELECT RAISE(ABORT, 'a payment of a refunded tab is never voided: what was paid under a refund stands'); END;

${rowTriggerSql(TOKEN_EVENT_CHAIN)}
${rowTriggerSql(TOKEN_CHANGE_CHAIN)}
${rowTriggerSql(LINE_MOVE_CHAIN)}
${rowTriggerSql(TAB_MERGE_CHAIN)}
`);
  },
};
