import type { ParsedInput } from '../../shared/contract';
import { splitLine } from '../../shared/domain/line-move';
import { computeTabTotals, type TaxLine } from '../../shared/domain/tax';
import { DomainError } from '../../shared/errors';
import type { TabDetail, TabMoveResult } from '../../shared/types';
import { accounts, writeAudit } from '../ledger/journal';
import type { ServiceContext } from './context';
import { undoRedemption } from './loyalty';
import { repostTotals } from './repost';
import { moneyText } from './store';
import { paidOn, readLines, readOpenTab, readTab, toTaxLine, type LineRow } from './tab-read';
import { closeTab } from './tabs';
import { tokenRefusal } from './tokens';
import { statement } from '../ledger/statements';

type OpenTab = ReturnType<typeof readOpenTab>;

/**
 * An open tab that may be moved from, merged or given another token: not being settled in another
 * window (that session's claim, see auth/settle-claims.ts) and with no split plan in place (its
 * parts are being paid one by one). The caller's own claim never stands in its way.
 */
function movableTab(ctx: ServiceContext, tabId: number, field: string): OpenTab {
  const tab = readOpenTab(ctx.db, tabId);
  const holder = ctx.prepared.claims?.elsewhere(tab.id);
  if (holder) throw new DomainError('tab_being_settled', 'errors.move.beingSettled', { token: tab.token, staff: holder.staffName }, field);
  if (statement(ctx.db, 'SELECT 1 FROM split_parts WHERE tab_id = ? AND payment_id IS NULL').get(tab.id)) {
    throw new DomainError('tab_being_settled', 'errors.move.splitInPlace', { token: tab.token }, field);
  }
  return tab;
}

function twoTabs(ctx: ServiceContext, fromId: number, toId: number, toField: string): [OpenTab, OpenTab] {
  if (fromId === toId) throw new DomainError('invalid_input', 'errors.move.sameTab', {}, toField);
  return [movableTab(ctx, fromId, 'fromTabId'), movableTab(ctx, toId, toField)];
}

function audit(ctx: ServiceContext, command: string, tabId: number, detail: Record<string, string | number | null>): void {
  writeAudit(ctx.db, { at: ctx.now, staffId: ctx.actor.id, command, tabId, detail: JSON.stringify(detail) });
}

function touch(ctx: ServiceContext, ...tabIds: number[]): void {
  for (const id of tabIds) statement(ctx.db, 'UPDATE tabs SET last_activity_at = ? WHERE id = ?').run(ctx.now, id);
}

function recordMove(ctx: ServiceContext, line: LineRow, fromId: number, toId: number, qty: number, newLineId: number | null, merged: boolean): void {
  statement(
    ctx.db,
    'INSERT INTO line_moves (line_id, from_tab_id, to_tab_id, qty, new_line_id, merged, at, staff_id, command_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(line.id, fromId, toId, qty, newLineId, merged ? 1 : 0, ctx.now, ctx.actor.id, ctx.commandId);
}

/** The whole line goes to the other tab: the row itself, keeping its id, server, time and comp. */
function moveWholeLine(ctx: ServiceContext, line: LineRow, fromId: number, toId: number, merged: boolean): void {
  recordMove(ctx, line, fromId, toId, line.qty, null, merged);
  statement(ctx.db, 'UPDATE tab_lines SET tab_id = ? WHERE id = ?').run(toId, line.id);
}

/** Some of the line's units go: the line keeps the rest, a copy (same snapshot, server and time) takes these. */
function movePart(ctx: ServiceContext, line: LineRow, stay: TaxLine, moved: TaxLine, fromId: number, toId: number): void {
  const compOf = (l: TaxLine) =>
    l.comp
      ? { kind: l.comp.kind, value: l.comp.value, qty: l.comp.qty ?? l.qty, reason: line.comp_reason }
      : { kind: null, value: null, qty: null, reason: null };
  const keep = compOf(stay);
  statement(ctx.db, 'UPDATE tab_lines SET qty = ?, comp_kind = ?, comp_value = ?, comp_qty = ?, comp_reason = ? WHERE id = ?').run(
    stay.qty,
    keep.kind,
    keep.value,
    keep.qty,
    keep.reason,
    line.id,
  );
  const go = compOf(moved);
  const newId = Number(
    statement(
      ctx.db,
      `INSERT INTO tab_lines (tab_id, item_id, name, unit_minor, tax_rate_milli, qty, staff_id, state, comp_kind, comp_value, comp_reason, comp_qty, created_at, expect_text, appointment_id)
         SELECT ?, item_id, name, unit_minor, tax_rate_milli, ?, staff_id, 'active', ?, ?, ?, ?, created_at, expect_text, appointment_id FROM tab_lines WHERE id = ?`,
    ).run(toId, moved.qty, go.kind, go.value, go.reason, go.qty, line.id).lastInsertRowid,
  );
  recordMove(ctx, line, fromId, toId, moved.qty, newId, false);
}

type Picked = { line: LineRow; qty: number };

/** What the audit keeps of the units moved: [name, qty] pairs (names are the lines' own snapshots). */
const itemsOf = (picked: readonly Picked[]): string => JSON.stringify(picked.map((p) => [p.line.name, p.qty]));
const unitsOf = (picked: readonly Picked[]): number => picked.reduce((s, p) => s + p.qty, 0);

/** The lines to move, each active on the tab they leave and no more of it than it has. */
function pickLines(ctx: ServiceContext, from: OpenTab, wanted: ParsedInput<'tab.moveLines'>['lines']): Picked[] {
  const lines = new Map(readLines(ctx.db, from.id).map((l) => [l.id, l]));
  const seen = new Set<number>();
  return wanted.map(({ lineId, qty }, i) => {
    const field = `lines.${i}.lineId`;
    if (seen.has(lineId)) throw new DomainError('invalid_input', 'errors.move.lineTwice', { id: lineId }, field);
    seen.add(lineId);
    const line = lines.get(lineId);
    if (!line) throw new DomainError('not_found', 'errors.move.lineNotOnTab', { id: lineId, token: from.token }, field);
    if (line.state !== 'active') throw new DomainError('line_not_active', 'errors.lineRemoved', { name: line.name }, field);
    if (qty > line.qty) throw new DomainError('invalid_input', 'errors.move.qtyOver', { item: line.name, qty: line.qty }, `lines.${i}.qty`);
    return { line, qty };
  });
}

/**
 * Moves units of lines from one open tab to another, in one transaction: whole lines move as they
 * are; part of a line splits it (full-price units first, a comped unit with its share of the comp).
 * Each tab's totals are posted again as the difference (entries of kind tab.move, one per tab): the
 * receivable moves from one to the other and what the day sold stays what it was (the tax each tab
 * rounds on its own aside). Who served each unit stays on it. Both tabs' histories say what moved.
 */
export function moveLines(ctx: ServiceContext, input: ParsedInput<'tab.moveLines'>): TabMoveResult {
  const { db } = ctx;
  const [from, to] = twoTabs(ctx, input.fromTabId, input.toTabId, 'toTabId');
  const picked = pickLines(ctx, from, input.lines);
  const splits = picked.map(({ line, qty }, i) => {
    if (qty === line.qty) return null;
    const split = splitLine(toTaxLine(line), qty);
    if (!split.ok) {
      throw new DomainError('conflict', 'errors.move.compNotExact', { item: line.name, qty, all: line.qty, fullPrice: split.fullPrice }, `lines.${i}.qty`);
    }
    return split;
  });
  // What stays must still cover what was paid on the tab: the payments stay with it.
  const moving = new Map(picked.map((p, i) => [p.line.id, splits[i]]));
  const staying = readLines(db, from.id)
    .filter((l) => l.state === 'active')
    .flatMap((l): TaxLine[] => {
      if (!moving.has(l.id)) return [toTaxLine(l)];
      const split = moving.get(l.id);
      return split ? [split.stay] : [];
    });
  const paid = paidOn(db, from.id);
  if (computeTabTotals(staying, from.tax_mode).grossTotal < paid) {
    throw new DomainError('conflict', 'errors.move.belowPaid', { token: from.token, paid: moneyText(db, paid) }, 'lines');
  }
  // A reward was worked out on the lines as they were: it comes off both tabs first and is offered again.
  undoRedemption(ctx, from.id, 'lines');
  undoRedemption(ctx, to.id, 'lines');
  picked.forEach(({ line }, i) => {
    const split = splits[i];
    if (split) movePart(ctx, line, split.stay, split.moved, from.id, to.id);
    else moveWholeLine(ctx, line, from.id, to.id, false);
  });
  const units = unitsOf(picked);
  repostTotals(ctx, from.id, { kind: 'tab.move', memo: `${units} moved to token ${to.token}`, lineId: null });
  repostTotals(ctx, to.id, { kind: 'tab.move', memo: `${units} moved from token ${from.token}`, lineId: null });
  touch(ctx, from.id, to.id);
  const items = itemsOf(picked);
  audit(ctx, 'tab.moveLines', from.id, { direction: 'out', token: to.token, otherTabId: to.id, items, qty: units });
  audit(ctx, 'tab.moveLines', to.id, { direction: 'in', token: from.token, otherTabId: from.id, items, qty: units });
  return { from: readTab(db, from.id), to: readTab(db, to.id) };
}

/**
 * Merges one open tab into another: its lines move (whole, as they are), what was paid on it comes
 * along (tab_merges.paid_minor counts as paid on the tab it went into, and a tab_transfers entry on
 * each tab moves that receivable), its customer comes along when the other tab has none, and it
 * closes as voided with a reason saying where it went (no void and no walkout for the Z); its token
 * goes back to the pool. Refused, changing nothing, when the two tabs have different customers or
 * the merged tab has a booking or a deposit on it (those stay with their own tab: merge the other
 * way round).
 */
export function mergeTabs(ctx: ServiceContext, input: ParsedInput<'tab.merge'>): TabMoveResult {
  const { db } = ctx;
  const [from, into] = twoTabs(ctx, input.fromTabId, input.intoTabId, 'intoTabId');
  if (statement(db, 'SELECT 1 FROM appointments WHERE tab_id = ?').get(from.id)) {
    throw new DomainError('conflict', 'errors.merge.booking', { token: from.token, into: into.token }, 'fromTabId');
  }
  if (statement(db, 'SELECT 1 FROM deposits WHERE tab_id = ?').get(from.id)) {
    throw new DomainError('conflict', 'errors.merge.deposit', { token: from.token, into: into.token }, 'fromTabId');
  }
  if (from.customer_id !== null && into.customer_id !== null && from.customer_id !== into.customer_id) {
    throw new DomainError('conflict', 'errors.merge.customers', { token: from.token, into: into.token }, 'intoTabId');
  }
  undoRedemption(ctx, from.id, 'lines');
  undoRedemption(ctx, into.id, 'lines');
  const paid = paidOn(db, from.id);
  statement(
    db,
    'INSERT INTO tab_merges (from_tab_id, into_tab_id, from_token, into_token, paid_minor, at, staff_id, command_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(from.id, into.id, from.token, into.token, paid, ctx.now, ctx.actor.id, ctx.commandId);
  const lines = readLines(db, from.id).filter((l) => l.state === 'active');
  for (const line of lines) moveWholeLine(ctx, line, from.id, into.id, true);
  const customer = into.customer_id === null ? from.customer_id : null;
  if (customer !== null) statement(db, 'UPDATE tabs SET customer_id = ? WHERE id = ?').run(customer, into.id);
  const memo = `token ${from.token} merged into token ${into.token}`;
  // What was paid on the merged tab leaves its receivable and lands on the other's, through tab_transfers.
  repostTotals(ctx, from.id, {
    kind: 'tab.merge',
    memo,
    lineId: null,
    paidAfter: 0,
    extra: [
      [accounts.receivable, paid],
      [accounts.tabTransfers, -paid],
    ],
  });
  repostTotals(ctx, into.id, {
    kind: 'tab.merge',
    memo,
    lineId: null,
    extra: [
      [accounts.receivable, -paid],
      [accounts.tabTransfers, paid],
    ],
  });
  closeTab(ctx, from.id, 'voided', `merged into token ${into.token}`);
  touch(ctx, into.id);
  const items = itemsOf(lines.map((line) => ({ line, qty: line.qty })));
  const units = lines.reduce((s, l) => s + l.qty, 0);
  audit(ctx, 'tab.merge', from.id, { direction: 'out', token: into.token, otherTabId: into.id, items, qty: units, paidMinor: paid });
  audit(ctx, 'tab.merge', into.id, { direction: 'in', token: from.token, otherTabId: from.id, items, qty: units, paidMinor: paid, customerId: customer });
  return { from: readTab(db, from.id), to: readTab(db, into.id) };
}

/** Gives an open tab another token, one that is free (in the pool, held by no open tab, not missing); the old one goes back. */
export function changeToken(ctx: ServiceContext, input: ParsedInput<'tab.changeToken'>): TabDetail {
  const { db } = ctx;
  const tab = movableTab(ctx, input.tabId, 'tabId');
  if (tab.token === input.token) throw new DomainError('invalid_input', 'errors.move.sameToken', { token: tab.token }, 'token');
  const refusal = tokenRefusal(db, input.token);
  if (refusal) throw refusal;
  statement(db, 'INSERT INTO tab_token_changes (tab_id, from_token, to_token, at, staff_id, command_id) VALUES (?, ?, ?, ?, ?, ?)').run(
    tab.id,
    tab.token,
    input.token,
    ctx.now,
    ctx.actor.id,
    ctx.commandId,
  );
  statement(db, 'UPDATE tabs SET token = ?, last_activity_at = ? WHERE id = ?').run(input.token, ctx.now, tab.id);
  audit(ctx, 'tab.changeToken', tab.id, { from: tab.token, to: input.token });
  return readTab(db, tab.id);
}
