import { DomainError } from '../../shared/errors';
import { MAX_QTY } from '../../shared/schemas';
import { mulMinor } from '../../shared/money';
import type { ParsedInput } from '../../shared/contract';
import type { ItemKind, TabDetail } from '../../shared/types';
import { accounts, businessDateAt, postEntry, writeAudit } from '../ledger/journal';
import type { ServiceContext } from './context';
import { repostTab } from './repost';
import { earnOnSettle } from './loyalty';
import { moneyText, readSettings } from './store';
import { readLines, readOpenTab, readTab, receivableOf, standingPayment } from './tab-read';
import { nextFreeToken, tokenRefusal } from './tokens';
import { closeAppointmentOfTab } from './appointments-tab';
import { issueReceipt } from './receipts';

type Detail = Record<string, string | number | null>;

function audit(ctx: ServiceContext, command: string, tabId: number, detail: Detail): void {
  writeAudit(ctx.db, { at: ctx.now, staffId: ctx.actor.id, command, tabId, detail: JSON.stringify(detail) });
}

function touch(ctx: ServiceContext, tabId: number): void {
  ctx.db.prepare('UPDATE tabs SET last_activity_at = ? WHERE id = ?').run(ctx.now, tabId);
}

function readActiveLine(ctx: ServiceContext, tabId: number, lineId: number) {
  const line = readLines(ctx.db, tabId).find((l) => l.id === lineId);
  if (!line) throw new DomainError('not_found', 'errors.lineMissing', { id: lineId }, 'lineId');
  if (line.state !== 'active') throw new DomainError('line_not_active', 'errors.lineRemoved', { name: line.name }, 'lineId');
  return line;
}

export function openTab(ctx: ServiceContext, input: ParsedInput<'tab.open'>): TabDetail {
  const { db } = ctx;
  const settings = readSettings(db);
  const token = input.token ?? nextFreeToken(db, settings);
  if (token === null) throw new DomainError('no_free_token', 'errors.noFreeToken', { first: settings.tokenFirst, last: settings.tokenLast });
  // Out of the pool, held by an open tab, or missing (gone with a customer): not handed out.
  const refusal = tokenRefusal(db, token);
  if (refusal) throw refusal;
  const tabId = Number(
    db
      .prepare(
        `INSERT INTO tabs (token, name, label, note, status, tax_mode, opened_at, opened_by, last_activity_at) VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?)`,
      )
      .run(token, input.name, input.label, input.note, settings.taxMode, ctx.now, ctx.actor.id, ctx.now).lastInsertRowid,
  );
  audit(ctx, 'tab.open', tabId, { token, name: input.name, label: input.label });
  return readTab(db, tabId);
}

export function updateTab(ctx: ServiceContext, input: ParsedInput<'tab.update'>): TabDetail {
  const tab = readOpenTab(ctx.db, input.tabId);
  const next = { name: input.name ?? tab.name, label: input.label ?? tab.label, note: input.note ?? tab.note };
  const changed = Object.fromEntries(Object.entries(next).filter(([key, value]) => tab[key as keyof typeof next] !== value));
  if (Object.keys(changed).length === 0) return readTab(ctx.db, tab.id);
  ctx.db.prepare('UPDATE tabs SET name = ?, label = ?, note = ?, last_activity_at = ? WHERE id = ?').run(next.name, next.label, next.note, ctx.now, tab.id);
  // History says what changed, not the whole record.
  audit(ctx, 'tab.update', tab.id, changed);
  return readTab(ctx.db, tab.id);
}

export function addLine(ctx: ServiceContext, input: ParsedInput<'tab.addLine'>): TabDetail {
  const { db } = ctx;
  readOpenTab(db, input.tabId);
  const item = db
    .prepare<[number], { id: number; name: string; kind: ItemKind; price_minor: number; tax_rate_milli: number; expect_text: string; archived: number }>(
      'SELECT id, name, kind, price_minor, tax_rate_milli, expect_text, archived FROM items WHERE id = ?',
    )
    .get(input.itemId);
  if (!item) throw new DomainError('not_found', 'errors.itemMissing', { id: input.itemId }, 'itemId');
  if (item.archived) throw new DomainError('conflict', 'errors.itemArchived', { name: item.name }, 'itemId');
  const staffId = input.staffId ?? ctx.actor.id;
  if (!db.prepare('SELECT 1 FROM staff WHERE id = ? AND active = 1').get(staffId)) {
    throw new DomainError('not_found', 'errors.staffMissing', { id: staffId }, 'staffId');
  }
  // Tapping the same item again grows its line (same price, same server, no comp) rather than
  // adding a second one; a comped, repriced or reworded line stays as it was.
  const expectText = item.kind === 'service' ? item.expect_text : '';
  const same = db
    .prepare<[number, number, number, number, number, string], { id: number; qty: number }>(
      `SELECT id, qty FROM tab_lines WHERE tab_id = ? AND item_id = ? AND unit_minor = ? AND tax_rate_milli = ? AND staff_id = ?
         AND expect_text = ? AND state = 'active' AND comp_kind IS NULL ORDER BY id DESC LIMIT 1`,
    )
    .get(input.tabId, item.id, item.price_minor, item.tax_rate_milli, staffId, expectText);
  if (same && same.qty + input.qty > MAX_QTY) {
    throw new DomainError('invalid_input', 'errors.field.qty', {}, 'qty');
  }
  const lineId = same
    ? (db.prepare('UPDATE tab_lines SET qty = ? WHERE id = ?').run(same.qty + input.qty, same.id), same.id)
    : Number(
        db
          .prepare(
            `INSERT INTO tab_lines (tab_id, item_id, name, unit_minor, tax_rate_milli, qty, staff_id, state, created_at, expect_text)
             VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)`,
          )
          // The service's words as they are now go with the line, so a later catalog edit never rewrites a receipt.
          .run(input.tabId, item.id, item.name, item.price_minor, item.tax_rate_milli, input.qty, staffId, ctx.now, expectText)
          .lastInsertRowid,
      );
  repostTab(ctx, input.tabId, 'line.add', `${item.name} x${input.qty}`, lineId);
  touch(ctx, input.tabId);
  audit(ctx, 'tab.addLine', input.tabId, { lineId, item: item.name, qty: input.qty, unitMinor: item.price_minor });
  return readTab(db, input.tabId);
}

export function setQty(ctx: ServiceContext, input: ParsedInput<'tab.setQty'>): TabDetail {
  readOpenTab(ctx.db, input.tabId);
  const line = readActiveLine(ctx, input.tabId, input.lineId);
  if (line.qty === input.qty) return readTab(ctx.db, input.tabId);
  // A comp stays on the units it was given; lowered below them, it covers every unit left.
  ctx.db.prepare('UPDATE tab_lines SET qty = ?, comp_qty = MIN(comp_qty, ?) WHERE id = ?').run(input.qty, input.qty, line.id);
  repostTab(ctx, input.tabId, 'line.qty', `${line.name} x${line.qty} -> x${input.qty}`, line.id);
  touch(ctx, input.tabId);
  audit(ctx, 'tab.setQty', input.tabId, { lineId: line.id, item: line.name, from: line.qty, to: input.qty });
  return readTab(ctx.db, input.tabId);
}

export function removeLine(ctx: ServiceContext, input: ParsedInput<'tab.removeLine'>): TabDetail {
  readOpenTab(ctx.db, input.tabId);
  const line = readActiveLine(ctx, input.tabId, input.lineId);
  ctx.db.prepare("UPDATE tab_lines SET state = 'removed', remove_reason = ? WHERE id = ?").run(input.reason, line.id);
  repostTab(ctx, input.tabId, 'line.remove', `${line.name}: ${input.reason}`, line.id);
  touch(ctx, input.tabId);
  audit(ctx, 'tab.removeLine', input.tabId, { lineId: line.id, item: line.name, qty: line.qty, reason: input.reason });
  return readTab(ctx.db, input.tabId);
}

export function compLine(ctx: ServiceContext, input: ParsedInput<'tab.compLine'>): TabDetail {
  readOpenTab(ctx.db, input.tabId);
  const line = readActiveLine(ctx, input.tabId, input.lineId);
  const units = input.qty ?? line.qty;
  if (units > line.qty) throw new DomainError('invalid_input', 'errors.compQtyOver', { qty: line.qty }, 'qty');
  const compedList = mulMinor(line.unit_minor, units);
  if (input.kind === 'amount' && input.value > compedList) {
    throw new DomainError('invalid_input', 'errors.compTooLarge', { amount: moneyText(ctx.db, compedList) }, 'value');
  }
  ctx.db
    .prepare('UPDATE tab_lines SET comp_kind = ?, comp_value = ?, comp_reason = ?, comp_qty = ? WHERE id = ?')
    .run(input.kind, input.value, input.reason, units, line.id);
  repostTab(ctx, input.tabId, 'line.comp', `${line.name} x${units} of ${line.qty}: ${input.reason}`, line.id);
  touch(ctx, input.tabId);
  audit(ctx, 'tab.compLine', input.tabId, { lineId: line.id, item: line.name, kind: input.kind, value: input.value, qty: units, of: line.qty, reason: input.reason });
  return readTab(ctx.db, input.tabId);
}

export function closeTab(ctx: ServiceContext, tabId: number, status: 'settled' | 'written_off' | 'voided', reason: string | null): void {
  // A held deposit is applied (or refunded) before its tab closes; the appointment follows the tab.
  closeAppointmentOfTab(ctx, tabId, status);
  // Unpaid parts go first: once the tab is closed, the ledger refuses any change to its rows.
  ctx.db.prepare('DELETE FROM split_parts WHERE tab_id = ? AND payment_id IS NULL').run(tabId);
  ctx.db
    .prepare('UPDATE tabs SET status = ?, closed_at = ?, close_reason = ?, last_activity_at = ?, closed_business_date = ? WHERE id = ?')
    .run(status, ctx.now, reason, ctx.now, businessDateAt(ctx.db, ctx.now), tabId);
}

export function markSettled(ctx: ServiceContext, tabId: number): void {
  closeTab(ctx, tabId, 'settled', null);
  // Paid in full: the receipt's number is issued with the close, never later and never twice.
  issueReceipt(ctx, tabId);
  // Only a settled tab earns loyalty: a walkout or a voided tab never does.
  earnOnSettle(ctx, tabId);
}

export function voidTab(ctx: ServiceContext, input: ParsedInput<'tab.void'>): TabDetail {
  const tab = readOpenTab(ctx.db, input.tabId);
  const hasLines = readLines(ctx.db, tab.id).some((l) => l.state === 'active');
  // A voided payment no longer stands, so a tab whose only payment was voided and whose lines were removed can still go.
  const hasPayments = ctx.db.prepare(`SELECT 1 FROM payments p WHERE p.tab_id = ? AND ${standingPayment}`).get(tab.id);
  if (hasLines || hasPayments) {
    throw new DomainError('tab_not_empty', 'errors.voidNotEmpty');
  }
  closeTab(ctx, tab.id, 'voided', input.reason);
  audit(ctx, 'tab.void', tab.id, { token: tab.token, reason: input.reason });
  return readTab(ctx.db, tab.id);
}

export function writeOffTab(ctx: ServiceContext, input: ParsedInput<'tab.writeOff'>): TabDetail {
  const tab = readOpenTab(ctx.db, input.tabId);
  const due = receivableOf(ctx.db, tab.id);
  if (due <= 0) throw new DomainError('nothing_due', 'errors.writeOffNothingDue');
  postEntry(
    ctx.db,
    { kind: 'tab.writeOff', at: ctx.now, staffId: ctx.actor.id, tabId: tab.id, commandId: ctx.commandId, memo: input.reason },
    [
      [accounts.walkouts, due],
      [accounts.receivable, -due],
    ],
  );
  closeTab(ctx, tab.id, 'written_off', input.reason);
  audit(ctx, 'tab.writeOff', tab.id, { token: tab.token, dueMinor: due, reason: input.reason });
  return readTab(ctx.db, tab.id);
}
