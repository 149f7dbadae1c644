import type { CommandName, ParsedInput } from '../../shared/contract';
import { contract } from '../../shared/contract';
import { mulMinor } from '../../shared/money';
import type { Permission } from '../../shared/permissions';
import type { Staff } from '../../shared/types';
import type { Db } from '../ledger/open';
import { statement } from '../ledger/statements';

/**
 * A line may be taken off or lowered as plain counter work (tabs.adjust) only by the person who
 * rang it up, this soon after: that is a mistyped tap, not a line that was served.
 */
export const FRESH_LINE_MS = 2 * 60_000;

type LineRow = { qty: number; unit_minor: number; staff_id: number; created_at: string; tab_id: number };
type Thresholds = { approval_comp_percent: number; approval_comp_minor: number; tip_approval_percent: number; currency: string };

function line(db: Db, lineId: number): LineRow | undefined {
  return statement<[number], LineRow>(db, "SELECT qty, unit_minor, staff_id, created_at, tab_id FROM tab_lines WHERE id = ? AND state = 'active'").get(lineId);
}

function thresholds(db: Db): Thresholds | undefined {
  return statement<[], Thresholds>(db, 'SELECT approval_comp_percent, approval_comp_minor, tip_approval_percent, currency FROM store_settings WHERE id = 1').get();
}

/** Taken off or lowered by someone else, or later than FRESH_LINE_MS after it was rung up: a served line. */
function servedLine(row: LineRow, actor: Staff, now: string): boolean {
  return row.staff_id !== actor.id || Date.parse(now) - Date.parse(row.created_at) > FRESH_LINE_MS;
}

/** A comp beyond the store's threshold: above its share of what the comped units cost, or above its amount. */
export function compBeyondThreshold(input: ParsedInput<'tab.compLine'>, row: LineRow, store: Thresholds): boolean {
  const units = Math.min(input.qty ?? row.qty, row.qty);
  const list = mulMinor(row.unit_minor, units);
  const percent = input.kind === 'percent' ? input.value : list === 0 ? 0 : (input.value * 100) / list;
  const amount = input.kind === 'percent' ? Math.round((list * input.value) / 100) : input.value;
  return percent > store.approval_comp_percent || amount > store.approval_comp_minor;
}

/** What the bill of this payment is: its amount, or what the tab (or the part) still owes. */
function billOf(db: Db, input: ParsedInput<'settle.pay'>): number | null {
  if (input.amountMinor !== undefined) return input.amountMinor;
  if (input.partNo !== undefined) {
    return statement<[number, number], { a: number }>(db, 'SELECT amount_minor AS a FROM split_parts WHERE tab_id = ? AND part_no = ?').get(input.tabId, input.partNo)?.a ?? null;
  }
  const due = statement<[number], { due: number | null }>(
    db,
    "SELECT SUM(p.amount_minor) AS due FROM journal_entries je JOIN postings p ON p.entry_id = je.id WHERE je.tab_id = ? AND p.account = 'tabs_receivable'",
  ).get(input.tabId)?.due;
  return due ?? null;
}

function tipBeyondCap(db: Db, input: ParsedInput<'settle.pay'>, store: Thresholds): boolean {
  // Most payments carry no tip: nothing to look up.
  if (!input.tipMinor && !input.tipPercent) return false;
  const bill = billOf(db, input);
  if (bill === null) return false;
  const tip = input.tipPercent !== undefined ? Math.round((bill * input.tipPercent) / 100) : (input.tipMinor ?? 0);
  if (tip === 0) return false;
  return tip * 100 > bill * store.tip_approval_percent;
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
      if (row && store && compBeyondThreshold(parsed, row, store)) add('tabs.adjustLarge');
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
    case 'drawer.move':
      if ((input as ParsedInput<'drawer.move'>).kind === 'paid_out') add('drawer.payOut');
      break;
    case 'settle.pay': {
      const store = thresholds(db);
      if (store && tipBeyondCap(db, input as ParsedInput<'settle.pay'>, store)) add('payments.largeTip');
      break;
    }
    case 'store.update': {
      const currency = (input as ParsedInput<'store.update'>).currency;
      if (currency !== undefined && currency !== thresholds(db)?.currency) add('store.currency');
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
