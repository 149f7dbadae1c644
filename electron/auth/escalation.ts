import type { CommandName, ParsedInput } from '../../shared/contract';
import { contract } from '../../shared/contract';
import { mulMinor } from '../../shared/money';
import { lineAmounts } from '../../shared/domain/tax';
import { tipFromPercent } from '../../shared/domain/tender';
import type { Permission } from '../../shared/permissions';
import type { Staff } from '../../shared/types';
import type { Db } from '../ledger/open';
import { statement } from '../ledger/statements';
import { readKept } from '../ledger/table-watch';
import { askedBusinessDay, hasZ, readSettings } from '../services/store';
import { readLines, receivableOf, toTaxLine, type LineRow as TabLineRow } from '../services/tab-read';
import { cancelInTime } from '../services/appointments-rules';
import type { DepositPolicy } from '../../shared/salon-types';

/**
 * A line may be taken off or lowered as plain counter work (tabs.adjust) only by the person who
 * rang it up, this soon after: that is a mistyped tap, not a line that was served.
 */
export const FRESH_LINE_MS = 2 * 60_000;

type LineRow = Pick<TabLineRow, 'qty' | 'unit_minor' | 'tax_rate_milli' | 'comp_kind' | 'comp_value' | 'comp_qty' | 'staff_id' | 'created_at'> & {
  tab_id: number;
  appointment_id: number | null;
};
type Thresholds = { approval_comp_percent: number; approval_comp_minor: number; tip_approval_percent: number; currency: string };

function line(db: Db, lineId: number): LineRow | undefined {
  return statement<[number], LineRow>(
    db,
    "SELECT qty, unit_minor, tax_rate_milli, comp_kind, comp_value, comp_qty, staff_id, created_at, tab_id, appointment_id FROM tab_lines WHERE id = ? AND state = 'active'",
  ).get(lineId);
}

function thresholds(db: Db): Thresholds | undefined {
  // Asked before every command that could need approval: kept until the store's settings are written.
  return readKept(db, 'approval-thresholds', ['store_settings'], () =>
    statement<[], Thresholds>(db, 'SELECT approval_comp_percent, approval_comp_minor, tip_approval_percent, currency FROM store_settings WHERE id = 1').get(),
  );
}

/**
 * Taken off or lowered by someone else, or later than FRESH_LINE_MS after it was rung up: a served
 * line. A line check-in rang up from a booking is always one: nobody tapped it, it is the booked
 * work (and its deposit's), even though it names the stylist and the moment of check-in.
 */
function servedLine(row: LineRow, actor: Staff, now: string): boolean {
  return row.appointment_id !== null || row.staff_id !== actor.id || Date.parse(now) - Date.parse(row.created_at) > FRESH_LINE_MS;
}

/**
 * A comp beyond the store's threshold: above its share of what the comped units cost, or taking
 * the tab's comps together (this line's new one and every other line's) above the amount, so a
 * row of small comps cannot lower a tab further than one large one could.
 */
export function compBeyondThreshold(db: Db, input: ParsedInput<'tab.compLine'>, row: LineRow, store: Thresholds): boolean {
  const units = Math.min(input.qty ?? row.qty, row.qty);
  const list = mulMinor(row.unit_minor, units);
  const beyondShare = input.kind === 'percent' ? input.value > store.approval_comp_percent : input.value * 100 > store.approval_comp_percent * list;
  if (beyondShare) return true;
  const comped = { ...row, comp_kind: input.kind, comp_value: input.value, comp_qty: units };
  const others = readLines(db, row.tab_id).filter((l) => l.state === 'active' && l.id !== input.lineId);
  const total = [comped, ...others].reduce((sum, l) => sum + lineAmounts(toTaxLine(l)).comp, 0);
  return total > store.approval_comp_minor;
}

/** What the bill of this payment is: its amount, or what the split part or the tab still owes. */
function billOf(db: Db, input: ParsedInput<'settle.pay'>): number {
  if (input.amountMinor !== undefined) return input.amountMinor;
  if (input.partNo !== undefined) {
    const part = statement<[number, number], { a: number }>(db, 'SELECT amount_minor AS a FROM split_parts WHERE tab_id = ? AND part_no = ?').get(
      input.tabId,
      input.partNo,
    );
    if (part) return part.a;
  }
  return receivableOf(db, input.tabId);
}

/** A tip above the store's cap on the bill; any tip on a bill of nothing is above every cap. */
function tipBeyondCap(db: Db, input: ParsedInput<'settle.pay'>, store: Thresholds): boolean {
  // Most payments carry no tip: nothing to look up.
  if (!input.tipMinor && !input.tipPercent) return false;
  const bill = billOf(db, input);
  const tip = input.tipPercent !== undefined ? tipFromPercent(bill, input.tipPercent) : (input.tipMinor ?? 0);
  if (tip === 0) return false;
  return bill === 0 || tip * 100 > bill * store.tip_approval_percent;
}

/**
 * After the first Z, a time zone or day boundary other than the one that will count the next day
 * (the one waiting for the Z, else the one in force). Before it the store is still being set up.
 */
function changesBusinessDay(db: Db, input: ParsedInput<'store.update'>): boolean {
  if (!hasZ(db)) return false;
  const settings = readSettings(db);
  const asked = askedBusinessDay(settings, input);
  const waiting = settings.pendingDay ?? settings;
  return asked !== null && (asked.timeZone !== waiting.timeZone || asked.dayBoundaryMinutes !== waiting.dayBoundaryMinutes);
}

/**
 * What closing a booked appointment does to its held deposit: nothing to decide (none held, or a
 * cancellation in time, which refunds it), a forfeit (deposits.forfeit), or a refund the policy
 * would not give (deposits.refund). A staff member needs a manager's PIN for either.
 */
function depositDecision(db: Db, input: ParsedInput<'appointment.cancel'>, noShow: boolean, now: string): Permission | null {
  const row = statement<[number], { free_cancel_by: string; policy_json: string; status: string; held: number }>(
    db,
    `SELECT a.free_cancel_by, a.policy_json, a.status,
       (SELECT COALESCE(SUM(d.amount_minor), 0) FROM deposits d WHERE d.appointment_id = a.id AND d.status = 'held') AS held
     FROM appointments a WHERE a.id = ?`,
  ).get(input.appointmentId);
  if (!row || row.status !== 'booked' || row.held === 0) return null;
  const policy = JSON.parse(row.policy_json) as DepositPolicy;
  // The earliest deadline the booking ever had: a move never reopens a free window.
  const late = noShow || !cancelInTime(row.free_cancel_by, now);
  if (!late) return null;
  // The screen expected a free cancel that is now late: the service refuses it and changes
  // nothing, so no manager is asked for a PIN for a forfeit that will not happen.
  if (!noShow && input.expectInTime === true) return null;
  if (input.refundAnyway !== undefined) return 'deposits.refund';
  return policy.forfeitPercent > 0 ? 'deposits.forfeit' : null;
}

/**
 * Applying a deposit and refunding what the tab does not need. A booking's own deposit on its
 * checked-in tab giving back the excess over the bill is routine (tabs.write). A refund is a
 * manager's call (deposits.refund) when the deposit is a rest kept on the customer (not a
 * booking's), or when none of it would be applied because the tab owes nothing: that is a
 * deposit refund, not a change.
 */
function depositApplyRefunds(db: Db, input: ParsedInput<'deposit.apply'>): boolean {
  if (input.excess !== 'refund') return false;
  const row = statement<[number], { amount_minor: number; appointment_id: number | null; from_deposit_id: number | null; status: string }>(
    db,
    'SELECT amount_minor, appointment_id, from_deposit_id, status FROM deposits WHERE id = ?',
  ).get(input.depositId);
  if (!row || row.status !== 'held') return false;
  const due = Math.max(0, receivableOf(db, input.tabId));
  const applied = Math.min(row.amount_minor, due);
  if (row.amount_minor - applied <= 0) return false;
  return row.from_deposit_id !== null || row.appointment_id === null || applied === 0;
}

/**
 * Voiding a tab a deposit was closed on (applied, its excess refunded or kept): the money moved
 * on this tab, so undoing the tab is a void of money taken, with the approval a payment void needs.
 */
function voidsDepositTab(db: Db, tabId: number): boolean {
  return statement<[number], { one: number }>(db, "SELECT 1 AS one FROM deposits WHERE tab_id = ? AND status = 'closed' LIMIT 1").get(tabId) !== undefined;
}

function touchesOwner(db: Db, name: CommandName, input: { staffId?: number; role?: string }): boolean {
  if (input.role === 'owner') return true;
  if (name === 'staff.create' || input.staffId === undefined) return false;
  return statement<[number], { role: string }>(db, 'SELECT role FROM staff WHERE id = ?').get(input.staffId)?.role === 'owner';
}

/**
 * Every permission this command needs with this input: the contract's own, and the higher one
 * some cases add. The service still checks the facts (a line that is gone is refused there);
 * here an unknown line simply adds nothing.
 */
export function permissionsFor(db: Db, name: CommandName, input: unknown, actor: Staff, now: string): Permission[] {
  const needed: Permission[] = [contract[name].permission];
  const add = (permission: Permission): void => {
    if (!needed.includes(permission)) needed.push(permission);
  };
  switch (name) {
    case 'tab.compLine': {
      const parsed = input as ParsedInput<'tab.compLine'>;
      const row = line(db, parsed.lineId);
      const store = thresholds(db);
      if (row && store && compBeyondThreshold(db, parsed, row, store)) add('tabs.adjustLarge');
      break;
    }
    case 'tab.removeLine': {
      const row = line(db, (input as ParsedInput<'tab.removeLine'>).lineId);
      if (row && servedLine(row, actor, now)) add('tabs.adjustLarge');
      break;
    }
    case 'tab.setQty': {
      const parsed = input as ParsedInput<'tab.setQty'>;
      const row = line(db, parsed.lineId);
      if (row && parsed.qty < row.qty) {
        add('tabs.adjust');
        if (servedLine(row, actor, now)) add('tabs.adjustLarge');
      }
      break;
    }
    case 'appointment.cancel':
    case 'appointment.noShow': {
      const permission = depositDecision(db, input as ParsedInput<'appointment.cancel'>, name === 'appointment.noShow', now);
      if (permission) add(permission);
      break;
    }
    case 'deposit.apply':
      if (depositApplyRefunds(db, input as ParsedInput<'deposit.apply'>)) add('deposits.refund');
      break;
    case 'tab.void':
      if (voidsDepositTab(db, (input as ParsedInput<'tab.void'>).tabId)) add('payments.void');
      break;
    case 'drawer.move':
      if ((input as ParsedInput<'drawer.move'>).kind === 'paid_out') add('drawer.payOut');
      break;
    case 'settle.pay': {
      const store = thresholds(db);
      if (store && tipBeyondCap(db, input as ParsedInput<'settle.pay'>, store)) add('payments.largeTip');
      break;
    }
    case 'store.update': {
      const parsed = input as ParsedInput<'store.update'>;
      if (parsed.currency !== undefined && parsed.currency !== thresholds(db)?.currency) add('store.currency');
      if (changesBusinessDay(db, parsed)) add('store.businessDay');
      break;
    }
    case 'staff.create':
    case 'staff.update':
    case 'staff.resetPin':
    case 'staff.archive':
      if (touchesOwner(db, name, input as { staffId?: number; role?: string })) add('staff.owners');
      break;
    default:
      break;
  }
  return needed;
}
