import { DomainError } from '../../shared/errors';
import { minutesSince, VOID_WINDOW_MINUTES, withinVoidWindow } from '../../shared/domain/payment-void';
import type { ParsedInput } from '../../shared/contract';
import type { Account } from '../../shared/ledger-vocabulary';
import type { TabDetail } from '../../shared/types';
import { accounts, insertEntry, lastClosedDate, postEntry, writeAudit, type EntryHeader, type Posting } from '../ledger/journal';
import type { Db } from '../ledger/open';
import type { ServiceContext } from './context';
import { drawerCash } from './drawer';
import { moneyText } from './store';
import { readTab, readTabRow, standingPayment, type PaymentRow } from './tab-read';
import { reverseEarn } from './loyalty';
import { isTokenMissing } from './tokens';
import { statement } from '../ledger/statements';

type VoidTarget = PaymentRow & { tab_id: number; entry_id: number; business_date: string };

/**
 * Takes back a tab's last standing payment within minutes of taking it (until refunds exist, the
 * way to undo a payment taken by the wrong method or on the wrong tab). One journal entry
 * reverses the payment's entry posting by posting, tender, receivable, tip and rounding alike; the
 * void row points at the payment, which stays as it was taken. The tab owes the amount again and,
 * if that payment had settled it, reopens on its token.
 */
export function voidLastPayment(ctx: ServiceContext, input: ParsedInput<'settle.voidLastPayment'>): TabDetail {
  const { db } = ctx;
  const tab = readTabRow(db, input.tabId);
  if (tab.status !== 'open' && tab.status !== 'settled') {
    throw new DomainError('conflict', 'errors.voidPayment.tabState', { token: tab.token, status: tab.status.replace('_', ' ') });
  }
  const payment = readTarget(db, tab.id, input.paymentId);
  // What was paid under a refund stands (invariant 12): the refund gives money back, a void no longer may.
  if (statement(db, 'SELECT 1 FROM refunds WHERE tab_id = ?').get(tab.id))
    throw new DomainError('conflict', 'errors.voidPayment.refunded', { token: tab.token });
  if (!withinVoidWindow(payment.created_at, ctx.now)) {
    throw new DomainError('conflict', 'errors.voidPayment.tooLate', { limit: VOID_WINDOW_MINUTES, minutes: minutesSince(payment.created_at, ctx.now) });
  }
  const postings = reversal(db, payment.entry_id);
  requireOpenDay(db, payment.business_date);
  const cash = postings.find(([account]) => account === accounts.cash);
  // The reversal credits the drawer: the cash goes back out of it, so it must still be there.
  if (cash) requireDrawerHolding(db, payment.entry_id, -cash[1]);
  if (tab.status === 'settled') {
    const holder = statement<[number, number], { id: number }>(db, "SELECT id FROM tabs WHERE token = ? AND status = 'open' AND id <> ?").get(
      tab.token,
      tab.id,
    );
    if (holder) throw new DomainError('token_held', 'errors.voidPayment.tokenHeld', { token: tab.token });
    // A token marked missing is held by no open tab: found first, then the tab may reopen on it.
    if (isTokenMissing(db, tab.token)) throw new DomainError('token_missing', 'errors.voidPayment.tokenMissing', { token: tab.token });
  }

  const header: EntryHeader = { kind: 'payment.void', at: ctx.now, staffId: ctx.actor.id, tabId: tab.id, commandId: ctx.commandId, memo: input.reason };
  // A zero payment on a fully comped tab moved no money; its void still needs an entry to point from.
  const entryId = postEntry(db, header, postings) ?? insertEntry(db, header);
  statement(db, 'INSERT INTO payment_voids (payment_id, entry_id, reason, staff_id, at) VALUES (?, ?, ?, ?, ?)').run(
    payment.id,
    entryId,
    input.reason,
    ctx.actor.id,
    ctx.now,
  );
  // The tab reopens before its split parts change: the ledger refuses any change to a settled
  // tab's rows, and lets the tab itself reopen only once this void is recorded (above).
  const reopened = tab.status === 'settled';
  if (reopened) {
    statement(db, "UPDATE tabs SET status = 'open', closed_at = NULL, close_reason = NULL, closed_business_date = NULL, last_activity_at = ? WHERE id = ?").run(
      ctx.now,
      tab.id,
    );
    // What the settlement earned goes back with it; the tab earns again when it settles again.
    reverseEarn(ctx, tab.id);
  } else {
    statement(db, 'UPDATE tabs SET last_activity_at = ? WHERE id = ?').run(ctx.now, tab.id);
  }
  if (payment.part_no === null) {
    // A split planned after this payment shared out a smaller rest; it no longer adds up.
    statement(db, 'DELETE FROM split_parts WHERE tab_id = ? AND payment_id IS NULL').run(tab.id);
  } else {
    // The payer's part is owed again, so it can be paid on its own as before.
    statement(db, 'UPDATE split_parts SET payment_id = NULL WHERE tab_id = ? AND payment_id = ?').run(tab.id, payment.id);
  }
  writeAudit(db, {
    at: ctx.now,
    staffId: ctx.actor.id,
    command: 'settle.voidLastPayment',
    tabId: tab.id,
    detail: JSON.stringify({
      paymentId: payment.id,
      method: payment.method,
      amountMinor: payment.amount_minor,
      tipMinor: payment.tip_minor,
      partNo: payment.part_no,
      reason: input.reason,
      reopened: reopened ? 1 : 0,
    }),
  });
  return readTab(db, tab.id);
}

/** The payment named, on this tab, not voided yet, and the last one that stands. */
function readTarget(db: Db, tabId: number, paymentId: number): VoidTarget {
  const payment = statement<[number, number], VoidTarget>(
    db,
    'SELECT p.*, je.business_date FROM payments p JOIN journal_entries je ON je.id = p.entry_id WHERE p.id = ? AND p.tab_id = ?',
  ).get(paymentId, tabId);
  if (!payment) throw new DomainError('not_found', 'errors.voidPayment.missing', { id: paymentId }, 'paymentId');
  const voided = statement<[number], { reason: string }>(db, 'SELECT reason FROM payment_voids WHERE payment_id = ?').get(payment.id);
  if (voided) throw new DomainError('conflict', 'errors.voidPayment.already', { reason: voided.reason }, 'paymentId');
  const last = statement<[number], { id: number }>(db, `SELECT p.id FROM payments p WHERE p.tab_id = ? AND ${standingPayment} ORDER BY p.id DESC LIMIT 1`).get(
    tabId,
  );
  if (last?.id !== payment.id) throw new DomainError('conflict', 'errors.voidPayment.notLast', { id: payment.id }, 'paymentId');
  return payment;
}

/** The payment's own postings, each turned around. */
function reversal(db: Db, entryId: number): Posting[] {
  return statement<[number], { account: Account; amount_minor: number }>(db, 'SELECT account, amount_minor FROM postings WHERE entry_id = ? ORDER BY id')
    .all(entryId)
    .map((p): Posting => [p.account, -p.amount_minor]);
}

/** Invariant 8: a payment whose day has been closed with a Z stays in it as reported. */
function requireOpenDay(db: Db, businessDate: string): void {
  const lastClosed = lastClosedDate(db);
  if (lastClosed === null || businessDate > lastClosed) return;
  const z = statement<[string], { z_number: number }>(db, 'SELECT z_number FROM z_reports WHERE business_date >= ? ORDER BY business_date LIMIT 1').get(
    businessDate,
  );
  throw new DomainError('day_closed', 'errors.voidPayment.dayClosed', { date: businessDate, z: z?.z_number ?? '' });
}

/**
 * Cash can go back only from the drawer it went into, while that drawer is still open: once it is
 * counted, the count already holds this cash, and taking it out would make the count wrong.
 */
function requireDrawerHolding(db: Db, paymentEntryId: number, cashMinor: number): void {
  const session = statement<[], { status: 'open' | 'counted'; after_entry_id: number }>(
    db,
    "SELECT status, after_entry_id FROM drawer_sessions WHERE status <> 'closed'",
  ).get();
  if (!session || session.after_entry_id >= paymentEntryId) throw new DomainError('drawer_closed', 'errors.voidPayment.drawerClosed');
  if (session.status === 'counted') throw new DomainError('drawer_counting', 'errors.voidPayment.drawerCounting');
  const { expected } = drawerCash(db, session.after_entry_id, null);
  if (expected < cashMinor) {
    throw new DomainError('conflict', 'errors.voidPayment.drawerShort', { amount: moneyText(db, expected), owed: moneyText(db, cashMinor) });
  }
}
