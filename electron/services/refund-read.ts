import { DomainError } from '../../shared/errors';
import { portionKey, unitCosts, type RateFigures } from '../../shared/domain/refund';
import { isTipsAccount, tipsStaffId } from '../../shared/ledger-vocabulary';
import type { RefundMode, RefundReceipt, RefundSummary } from '../../shared/refund-types';
import type { PaymentMethod } from '../../shared/types';
import type { Db } from '../ledger/open';
import { TIPS_ACCOUNTS, tipsPattern } from '../ledger/vocabulary-sql';
import { newestReceipt } from './receipts';
import { readLines, readTabRow, standingPayment, tabFamilySql, toTaxLine } from './tab-read';
import { statement } from '../ledger/statements';

/*
 * What the ledger holds about a settled tab's money and its refunds, read from the tables the
 * refund triggers hold to invariant 12: what it cost at each rate, what each tender paid, the
 * tips each person got, and what refunds gave back of each.
 */

export const methods: readonly PaymentMethod[] = ['cash', 'card', 'other'];

/** A tab a refund may be given on: settled, as it stands. */
export function readSettledTab(db: Db, tabId: number) {
  const tab = readTabRow(db, tabId);
  if (tab.status !== 'settled') {
    throw new DomainError('tab_not_open', 'errors.refund.notSettled', { token: tab.token, status: tab.status.replace('_', ' ') }, 'tabId');
  }
  return { ...tab, receiptNumber: newestReceipt(db, tab.id) };
}

export type SettledTab = ReturnType<typeof readSettledTab>;

/**
 * The lines still on a settled tab and what each of their units was paid for (after comps and a
 * reward, keyed by portionKey): the one price every refund of units and every quote uses.
 */
export function pricedLines(db: Db, tab: SettledTab, costs: readonly RateFigures[]) {
  const active = readLines(db, tab.id).filter((l) => l.state === 'active');
  const units = unitCosts(
    active.map((l) => ({ ...toTaxLine(l), id: l.id })),
    tab.tax_mode,
    costs,
  );
  return { active, units };
}

/** What the tab cost at each rate once settled (after comps and a reward, tax included), and the tax in it. */
export function rateCosts(db: Db, tabId: number): RateFigures[] {
  return statement<[number], RateFigures>(
    db,
    'SELECT tax_rate_milli AS rateMilli, receivable_minor AS grossMinor, tax_minor AS taxMinor FROM tab_rate_totals WHERE tab_id = ? AND receivable_minor > 0 ORDER BY tax_rate_milli',
  ).all(tabId);
}

/** What the tab's refunds gave back at each rate so far. */
export function ratesRefunded(db: Db, tabId: number): Map<number, RateFigures> {
  const rows = statement<[number], RateFigures>(
    db,
    `SELECT rr.tax_rate_milli AS rateMilli, SUM(rr.amount_minor) AS grossMinor, SUM(rr.tax_minor) AS taxMinor
       FROM refunds r JOIN refund_rates rr ON rr.refund_id = r.id WHERE r.tab_id = ? GROUP BY rr.tax_rate_milli`,
  ).all(tabId);
  return new Map(rows.map((r) => [r.rateMilli, r]));
}

export type TenderFigures = { method: PaymentMethod; paidMinor: number; tipsMinor: number; refundedMinor: number; tipsRefundedMinor: number };

/**
 * Each tender's part: what its standing payments and the deposits applied paid, its tips, and what
 * refunds gave back by it. A tab merged into this one brought what was paid on it (its payments stay
 * its own rows, migration 018): those payments, and those of tabs merged into it, count here too.
 */
export function tenderFigures(db: Db, tabId: number): TenderFigures[] {
  const paid = statement<[number, number], { method: PaymentMethod; amount: number; tips: number }>(
    db,
    `SELECT method, SUM(amount) AS amount, SUM(tips) AS tips FROM (
         SELECT p.method, p.amount_minor AS amount, p.tip_minor AS tips FROM payments p WHERE p.tab_id IN (${tabFamilySql}) AND ${standingPayment}
         UNION ALL SELECT d.method, d.applied_minor, 0 FROM deposits d WHERE d.tab_id IN (${tabFamilySql}) AND d.applied_minor > 0
       ) GROUP BY method`,
  ).all(tabId, tabId);
  const refunded = statement<[number], { method: PaymentMethod; amount: number; tips: number }>(
    db,
    `SELECT rt.method, SUM(rt.amount_minor) AS amount, SUM(rt.tip_minor) AS tips FROM refunds r JOIN refund_tenders rt ON rt.refund_id = r.id
       WHERE r.tab_id = ? GROUP BY rt.method`,
  ).all(tabId);
  return methods.flatMap((method) => {
    const p = paid.find((r) => r.method === method);
    if (!p) return [];
    const r = refunded.find((row) => row.method === method);
    return [{ method, paidMinor: p.amount, tipsMinor: p.tips, refundedMinor: r?.amount ?? 0, tipsRefundedMinor: r?.tips ?? 0 }];
  });
}

/**
 * Cash as coins: what the tab's standing cash payments (and cash deposits applied) put in the drawer
 * after rounding, and what earlier cash refunds gave back (bill and tips) and handed out.
 */
export function cashFigures(db: Db, tabId: number): { takenMinor: number; backMinor: number; givenMinor: number } {
  const taken =
    statement<[number, number], { n: number }>(
      db,
      `SELECT coalesce((SELECT sum(p.amount_minor + p.tip_minor - p.rounding_minor) FROM payments p WHERE p.tab_id IN (${tabFamilySql}) AND p.method = 'cash' AND ${standingPayment}), 0)
              + coalesce((SELECT sum(d.applied_minor) FROM deposits d WHERE d.tab_id IN (${tabFamilySql}) AND d.method = 'cash'), 0) AS n`,
    ).get(tabId, tabId)?.n ?? 0;
  const back = statement<[number], { back: number; given: number }>(
    db,
    `SELECT coalesce(sum(rt.amount_minor + rt.tip_minor), 0) AS back, coalesce(sum(rt.amount_minor + rt.tip_minor - rt.rounding_minor), 0) AS given
       FROM refunds r JOIN refund_tenders rt ON rt.refund_id = r.id WHERE r.tab_id = ? AND rt.method = 'cash'`,
  ).get(tabId);
  return { takenMinor: taken, backMinor: back?.back ?? 0, givenMinor: back?.given ?? 0 };
}

/**
 * The tips each person still holds from this tab: what payments booked to them, less voids and
 * refunds; the payments taken on tabs merged into it included (their entries stay on those tabs).
 */
export function tipsHeld(db: Db, tabId: number): { staffId: number; staffName: string; tipMinor: number }[] {
  const rows = statement<[number, string], { account: string; amount: number }>(
    db,
    `SELECT p.account, SUM(p.amount_minor) AS amount FROM journal_entries je CROSS JOIN postings p ON p.entry_id = je.id
       WHERE je.tab_id IN (${tabFamilySql}) AND ${TIPS_ACCOUNTS} GROUP BY p.account`,
  ).all(tabId, tipsPattern);
  const name = statement<[number], { name: string }>(db, 'SELECT name FROM staff WHERE id = ?');
  return rows
    .flatMap((r) => (isTipsAccount(r.account) && r.amount < 0 ? [{ staffId: tipsStaffId(r.account), tipMinor: -r.amount }] : []))
    .map((t) => ({ ...t, staffName: name.get(t.staffId)?.name ?? `#${t.staffId}` }))
    .sort((a, b) => a.staffId - b.staffId);
}

/** How many units of each line's portion refunds by line gave back (keyed by portionKey). */
export function unitsRefunded(db: Db, tabId: number): Map<string, number> {
  const rows = statement<[number], { line_id: number; comped: number; qty: number }>(
    db,
    'SELECT rl.line_id, rl.comped, SUM(rl.qty) AS qty FROM refunds r JOIN refund_lines rl ON rl.refund_id = r.id WHERE r.tab_id = ? GROUP BY rl.line_id, rl.comped',
  ).all(tabId);
  return new Map(rows.map((r) => [portionKey(r.line_id, r.comped === 1), r.qty]));
}

export function refundsOf(db: Db, tabId: number): RefundSummary[] {
  return statement<[number], RefundSummary>(
    db,
    `SELECT r.id AS refundId, r.at, r.mode, r.reason, r.amount_minor AS amountMinor, r.tip_minor AS tipMinor, s.name AS staffName
       FROM refunds r JOIN staff s ON s.id = r.staff_id WHERE r.tab_id = ? ORDER BY r.id`,
  ).all(tabId);
}

type RefundRow = {
  id: number;
  tab_id: number;
  receipt_number: number | null;
  mode: RefundMode;
  reason: string;
  amount_minor: number;
  tax_minor: number;
  tip_minor: number;
  business_date: string;
  at: string;
  entry_id: number;
  staff_name: string;
  approver_name: string | null;
  token: number;
  tab_name: string;
  closed_at: string | null;
};

/** One refund as its receipt shows it; every figure is read back from what was posted and recorded. */
export function readRefundReceipt(db: Db, refundId: number): RefundReceipt {
  const r = statement<[number], RefundRow>(
    db,
    `SELECT r.*, s.name AS staff_name, a.name AS approver_name, t.token, t.name AS tab_name, t.closed_at
       FROM refunds r JOIN staff s ON s.id = r.staff_id LEFT JOIN staff a ON a.id = r.approved_by JOIN tabs t ON t.id = r.tab_id WHERE r.id = ?`,
  ).get(refundId);
  if (!r) throw new DomainError('not_found', 'errors.refund.missing', { id: refundId }, 'refundId');
  const rates = statement<[number], { rateMilli: number; amountMinor: number; taxMinor: number }>(
    db,
    'SELECT tax_rate_milli AS rateMilli, amount_minor AS amountMinor, tax_minor AS taxMinor FROM refund_rates WHERE refund_id = ? ORDER BY tax_rate_milli',
  )
    .all(refundId)
    .map((rate) => ({ ...rate, netMinor: rate.amountMinor - rate.taxMinor }));
  const lines = statement<[number], { lineId: number; name: string; comped: number; qty: number; amountMinor: number }>(
    db,
    `SELECT rl.line_id AS lineId, l.name, rl.comped, rl.qty, rl.amount_minor AS amountMinor FROM refund_lines rl JOIN tab_lines l ON l.id = rl.line_id
       WHERE rl.refund_id = ? ORDER BY rl.id`,
  )
    .all(refundId)
    .map((line) => ({ ...line, comped: line.comped === 1 }));
  const tenders = statement<[number], { method: PaymentMethod; amountMinor: number; tipMinor: number; roundingMinor: number }>(
    db,
    'SELECT method, amount_minor AS amountMinor, tip_minor AS tipMinor, rounding_minor AS roundingMinor FROM refund_tenders WHERE refund_id = ? ORDER BY id',
  )
    .all(refundId)
    .map((t) => ({ ...t, givenMinor: t.amountMinor + t.tipMinor - t.roundingMinor }));
  const name = statement<[number], { name: string }>(db, 'SELECT name FROM staff WHERE id = ?');
  const tips = statement<[number, string], { account: string; amount: number }>(
    db,
    `SELECT p.account, p.amount_minor AS amount FROM postings p WHERE p.entry_id = ? AND ${TIPS_ACCOUNTS} ORDER BY p.id`,
  )
    .all(r.entry_id, tipsPattern)
    .flatMap((p) => (isTipsAccount(p.account) ? [{ staffId: tipsStaffId(p.account), tipMinor: p.amount }] : []))
    .map((t) => ({ ...t, staffName: name.get(t.staffId)?.name ?? `#${t.staffId}` }));
  return {
    refundId: r.id,
    tabId: r.tab_id,
    token: r.token,
    tabName: r.tab_name,
    originalReceiptNumber: r.receipt_number,
    originalClosedAt: r.closed_at,
    at: r.at,
    businessDate: r.business_date,
    reason: r.reason,
    staffName: r.staff_name,
    approverName: r.approver_name,
    mode: r.mode,
    amountMinor: r.amount_minor,
    taxMinor: r.tax_minor,
    netMinor: r.amount_minor - r.tax_minor,
    tipMinor: r.tip_minor,
    tips,
    rates,
    lines,
    tenders,
    givenMinor: tenders.reduce((s, t) => s + t.givenMinor, 0),
  };
}
