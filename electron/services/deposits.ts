import { DomainError } from '../../shared/errors';
import type { ParsedInput } from '../../shared/contract';
import { tenderAccounts } from '../../shared/ledger-vocabulary';
import type { Deposit, DepositStatus } from '../../shared/salon-types';
import type { PaymentMethod, TabDetail } from '../../shared/types';
import { accounts, businessDateAt, postEntry, writeAudit } from '../ledger/journal';
import type { Db } from '../ledger/open';
import { forfeitOf } from './appointments-rules';
import type { ServiceContext } from './context';
import { customerFamily } from './customer-visits';
import { requireOpenDrawer } from './drawer';
import { readOpenTab, readTab, receivableOf } from './tab-read';
import { markSettled } from './tabs';
import { statement } from '../ledger/statements';

/**
 * Deposits, held as a liability (docs/domain.md): taken into deposits_held by a tender, then
 * applied to the customer's tab, refunded by the tender they came in, forfeited to
 * forfeited_deposits after a late cancel or a no-show, or kept on the customer as a new held
 * deposit. Every movement is one journal entry naming the deposit by its number; closing a row
 * is an UPDATE that must find it still held, so a deposit is never applied or refunded twice.
 */

type DepositRow = {
  id: number;
  customer_id: number;
  appointment_id: number | null;
  from_deposit_id: number | null;
  amount_minor: number;
  method: PaymentMethod;
  reference: string;
  status: DepositStatus;
  applied_minor: number;
  refunded_minor: number;
  forfeited_minor: number;
  kept_minor: number;
  tab_id: number | null;
  taken_at: string;
  taken_business_date: string;
  closed_at: string | null;
  reason: string | null;
};

function toDeposit(r: DepositRow): Deposit {
  return {
    id: r.id,
    customerId: r.customer_id,
    appointmentId: r.appointment_id,
    fromDepositId: r.from_deposit_id,
    amountMinor: r.amount_minor,
    method: r.method,
    status: r.status,
    appliedMinor: r.applied_minor,
    refundedMinor: r.refunded_minor,
    forfeitedMinor: r.forfeited_minor,
    keptMinor: r.kept_minor,
    tabId: r.tab_id,
    takenAt: r.taken_at,
    takenBusinessDate: r.taken_business_date,
    closedAt: r.closed_at,
    reason: r.reason,
  };
}

/** Deposits matching a condition on the deposits table (its parameters given), oldest first. */
export function readDeposits(db: Db, where: string, params: readonly (string | number)[]): Deposit[] {
  return statement<(string | number)[], DepositRow>(db, `SELECT * FROM deposits WHERE ${where} ORDER BY id`)
    .all(...params)
    .map(toDeposit);
}

function readRow(db: Db, depositId: number): DepositRow {
  const row = statement<[number], DepositRow>(db, 'SELECT * FROM deposits WHERE id = ?').get(depositId);
  if (!row) throw new DomainError('not_found', 'errors.depositMissing', { id: depositId }, 'depositId');
  return row;
}

function requireHeld(row: DepositRow): void {
  if (row.status !== 'held') throw new DomainError('deposit_closed', 'errors.depositClosed', { id: row.id }, 'depositId');
}

/** The open drawer a cash deposit goes into or comes out of (the same refusal a cash payment gets). */
function cashDrawer(db: Db, method: PaymentMethod): number | null {
  if (method !== 'cash') return null;
  requireOpenDrawer(db);
  return statement<[], { id: number }>(db, "SELECT id FROM drawer_sessions WHERE status = 'open'").get()?.id ?? null;
}

function audit(ctx: ServiceContext, command: string, detail: Record<string, number | string | null>, tabId: number | null = null): void {
  writeAudit(ctx.db, { at: ctx.now, staffId: ctx.actor.id, command, tabId, detail: JSON.stringify(detail) });
}

/** Takes a deposit: Dr the tender's account, Cr deposits_held. Cash needs an open drawer and counts in it. */
export function takeDeposit(
  ctx: ServiceContext,
  input: { customerId: number; appointmentId: number; amountMinor: number; method: PaymentMethod; reference: string },
): number {
  const { db } = ctx;
  const drawerId = cashDrawer(db, input.method);
  const entryId = postEntry(
    db,
    { kind: 'deposit.take', at: ctx.now, staffId: ctx.actor.id, tabId: null, commandId: ctx.commandId, memo: `appointment #${input.appointmentId}` },
    [
      [tenderAccounts[input.method], input.amountMinor],
      [accounts.depositsHeld, -input.amountMinor],
    ],
  );
  const depositId = Number(
    statement(
      db,
      `INSERT INTO deposits (customer_id, appointment_id, amount_minor, method, reference, status, take_entry_id, taken_at, taken_business_date, held_business_date, taken_by, drawer_session_id)
         VALUES (?, ?, ?, ?, ?, 'held', ?, ?, ?, ?, ?, ?)`,
    ).run(
      input.customerId,
      input.appointmentId,
      input.amountMinor,
      input.method,
      input.reference,
      entryId,
      ctx.now,
      businessDateAt(db, ctx.now),
      businessDateAt(db, ctx.now),
      ctx.actor.id,
      drawerId,
    ).lastInsertRowid,
  );
  audit(ctx, 'deposit.take', { depositId, appointmentId: input.appointmentId, amountMinor: input.amountMinor, method: input.method });
  return depositId;
}

/** Gives money back by the tender it came in: Dr deposits_held, Cr the tender (cash out of the open drawer). */
function postRefund(ctx: ServiceContext, row: DepositRow, amount: number, tabId: number | null): number | null {
  if (amount <= 0) return null;
  cashDrawer(ctx.db, row.method);
  return postEntry(ctx.db, { kind: 'deposit.refund', at: ctx.now, staffId: ctx.actor.id, tabId, commandId: ctx.commandId, memo: `deposit #${row.id}` }, [
    [accounts.depositsHeld, amount],
    [tenderAccounts[row.method], -amount],
  ]);
}

function postForfeit(ctx: ServiceContext, row: DepositRow, amount: number): number | null {
  if (amount <= 0) return null;
  return postEntry(ctx.db, { kind: 'deposit.forfeit', at: ctx.now, staffId: ctx.actor.id, tabId: null, commandId: ctx.commandId, memo: `deposit #${row.id}` }, [
    [accounts.depositsHeld, amount],
    [accounts.forfeited, -amount],
  ]);
}

type Parts = { applied?: number; refunded?: number; forfeited?: number; kept?: number; tabId?: number | null; reason?: string | null };

/** Closes a held deposit once: the UPDATE must find it still held, or another window got there first. */
function closeRow(ctx: ServiceContext, row: DepositRow, parts: Parts, entries: readonly (number | null)[]): void {
  const changed = statement(
    ctx.db,
    `UPDATE deposits SET status = 'closed', applied_minor = ?, refunded_minor = ?, forfeited_minor = ?, kept_minor = ?, tab_id = ?,
         close_entry_ids = ?, closed_at = ?, closed_business_date = ?, closed_by = ?, reason = ? WHERE id = ? AND status = 'held'`,
  ).run(
    parts.applied ?? 0,
    parts.refunded ?? 0,
    parts.forfeited ?? 0,
    parts.kept ?? 0,
    parts.tabId === undefined ? row.tab_id : parts.tabId,
    JSON.stringify(entries.filter((e): e is number => e !== null)),
    ctx.now,
    businessDateAt(ctx.db, ctx.now),
    ctx.actor.id,
    parts.reason ?? null,
    row.id,
  ).changes;
  if (changed !== 1) throw new DomainError('deposit_closed', 'errors.depositClosed', { id: row.id }, 'depositId');
}

/**
 * What a cancellation or a no-show does with an appointment's held deposits: refund them all
 * (in time, or a manager's "refund anyway" with its reason), or forfeit the policy's share and
 * refund the rest.
 */
export function closeHeldDeposits(
  ctx: ServiceContext,
  appointmentId: number,
  how: { refundAll: string | null } | { forfeitPercent: number },
): { forfeitedMinor: number; refundedMinor: number } {
  const rows = statement<[number], DepositRow>(ctx.db, "SELECT * FROM deposits WHERE appointment_id = ? AND status = 'held' ORDER BY id").all(appointmentId);
  let forfeitedMinor = 0;
  let refundedMinor = 0;
  for (const row of rows) {
    const forfeited = 'forfeitPercent' in how ? forfeitOf(how.forfeitPercent, row.amount_minor) : 0;
    const refunded = row.amount_minor - forfeited;
    const entries = [postForfeit(ctx, row, forfeited), postRefund(ctx, row, refunded, null)];
    closeRow(ctx, row, { forfeited, refunded, reason: 'refundAll' in how ? how.refundAll : null }, entries);
    audit(ctx, 'deposit.close', { depositId: row.id, appointmentId, forfeitedMinor: forfeited, refundedMinor: refunded });
    forfeitedMinor += forfeited;
    refundedMinor += refunded;
  }
  return { forfeitedMinor, refundedMinor };
}

/**
 * Applies a held deposit to an open tab, first: what the tab still owes, at most the deposit
 * (Dr deposits_held, Cr tabs_receivable). The rest is refunded by its tender, or kept held on
 * the customer as a new deposit (no entry: the money stays in deposits_held). A tab the deposit
 * pays off is settled there and then.
 */
export function applyDeposit(ctx: ServiceContext, input: ParsedInput<'deposit.apply'>): TabDetail {
  const { db } = ctx;
  const tab = readOpenTab(db, input.tabId);
  const row = readRow(db, input.depositId);
  requireHeld(row);
  const family = tab.customer_id === null ? [] : customerFamily(db, tab.customer_id);
  const kept = row.tab_id === null && row.appointment_id === null && family.includes(row.customer_id);
  if (row.tab_id !== tab.id && !kept) throw new DomainError('conflict', 'errors.depositNotThisTab', { id: row.id }, 'depositId');
  const due = Math.max(0, receivableOf(db, tab.id));
  const applied = Math.min(row.amount_minor, due);
  const excess = row.amount_minor - applied;
  const applyEntry =
    applied > 0
      ? postEntry(db, { kind: 'deposit.apply', at: ctx.now, staffId: ctx.actor.id, tabId: tab.id, commandId: ctx.commandId, memo: `deposit #${row.id}` }, [
          [accounts.depositsHeld, applied],
          [accounts.receivable, -applied],
        ])
      : null;
  let refunded = 0;
  let keptMinor = 0;
  let refundEntry: number | null = null;
  if (excess > 0 && input.excess === 'refund') {
    refunded = excess;
    refundEntry = postRefund(ctx, row, excess, tab.id);
  } else if (excess > 0) {
    keptMinor = excess;
  }
  closeRow(ctx, row, { applied, refunded, kept: keptMinor, tabId: tab.id }, [applyEntry, refundEntry]);
  let keptId: number | null = null;
  if (keptMinor > 0) {
    // The rest stays held for the customer, dated as the deposit it came from.
    keptId = Number(
      statement(
        db,
        `INSERT INTO deposits (customer_id, from_deposit_id, amount_minor, method, reference, status, taken_at, taken_business_date, held_business_date, taken_by)
           VALUES (?, ?, ?, ?, ?, 'held', ?, ?, ?, ?)`,
      ).run(row.customer_id, row.id, keptMinor, row.method, row.reference, row.taken_at, row.taken_business_date, businessDateAt(db, ctx.now), ctx.actor.id)
        .lastInsertRowid,
    );
  }
  // A split planned before the deposit came off no longer adds up: it is planned again.
  statement(db, 'DELETE FROM split_parts WHERE tab_id = ? AND payment_id IS NULL').run(tab.id);
  statement(db, 'UPDATE tabs SET last_activity_at = ? WHERE id = ?').run(ctx.now, tab.id);
  const settled =
    receivableOf(db, tab.id) === 0 &&
    statement(db, "SELECT 1 FROM deposits WHERE tab_id = ? AND status = 'held'").get(tab.id) === undefined &&
    statement(db, "SELECT 1 FROM tab_lines WHERE tab_id = ? AND state = 'active'").get(tab.id) !== undefined;
  audit(
    ctx,
    'deposit.apply',
    { depositId: row.id, appliedMinor: applied, refundedMinor: refunded, keptMinor, keptDepositId: keptId, settled: settled ? 1 : 0 },
    tab.id,
  );
  if (settled) markSettled(ctx, tab.id);
  return readTab(db, tab.id);
}

/** Gives a held deposit back by its tender, with the reason (deposits.refund: a manager's call). */
export function refundDeposit(ctx: ServiceContext, input: ParsedInput<'deposit.refund'>): Deposit {
  const row = readRow(ctx.db, input.depositId);
  requireHeld(row);
  const entry = postRefund(ctx, row, row.amount_minor, row.tab_id);
  closeRow(ctx, row, { refunded: row.amount_minor, reason: input.reason }, [entry]);
  audit(ctx, 'deposit.refund', { depositId: row.id, refundedMinor: row.amount_minor }, row.tab_id);
  return toDeposit(readRow(ctx.db, row.id));
}
