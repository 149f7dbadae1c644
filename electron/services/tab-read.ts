import { DomainError } from '../../shared/errors';
import { computeTabTotals, lineAmounts, type CompSpec, type TaxLine, type TaxMode } from '../../shared/domain/tax';
import type {
  ItemKind,
  Rating,
  HistoryEntry,
  Payment,
  PaymentMethod,
  SplitPart,
  TabDetail,
  TabLine,
  TabStatus,
  TabSummary,
  VoidedPayment,
} from '../../shared/types';
import { accounts, type Account } from '../../shared/ledger-vocabulary';
import type { Db } from '../ledger/open';
import { statement } from '../ledger/statements';
import { tabLoyalty, withLoyalty } from './loyalty-read';
import { newestReceipt } from './receipts';
import { refundsOf } from './refund-read';

export type TabRow = {
  id: number;
  token: number;
  name: string;
  label: string;
  note: string;
  status: TabStatus;
  tax_mode: TaxMode;
  opened_at: string;
  last_activity_at: string;
  closed_at: string | null;
  close_reason: string | null;
  rating: Rating | null;
  customer_id: number | null;
  /** From the one join with customers: the attached profile's name as it stands now. */
  customer_name: string | null;
};

export type LineRow = {
  id: number;
  item_id: number | null;
  name: string;
  unit_minor: number;
  tax_rate_milli: number;
  qty: number;
  staff_id: number;
  staff_name: string;
  state: 'active' | 'removed';
  remove_reason: string | null;
  comp_kind: 'amount' | 'percent' | null;
  comp_value: number | null;
  comp_reason: string | null;
  /** How many of the line's units the comp covers (migration 004 gave earlier comps every unit). */
  comp_qty: number | null;
  created_at: string;
  /** A service's "what to expect" words as they were when the line was added (migration 013). */
  expect_text: string;
};

export function compOf(row: Pick<LineRow, 'qty' | 'comp_kind' | 'comp_value' | 'comp_qty'>): CompSpec | null {
  return row.comp_kind && row.comp_value !== null ? { kind: row.comp_kind, value: row.comp_value, qty: row.comp_qty ?? row.qty } : null;
}

export function toTaxLine(row: Pick<LineRow, 'qty' | 'unit_minor' | 'tax_rate_milli' | 'comp_kind' | 'comp_value' | 'comp_qty'>): TaxLine {
  return { qty: row.qty, unitMinor: row.unit_minor, rateMilli: row.tax_rate_milli, comp: compOf(row) };
}

export function readTabRow(db: Db, tabId: number): TabRow {
  const row = statement<[number], TabRow>(
    db,
    'SELECT t.*, c.name AS customer_name FROM tabs t LEFT JOIN customers c ON c.id = t.customer_id WHERE t.id = ?',
  ).get(tabId);
  if (!row) throw new DomainError('not_found', 'errors.tabMissing', { id: tabId }, 'tabId');
  return row;
}

export function readOpenTab(db: Db, tabId: number): TabRow {
  const row = readTabRow(db, tabId);
  if (row.status !== 'open') throw new DomainError('tab_not_open', 'errors.tabClosed', { token: row.token, status: row.status.replace('_', ' ') });
  return row;
}

/**
 * The columns of a LineRow, in the order readLines gives them: the tab's state carries its lines
 * as JSON objects of exactly these keys (staff_name from the join with staff).
 */
const lineColumns = [
  'id',
  'item_id',
  'name',
  'unit_minor',
  'tax_rate_milli',
  'qty',
  'staff_id',
  'staff_name',
  'state',
  'remove_reason',
  'comp_kind',
  'comp_value',
  'comp_reason',
  'comp_qty',
  'created_at',
  'expect_text',
] as const satisfies readonly (keyof LineRow)[];

// A key LineRow gains and the list above lacks is a type error here, so the state's lines never miss one.
const everyLineColumn: Record<Exclude<keyof LineRow, (typeof lineColumns)[number]>, never> = {};
void everyLineColumn;

export const lineRowKeys: readonly (keyof LineRow)[] = lineColumns;

const lineJson = `json_object(${lineColumns.map((c) => `'${c}', ${c === 'staff_name' ? 's.name' : `l.${c}`}`).join(', ')})`;

/**
 * An open tab's row with what a line command or a payment checks before it writes, in one
 * statement: what was paid on it, its unpaid split parts, its held deposits, whether it came
 * from an appointment, what is posted for it by rate and its lines (every one, as readLines gives
 * them). Only good until the command itself changes one of those.
 */
export type TabState = TabRow & PaidParts & { unpaid_parts: number; held_deposits: number; from_appointment: number; rate_totals: string; lines: LineRow[] };

export function isTabState(row: TabRow | TabState): row is TabState {
  return 'unpaid_parts' in row;
}

/** The state's columns of tab `t` (customers joined as `c`), as SQL: built when first asked, after the fragments it uses. */
const tabStateColumns = (): string => `t.*, c.name AS customer_name,
       (SELECT COALESCE(SUM(p.amount_minor), 0) FROM payments p WHERE p.tab_id = t.id AND ${standingPayment}) + ${mergedPaid('t')} AS paid,
       ${appliedDeposits} AS deposited,
       (SELECT count(*) FROM split_parts s WHERE s.tab_id = t.id AND s.payment_id IS NULL) AS unpaid_parts,
       (SELECT count(*) FROM deposits d WHERE d.tab_id = t.id AND d.status = 'held') AS held_deposits,
       EXISTS (SELECT 1 FROM appointments a WHERE a.tab_id = t.id) AS from_appointment,
       (SELECT json_group_array(json_object('tax_rate_milli', r.tax_rate_milli, 'sales_minor', r.sales_minor, 'comps_minor', r.comps_minor,
          'tax_minor', r.tax_minor, 'receivable_minor', r.receivable_minor)) FROM tab_rate_totals r WHERE r.tab_id = t.id) AS rate_totals,
       (SELECT json_group_array(${lineJson} ORDER BY l.id) FROM tab_lines l JOIN staff s ON s.id = l.staff_id WHERE l.tab_id = t.id) AS lines_json`;

type StateRow = Omit<TabState, 'lines'> & { lines_json: string };

/** The state as read, once the tab is found open; its lines parsed. */
function openState<R extends StateRow>(row: R | undefined, tabId: number): Omit<R, 'lines_json'> & { lines: LineRow[] } {
  if (!row) throw new DomainError('not_found', 'errors.tabMissing', { id: tabId }, 'tabId');
  if (row.status !== 'open') throw new DomainError('tab_not_open', 'errors.tabClosed', { token: row.token, status: row.status.replace('_', ' ') });
  const { lines_json: linesJson, ...rest } = row;
  return { ...rest, lines: JSON.parse(linesJson) as LineRow[] };
}

/** The statement readOpenTabState runs (bound once: the tab's id); its plan is checked in tabs.test.ts. */
export const tabStateSql = (): string => `SELECT ${tabStateColumns()} FROM tabs t LEFT JOIN customers c ON c.id = t.customer_id WHERE t.id = ?`;

export function readOpenTabState(db: Db, tabId: number): TabState {
  return openState(statement<[number], StateRow>(db, tabStateSql()).get(tabId), tabId);
}

/** A catalog item as a line is added from it. */
export type ItemRow = { id: number; name: string; kind: ItemKind; price_minor: number; tax_rate_milli: number; expect_text: string; archived: number };

/**
 * readOpenTabState with the catalog item a line is added from, in the same statement: null when
 * there is no such item (refused after the tab, as before the two were read together).
 */
export function readOpenTabStateWithItem(db: Db, tabId: number, itemId: number): TabState & { item: ItemRow | null } {
  const row = statement<[number, number], StateRow & { item_json: string | null }>(
    db,
    `SELECT ${tabStateColumns()},
       (SELECT json_object('id', i.id, 'name', i.name, 'kind', i.kind, 'price_minor', i.price_minor, 'tax_rate_milli', i.tax_rate_milli,
          'expect_text', i.expect_text, 'archived', i.archived) FROM items i WHERE i.id = ?) AS item_json
     FROM tabs t LEFT JOIN customers c ON c.id = t.customer_id WHERE t.id = ?`,
  ).get(itemId, tabId);
  const { item_json: itemJson, ...state } = openState(row, tabId);
  return { ...state, item: itemJson === null ? null : (JSON.parse(itemJson) as ItemRow) };
}

/**
 * What an open tab still owes, from its state: what is posted for it (tab_rate_totals, which every
 * change of its lines and every loyalty reward keeps in the same transaction as the postings) less
 * what was paid on it, on the tabs merged into it and by the deposits applied to it. It is the
 * journal's receivable balance for the tab (receivableOf), which ledger.check holds it to.
 */
export function dueOf(state: TabState): number {
  const posted = (JSON.parse(state.rate_totals) as { receivable_minor: number }[]).reduce((s, r) => s + r.receivable_minor, 0);
  return posted - state.paid - state.deposited;
}

export function readLines(db: Db, tabId: number): LineRow[] {
  return statement<[number], LineRow>(
    db,
    `SELECT l.*, s.name AS staff_name FROM tab_lines l JOIN staff s ON s.id = l.staff_id WHERE l.tab_id = ? ORDER BY l.id`,
  ).all(tabId);
}

/** A payment row `p` that stands: no manager has voided it. */
export const standingPayment = 'NOT EXISTS (SELECT 1 FROM payment_voids v WHERE v.payment_id = p.id)';

/**
 * What was paid on the tabs merged into tab `t` (an alias), each as it stood when it was merged
 * (that figure includes what had been merged into it before): from then on it counts for `t`.
 */
export const mergedPaid = (t: string): string => `(SELECT COALESCE(SUM(m.paid_minor), 0) FROM tab_merges m WHERE m.into_tab_id = ${t}.id)`;

/**
 * Paid so far: what the standing payments and the deposits applied to the tab paid, tips and change
 * excluded, and what was paid on the tabs merged into it.
 */
export function paidOn(db: Db, tabId: number): number {
  const parts = paidParts(db, tabId);
  return parts.paid + parts.deposited;
}

/**
 * What paidOn adds up, in the two parts the board shows apart: `paid` by the standing payments
 * and on the tabs merged into it, `deposited` by the deposits applied to it. One statement.
 */
export type PaidParts = { paid: number; deposited: number };

export function paidParts(db: Db, tabId: number): PaidParts {
  return (
    statement<[number, number, number], PaidParts>(
      db,
      `SELECT (SELECT COALESCE(SUM(p.amount_minor), 0) FROM payments p WHERE p.tab_id = ? AND ${standingPayment})
         + (SELECT COALESCE(SUM(m.paid_minor), 0) FROM tab_merges m WHERE m.into_tab_id = ?) AS paid,
         (SELECT COALESCE(SUM(d.applied_minor), 0) FROM deposits d WHERE d.tab_id = ?) AS deposited`,
    ).get(tabId, tabId, tabId) ?? { paid: 0, deposited: 0 }
  );
}

/**
 * The board's card for a tab, from what a command has just read and written (its row, its active
 * lines, its total and what was paid on it), so the command's answer needs no second read.
 */
export function summaryOf(
  row: TabRow,
  now: { status?: TabStatus; lastActivityAt: string; itemCount: number; totalMinor: number; paid: PaidParts },
): TabSummary {
  return {
    id: row.id,
    token: row.token,
    name: row.name,
    label: row.label,
    note: row.note,
    status: now.status ?? row.status,
    itemCount: now.itemCount,
    totalMinor: now.totalMinor,
    paidMinor: now.paid.paid,
    // A closed tab owes nothing: settled, voided, or written off (its rest went to walkouts).
    dueMinor: (now.status ?? row.status) === 'open' ? now.totalMinor - now.paid.paid - now.paid.deposited : 0,
    openedAt: row.opened_at,
    lastActivityAt: now.lastActivityAt,
    customerId: row.customer_id,
    customerName: row.customer_name,
  };
}

/** How many units a tab's active lines hold, as the board counts them. */
export function itemCountOf(active: readonly Pick<LineRow, 'qty'>[]): number {
  return active.reduce((s, l) => s + l.qty, 0);
}

/** The tab `tab` (an SQL expression) and every tab merged into it, and into those, as SQL yielding their ids. */
export const tabFamilyOf = (tab: string): string =>
  `WITH RECURSIVE family(id) AS (SELECT ${tab} UNION SELECT m.from_tab_id FROM tab_merges m JOIN family f ON m.into_tab_id = f.id) SELECT id FROM family`;

/** The tab and every tab merged into it, and into those, as SQL yielding their ids (bound once: the tab's id). */
export const tabFamilySql = tabFamilyOf('?');

/** The tab's receivable balance in the journal: the amount it still owes. */
export function receivableOf(db: Db, tabId: number): number {
  return (
    statement<[number, Account], { due: number }>(
      db,
      `SELECT COALESCE(SUM(p.amount_minor), 0) AS due FROM journal_entries e CROSS JOIN postings p ON p.entry_id = e.id
         WHERE e.tab_id = ? AND p.account = ?`,
    ).get(tabId, accounts.receivable)?.due ?? 0
  );
}

export type PaymentRow = {
  id: number;
  method: PaymentMethod;
  amount_minor: number;
  tip_minor: number;
  tendered_minor: number | null;
  change_minor: number;
  rounding_minor: number;
  reference: string;
  part_no: number | null;
  staff_id: number;
  created_at: string;
};

export function toPayment(row: PaymentRow): Payment {
  return {
    id: row.id,
    method: row.method,
    amountMinor: row.amount_minor,
    tipMinor: row.tip_minor,
    tenderedMinor: row.tendered_minor,
    changeMinor: row.change_minor,
    roundingMinor: row.rounding_minor,
    reference: row.reference,
    partNo: row.part_no,
    staffId: row.staff_id,
    createdAt: row.created_at,
  };
}

export function readTab(db: Db, tabId: number): TabDetail {
  const tab = readTabRow(db, tabId);
  const lineRows = readLines(db, tabId);
  const active = lineRows.filter((l) => l.state === 'active');
  const lineTotals = computeTabTotals(active.map(toTaxLine), tab.tax_mode);
  // A loyalty reward lowers what the tab owes and its tax, as the journal holds them.
  const totals = withLoyalty(db, tabId, lineTotals);
  const lines: TabLine[] = lineRows.map((row) => {
    const amounts = lineAmounts(toTaxLine(row));
    const comp = compOf(row);
    return {
      id: row.id,
      itemId: row.item_id,
      name: row.name,
      unitMinor: row.unit_minor,
      rateMilli: row.tax_rate_milli,
      qty: row.qty,
      staffId: row.staff_id,
      staffName: row.staff_name,
      state: row.state,
      removeReason: row.remove_reason,
      comp: comp ? { kind: comp.kind, value: comp.value, qty: comp.qty ?? row.qty, reason: row.comp_reason ?? '', amountMinor: amounts.comp } : null,
      listMinor: amounts.list,
      chargedMinor: row.state === 'active' ? amounts.charged : 0,
      expectText: row.expect_text,
      createdAt: row.created_at,
    };
  });
  // A tab merged into this one brought its payments: they are listed (marked with the token they
  // were taken on) and count as paid here, though each stays a payment of the tab it was taken on.
  const paymentRows = statement<
    [number],
    PaymentRow & { tab_id: number; from_token: number; void_at: string | null; void_reason: string | null; void_by: string | null }
  >(
    db,
    `SELECT p.*, pt.token AS from_token, v.at AS void_at, v.reason AS void_reason, s.name AS void_by FROM payments p JOIN tabs pt ON pt.id = p.tab_id
       LEFT JOIN payment_voids v ON v.payment_id = p.id LEFT JOIN staff s ON s.id = v.staff_id WHERE p.tab_id IN (${tabFamilySql}) ORDER BY p.id`,
  ).all(tabId);
  const payments = paymentRows
    .filter((p) => p.void_at === null)
    .map((p): Payment => (p.tab_id === tabId ? toPayment(p) : { ...toPayment(p), mergedFrom: { tabId: p.tab_id, token: p.from_token } }));
  const voidedPayments = paymentRows.flatMap((p): VoidedPayment[] =>
    p.void_at !== null && p.tab_id === tabId ? [{ ...toPayment(p), voidedAt: p.void_at, voidedBy: p.void_by ?? '', voidReason: p.void_reason ?? '' }] : [],
  );
  const split = statement<[number], { part_no: number; amount_minor: number; payment_id: number | null }>(
    db,
    'SELECT part_no, amount_minor, payment_id FROM split_parts WHERE tab_id = ? ORDER BY part_no',
  )
    .all(tabId)
    .map((p): SplitPart => ({ partNo: p.part_no, amountMinor: p.amount_minor, paymentId: p.payment_id }));
  const history = statement<[number], { at: string; staff_name: string; command: string; detail: string }>(
    db,
    'SELECT a.at, s.name AS staff_name, a.command, a.detail FROM audit a JOIN staff s ON s.id = a.staff_id WHERE a.tab_id = ? ORDER BY a.id',
  )
    .all(tabId)
    .map((h): HistoryEntry => ({ at: h.at, staffName: h.staff_name, action: h.command, detail: JSON.parse(h.detail) as HistoryEntry['detail'] }));
  const paidMinor = payments.reduce((s, p) => s + p.amountMinor, 0);
  const deposits = statement<
    [number],
    { id: number; amount_minor: number; applied_minor: number; method: PaymentMethod; status: 'held' | 'closed'; taken_at: string; taken_business_date: string }
  >(
    db,
    `SELECT id, amount_minor, applied_minor, method, status, taken_at, taken_business_date FROM deposits
       WHERE tab_id = ? AND (status = 'held' OR applied_minor > 0) ORDER BY id`,
  )
    .all(tabId)
    .map((d) => ({
      id: d.id,
      amountMinor: d.amount_minor,
      appliedMinor: d.applied_minor,
      method: d.method,
      status: d.status,
      takenAt: d.taken_at,
      takenBusinessDate: d.taken_business_date,
    }));
  return {
    id: tab.id,
    token: tab.token,
    name: tab.name,
    label: tab.label,
    note: tab.note,
    status: tab.status,
    itemCount: active.reduce((s, l) => s + l.qty, 0),
    totalMinor: totals.grossTotal,
    paidMinor,
    dueMinor: receivableOf(db, tabId),
    openedAt: tab.opened_at,
    lastActivityAt: tab.last_activity_at,
    lines,
    rates: totals.byRate.map((r) => ({ rateMilli: r.rateMilli, netMinor: r.receivable - r.tax, taxMinor: r.tax, grossMinor: r.receivable })),
    listMinor: totals.listTotal,
    compMinor: totals.compTotal,
    netMinor: totals.netTotal,
    taxMinor: totals.taxTotal,
    payments,
    voidedPayments,
    split,
    writeOffReason: tab.status === 'written_off' ? tab.close_reason : null,
    closedAt: tab.closed_at,
    rating: tab.rating,
    history,
    customerId: tab.customer_id,
    customerName: tab.customer_name,
    loyalty: tabLoyalty(
      db,
      tab,
      active.map((l) => ({ ...toTaxLine(l), id: l.id, itemId: l.item_id, name: l.name })),
      lineTotals,
      receivableOf(db, tabId),
    ),
    deposits,
    // A reopened tab's earlier receipt no longer stands for it: it shows a number again once it settles again.
    receiptNumber: tab.status === 'settled' ? newestReceipt(db, tabId) : null,
    refunds: tab.status === 'settled' ? refundsOf(db, tabId) : [],
    ...mergesOf(db, tabId),
  };
}

/** Where a merged tab went, and which tabs were merged into this one (with what had been paid on them). */
function mergesOf(db: Db, tabId: number): Pick<TabDetail, 'mergedInto' | 'mergedFrom'> {
  const into = statement<[number], { tab_id: number; token: number; at: string }>(
    db,
    'SELECT into_tab_id AS tab_id, into_token AS token, at FROM tab_merges WHERE from_tab_id = ?',
  ).get(tabId);
  const from = statement<[number], { tab_id: number; token: number; paid: number; at: string }>(
    db,
    'SELECT from_tab_id AS tab_id, from_token AS token, paid_minor AS paid, at FROM tab_merges WHERE into_tab_id = ? ORDER BY at, from_tab_id',
  ).all(tabId);
  return {
    mergedInto: into ? { tabId: into.tab_id, token: into.token, at: into.at } : null,
    mergedFrom: from.map((m) => ({ tabId: m.tab_id, token: m.token, paidMinor: m.paid, at: m.at })),
  };
}

/** What deposits paid towards a tab (deposit.apply); with the standing payments, what it has been paid. */
export const appliedDeposits = '(SELECT COALESCE(SUM(d.applied_minor), 0) FROM deposits d WHERE d.tab_id = t.id)';

export type SummaryRow = TabRow & { item_count: number; total: number; paid: number; deposited: number };

/** A tab's card on the board: its row with its total, paid and due worked out in the same statement. */
export const summarySelect = `SELECT t.*,
    (SELECT COALESCE(SUM(l.qty), 0) FROM tab_lines l WHERE l.tab_id = t.id AND l.state = 'active') AS item_count,
    (SELECT COALESCE(SUM(r.receivable_minor), 0) FROM tab_rate_totals r WHERE r.tab_id = t.id) AS total,
    (SELECT COALESCE(SUM(p.amount_minor), 0) FROM payments p WHERE p.tab_id = t.id AND ${standingPayment}) + ${mergedPaid('t')} AS paid,
    ${appliedDeposits} AS deposited,
    c.name AS customer_name
  FROM tabs t LEFT JOIN customers c ON c.id = t.customer_id`;

export function toSummary(row: SummaryRow): TabSummary {
  return summaryOf(row, {
    lastActivityAt: row.last_activity_at,
    itemCount: row.item_count,
    totalMinor: row.total,
    paid: { paid: row.paid, deposited: row.deposited },
  });
}

/** Every open tab with its total, paid and due, in one query (the board's hot path). */
export function listOpenTabs(db: Db): TabSummary[] {
  return statement<[], SummaryRow>(db, `${summarySelect} WHERE t.status = 'open' ORDER BY t.token`).all().map(toSummary);
}

/** One tab's card as the board shows it (open or not), in one statement: what a command that changed it answers. */
export function readTabSummary(db: Db, tabId: number): TabSummary {
  const row = statement<[number], SummaryRow>(db, `${summarySelect} WHERE t.id = ?`).get(tabId);
  if (!row) throw new DomainError('not_found', 'errors.tabMissing', { id: tabId }, 'tabId');
  return toSummary(row);
}
