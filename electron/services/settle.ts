import { DomainError } from '../../shared/errors';
import { changeDue, splitEvenly } from '../../shared/domain/split';
import { checkUnitPicks, splitByUnits, type UnitPickProblem } from '../../shared/domain/split-units';
import { lineAmounts } from '../../shared/domain/tax';
import { tipFromPercent } from '../../shared/domain/tender';
import { tipShares, type TipShare } from '../../shared/domain/tip-shares';
import { roundToIncrement } from '../../shared/money';
import type { ParsedInput } from '../../shared/contract';
import type { PaymentResult, TabDetail } from '../../shared/types';
import { accounts, insertEntry, lastClosedDate, postEntry, writeAudit, type Posting } from '../ledger/journal';
import type { ServiceContext } from './context';
import { moneyText, readCounterSettings } from './store';
import {
  dueOf,
  itemCountOf,
  paidOn,
  readLines,
  readOpenTab,
  readOpenTabState,
  readTab,
  readTabRow,
  receivableOf,
  summaryOf,
  toPayment,
  toTaxLine,
  type LineRow,
} from './tab-read';
import { markSettled } from './tabs';
import { requireOpenDrawer } from './drawer';
import { requireConfirmed } from './large-amounts';
import { standingRedemption } from './loyalty-read';
import { requireDepositsApplied } from './appointments-tab';
import { statement } from '../ledger/statements';

type PartRow = { part_no: number; amount_minor: number; payment_id: number | null };

function parts(ctx: ServiceContext, tabId: number): PartRow[] {
  return statement<[number], PartRow>(ctx.db, 'SELECT part_no, amount_minor, payment_id FROM split_parts WHERE tab_id = ? ORDER BY part_no').all(tabId);
}

/** Plans how the rest due is shared between payers; each part is then paid on its own. */
export function planSplit(ctx: ServiceContext, input: ParsedInput<'settle.split'>): TabDetail {
  const tab = readOpenTab(ctx.db, input.tabId);
  // The deposit comes off first, so the parts share what is left after it.
  requireDepositsApplied(ctx.db, tab.id);
  const due = receivableOf(ctx.db, tab.id);
  if (due <= 0) throw new DomainError('nothing_due', 'errors.splitNothingDue');
  let amounts: number[];
  if (input.mode === 'even') {
    if (input.parts > due) throw new DomainError('invalid_input', 'errors.splitTooMany', { amount: moneyText(ctx.db, due), parts: input.parts }, 'parts');
    amounts = splitEvenly(due, input.parts);
  } else if (input.mode === 'amounts') {
    const sum = input.amountsMinor.reduce((s, a) => s + a, 0);
    if (sum > due) throw new DomainError('overpayment', 'errors.splitOver', { amount: moneyText(ctx.db, due) }, 'amountsMinor');
    amounts = sum < due ? [...input.amountsMinor, due - sum] : [...input.amountsMinor];
  } else {
    if (paidOn(ctx.db, tab.id) > 0) {
      throw new DomainError('conflict', 'errors.splitLinesAfterPayment', {}, 'groups');
    }
    // Shares by lines come from the lines' prices, which a loyalty reward does not change.
    if (standingRedemption(ctx.db, tab.id)) throw new DomainError('conflict', 'errors.loyalty.splitLines', {}, 'groups');
    const active = readLines(ctx.db, tab.id).filter((l) => l.state === 'active');
    const lines = active.map((l) => ({ ...toTaxLine(l), id: l.id }));
    const problem = checkUnitPicks(lines, input.groups);
    if (problem) throw unitPickError(problem, active);
    amounts = splitByUnits(lines, tab.tax_mode, input.groups);
    if (amounts.some((a) => a <= 0)) throw new DomainError('invalid_input', 'errors.splitPartEmpty', {}, 'groups');
  }
  const existing = parts(ctx, tab.id);
  statement(ctx.db, 'DELETE FROM split_parts WHERE tab_id = ? AND payment_id IS NULL').run(tab.id);
  const firstNo = existing.filter((p) => p.payment_id !== null).reduce((max, p) => Math.max(max, p.part_no), 0) + 1;
  if (firstNo + amounts.length - 1 > 50) throw new DomainError('invalid_input', 'errors.splitMaxParts');
  const insert = statement(ctx.db, 'INSERT INTO split_parts (tab_id, part_no, amount_minor) VALUES (?, ?, ?)');
  amounts.forEach((amount, i) => insert.run(tab.id, firstNo + i, amount));
  writeAudit(ctx.db, {
    at: ctx.now,
    staffId: ctx.actor.id,
    command: 'settle.split',
    tabId: tab.id,
    detail: JSON.stringify({ mode: input.mode, parts: amounts.length, amounts: amounts.join(' ') }),
  });
  return readTab(ctx.db, tab.id);
}

/** Words what is wrong with a split by units, naming the line's item. */
function unitPickError(problem: UnitPickProblem, lines: readonly LineRow[]): DomainError {
  const line = lines.find((l) => l.id === problem.lineId);
  const item = line?.name ?? '';
  // A line with a comp on it has two kinds of units, so the words say which kind.
  const kind = (comped: boolean) => (line?.comp_kind ? (comped ? 'Comped' : 'Full') : '');
  switch (problem.kind) {
    case 'unknownLine':
      return new DomainError('invalid_input', 'errors.splitLineUnknown', { id: problem.lineId }, 'groups');
    case 'unclear':
      return new DomainError('invalid_input', 'errors.splitUnitsUnclear', { item }, 'groups');
    case 'twice':
      return new DomainError('invalid_input', 'errors.splitLineTwice', { part: problem.part, item }, 'groups');
    case 'over':
      if (problem.qty === 0)
        return new DomainError('invalid_input', problem.comped ? 'errors.splitNoCompedUnits' : 'errors.splitNoFullUnits', { item }, 'groups');
      return new DomainError('invalid_input', `errors.split${kind(problem.comped)}UnitsOver`, { item, qty: problem.qty, taken: problem.taken }, 'groups');
    case 'missing':
      return new DomainError('invalid_input', `errors.split${kind(problem.comped)}UnitsMissing`, { item, left: problem.left }, 'groups');
  }
}

export function clearSplit(ctx: ServiceContext, input: ParsedInput<'settle.clearSplit'>): TabDetail {
  const tab = readOpenTab(ctx.db, input.tabId);
  statement(ctx.db, 'DELETE FROM split_parts WHERE tab_id = ? AND payment_id IS NULL').run(tab.id);
  writeAudit(ctx.db, { at: ctx.now, staffId: ctx.actor.id, command: 'settle.clearSplit', tabId: tab.id, detail: '{}' });
  return readTab(ctx.db, tab.id);
}

/**
 * Takes one payment: applies it to the tab, shares the tip among the staff who served, rounds cash to
 * the store's increment and works out the change. When nothing is left due the tab is settled
 * and its token goes back to the pool.
 */
export function pay(ctx: ServiceContext, input: ParsedInput<'settle.pay'>): PaymentResult {
  const { db } = ctx;
  const tab = readOpenTabState(db, input.tabId);
  // A deposit attached at check-in is applied before any payment, so it is never both applied and refunded.
  if (tab.held_deposits > 0) requireDepositsApplied(db, tab.id);
  // What the tab owes, from its state: the journal's receivable for it (dueOf says why), not read again.
  const due = dueOf(tab);
  let amount = input.amountMinor ?? due;
  if (input.partNo !== undefined) {
    const part = parts(ctx, tab.id).find((p) => p.part_no === input.partNo);
    if (!part) throw new DomainError('not_found', 'errors.partMissing', { part: input.partNo }, 'partNo');
    if (part.payment_id !== null) throw new DomainError('conflict', 'errors.partPaid', { part: input.partNo }, 'partNo');
    if (input.amountMinor !== undefined && input.amountMinor !== part.amount_minor) {
      throw new DomainError('invalid_input', 'errors.partAmount', { part: input.partNo, amount: moneyText(db, part.amount_minor) }, 'amountMinor');
    }
    amount = part.amount_minor;
  }
  if (amount > due) throw new DomainError('overpayment', 'errors.overpayment', { amount: moneyText(db, due) }, 'amountMinor');
  if (amount === 0 && due > 0) throw new DomainError('invalid_input', 'errors.paymentZero', {}, 'amountMinor');
  const active = tab.lines.filter((l) => l.state === 'active');
  if (due === 0 && active.length === 0) {
    throw new DomainError('nothing_due', 'errors.payEmptyTab');
  }

  if (input.tipMinor !== undefined && input.tipPercent !== undefined) {
    throw new DomainError('invalid_input', 'errors.tipBoth', {}, 'tipPercent');
  }
  const tip = input.tipPercent === undefined ? (input.tipMinor ?? 0) : tipFromPercent(amount, input.tipPercent);
  const shares = shareTip(ctx, active, tip, input);
  let owed = amount + tip;
  let rounding = 0;
  let tendered: number | null = null;
  let change = 0;
  const postings: Posting[] = [[accounts.receivable, -amount], ...shares.map((s): Posting => [accounts.tips(s.staffId), -s.tipMinor])];
  if (input.method === 'cash') {
    requireOpenDrawer(db);
    // What changes hands in cash is rounded as a whole, tip included; the difference is the
    // rounding account's. A part payment that would round to nothing is refused, so rounding
    // can never pay a tab off by itself.
    const { cashRoundingMinor } = readCounterSettings(db);
    owed = roundToIncrement(amount + tip, cashRoundingMinor);
    rounding = amount + tip - owed;
    if (owed === 0 && amount < due) {
      throw new DomainError('invalid_input', 'errors.cashRoundsToNothing', {}, 'amountMinor');
    }
    tendered = input.tenderedMinor ?? owed;
    if (tendered < owed) throw new DomainError('underpayment', 'errors.cashShort', { amount: moneyText(db, owed) }, 'tenderedMinor');
    change = changeDue(tendered, owed);
    postings.push([accounts.cash, owed], [accounts.rounding, rounding]);
  } else {
    postings.push([input.method === 'card' ? accounts.card : accounts.other, owed]);
  }
  requireConfirmed(db, { billMinor: amount, tipMinor: tip, cash: tendered === null ? null : { tenderedMinor: tendered, owedMinor: owed } }, input.confirmed);
  const entryId =
    postEntry(
      db,
      { kind: `payment.${input.method}`, at: ctx.now, staffId: ctx.actor.id, tabId: tab.id, commandId: ctx.commandId, memo: input.reference },
      postings,
    ) ?? anchorEntry(ctx, tab.id);
  const paymentId = Number(
    statement(
      db,
      `INSERT INTO payments (tab_id, entry_id, method, amount_minor, tip_minor, tendered_minor, change_minor, rounding_minor, reference, part_no, staff_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(tab.id, entryId, input.method, amount, tip, tendered, change, rounding, input.reference, input.partNo ?? null, ctx.actor.id, ctx.now).lastInsertRowid,
  );
  const settled = due - amount === 0;
  if (input.partNo !== undefined) {
    statement(db, 'UPDATE split_parts SET payment_id = ? WHERE tab_id = ? AND part_no = ?').run(paymentId, tab.id, input.partNo);
  } else if (!settled && tab.unpaid_parts > 0) {
    // Settling clears the unpaid parts with the close (closeTab).
    statement(db, 'DELETE FROM split_parts WHERE tab_id = ? AND payment_id IS NULL').run(tab.id);
  }
  // Settling stamps the tab's last activity with its close.
  if (!settled) statement(db, 'UPDATE tabs SET last_activity_at = ? WHERE id = ?').run(ctx.now, tab.id);
  const receiptNumber = settled ? markSettled(ctx, tab.id, tab) : null;
  writeAudit(db, {
    at: ctx.now,
    staffId: ctx.actor.id,
    command: 'settle.pay',
    tabId: tab.id,
    detail: JSON.stringify({
      method: input.method,
      amountMinor: amount,
      tipMinor: tip,
      changeMinor: change,
      partNo: input.partNo ?? null,
      settled: settled ? 1 : 0,
      // Who got what of the tip, as "staffId:amount" pairs: the activity list reads the audit, not the postings.
      ...(tip > 0 ? { tipShares: shares.map((s) => `${s.staffId}:${s.tipMinor}`).join(' ') } : {}),
    }),
  });
  // The answer is what was just written; the tab's card is read once, in one statement.
  const payment = toPayment({
    id: paymentId,
    method: input.method,
    amount_minor: amount,
    tip_minor: tip,
    tendered_minor: tendered,
    change_minor: change,
    rounding_minor: rounding,
    reference: input.reference,
    part_no: input.partNo ?? null,
    staff_id: ctx.actor.id,
    created_at: ctx.now,
  });
  const card = summaryOf(tab, {
    status: settled ? 'settled' : 'open',
    lastActivityAt: ctx.now,
    itemCount: itemCountOf(active),
    // What the tab comes to (a loyalty reward taken off): what was paid before this payment and what was still due.
    totalMinor: tab.paid + tab.deposited + due,
    paid: { paid: tab.paid + amount, deposited: tab.deposited },
  });
  return { tab: card, payment, owedMinor: owed, changeMinor: change, settled, receiptNumber };
}

/**
 * Who the tip is for: all of it to one named person, or shared among the staff who served the
 * tab's active lines, by what their lines charge after comps (the default) or evenly. A person
 * named must be active now; the servers may have been archived since, as they still earned it.
 */
function shareTip(ctx: ServiceContext, active: readonly LineRow[], tip: number, input: ParsedInput<'settle.pay'>): TipShare[] {
  // A person named without a way means that person.
  const split = input.tipSplit ?? (input.tipStaffId === undefined ? 'lines' : 'person');
  if (split === 'person' && input.tipStaffId === undefined) throw new DomainError('invalid_input', 'errors.tipPersonMissing', {}, 'tipStaffId');
  if (split !== 'person' && input.tipStaffId !== undefined) throw new DomainError('invalid_input', 'errors.tipPersonWithSplit', {}, 'tipSplit');
  if (input.tipStaffId !== undefined && !statement(ctx.db, 'SELECT 1 FROM staff WHERE id = ? AND active = 1').get(input.tipStaffId)) {
    throw new DomainError('not_found', 'errors.tipStaffMissing', { id: input.tipStaffId }, 'tipStaffId');
  }
  const lines = active.map((l) => ({ staffId: l.staff_id, chargedMinor: lineAmounts(toTaxLine(l)).charged }));
  return tipShares({ tipMinor: tip, split, lines, personId: input.tipStaffId ?? null, payerId: ctx.actor.id });
}

/** A zero payment on a fully comped tab moves no money but still needs an entry to point at. */
function anchorEntry(ctx: ServiceContext, tabId: number): number {
  return insertEntry(ctx.db, { kind: 'payment.zero', at: ctx.now, staffId: ctx.actor.id, tabId, commandId: ctx.commandId, memo: 'nothing due' });
}

/** Keeps the customer's one-tap satisfaction rating with the tab, open or settled. */
export function rateTab(ctx: ServiceContext, input: ParsedInput<'settle.rate'>): TabDetail {
  const tab = readTabRow(ctx.db, input.tabId);
  if (tab.status === 'voided') throw new DomainError('tab_not_open', 'errors.rateVoided');
  if (tab.status !== 'open') {
    // A closed day never changes, its satisfaction counts included; the ledger refuses it too.
    const closedOn = statement<[number], { d: string | null }>(ctx.db, 'SELECT closed_business_date AS d FROM tabs WHERE id = ?').get(tab.id)?.d ?? null;
    const lastClosed = lastClosedDate(ctx.db);
    if (closedOn !== null && lastClosed !== null && closedOn <= lastClosed) {
      const z = statement<[string], { z_number: number }>(ctx.db, 'SELECT z_number FROM z_reports WHERE business_date >= ? ORDER BY business_date LIMIT 1').get(
        closedOn,
      );
      throw new DomainError('day_closed', 'errors.rateDayClosed', { date: closedOn, z: z?.z_number ?? '' });
    }
  }
  statement(ctx.db, 'UPDATE tabs SET rating = ? WHERE id = ?').run(input.rating, tab.id);
  writeAudit(ctx.db, { at: ctx.now, staffId: ctx.actor.id, command: 'settle.rate', tabId: tab.id, detail: JSON.stringify({ rating: input.rating }) });
  return readTab(ctx.db, tab.id);
}
