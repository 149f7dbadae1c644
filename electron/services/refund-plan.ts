import { DomainError } from '../../shared/errors';
import { backTheWayItWasPaid, largestFirst, portionKey, refundTax, shareOverLeft, type RateFigures } from '../../shared/domain/refund';
import { linePortions } from '../../shared/domain/split-units';
import { roundToIncrement } from '../../shared/money';
import type { RefundDraftInput } from '../../shared/refund-schemas';
import type { RefundLine, RefundQuote, RefundRate, RefundTender } from '../../shared/refund-types';
import type { PaymentMethod } from '../../shared/types';
import type { Db } from '../ledger/open';
import { drawerCash } from './drawer';
import {
  cashFigures,
  pricedLines,
  rateCosts,
  ratesRefunded,
  readSettledTab,
  tenderFigures,
  tipsHeld,
  unitsRefunded,
  type SettledTab,
  type TenderFigures,
} from './refund-read';
import { moneyText, readSettings } from './store';
import { toTaxLine } from './tab-read';
import { statement } from '../ledger/statements';

/*
 * What a refund gives back and how, worked out once for the quote the screen shows and the refund
 * the ledger posts: the bill part at each rate (never more than is left there), the tax in it, the
 * tips when asked, and each tender's part (never more than it paid), rounded in cash. Every refusal
 * is a DomainError naming the field it is about; nothing here writes.
 */

export type RefundPlan = { tab: SettledTab; quote: RefundQuote };

const sum = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0);

export function planRefund(db: Db, draft: RefundDraftInput): RefundPlan {
  const tab = readSettledTab(db, draft.tabId);
  const costs = rateCosts(db, tab.id);
  const before = ratesRefunded(db, tab.id);
  const left = costs.map((c) => ({ rateMilli: c.rateMilli, leftMinor: c.grossMinor - (before.get(c.rateMilli)?.grossMinor ?? 0) }));
  const totalLeft = sum(left.map((l) => l.leftMinor));

  let byRate: Map<number, number>;
  let lines: RefundLine[] = [];
  if (draft.mode === 'whole') byRate = new Map(left.map((l) => [l.rateMilli, l.leftMinor]));
  else if (draft.mode === 'amount') {
    if (totalLeft === 0) throw new DomainError('nothing_due', 'errors.refund.nothing', {}, 'amountMinor');
    if (draft.amountMinor > totalLeft) throw new DomainError('overpayment', 'errors.refund.amountOver', { amount: moneyText(db, totalLeft) }, 'amountMinor');
    byRate = shareOverLeft(draft.amountMinor, left);
  } else {
    ({ byRate, lines } = pickLines(db, tab, costs, draft.lines));
    const over = left.some((l) => (byRate.get(l.rateMilli) ?? 0) > l.leftMinor);
    if (over) throw new DomainError('overpayment', 'errors.refund.linesOverLeft', { amount: moneyText(db, totalLeft) }, 'lines');
  }

  const rates: RefundRate[] = costs.flatMap((cost) => {
    const amountMinor = byRate.get(cost.rateMilli) ?? 0;
    if (amountMinor === 0) return [];
    const taxMinor = refundTax(cost, before.get(cost.rateMilli) ?? { rateMilli: cost.rateMilli, grossMinor: 0, taxMinor: 0 }, amountMinor);
    return [{ rateMilli: cost.rateMilli, amountMinor, taxMinor, netMinor: amountMinor - taxMinor }];
  });
  const amountMinor = sum(rates.map((r) => r.amountMinor));
  const taxMinor = sum(rates.map((r) => r.taxMinor));
  const tips = draft.includeTips ? tipsHeld(db, tab.id) : [];
  const tipMinor = sum(tips.map((t) => t.tipMinor));
  if (amountMinor + tipMinor === 0)
    throw new DomainError(
      'nothing_due',
      draft.includeTips || totalLeft === 0 ? 'errors.refund.nothing' : 'errors.refund.nothingChosen',
      {},
      draft.mode === 'lines' ? 'lines' : undefined,
    );

  const tenders = tendersOf(db, tab.id, amountMinor, draft, tipMinor);
  const givenMinor = sum(tenders.map((t) => t.givenMinor));
  const cash = tenders.find((t) => t.method === 'cash');
  if (cash && cash.givenMinor > 0) requireCashFromDrawer(db, cash.givenMinor);
  const quote: RefundQuote = {
    tabId: tab.id,
    mode: draft.mode,
    amountMinor,
    taxMinor,
    netMinor: amountMinor - taxMinor,
    tipMinor,
    tips,
    rates,
    lines,
    tenders,
    givenMinor,
    leftAfterMinor: totalLeft - amountMinor,
  };
  return { tab, quote };
}

/** Units of lines: each worth what was paid for it, the units not refunded yet given back first-to-last. */
function pickLines(db: Db, tab: SettledTab, costs: readonly RateFigures[], picks: Extract<RefundDraftInput, { mode: 'lines' }>['lines']) {
  const { active, units } = pricedLines(db, tab, costs);
  const done = unitsRefunded(db, tab.id);
  const seen = new Set<string>();
  const byRate = new Map<number, number>();
  const lines: RefundLine[] = [];
  for (const pick of picks) {
    const line = active.find((l) => l.id === pick.lineId);
    if (!line) throw new DomainError('not_found', 'errors.refund.lineMissing', { id: pick.lineId }, 'lines');
    const portions = linePortions({ ...toTaxLine(line), id: line.id });
    if (pick.comped === undefined && portions.length > 1) throw new DomainError('invalid_input', 'errors.refund.lineUnclear', { item: line.name }, 'lines');
    const comped = pick.comped ?? portions[0]?.comped ?? false;
    const key = portionKey(line.id, comped);
    if (seen.has(key)) throw new DomainError('invalid_input', 'errors.refund.lineTwice', { item: line.name }, 'lines');
    seen.add(key);
    // A rate the tab owed nothing at (every unit comped away): its units go back at nothing.
    const portion = portions.find((p) => p.comped === comped);
    const values = units.get(key) ?? Array.from({ length: portion?.qty ?? 0 }, () => 0);
    const from = done.get(key) ?? 0;
    if (pick.qty > values.length - from) {
      throw new DomainError('invalid_input', 'errors.refund.unitsOver', { item: line.name, left: Math.max(0, values.length - from) }, 'lines');
    }
    const amountMinor = sum(values.slice(from, from + pick.qty));
    lines.push({ lineId: line.id, name: line.name, comped, qty: pick.qty, amountMinor });
    byRate.set(line.tax_rate_milli, (byRate.get(line.tax_rate_milli) ?? 0) + amountMinor);
  }
  return { byRate, lines };
}

/**
 * Each tender's part: the bill part as the screen chose it (or back the way it was paid, the
 * largest first), each at most what that tender has left; tips by the tenders they came by; in
 * cash, what changes hands rounded to the store's cash step.
 */
function tendersOf(db: Db, tabId: number, amountMinor: number, draft: RefundDraftInput, tipMinor: number): RefundTender[] {
  const figures = tenderFigures(db, tabId);
  const left = figures.map((t) => ({ method: t.method, leftMinor: t.paidMinor - t.refundedMinor }));
  let bill: { method: PaymentMethod; amountMinor: number }[];
  if (draft.tenders) {
    const seen = new Set<PaymentMethod>();
    for (const t of draft.tenders) {
      if (seen.has(t.method)) throw new DomainError('invalid_input', 'errors.refund.tenderTwice', { method: t.method }, 'tenders');
      seen.add(t.method);
      const room = left.find((l) => l.method === t.method)?.leftMinor ?? 0;
      if (t.amountMinor > room) throw new DomainError('overpayment', 'errors.refund.tenderOver', { method: t.method, amount: moneyText(db, room) }, 'tenders');
    }
    const chosen = sum(draft.tenders.map((t) => t.amountMinor));
    if (chosen !== amountMinor)
      throw new DomainError('invalid_input', 'errors.refund.tendersSum', { amount: moneyText(db, amountMinor), chosen: moneyText(db, chosen) }, 'tenders');
    bill = draft.tenders.filter((t) => t.amountMinor > 0);
  } else {
    const room = sum(left.map((l) => l.leftMinor));
    if (room < amountMinor) throw new DomainError('conflict', 'errors.refund.tendersShort', { amount: moneyText(db, room) }, 'tenders');
    bill = backTheWayItWasPaid(amountMinor, left);
  }
  const tipsBy = new Map(figures.map((t) => [t.method, tipMinor > 0 ? t.tipsMinor - t.tipsRefundedMinor : 0]));
  if (sum([...tipsBy.values()]) !== tipMinor) throw new Error(`tab ${tabId}'s tips by tender do not add up to its tips by person`);
  const order = largestFirst(left).map((t) => t.method);
  return order.flatMap((method): RefundTender[] => {
    const part = bill.find((b) => b.method === method)?.amountMinor ?? 0;
    const tip = tipsBy.get(method) ?? 0;
    const total = part + tip;
    if (total === 0) return [];
    const cash = figures.find((f) => f.method === 'cash');
    const givenMinor = method === 'cash' && cash ? cashGiven(db, tabId, total, cash) : total;
    return [{ method, amountMinor: part, tipMinor: tip, givenMinor, roundingMinor: total - givenMinor }];
  });
}

/**
 * Cash handed out, rounded on everything the tab's cash refunds gave back so far rather than on
 * each one alone (as the tax is), and never past the coins the tab's cash payments took: partial
 * refunds in steps never hand out more than came in, and the one that gives back the rest of the
 * cash hands out exactly the rest of what came in, even when that is nothing.
 */
function cashGiven(db: Db, tabId: number, total: number, cash: TenderFigures): number {
  const { cashRoundingMinor } = readSettings(db);
  const before = cashFigures(db, tabId);
  const back = before.backMinor + total;
  const completes = back === cash.paidMinor + cash.tipsMinor;
  const upTo = completes ? before.takenMinor : Math.min(roundToIncrement(back, cashRoundingMinor), before.takenMinor);
  const givenMinor = upTo - before.givenMinor;
  if (givenMinor < 0) throw new Error(`tab ${tabId}'s cash refunds handed out more than its cash took`);
  if (givenMinor === 0 && !completes)
    throw new DomainError('invalid_input', 'errors.refund.cashRoundsToNothing', { amount: moneyText(db, cashRoundingMinor) }, 'tenders');
  return givenMinor;
}

/** Cash goes back from the open drawer (not one being counted), and only as much as it holds. */
function requireCashFromDrawer(db: Db, givenMinor: number): void {
  const session = statement<[], { status: 'open' | 'counted'; after_entry_id: number }>(
    db,
    "SELECT status, after_entry_id FROM drawer_sessions WHERE status <> 'closed'",
  ).get();
  if (!session) throw new DomainError('drawer_closed', 'errors.refund.cashNeedsDrawer', {}, 'tenders');
  if (session.status === 'counted') throw new DomainError('drawer_counting', 'errors.refund.cashWhileCounting', {}, 'tenders');
  const { expected } = drawerCash(db, session.after_entry_id, null);
  if (expected < givenMinor)
    throw new DomainError('conflict', 'errors.refund.drawerShort', { amount: moneyText(db, expected), owed: moneyText(db, givenMinor) }, 'tenders');
}
