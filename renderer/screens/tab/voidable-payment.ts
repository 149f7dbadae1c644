import { withinVoidWindow } from '../../../shared/domain/payment-void';
import type { Payment, TabDetail } from '../../../shared/types';

/**
 * The payment a manager may still void on this tab at `nowMs`: its last one that stands, while
 * the window is open, on a tab that is open or settled and not refunded. The ledger checks again (and the rest:
 * the day, the drawer, the token); this only decides whether to offer the action.
 */
export function voidablePayment(tab: Pick<TabDetail, 'status' | 'payments' | 'refunds'>, nowMs: number): Payment | null {
  if (tab.status !== 'open' && tab.status !== 'settled') return null;
  // What was paid under a refund stands: a refunded tab gives money back by another refund.
  if ((tab.refunds?.length ?? 0) > 0) return null;
  // A payment brought along by a merge stays the merged tab's: it is not this tab's to void.
  const last = tab.payments.filter((p) => p.mergedFrom === undefined).at(-1);
  return last && withinVoidWindow(last.createdAt, new Date(nowMs).toISOString()) ? last : null;
}
