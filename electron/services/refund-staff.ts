import { portionKey, unitCosts } from '../../shared/domain/refund';
import { refundsByServer, type RefundToShare, type ServedAtRate } from '../../shared/domain/refund-staff';
import { linePortions } from '../../shared/domain/split-units';
import type { TaxMode } from '../../shared/domain/tax';
import { isTipsAccount, tipsStaffId } from '../../shared/ledger-vocabulary';
import type { Db } from '../ledger/open';
import { TIPS_ACCOUNTS, tipsPattern } from '../ledger/vocabulary-sql';
import { rateCosts } from './refund-read';
import { toTaxLine } from './tab-read';
import { statement } from '../ledger/statements';

/** What the day's refunds took back from one person: sales (net of tax, as the refunds account holds them) and tips. */
export type StaffRefunds = { refundsMinor: number; tipsRefundedMinor: number };

type ServedLine = Parameters<typeof toTaxLine>[0] & { id: number; staff_id: number };

/**
 * The business day's refunds by person (shared/domain/refund-staff.ts says how they are shared):
 * each refund given on the day is shared out over the people who served its tab's lines, the
 * tab's earlier refunds (on any day) taken into account first; refunded tips count for whoever the
 * refund took them from (its postings on their tips accounts). Together the people's refunds are
 * the refunds account's movement on the day. A ledger from before refunds has none.
 */
export function refundsByStaff(db: Db, businessDate: string): Map<number, StaffRefunds> {
  const out = new Map<number, StaffRefunds>();
  if (statement(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'refunds'").get() === undefined) return out;
  const of = (staffId: number): StaffRefunds => {
    const figures = out.get(staffId) ?? { refundsMinor: 0, tipsRefundedMinor: 0 };
    out.set(staffId, figures);
    return figures;
  };

  const tabs = statement<[string], { tab_id: number }>(db, 'SELECT DISTINCT tab_id FROM refunds WHERE business_date = ? ORDER BY tab_id').all(businessDate);
  const modeOf = statement<[number], { tax_mode: TaxMode }>(db, 'SELECT tax_mode FROM tabs WHERE id = ?');
  const linesOf = statement<[number], ServedLine>(
    db,
    "SELECT id, staff_id, qty, unit_minor, tax_rate_milli, comp_kind, comp_value, comp_qty FROM tab_lines WHERE tab_id = ? AND state = 'active' ORDER BY id",
  );
  const refundsOf = statement<[number], { id: number; staff_id: number; business_date: string }>(
    db,
    'SELECT id, staff_id, business_date FROM refunds WHERE tab_id = ? ORDER BY id',
  );
  const ratesOf = statement<[number], { rateMilli: number; amountMinor: number; taxMinor: number }>(
    db,
    'SELECT tax_rate_milli AS rateMilli, amount_minor AS amountMinor, tax_minor AS taxMinor FROM refund_rates WHERE refund_id = ? ORDER BY tax_rate_milli',
  );
  const unitsOf = statement<[number], { rateMilli: number; staffId: number; amountMinor: number }>(
    db,
    `SELECT l.tax_rate_milli AS rateMilli, l.staff_id AS staffId, rl.amount_minor AS amountMinor
     FROM refund_lines rl CROSS JOIN tab_lines l ON l.id = rl.line_id WHERE rl.refund_id = ? ORDER BY rl.id`,
  );

  for (const { tab_id: tabId } of tabs) {
    const mode = modeOf.get(tabId)?.tax_mode ?? 'inclusive';
    const lines = linesOf.all(tabId);
    // What each person's lines cost at each rate: each unit at what was paid for it, as refunds price them.
    const units = unitCosts(
      lines.map((l) => ({ ...toTaxLine(l), id: l.id })),
      mode,
      rateCosts(db, tabId),
    );
    const served: ServedAtRate[] = lines.flatMap((line) =>
      linePortions({ ...toTaxLine(line), id: line.id }).map((portion) => ({
        rateMilli: line.tax_rate_milli,
        staffId: line.staff_id,
        grossMinor: (units.get(portionKey(line.id, portion.comped)) ?? []).reduce((s, v) => s + v, 0),
      })),
    );
    const refunds = refundsOf.all(tabId);
    const toShare: RefundToShare[] = refunds.map((r) => ({ staffId: r.staff_id, rates: ratesOf.all(r.id), lines: unitsOf.all(r.id) }));
    refundsByServer(served, toShare).forEach((shares, i) => {
      if (refunds[i]?.business_date !== businessDate) return;
      for (const [staffId, netMinor] of shares) of(staffId).refundsMinor += netMinor;
    });
  }

  const tips = statement<[string, string], { account: string; amount: number }>(
    db,
    `SELECT p.account AS account, SUM(p.amount_minor) AS amount FROM refunds f CROSS JOIN postings p ON p.entry_id = f.entry_id
       WHERE f.business_date = ? AND ${TIPS_ACCOUNTS} GROUP BY p.account`,
  ).all(businessDate, tipsPattern);
  for (const row of tips) {
    if (isTipsAccount(row.account) && row.amount !== 0) of(tipsStaffId(row.account)).tipsRefundedMinor += row.amount;
  }
  return out;
}
