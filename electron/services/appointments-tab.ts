import { DomainError } from '../../shared/errors';
import { businessDateAt } from '../ledger/journal';
import type { Db } from '../ledger/open';
import type { ServiceContext } from './context';
import { moneyText } from './store';
import { statement } from '../ledger/statements';

/**
 * Where a checked-in appointment's tab meets the counter: a deposit attached to a tab is applied
 * before anything else is paid, and the appointment follows its tab when the tab closes.
 */

/** The deposits attached to this tab at check-in and still held. */
export function heldOnTab(db: Db, tabId: number): { id: number; amount_minor: number }[] {
  return statement<[number], { id: number; amount_minor: number }>(
    db,
    "SELECT id, amount_minor FROM deposits WHERE tab_id = ? AND status = 'held' ORDER BY id",
  ).all(tabId);
}

/** A payment, a split, a walkout or a void waits until the tab's held deposits are applied (or refunded). */
export function requireDepositsApplied(db: Db, tabId: number, field?: string): void {
  const held = heldOnTab(db, tabId);
  if (held.length === 0) return;
  const amount = held.reduce((s, d) => s + d.amount_minor, 0);
  throw new DomainError('deposit_first', 'errors.depositFirst', { amount: moneyText(db, amount) }, field);
}

/**
 * The appointment a tab came from follows it as it closes: settled or walked out, the service was
 * done, so the book shows it done (a walkout is the tab's story, counted on the Z); voided, the
 * customer came (check-in says so, so it is no no-show) but left before anything was served, so
 * it is cancelled. That cannot slip past the late-cancel rules unapproved: a void waits for the
 * held deposit (deposit_first); the booked lines come off only with tabs.adjustLarge; refunding
 * a deposit the empty tab does not use needs deposits.refund; and voiding a tab a deposit was
 * closed on needs payments.void (electron/auth/escalation.ts). A payment voided afterwards
 * reopens the tab but leaves the appointment done: the service still happened.
 */
export function closeAppointmentOfTab(ctx: ServiceContext, tabId: number, tabStatus: 'settled' | 'written_off' | 'voided'): void {
  requireDepositsApplied(ctx.db, tabId);
  const status = tabStatus === 'voided' ? 'cancelled' : 'done';
  statement(
    ctx.db,
    "UPDATE appointments SET status = ?, closed_at = ?, closed_business_date = ?, updated_at = ?, updated_by = ? WHERE tab_id = ? AND status = 'checked_in'",
  ).run(status, ctx.now, businessDateAt(ctx.db, ctx.now), ctx.now, ctx.actor.id, tabId);
}
