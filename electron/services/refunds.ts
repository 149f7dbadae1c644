import { largestFirst, portionKey } from '../../shared/domain/refund';
import { linePortions } from '../../shared/domain/split-units';
import { rateLabel } from '../../shared/domain/tax';
import type { ParsedInput } from '../../shared/contract';
import { DomainError } from '../../shared/errors';
import { tenderAccounts } from '../../shared/ledger-vocabulary';
import type { ReceiptMatch, Refundable, RefundQuote, RefundReceipt, RefundResult } from '../../shared/refund-types';
import type { TabStatus } from '../../shared/types';
import { accounts, businessDateAt, postEntry, writeAudit, type Posting } from '../ledger/journal';
import { nextRefundNumber } from '../ledger/refund-numbers';
import type { ServiceContext } from './context';
import { isDrawerOpen } from './drawer';
import { moneyText } from './store';
import { reverseEarn } from './loyalty';
import { planRefund } from './refund-plan';
import { pricedLines, rateCosts, ratesRefunded, readRefundReceipt, readSettledTab, refundsOf, tenderFigures, tipsHeld, unitsRefunded } from './refund-read';
import { readTab, toTaxLine } from './tab-read';
import { statement } from '../ledger/statements';

/*
 * Refunds of settled tabs (docs/domain.md, invariant 12): a refund posts one refund.issue entry on
 * the current business day, pointing at the tab (and its receipt number): Dr refunds (net of tax),
 * Dr tax_payable per rate (the tax reversed), Dr tips_payable for whoever got the tips (only when
 * asked), Cr each tender's account by what changes hands (cash out of the open drawer; card given
 * back on the terminal), with cash rounding to its account. Its rows (migration 017) say what it gave
 * back at each rate, of which units and by which tender; the triggers there refuse anything past
 * what was paid. The tab itself stays settled and unchanged: a closed tab never changes.
 */

/** tab.refundable: what may still go back, by unit, by tender and in tips. */
export function refundableOf(ctx: ServiceContext, input: ParsedInput<'tab.refundable'>): Refundable {
  const { db } = ctx;
  const tab = readSettledTab(db, input.tabId);
  const costs = rateCosts(db, tab.id);
  const before = ratesRefunded(db, tab.id);
  const paidMinor = costs.reduce((s, c) => s + c.grossMinor, 0);
  const refundedMinor = [...before.values()].reduce((s, r) => s + r.grossMinor, 0);
  const { active, units } = pricedLines(db, tab, costs);
  const done = unitsRefunded(db, tab.id);
  const lines = active.flatMap((line) =>
    linePortions({ ...toTaxLine(line), id: line.id }).map((portion) => {
      const key = portionKey(line.id, portion.comped);
      const refundedQty = done.get(key) ?? 0;
      const values = units.get(key) ?? Array.from({ length: portion.qty }, () => 0);
      return {
        lineId: line.id,
        name: line.name,
        rateMilli: line.tax_rate_milli,
        comped: portion.comped,
        qty: portion.qty,
        refundedQty,
        unitMinors: values.slice(refundedQty),
      };
    }),
  );
  const tenders = largestFirst(
    tenderFigures(db, tab.id).map((t) => ({
      method: t.method,
      paidMinor: t.paidMinor,
      refundedMinor: t.refundedMinor,
      leftMinor: t.paidMinor - t.refundedMinor,
      tipsLeftMinor: t.tipsMinor - t.tipsRefundedMinor,
    })),
  );
  return {
    tabId: tab.id,
    token: tab.token,
    name: tab.name,
    receiptNumber: tab.receiptNumber,
    closedAt: tab.closed_at,
    paidMinor,
    refundedMinor,
    leftMinor: paidMinor - refundedMinor,
    tipsLeftMinor: tipsHeld(db, tab.id).reduce((s, t) => s + t.tipMinor, 0),
    lines,
    tenders,
    refunds: refundsOf(db, tab.id),
    drawerOpen: isDrawerOpen(db),
  };
}

/** tab.refundQuote: exactly what tab.refund would post for this draft, or the refusal it would meet. */
export function quoteRefund(ctx: ServiceContext, input: ParsedInput<'tab.refundQuote'>): RefundQuote {
  return planRefund(ctx.db, input).quote;
}

/** tab.refund: gives the money back in one transaction, on the current business day. */
export function refundTab(ctx: ServiceContext, input: ParsedInput<'tab.refund'>): RefundResult {
  const { db } = ctx;
  const { tab, quote } = planRefund(db, input);
  if (input.expectGivenMinor !== undefined && input.expectGivenMinor !== quote.givenMinor) {
    throw new DomainError(
      'conflict',
      'errors.refund.changed',
      { shown: moneyText(db, input.expectGivenMinor), now: moneyText(db, quote.givenMinor) },
      'expectGivenMinor',
    );
  }
  const postings: Posting[] = [
    [accounts.refunds, quote.netMinor],
    ...quote.rates.map((r): Posting => [accounts.tax(rateLabel(r.rateMilli)), r.taxMinor]),
    ...quote.tips.map((t): Posting => [accounts.tips(t.staffId), t.tipMinor]),
    ...quote.tenders.flatMap((t): Posting[] => [
      [tenderAccounts[t.method], -t.givenMinor],
      [accounts.rounding, -t.roundingMinor],
    ]),
  ];
  const memo = tab.receiptNumber === null ? input.reason : `receipt ${tab.receiptNumber}: ${input.reason}`;
  const entryId = postEntry(db, { kind: 'refund.issue', at: ctx.now, staffId: ctx.actor.id, tabId: tab.id, commandId: ctx.commandId, memo }, postings);
  if (entryId === null) throw new Error('a refund always moves money');
  // The refund's number: above every one issued, and above the floor a restore raised (never reused).
  const refundId = nextRefundNumber(db);
  statement(
    db,
    `INSERT INTO refunds (id, tab_id, receipt_number, entry_id, mode, reason, amount_minor, tax_minor, tip_minor, business_date, staff_id, approved_by, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    refundId,
    tab.id,
    tab.receiptNumber,
    entryId,
    quote.mode,
    input.reason,
    quote.amountMinor,
    quote.taxMinor,
    quote.tipMinor,
    businessDateAt(db, ctx.now),
    ctx.actor.id,
    ctx.approverId,
    ctx.now,
  );
  const rate = statement(db, 'INSERT INTO refund_rates (refund_id, tax_rate_milli, amount_minor, tax_minor) VALUES (?, ?, ?, ?)');
  for (const r of quote.rates) rate.run(refundId, r.rateMilli, r.amountMinor, r.taxMinor);
  const line = statement(db, 'INSERT INTO refund_lines (refund_id, line_id, comped, qty, amount_minor) VALUES (?, ?, ?, ?, ?)');
  for (const l of quote.lines) line.run(refundId, l.lineId, l.comped ? 1 : 0, l.qty, l.amountMinor);
  const tender = statement(db, 'INSERT INTO refund_tenders (refund_id, method, amount_minor, tip_minor, rounding_minor) VALUES (?, ?, ?, ?, ?)');
  for (const t of quote.tenders) tender.run(refundId, t.method, t.amountMinor, t.tipMinor, t.roundingMinor);
  // Everything paid for has gone back: what the visit earned goes back with it.
  if (quote.leftAfterMinor === 0) reverseEarn(ctx, tab.id);
  writeAudit(db, {
    at: ctx.now,
    staffId: ctx.actor.id,
    command: 'tab.refund',
    tabId: tab.id,
    detail: JSON.stringify({
      refundId,
      receiptNumber: tab.receiptNumber,
      mode: quote.mode,
      amountMinor: quote.amountMinor,
      tipMinor: quote.tipMinor,
      givenMinor: quote.givenMinor,
      methods: quote.tenders.map((t) => t.method).join(' '),
      reason: input.reason,
    }),
  });
  return { refundId, receipt: readRefundReceipt(db, refundId), tab: readTab(db, tab.id) };
}

/** refund.receipt: one refund's receipt, to show or print again. */
export function refundReceipt(ctx: ServiceContext, input: ParsedInput<'refund.receipt'>): RefundReceipt {
  return readRefundReceipt(ctx.db, input.refundId);
}

type MatchRow = {
  id: number;
  token: number;
  name: string;
  status: TabStatus;
  receipt_number: number | null;
  closed_at: string | null;
  total: number;
  refunded: number;
};

const MATCH = `SELECT t.id, t.token, t.name, t.status, t.closed_at,
    (SELECT coalesce(sum(r.receivable_minor), 0) FROM tab_rate_totals r WHERE r.tab_id = t.id) AS total,
    (SELECT coalesce(sum(f.amount_minor + f.tip_minor), 0) FROM refunds f WHERE f.tab_id = t.id) AS refunded`;

const toMatch = (r: MatchRow): ReceiptMatch => ({
  tabId: r.id,
  token: r.token,
  name: r.name,
  status: r.status,
  receiptNumber: r.receipt_number,
  closedAt: r.closed_at,
  totalMinor: r.total,
  refundedMinor: r.refunded,
});

/**
 * receipt.find: the tab a receipt number was issued to (any number it was given, even one a later
 * settlement replaced), or the current business day's settled tabs, the last settled first.
 */
export function findReceipts(ctx: ServiceContext, input: ParsedInput<'receipt.find'>): ReceiptMatch[] {
  const { db } = ctx;
  if (input.receiptNumber !== undefined) {
    return statement<[number], MatchRow>(db, `${MATCH}, rc.receipt_number FROM receipts rc JOIN tabs t ON t.id = rc.tab_id WHERE rc.receipt_number = ?`)
      .all(input.receiptNumber)
      .map(toMatch);
  }
  return statement<[string], MatchRow>(
    db,
    `${MATCH}, (SELECT max(rc.receipt_number) FROM receipts rc WHERE rc.tab_id = t.id) AS receipt_number
       FROM tabs t WHERE t.status = 'settled' AND t.closed_business_date = ? ORDER BY t.closed_at DESC, t.id DESC LIMIT 40`,
  )
    .all(businessDateAt(db, ctx.now))
    .map(toMatch);
}
