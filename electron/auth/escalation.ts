import type { CommandName, ParsedInput } from '../../shared/contract';
import { contract } from '../../shared/contract';
import { mulMinor } from '../../shared/money';
import { lineAmounts } from '../../shared/domain/tax';
import { tipFromPercent } from '../../shared/domain/tender';
import type { Permission } from '../../shared/permissions';
import type { Staff } from '../../shared/types';
import type { Db } from '../ledger/open';
import { statement } from '../ledger/statements';
import { askedBusinessDay, hasZ, readSettings } from '../services/store';
import { readLines, receivableOf, toTaxLine, type LineRow as TabLineRow } from '../services/tab-read';

/**
 * A line may be taken off or lowered as plain counter work (tabs.adjust) only by the person who
 * rang it up, this soon after: that is a mistyped tap, not a line that was served.
 */
export const FRESH_LINE_MS = 2 * 60_000;

type LineRow = Pick<TabLineRow, 'qty' | 'unit_minor' | 'tax_rate_milli' | 'comp_kind' | 'comp_value' | 'comp_qty' | 'staff_id' | 'created_at'> & { tab_id: number };
type Thresholds = { approval_comp_percent: number; approval_comp_minor: number; tip_approval_percent: number; currency: string };

function line(db: Db, lineId: number): LineRow | undefined {
  return statement<[number], LineRow>(
    db,
    "SELECT qty, unit_minor, tax_rate_milli, comp_kind, comp_value, comp_qty, staff_id, created_at, tab_id FROM tab_lines WHERE id = ? AND state = 'active'",
  ).get(lineId);
}

function thresholds(db: Db): Thresholds | undefined {
  return statement<[], Thresholds>(db, 'SELECT approval_comp_percent, approval_comp_minor, tip_approval_percent, currency FROM store_settings WHERE id = 1').get();
}

/** Taken off or lowered by someone else, or later than FRESH_LINE_MS after it was rung up: a served line. */
function servedLine(row: LineRow, actor: Staff, now: string): boolean {
  return row.staff_id !== actor.id || Date.parse(now) - Date.parse(row.created_at) > FRESH_LINE_MS;
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
