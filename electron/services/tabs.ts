import { DomainError } from '../../shared/errors';
import { MAX_QTY } from '../../shared/schemas';
import { mulMinor } from '../../shared/money';
import type { ParsedInput } from '../../shared/contract';
import type { LineAdded, TabSummary } from '../../shared/types';
import { accounts, businessDateAt, postEntry, writeAudit } from '../ledger/journal';
import type { ServiceContext } from './context';
import { statement } from '../ledger/statements';
import { repostTab, type Reposted } from './repost';
import { earnOnSettle } from './loyalty';
import { moneyText, readCounterSettings } from './store';
import {
  itemCountOf,
  readLines,
  readOpenTab,
  readOpenTabState,
  readOpenTabStateWithItem,
  readTabSummary,
  receivableOf,
  standingPayment,
  summaryOf,
  type LineRow,
  type TabRow,
  type TabState,
} from './tab-read';
import { nextFreeToken, tokenRefusal } from './tokens';
import { closeAppointmentOfTab } from './appointments-tab';
import { issueReceipt } from './receipts';

type Detail = Record<string, string | number | null>;

function audit(ctx: ServiceContext, command: string, tabId: number, detail: Detail): void {
  writeAudit(ctx.db, { at: ctx.now, staffId: ctx.actor.id, command, tabId, detail: JSON.stringify(detail) });
}

function touch(ctx: ServiceContext, tabId: number): void {
  statement(ctx.db, 'UPDATE tabs SET last_activity_at = ? WHERE id = ?').run(ctx.now, tabId);
}

/** The line a command is about, from the tab's state: it must be on the tab and active. */
function activeLine(tab: TabState, lineId: number): LineRow {
  const line = tab.lines.find((l) => l.id === lineId);
  if (!line) throw new DomainError('not_found', 'errors.lineMissing', { id: lineId }, 'lineId');
  if (line.state !== 'active') throw new DomainError('line_not_active', 'errors.lineRemoved', { name: line.name }, 'lineId');
  return line;
}

/** The tab's lines with one of them as the command has just written it, so the repost sees the tab as it now stands. */
function withLine(lines: readonly LineRow[], written: LineRow): LineRow[] {
  return lines.map((l) => (l.id === written.id ? written : l));
}

export function openTab(ctx: ServiceContext, input: ParsedInput<'tab.open'>): TabSummary {
  const { db } = ctx;
  const settings = readCounterSettings(db);
  const token = input.token ?? nextFreeToken(db, settings);
  if (token === null) throw new DomainError('no_free_token', 'errors.noFreeToken', { first: settings.tokenFirst, last: settings.tokenLast });
  // Out of the pool, held by an open tab, or missing (gone with a customer): not handed out. The
  // next free token is none of those by its making; a token asked for is checked.
  const refusal = input.token === undefined ? null : tokenRefusal(db, token);
  if (refusal) throw refusal;
  const tabId = Number(
    statement(
      db,
      `INSERT INTO tabs (token, name, label, note, status, tax_mode, opened_at, opened_by, last_activity_at) VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?)`,
    ).run(token, input.name, input.label, input.note, settings.taxMode, ctx.now, ctx.actor.id, ctx.now).lastInsertRowid,
  );
  audit(ctx, 'tab.open', tabId, { token, name: input.name, label: input.label });
  // A new tab has no lines, no payments and no customer yet: its card is what was just written.
  const row: TabRow = {
    id: tabId,
    token,
    name: input.name,
    label: input.label,
    note: input.note,
    status: 'open',
    tax_mode: settings.taxMode,
    opened_at: ctx.now,
    last_activity_at: ctx.now,
    closed_at: null,
    close_reason: null,
    rating: null,
    customer_id: null,
    customer_name: null,
  };
  return summaryOf(row, { lastActivityAt: ctx.now, itemCount: 0, totalMinor: 0, paid: { paid: 0, deposited: 0 } });
}

/** A line command's answer: the tab's card as the repost left it. */
function changedCard(ctx: ServiceContext, tab: TabRow, reposted: Reposted): TabSummary {
  return summaryOf(tab, { lastActivityAt: ctx.now, itemCount: itemCountOf(reposted.active), totalMinor: reposted.grossTotal, paid: reposted.paid });
}

export function updateTab(ctx: ServiceContext, input: ParsedInput<'tab.update'>): TabSummary {
  const tab = readOpenTab(ctx.db, input.tabId);
  const next = { name: input.name ?? tab.name, label: input.label ?? tab.label, note: input.note ?? tab.note };
  const changed = Object.fromEntries(Object.entries(next).filter(([key, value]) => tab[key as keyof typeof next] !== value));
  if (Object.keys(changed).length === 0) return readTabSummary(ctx.db, tab.id);
  statement(ctx.db, 'UPDATE tabs SET name = ?, label = ?, note = ?, last_activity_at = ? WHERE id = ?').run(next.name, next.label, next.note, ctx.now, tab.id);
  // History says what changed, not the whole record.
  audit(ctx, 'tab.update', tab.id, changed);
  return readTabSummary(ctx.db, tab.id);
}

export function addLine(ctx: ServiceContext, input: ParsedInput<'tab.addLine'>): LineAdded {
  const { db } = ctx;
  // The tab's state, its lines and the item, in one read.
  const tab = readOpenTabStateWithItem(db, input.tabId, input.itemId);
  const { item } = tab;
  const staffId = input.staffId ?? ctx.actor.id;
  if (!item) throw new DomainError('not_found', 'errors.itemMissing', { id: input.itemId }, 'itemId');
  if (item.archived) throw new DomainError('conflict', 'errors.itemArchived', { name: item.name }, 'itemId');
  // The person sending the command was found active when it was admitted; anyone else is looked up.
  const staffName =
    staffId === ctx.actor.id
      ? ctx.actor.name
      : statement<[number], { name: string }>(db, 'SELECT name FROM staff WHERE id = ? AND active = 1').get(staffId)?.name;
  if (staffName === undefined) throw new DomainError('not_found', 'errors.staffMissing', { id: staffId }, 'staffId');
  const expectText = item.kind === 'service' ? item.expect_text : '';
  // Tapping the same item again grows its line (same price, same server, no comp) rather than
  // adding a second one; a comped, repriced or reworded line stays as it was. The newest such line.
  const same = tab.lines.findLast(
    (l) =>
      l.item_id === item.id &&
      l.unit_minor === item.price_minor &&
      l.tax_rate_milli === item.tax_rate_milli &&
      l.staff_id === staffId &&
      l.expect_text === expectText &&
      l.state === 'active' &&
      l.comp_kind === null,
  );
  if (same && same.qty + input.qty > MAX_QTY) {
    throw new DomainError('invalid_input', 'errors.field.qty', {}, 'qty');
  }
  let lines: LineRow[];
  let lineId: number;
  if (same) {
    statement(db, 'UPDATE tab_lines SET qty = ? WHERE id = ?').run(same.qty + input.qty, same.id);
    lineId = same.id;
    lines = withLine(tab.lines, { ...same, qty: same.qty + input.qty });
  } else {
    lineId = Number(
      statement(
        db,
        `INSERT INTO tab_lines (tab_id, item_id, name, unit_minor, tax_rate_milli, qty, staff_id, state, created_at, expect_text)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)`,
      )
        // The service's words as they are now go with the line, so a later catalog edit never rewrites a receipt.
        .run(input.tabId, item.id, item.name, item.price_minor, item.tax_rate_milli, input.qty, staffId, ctx.now, expectText).lastInsertRowid,
    );
    // The row as written, in id order as readLines lists the lines.
    const written: LineRow = {
      id: lineId,
      item_id: item.id,
      name: item.name,
      unit_minor: item.price_minor,
      tax_rate_milli: item.tax_rate_milli,
      qty: input.qty,
      staff_id: staffId,
      staff_name: staffName,
      state: 'active',
      remove_reason: null,
      comp_kind: null,
      comp_value: null,
      comp_reason: null,
      comp_qty: null,
      created_at: ctx.now,
      expect_text: expectText,
    };
    lines = [...tab.lines, written].sort((a, b) => a.id - b.id);
  }
  const reposted = repostTab(ctx, input.tabId, 'line.add', `${item.name} x${input.qty}`, lineId, tab, lines);
  touch(ctx, input.tabId);
  audit(ctx, 'tab.addLine', input.tabId, { lineId, item: item.name, qty: input.qty, unitMinor: item.price_minor });
  return { ...changedCard(ctx, tab, reposted), lineId };
}

export function setQty(ctx: ServiceContext, input: ParsedInput<'tab.setQty'>): TabSummary {
  const tab = readOpenTabState(ctx.db, input.tabId);
  const line = activeLine(tab, input.lineId);
  if (line.qty === input.qty) return readTabSummary(ctx.db, input.tabId);
  // A comp stays on the units it was given; lowered below them, it covers every unit left.
  statement(ctx.db, 'UPDATE tab_lines SET qty = ?, comp_qty = MIN(comp_qty, ?) WHERE id = ?').run(input.qty, input.qty, line.id);
  const written = { ...line, qty: input.qty, comp_qty: line.comp_qty === null ? null : Math.min(line.comp_qty, input.qty) };
  const reposted = repostTab(ctx, input.tabId, 'line.qty', `${line.name} x${line.qty} -> x${input.qty}`, line.id, tab, withLine(tab.lines, written));
  touch(ctx, input.tabId);
  audit(ctx, 'tab.setQty', input.tabId, { lineId: line.id, item: line.name, from: line.qty, to: input.qty });
  return changedCard(ctx, tab, reposted);
}

export function removeLine(ctx: ServiceContext, input: ParsedInput<'tab.removeLine'>): TabSummary {
  const tab = readOpenTabState(ctx.db, input.tabId);
  const line = activeLine(tab, input.lineId);
  statement(ctx.db, "UPDATE tab_lines SET state = 'removed', remove_reason = ? WHERE id = ?").run(input.reason, line.id);
  const written: LineRow = { ...line, state: 'removed', remove_reason: input.reason };
  const reposted = repostTab(ctx, input.tabId, 'line.remove', `${line.name}: ${input.reason}`, line.id, tab, withLine(tab.lines, written));
  touch(ctx, input.tabId);
  audit(ctx, 'tab.removeLine', input.tabId, { lineId: line.id, item: line.name, qty: line.qty, reason: input.reason });
  return changedCard(ctx, tab, reposted);
}

export function compLine(ctx: ServiceContext, input: ParsedInput<'tab.compLine'>): TabSummary {
  const tab = readOpenTabState(ctx.db, input.tabId);
  const line = activeLine(tab, input.lineId);
  const units = input.qty ?? line.qty;
  if (units > line.qty) throw new DomainError('invalid_input', 'errors.compQtyOver', { qty: line.qty }, 'qty');
  const compedList = mulMinor(line.unit_minor, units);
  if (input.kind === 'amount' && input.value > compedList) {
    throw new DomainError('invalid_input', 'errors.compTooLarge', { amount: moneyText(ctx.db, compedList) }, 'value');
  }
  statement(ctx.db, 'UPDATE tab_lines SET comp_kind = ?, comp_value = ?, comp_reason = ?, comp_qty = ? WHERE id = ?').run(
    input.kind,
    input.value,
    input.reason,
    units,
    line.id,
  );
  const written: LineRow = { ...line, comp_kind: input.kind, comp_value: input.value, comp_reason: input.reason, comp_qty: units };
  const reposted = repostTab(
    ctx,
    input.tabId,
    'line.comp',
    `${line.name} x${units} of ${line.qty}: ${input.reason}`,
    line.id,
    tab,
    withLine(tab.lines, written),
  );
  touch(ctx, input.tabId);
  audit(ctx, 'tab.compLine', input.tabId, {
    lineId: line.id,
    item: line.name,
    kind: input.kind,
    value: input.value,
    qty: units,
    of: line.qty,
    reason: input.reason,
  });
  return changedCard(ctx, tab, reposted);
}

export function closeTab(ctx: ServiceContext, tabId: number, status: 'settled' | 'written_off' | 'voided', reason: string | null, state?: TabState): void {
  // A held deposit is applied (or refunded) before its tab closes; the appointment follows the tab.
  // A tab whose state this command read holding neither (and which it has not given one since) needs neither looked at.
  if (!state || state.held_deposits > 0 || state.from_appointment) closeAppointmentOfTab(ctx, tabId, status);
  // Unpaid parts go first: once the tab is closed, the ledger refuses any change to its rows.
  if (!state || state.unpaid_parts > 0) statement(ctx.db, 'DELETE FROM split_parts WHERE tab_id = ? AND payment_id IS NULL').run(tabId);
  statement(ctx.db, 'UPDATE tabs SET status = ?, closed_at = ?, close_reason = ?, last_activity_at = ?, closed_business_date = ? WHERE id = ?').run(
    status,
    ctx.now,
    reason,
    ctx.now,
    businessDateAt(ctx.db, ctx.now),
    tabId,
  );
}

/** Closes a tab paid in full; returns the receipt number it was given. */
export function markSettled(ctx: ServiceContext, tabId: number, state?: TabState): number {
  closeTab(ctx, tabId, 'settled', null, state);
  // Paid in full: the receipt's number is issued with the close, never later and never twice.
  const receiptNumber = issueReceipt(ctx, tabId);
  // Only a settled tab earns loyalty: a walkout or a voided tab never does.
  earnOnSettle(ctx, tabId, state);
  return receiptNumber;
}

export function voidTab(ctx: ServiceContext, input: ParsedInput<'tab.void'>): TabSummary {
  const tab = readOpenTab(ctx.db, input.tabId);
  const hasLines = readLines(ctx.db, tab.id).some((l) => l.state === 'active');
  // A voided payment no longer stands, so a tab whose only payment was voided and whose lines were removed can still go.
  const hasPayments = statement(ctx.db, `SELECT 1 FROM payments p WHERE p.tab_id = ? AND ${standingPayment}`).get(tab.id);
  if (hasLines || hasPayments) {
    throw new DomainError('tab_not_empty', 'errors.voidNotEmpty');
  }
  closeTab(ctx, tab.id, 'voided', input.reason);
  audit(ctx, 'tab.void', tab.id, { token: tab.token, reason: input.reason });
  return readTabSummary(ctx.db, tab.id);
}

export function writeOffTab(ctx: ServiceContext, input: ParsedInput<'tab.writeOff'>): TabSummary {
  const tab = readOpenTab(ctx.db, input.tabId);
  const due = receivableOf(ctx.db, tab.id);
  if (due <= 0) throw new DomainError('nothing_due', 'errors.writeOffNothingDue');
  postEntry(ctx.db, { kind: 'tab.writeOff', at: ctx.now, staffId: ctx.actor.id, tabId: tab.id, commandId: ctx.commandId, memo: input.reason }, [
    [accounts.walkouts, due],
    [accounts.receivable, -due],
  ]);
  closeTab(ctx, tab.id, 'written_off', input.reason);
  audit(ctx, 'tab.writeOff', tab.id, { token: tab.token, dueMinor: due, reason: input.reason });
  return readTabSummary(ctx.db, tab.id);
}
