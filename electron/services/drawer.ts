import { DomainError } from '../../shared/errors';
import { CountError, countTotal, denominationsFor } from '../../shared/domain/denominations';
import type { ParsedInput } from '../../shared/contract';
import type { DenominationCount, DrawerMovement, DrawerSession, DrawerState } from '../../shared/closing-types';
import { isPaymentKind, type Account, type EntryKind } from '../../shared/ledger-vocabulary';
import { accounts, businessDateAt, postEntry, writeAudit } from '../ledger/journal';
import type { Db } from '../ledger/open';
import type { ServiceContext } from './context';
import { moneyText, readSettings } from './store';
import { statement } from '../ledger/statements';

type SessionRow = {
  id: number;
  status: 'open' | 'counted' | 'closed';
  opened_at: string;
  opened_by_name: string;
  float_minor: number;
  float_counts_json: string | null;
  after_entry_id: number;
  counted_minor: number | null;
  first_count_minor: number | null;
  counted_counts_json: string | null;
  counted_at: string | null;
  counted_by_name: string | null;
  expected_minor: number | null;
  variance_reason: string | null;
  closed_at: string | null;
  signed_off_by_name: string | null;
  last_entry_id: number | null;
  close_entry_id: number | null;
  business_date: string | null;
};

const sessionSelect = `
  SELECT d.*, o.name AS opened_by_name, c.name AS counted_by_name, s.name AS signed_off_by_name
  FROM drawer_sessions d
  JOIN staff o ON o.id = d.opened_by
  LEFT JOIN staff c ON c.id = d.counted_by
  LEFT JOIN staff s ON s.id = d.signed_off_by`;

function currentRow(db: Db): SessionRow | undefined {
  return statement<[], SessionRow>(db, `${sessionSelect} WHERE d.status <> 'closed'`).get();
}

/** Cash a payment may go into: only a drawer that is open (not one being counted). */
export function requireOpenDrawer(db: Db): void {
  const row = currentRow(db);
  if (!row) throw new DomainError('drawer_closed', 'errors.drawer.cashNeedsDrawer', {}, 'method');
  if (row.status === 'counted') throw new DomainError('drawer_closed', 'errors.drawer.cashWhileCounting', {}, 'method');
}

export function isDrawerOpen(db: Db): boolean {
  return currentRow(db) !== undefined;
}

/**
 * Invariant 7: what the drawer should hold is its float plus every cash posting since it
 * opened: the sum of cash_drawer postings after the journal entry it opened behind (the float's
 * own entry included), up to its close.
 */
export function drawerCash(
  db: Db,
  afterEntryId: number,
  lastEntryIdInside: number | null,
): { expected: number; cashIn: number; depositsIn: number; depositsOut: number; refundsOut: number } {
  // Walks the entries since the drawer opened (a primary-key range), not every cash posting ever.
  const rows = statement<[number, number, Account], { kind: EntryKind; amount: number }>(
    db,
    `SELECT je.kind AS kind, SUM(p.amount_minor) AS amount FROM journal_entries je CROSS JOIN postings p ON p.entry_id = je.id
       WHERE je.id > ? AND je.id <= ? AND p.account = ? GROUP BY je.kind`,
  ).all(afterEntryId, lastEntryIdInside ?? Number.MAX_SAFE_INTEGER, accounts.cash);
  const expected = rows.reduce((s, r) => s + r.amount, 0);
  const cashIn = rows.filter((r) => isPaymentKind(r.kind)).reduce((s, r) => s + r.amount, 0);
  // Cash deposits come in at booking and go back out when refunded (a cancel, a rest, a manager's call).
  const kind = (k: EntryKind) => rows.filter((r) => r.kind === k).reduce((s, r) => s + r.amount, 0);
  // Cash refunds of settled tabs go out of the drawer that is open when they are given.
  return { expected, cashIn, depositsIn: kind('deposit.take'), depositsOut: -kind('deposit.refund'), refundsOut: -kind('refund.issue') };
}

function movements(db: Db, sessionId: number): DrawerMovement[] {
  return statement<[number], { id: number; kind: 'paid_in' | 'paid_out'; amount_minor: number; reason: string; at: string; staff_name: string }>(
    db,
    `SELECT m.id, m.kind, m.amount_minor, m.reason, m.at, s.name AS staff_name FROM drawer_movements m JOIN staff s ON s.id = m.staff_id
       WHERE m.session_id = ? ORDER BY m.id`,
  )
    .all(sessionId)
    .map((m) => ({ id: m.id, kind: m.kind, amountMinor: m.amount_minor, reason: m.reason, at: m.at, staffName: m.staff_name }));
}

function parseCounts(json: string | null): DenominationCount[] | null {
  return json === null ? null : (JSON.parse(json) as DenominationCount[]);
}

export function toSession(db: Db, row: SessionRow): DrawerSession {
  const moves = movements(db, row.id);
  const sum = (kind: DrawerMovement['kind']) => moves.filter((m) => m.kind === kind).reduce((s, m) => s + m.amountMinor, 0);
  const counted = row.status !== 'open';
  const cash = counted ? drawerCash(db, row.after_entry_id, row.last_entry_id) : null;
  // Once closed, the close entry empties the drawer; the expected amount is the one recorded at the count.
  const expected = counted ? row.expected_minor : null;
  return {
    id: row.id,
    status: row.status,
    openedAt: row.opened_at,
    openedBy: row.opened_by_name,
    floatMinor: row.float_minor,
    floatCounts: parseCounts(row.float_counts_json),
    movements: moves,
    paidInMinor: sum('paid_in'),
    paidOutMinor: sum('paid_out'),
    cashInMinor: cash ? cash.cashIn : null,
    depositsInMinor: cash ? cash.depositsIn : null,
    depositsOutMinor: cash ? (cash.depositsOut === 0 ? 0 : cash.depositsOut) : null,
    refundsOutMinor: cash ? (cash.refundsOut === 0 ? 0 : cash.refundsOut) : null,
    expectedMinor: expected,
    countedMinor: counted ? row.counted_minor : null,
    countedCounts: counted ? parseCounts(row.counted_counts_json) : null,
    varianceMinor: counted && row.counted_minor !== null && expected !== null ? row.counted_minor - expected : null,
    firstCountMinor: counted ? row.first_count_minor : null,
    countedAt: row.counted_at,
    countedBy: row.counted_by_name,
    varianceReason: row.variance_reason,
    closedAt: row.closed_at,
    signedOffBy: row.signed_off_by_name,
    businessDate: row.business_date,
  };
}

export function readDrawer(db: Db): DrawerState {
  const current = currentRow(db);
  const last = statement<[], SessionRow>(db, `${sessionSelect} WHERE d.status = 'closed' ORDER BY d.id DESC LIMIT 1`).get();
  return {
    session: current ? toSession(db, current) : null,
    lastClosed: last ? toSession(db, last) : null,
    denominations: [...denominationsFor(readSettings(db).currency)],
  };
}

function counted(db: Db, count: ParsedInput<'drawer.open'>['float']): { total: number; counts: DenominationCount[] | null } {
  if (count.kind === 'total') return { total: count.totalMinor, counts: null };
  const { currency } = readSettings(db);
  try {
    const counts = count.counts.filter((c) => c.qty > 0);
    return { total: countTotal(currency, counts), counts };
  } catch (error) {
    if (error instanceof CountError) {
      throw new DomainError('invalid_input', error.key, { amount: moneyText(db, error.denominationMinor) }, 'counts');
    }
    throw error;
  }
}

function audit(ctx: ServiceContext, command: string, detail: Record<string, string | number | null>): void {
  writeAudit(ctx.db, { at: ctx.now, staffId: ctx.actor.id, command, tabId: null, detail: JSON.stringify(detail) });
}

function lastEntryId(db: Db): number {
  return statement<[], { id: number | null }>(db, 'SELECT max(id) AS id FROM journal_entries').get()?.id ?? 0;
}

export function openDrawer(ctx: ServiceContext, input: ParsedInput<'drawer.open'>): DrawerState {
  const { db } = ctx;
  const current = currentRow(db);
  if (current) throw new DomainError('drawer_open', 'errors.drawer.alreadyOpen', { name: current.opened_by_name });
  const float = counted(db, input.float);
  const afterEntryId = lastEntryId(db);
  statement(
    db,
    `INSERT INTO drawer_sessions (status, opened_at, opened_by, float_minor, float_counts_json, after_entry_id) VALUES ('open', ?, ?, ?, ?, ?)`,
  ).run(ctx.now, ctx.actor.id, float.total, float.counts === null ? null : JSON.stringify(float.counts), afterEntryId);
  // The float comes out of the office cash (the safe) into the drawer.
  postEntry(db, { kind: 'drawer.open', at: ctx.now, staffId: ctx.actor.id, tabId: null, commandId: ctx.commandId, memo: 'float' }, [
    [accounts.cash, float.total],
    [accounts.office, -float.total],
  ]);
  audit(ctx, 'drawer.open', { floatMinor: float.total });
  return readDrawer(db);
}

function requireSession(db: Db, status: 'open' | 'counted' | 'any'): SessionRow {
  const row = currentRow(db);
  if (!row) throw new DomainError('drawer_closed', 'errors.drawer.notOpen');
  if (status === 'open' && row.status !== 'open') throw new DomainError('drawer_counting', 'errors.drawer.counting');
  if (status === 'counted' && row.status !== 'counted') throw new DomainError('drawer_not_counted', 'errors.drawer.notCounted');
  return row;
}

export function moveCash(ctx: ServiceContext, input: ParsedInput<'drawer.move'>): DrawerState {
  const { db } = ctx;
  const session = requireSession(db, 'open');
  if (input.kind === 'paid_out' && input.amountMinor > drawerCash(db, session.after_entry_id, null).expected) {
    throw new DomainError('invalid_input', 'errors.drawer.paidOutTooMuch', {}, 'amountMinor');
  }
  const postings =
    input.kind === 'paid_in'
      ? ([
          [accounts.cash, input.amountMinor],
          [accounts.paidIn, -input.amountMinor],
        ] as const)
      : ([
          [accounts.paidOut, input.amountMinor],
          [accounts.cash, -input.amountMinor],
        ] as const);
  const entryId = postEntry(
    db,
    {
      kind: `drawer.${input.kind === 'paid_in' ? 'paidIn' : 'paidOut'}`,
      at: ctx.now,
      staffId: ctx.actor.id,
      tabId: null,
      commandId: ctx.commandId,
      memo: input.reason,
    },
    postings,
  );
  statement(db, 'INSERT INTO drawer_movements (session_id, kind, amount_minor, reason, entry_id, staff_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    session.id,
    input.kind,
    input.amountMinor,
    input.reason,
    entryId,
    ctx.actor.id,
    ctx.now,
  );
  audit(ctx, `drawer.${input.kind}`, { amountMinor: input.amountMinor, reason: input.reason });
  return readDrawer(db);
}

/** The blind count: recorded first, and only then is the expected amount worked out and shown. */
export function countDrawer(ctx: ServiceContext, input: ParsedInput<'drawer.count'>): DrawerState {
  const { db } = ctx;
  const session = requireSession(db, 'any');
  const count = counted(db, input.count);
  const { expected } = drawerCash(db, session.after_entry_id, null);
  statement(
    db,
    `UPDATE drawer_sessions SET status = 'counted', counted_minor = ?, counted_counts_json = ?, counted_at = ?, counted_by = ?, expected_minor = ?,
       first_count_minor = coalesce(first_count_minor, ?) WHERE id = ?`,
  ).run(
    count.total,
    count.counts === null ? null : JSON.stringify(count.counts),
    ctx.now,
    ctx.actor.id,
    expected,
    session.status === 'counted' ? session.counted_minor : null,
    session.id,
  );
  // A recount keeps the earlier one in the audit trail.
  audit(ctx, session.status === 'counted' ? 'drawer.recount' : 'drawer.count', {
    countedMinor: count.total,
    expectedMinor: expected,
    previousCountMinor: session.counted_minor,
  });
  return readDrawer(db);
}

/**
 * Sign-off: the variance goes to cash over/short with its reason, and what was counted leaves
 * the drawer for the office, so an empty drawer starts the next session.
 */
export function closeDrawer(ctx: ServiceContext, input: ParsedInput<'drawer.close'>): DrawerState {
  const { db } = ctx;
  const session = requireSession(db, 'counted');
  const countedMinor = session.counted_minor ?? 0;
  const { expected } = drawerCash(db, session.after_entry_id, null);
  const lastInside = lastEntryId(db);
  const variance = countedMinor - expected;
  if (variance !== 0 && input.varianceReason === '') {
    throw new DomainError(
      'invalid_input',
      variance > 0 ? 'errors.drawer.overNeedsReason' : 'errors.drawer.shortNeedsReason',
      { amount: moneyText(db, Math.abs(variance)) },
      'varianceReason',
    );
  }
  const entryId = postEntry(
    db,
    { kind: 'drawer.close', at: ctx.now, staffId: ctx.actor.id, tabId: null, commandId: ctx.commandId, memo: input.varianceReason },
    [
      [accounts.cash, variance],
      [accounts.overShort, -variance],
      [accounts.office, countedMinor],
      [accounts.cash, -countedMinor],
    ],
  );
  statement(
    db,
    `UPDATE drawer_sessions SET status = 'closed', expected_minor = ?, variance_reason = ?, closed_at = ?, signed_off_by = ?,
       last_entry_id = ?, close_entry_id = ?, business_date = ? WHERE id = ?`,
  ).run(expected, input.varianceReason, ctx.now, ctx.actor.id, lastInside, entryId, businessDateAt(db, ctx.now), session.id);
  audit(ctx, 'drawer.close', { expectedMinor: expected, countedMinor, varianceMinor: variance, reason: input.varianceReason });
  return readDrawer(db);
}
