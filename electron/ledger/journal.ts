import { addDays, businessDateOf } from '../../shared/domain/business-day';
import type { Account, EntryKind } from '../../shared/ledger-vocabulary';
import { assertMinor } from '../../shared/money';
import type { Db } from './open';
import { statement } from './statements';
import { readKept, WATCHED_TABLES, writesTo } from './table-watch';

export type Posting = readonly [account: Account, amountMinor: number];

export type EntryHeader = {
  kind: EntryKind;
  at: string;
  staffId: number;
  tabId: number | null;
  commandId: string | null;
  memo?: string;
};

export class UnbalancedEntryError extends Error {}

/**
 * What every row a command writes carries besides its own fields: the command id, and the
 * manager or owner who approved it (null when it needed no one). The dispatcher sets it for the
 * one synchronous transaction a command runs in, so no service can forget to pass it on.
 */
export type CommandStamp = { commandId: string | null; approvedBy: number | null };
/** The business day is worked out once per command (several entries of one command share its moment). */
type Stamped = CommandStamp & { businessDay?: { at: string; date: string }; writesAtStart: number | null };
const stamps = new WeakMap<Db, Stamped>();

export function withCommandStamp<T>(db: Db, stamp: CommandStamp, run: () => T): T {
  stamps.set(db, { ...stamp, writesAtStart: writesTo(db, WATCHED_TABLES) });
  try {
    return run();
  } finally {
    stamps.delete(db);
  }
}

/**
 * Writes one balanced journal entry (debits positive, credits negative). Postings to the same
 * account are merged and zero amounts dropped; an entry that nets to nothing writes nothing.
 */
export function postEntry(db: Db, header: EntryHeader, postings: readonly Posting[]): number | null {
  const merged = new Map<Account, number>();
  for (const [account, amount] of postings) {
    merged.set(account, assertMinor((merged.get(account) ?? 0) + assertMinor(amount, `posting to ${account}`)));
  }
  const lines = [...merged].filter(([, amount]) => amount !== 0);
  const sum = lines.reduce((s, [, amount]) => s + amount, 0);
  if (sum !== 0) throw new UnbalancedEntryError(`journal entry "${header.kind}" does not balance (off by ${sum})`);
  if (lines.length === 0) return null;
  const entryId = insertEntry(db, header);
  // All of an entry's postings in one statement (each row still passes its own triggers).
  statement(db, `INSERT INTO postings (entry_id, account, amount_minor) VALUES ${Array.from(lines, () => '(?, ?, ?)').join(', ')}`).run(
    lines.flatMap(([account, amount]) => [entryId, account, amount]),
  );
  return entryId;
}

/**
 * The business day a posting made at this moment belongs to: the day its local time falls in
 * after the store's day boundary, or the day after the last closed one when that day is already
 * closed (invariant 8: a closed day never changes; a late correction lands on the current day).
 */
export function businessDateAt(db: Db, at: string): string {
  const stamp = stamps.get(db);
  if (stamp?.businessDay?.at === at) return stamp.businessDay.date;
  const date = workOutBusinessDate(db, at);
  if (stamp) stamp.businessDay = { at, date };
  return date;
}

/** How many writes to the watched tables this connection had made when the running command began (table-watch.ts's readKept). */
export function writesAtCommandStart(db: Db): number | null {
  return stamps.get(db)?.writesAtStart ?? null;
}

/** After a command closes a day or changes the store's day rules, its next posting works the day out again. */
export function forgetBusinessDay(db: Db): void {
  const stamp = stamps.get(db);
  if (stamp) delete stamp.businessDay;
}

type DayRules = { boundary: number; zone: string; lastClosed: string | null };

function workOutBusinessDate(db: Db, at: string): string {
  // The store's day rules and the last closed day change only with a store update or a Z: kept
  // between commands until then (table-watch.ts), and read in one statement when they change.
  const rules = readKept(db, 'business-day', ['store_settings', 'z_reports'], () => readDayRules(db), stamps.get(db)?.writesAtStart ?? null);
  const byClock = businessDateOf(new Date(at), rules.boundary, rules.zone);
  return rules.lastClosed !== null && byClock <= rules.lastClosed ? addDays(rules.lastClosed, 1) : byClock;
}

function readDayRules(db: Db): DayRules {
  const row = statement<[], { boundary: number | null; zone: string | null; last_closed: string | null }>(
    db,
    'SELECT (SELECT day_boundary_minutes FROM store_settings WHERE id = 1) AS boundary, (SELECT time_zone FROM store_settings WHERE id = 1) AS zone, (SELECT max(business_date) FROM z_reports) AS last_closed',
  ).get();
  return { boundary: row?.boundary ?? 240, zone: row?.zone ?? 'UTC', lastClosed: row?.last_closed ?? null };
}

export function lastClosedDate(db: Db): string | null {
  return statement<[], { d: string | null }>(db, 'SELECT max(business_date) AS d FROM z_reports').get()?.d ?? null;
}

/** The entry row alone: for postings (through postEntry) or an event that moves no money. */
export function insertEntry(db: Db, header: EntryHeader): number {
  const entry = statement(
    db,
    'INSERT INTO journal_entries (created_at, kind, tab_id, staff_id, command_id, memo, business_date, approved_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    header.at,
    header.kind,
    header.tabId,
    header.staffId,
    header.commandId,
    header.memo ?? '',
    businessDateAt(db, header.at),
    stamps.get(db)?.approvedBy ?? null,
  );
  return Number(entry.lastInsertRowid);
}

export type AuditRow = {
  at: string;
  staffId: number;
  command: string;
  tabId: number | null;
  detail: string;
  approvedBy?: number | null;
  commandId?: string | null;
};

export function writeAudit(db: Db, row: AuditRow): void {
  const stamp = stamps.get(db);
  statement(db, 'INSERT INTO audit (at, staff_id, command, tab_id, detail, approved_by, command_id) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    row.at,
    row.staffId,
    row.command,
    row.tabId,
    row.detail,
    row.approvedBy ?? stamp?.approvedBy ?? null,
    row.commandId ?? stamp?.commandId ?? null,
  );
}

/** The account names live in the journal's vocabulary, shared with the reports that sum them. */
export { accounts } from '../../shared/ledger-vocabulary';
