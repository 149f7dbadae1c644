import { withinVoidWindow } from '../../../shared/domain/payment-void';
import type { Payment, TabDetail } from '../../../shared/types';

/**
 * The payment a manager may still void on this tab at `nowMs`: its last one that stands, while
 * the window is open, on a tab that is open or settled. The ledger checks again (and the rest:
 * the day, the drawer, the token); this only decides whether to offer the action.
 */
export function voidablePayment(tab: Pick<TabDetail, 'status' | 'payments'>, nowMs: number): Payment | null {
  if (tab.status !== 'open' && tab.status !== 'settled') return null;
  const last = tab.payments.at(-1);
  return last && withinVoidWindow(last.createdAt, new Date(nowMs).toISOString()) ? last : null;
}
