import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import {
  CHAIN_GENESIS_HEX,
  CHAIN_LINK,
  CHAIN_SHA256,
  CHAINED_ROWS_V1,
  rowContentSql,
  TAB_REOPEN_KIND,
  TAB_STATUS_KIND,
  tabStatusContentSql,
  type ChainedTable,
} from './migrations/chain-v1';
import { RECEIPT_CHAIN } from './migrations/016-receipts';
import { REFUND_CHAINS } from './migrations/017-refunds';
import { TOKEN_MOVES_CHAINS } from './migrations/018-token-moves';
import { statement } from './statements';

export const CHAIN_GENESIS = CHAIN_GENESIS_HEX;

type Db = Database.Database;

function sha256(data: Buffer | string): Buffer {
  return createHash('sha256').update(data).digest();
}

export function sha256Hex(text: string): string {
  return sha256(text).toString('hex');
}

/** The link rule: a chain row's hash from the one before it and its own kind, ref and content hash. */
export function linkHash(previous: Buffer, kind: string, ref: string | number, content: Buffer): Buffer {
  return sha256(Buffer.concat([previous, Buffer.from(`${kind}\n${String(ref)}\n`, 'utf8'), content]));
}

/**
 * Registers the chain's SQL functions on a connection. Every connection the app opens for
 * writing needs them (the chain's triggers call them); a check uses them to recompute contents.
 */
export function registerChainFunctions(db: Db): void {
  db.function(CHAIN_SHA256, { deterministic: true }, (text: unknown) => {
    if (typeof text !== 'string') throw new TypeError(`${CHAIN_SHA256} takes text`);
    return sha256(text);
  });
  db.function(CHAIN_LINK, { deterministic: true }, (previous: unknown, kind: unknown, ref: unknown, content: unknown) => {
    if (
      !Buffer.isBuffer(previous) ||
      typeof kind !== 'string' ||
      !Buffer.isBuffer(content) ||
      (typeof ref !== 'string' && typeof ref !== 'number' && typeof ref !== 'bigint')
    ) {
      throw new TypeError(`${CHAIN_LINK} takes (previous hash, kind, ref, content hash)`);
    }
    return linkHash(previous, kind, String(ref), content);
  });
}

/** The chain rows each writing connection has appended, as its TEMP trigger told it (watchChainAppends). */
const appends = new WeakMap<Db, ChainAppends>();

/** How many chain rows this connection has appended since it opened, and the newest of them. */
export type ChainAppends = { count: number; last: ChainHead | null };

/**
 * Tells this connection of every chain row it appends, as the row goes in: a TEMP trigger, which
 * lives in this connection alone and never in the ledger file (a backup or another program never
 * sees it). With the write lock held, the row a command appended last is the chain's head when it
 * commits, so the seal learns the head without reading it. A rolled-back append is counted too,
 * which is why only a committed command's own count is trusted.
 */
export function watchChainAppends(db: Db): void {
  const seen: ChainAppends = { count: 0, last: null };
  db.function('aftertab_chain_appended', { deterministic: false }, (seq: unknown, hash: unknown) => {
    if (typeof seq !== 'number' || !Buffer.isBuffer(hash)) throw new TypeError('aftertab_chain_appended takes (seq, hash)');
    seen.count += 1;
    seen.last = { seq, hash: hash.toString('hex') };
    return null;
  });
  db.exec(
    'CREATE TEMP TRIGGER IF NOT EXISTS aftertab_chain_appended AFTER INSERT ON main.ledger_chain BEGIN SELECT aftertab_chain_appended(NEW.seq, NEW.hash); END',
  );
  appends.set(db, seen);
}

/** What this connection has appended to the chain; null when it is not told (a reader, or a ledger without a chain). */
export function chainAppends(db: Db): Readonly<ChainAppends> | null {
  const seen = appends.get(db);
  return seen ? { count: seen.count, last: seen.last } : null;
}

/** A chain position: its row number and hash (hex). Row 0 is the empty chain. */
export type ChainHead = { seq: number; hash: string };

export const EMPTY_HEAD: ChainHead = { seq: 0, hash: CHAIN_GENESIS };

export function hasChain(db: Db): boolean {
  return statement(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ledger_chain'").get() !== undefined;
}

type HeadRow = { seq: number; hash: Buffer };
const toHead = (row: HeadRow): ChainHead => ({ seq: row.seq, hash: row.hash.toString('hex') });

/** The newest chain row: how far this ledger reaches. */
export function chainHead(db: Db): ChainHead {
  const row = statement<[], HeadRow>(db, 'SELECT seq, hash FROM ledger_chain ORDER BY seq DESC LIMIT 1').get();
  return row ? toHead(row) : EMPTY_HEAD;
}

/** The chain row at `seq`, or null when the ledger does not reach it. */
export function chainRowAt(db: Db, seq: number): ChainHead | null {
  if (seq === 0) return EMPTY_HEAD;
  const row = statement<[number], HeadRow>(db, 'SELECT seq, hash FROM ledger_chain WHERE seq = ?').get(seq);
  return row ? toHead(row) : null;
}

/**
 * chainHead and chainRowAt(seq) in one statement: what the seal reads after every command (the
 * newest row, and whether the row it sealed last still stands).
 */
export function chainHeadAndRowAt(db: Db, seq: number): { head: ChainHead; atSeq: ChainHead | null } {
  const row = statement<[number], HeadRow & { at_hash: Buffer | null }>(
    db,
    'SELECT seq, hash, (SELECT hash FROM ledger_chain WHERE seq = ?) AS at_hash FROM ledger_chain ORDER BY seq DESC LIMIT 1',
  ).get(seq);
  if (!row) return { head: EMPTY_HEAD, atSeq: seq === 0 ? EMPTY_HEAD : null };
  const atSeq = seq === 0 ? EMPTY_HEAD : row.at_hash ? { seq, hash: row.at_hash.toString('hex') } : null;
  return { head: toHead(row), atSeq };
}

/** How many chain rows of each kind there are: the newest Z's counts plus the rows since its head. */
export function chainCounts(db: Db): Record<string, number> {
  const z = statement<[], { seq: number; counts: string }>(
    db,
    'SELECT chain_seq AS seq, chain_counts AS counts FROM z_reports WHERE chain_counts IS NOT NULL ORDER BY z_number DESC LIMIT 1',
  ).get();
  const counts: Record<string, number> = z ? (JSON.parse(z.counts) as Record<string, number>) : {};
  for (const row of statement<[number], { kind: string; n: number }>(db, 'SELECT kind, count(*) AS n FROM ledger_chain WHERE seq > ? GROUP BY kind').all(
    z?.seq ?? 0,
  )) {
    counts[row.kind] = (counts[row.kind] ?? 0) + row.n;
  }
  return counts;
}

/** The first row that breaks the chain, named for a person and for a log. */
export type ChainBreak = { seq: number; kind: string; ref: string; reason: string };

export type ChainVerification = {
  /** Where verification began (0: from the first row) and the head it reached. */
  fromSeq: number;
  head: ChainHead;
  rowsChecked: number;
  broken: ChainBreak | null;
};

const KIND_NAMES: Record<string, string> = {
  entry: 'journal entry',
  posting: 'posting',
  audit: 'audit row',
  z: 'Z',
  command: 'command record',
  result: 'command result',
  payment: 'payment',
  payment_void: 'payment void',
  drawer: 'drawer movement',
  comp: 'comp posting',
  receipt: 'receipt',
  token_event: 'token event',
  token_change: 'token change',
  line_move: 'line move',
  tab_merge: 'tab merge',
  refund: 'refund',
  refund_rate: 'refund rate',
  refund_line: 'refund line',
  refund_tender: 'refund tender',
  [TAB_STATUS_KIND]: 'tab',
  [TAB_REOPEN_KIND]: 'reopened tab',
};

/** "posting #9,876", "command record 3f2a…": what a break names. */
export function describeChainRow(kind: string, ref: string): string {
  const name = KIND_NAMES[kind] ?? kind;
  return /^\d+$/.test(ref) ? `${name} #${ref}` : `${name} ${ref.slice(0, 12)}`;
}

export function describeBreak(broken: ChainBreak): string {
  return `the chain breaks at row ${broken.seq.toLocaleString('en')} (${describeChainRow(broken.kind, broken.ref)}): ${broken.reason}`;
}

/**
 * The tables this ledger chains: those of chain v1, and each chained by a later migration once
 * the ledger has it (a backup or a damaged file may be of an earlier schema than the app).
 */
function chainedTables(db: Db): readonly ChainedTable[] {
  const later = [RECEIPT_CHAIN, ...REFUND_CHAINS, ...TOKEN_MOVES_CHAINS].filter(
    (spec) => statement(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(spec.table) !== undefined,
  );
  return [...CHAINED_ROWS_V1, ...later];
}

/** Each kind's content recomputed from its row now (null when the row is gone), in one CASE. */
function contentNowSql(specs: readonly ChainedTable[]): string {
  return `CASE c.kind
${specs.map((spec) => `  WHEN '${spec.kind}' THEN (SELECT ${CHAIN_SHA256}(${rowContentSql(spec, 't')}) FROM ${spec.table} t WHERE t.${spec.key} = c.ref)`).join('\n')}
  ELSE NULL END`;
}

/** A row whose content is recomputed: a changed row and a rewritten chain record look the same. */
export const CHANGED = 'the row or its chain record was changed after it was written';

type ChainRow = { seq: number; kind: string; ref: string | number; content: Buffer | null; hash: Buffer; now: Buffer | null };

type Z = { seq: number; hash: string; closedAt: string; counts: Record<string, number> | null };

function zAt(db: Db, fromSeq: number): Z | null {
  if (fromSeq === 0) return null;
  const row = statement<[number], { seq: number; hash: string; closed_at: string; counts: string | null }>(
    db,
    'SELECT chain_seq AS seq, chain_hash AS hash, closed_at, chain_counts AS counts FROM z_reports WHERE chain_seq = ? ORDER BY z_number DESC LIMIT 1',
  ).get(fromSeq);
  return row ? { seq: row.seq, hash: row.hash, closedAt: row.closed_at, counts: row.counts ? (JSON.parse(row.counts) as Record<string, number>) : null } : null;
}

/**
 * A command's replay result is kept for the day being closed and the one after; the Z deletes
 * older ones. So a result may be missing only when its command is older than the newest Z.
 */
function prunedResults(db: Db): (commandId: string) => boolean {
  const newestZ = statement<[], { at: string | null }>(db, 'SELECT closed_at AS at FROM z_reports ORDER BY z_number DESC LIMIT 1').get()?.at ?? null;
  const commandAt = statement<[string], { at: string }>(db, 'SELECT at FROM commands WHERE id = ?');
  return (commandId) => {
    const at = commandAt.get(commandId)?.at;
    return newestZ !== null && at !== undefined && at < newestZ;
  };
}

/**
 * Verifies the chain from a known row (a Z's head, or the start) to the head, in one pass in
 * chain order: every link follows from the row before it, computed over each row's content as
 * it is now (or as kept, for a row that may change or go); each tab's last close still holds;
 * and no table holds a row the chain does not count. Returns the first row that breaks it.
 */
export function verifyChain(db: Db, options: { from?: ChainHead } = {}): ChainVerification {
  const from = options.from ?? EMPTY_HEAD;
  const anchor = chainRowAt(db, from.seq);
  if (anchor === null || anchor.hash !== from.hash) {
    const reason = anchor === null ? 'the row a Z closed on is missing' : 'the row a Z closed on was rewritten';
    return { fromSeq: from.seq, head: chainHead(db), rowsChecked: 0, broken: { seq: from.seq, kind: 'z', ref: String(from.seq), reason } };
  }
  let previous: Buffer = Buffer.from(from.hash, 'hex');
  let expectedSeq = from.seq + 1;
  let rows = 0;
  let head = from;
  const counts = new Map<string, number>();
  const lastTab = new Map<number, { seq: number; kind: string; content: Buffer | null }>();
  const resultRefs = new Set<string>();
  const mayBeGone = prunedResults(db);
  const specs = chainedTables(db);
  const at = (row: ChainRow, reason: string): ChainVerification => ({
    fromSeq: from.seq,
    head,
    rowsChecked: rows,
    broken: { seq: row.seq, kind: row.kind, ref: String(row.ref), reason },
  });
  // Its own statement, not the shared cache: it is iterated, and a cached one could be asked for meanwhile.
  const walk = db.prepare<[number], ChainRow>(
    `SELECT c.seq, c.kind, c.ref, c.content, c.hash, ${contentNowSql(specs)} AS now FROM ledger_chain c WHERE c.seq > ? ORDER BY c.seq`,
  );
  for (const row of walk.iterate(from.seq)) {
    rows += 1;
    if (row.seq !== expectedSeq) return at(row, `chain row ${expectedSeq.toLocaleString('en')} is missing`);
    const isTab = row.kind === TAB_STATUS_KIND || row.kind === TAB_REOPEN_KIND;
    if (row.content === null && row.now === null) return at(row, 'the row it records is gone');
    if (row.content !== null && row.now !== null && !row.content.equals(row.now)) return at(row, 'the row no longer has the content it was recorded with');
    if (row.now === null && row.kind === 'result' && !mayBeGone(String(row.ref))) return at(row, 'the row it records is gone');
    const content = row.content ?? row.now;
    if (!content || !linkHash(previous, row.kind, row.ref, content).equals(row.hash)) {
      // For a row whose content is recomputed, a changed row and a rewritten link look the same.
      return at(row, row.content === null ? CHANGED : 'its hash does not follow from the row before it');
    }
    if (isTab) lastTab.set(Number(row.ref), { seq: row.seq, kind: row.kind, content: row.content });
    if (row.kind === 'result') resultRefs.add(String(row.ref));
    counts.set(row.kind, (counts.get(row.kind) ?? 0) + 1);
    previous = row.hash;
    expectedSeq += 1;
    head = { seq: row.seq, hash: row.hash.toString('hex') };
  }
  const done = (broken: ChainBreak | null): ChainVerification => ({ fromSeq: from.seq, head, rowsChecked: rows, broken });
  const z = zAt(db, from.seq);
  const tabs = checkTabs(db, lastTab);
  // Completeness needs a known start: the first row, or a Z (which keeps its counts and time).
  if (tabs || (from.seq !== 0 && z === null)) return done(tabs);
  return done(checkClosedTabs(db, lastTab, z, head) ?? checkComplete(db, specs, counts, resultRefs, from.seq, z, head));
}

/** A closed tab still holds what it closed with; a tab last recorded as reopened is open. */
type LastTab = Map<number, { seq: number; kind: string; content: Buffer | null }>;

function checkTabs(db: Db, lastTab: LastTab): ChainBreak | null {
  const now = statement<[number], { status: string; now: Buffer }>(
    db,
    `SELECT t.status, ${CHAIN_SHA256}(${tabStatusContentSql('t')}) AS now FROM tabs t WHERE t.id = ?`,
  );
  const breaks: ChainBreak[] = [];
  for (const [id, last] of lastTab) {
    const tab = now.get(id);
    const at = { seq: last.seq, kind: last.kind, ref: String(id) };
    if (!tab) breaks.push({ ...at, reason: 'the tab it records is gone' });
    else if (last.kind === TAB_REOPEN_KIND) {
      if (tab.status !== 'open') breaks.push({ ...at, reason: 'the tab was reopened on the record but is closed without one' });
    } else if (!last.content || !tab.now.equals(last.content)) {
      breaks.push({ ...at, reason: 'the tab no longer has the status, lines or parts it closed with' });
    }
  }
  return breaks.length > 0 ? breaks.reduce((a, b) => (b.seq < a.seq ? b : a)) : null;
}

function checkClosedTabs(db: Db, lastTab: LastTab, z: Z | null, head: ChainHead): ChainBreak | null {
  // A tab closed after the check's start point (the Z) must have its close in the chain.
  const closed = statement<[string], { id: number }>(db, "SELECT id FROM tabs WHERE status <> 'open' AND closed_at > ?").all(z?.closedAt ?? '');
  const unrecorded = closed.find((tab) => lastTab.get(tab.id)?.kind !== TAB_STATUS_KIND);
  return unrecorded
    ? { seq: head.seq, kind: TAB_STATUS_KIND, ref: String(unrecorded.id), reason: 'the tab is closed but its close is not in the chain' }
    : null;
}

/**
 * Every row of a chained table has its chain row: nothing was added behind the chain's back.
 * Counted per kind (each insert chains one row; a Z keeps the counts it closed on, so a check
 * from a Z counts only the rows since). A command result, which the Z prunes, is looked up
 * instead among the results chained since the check's start.
 */
function checkComplete(
  db: Db,
  specs: readonly ChainedTable[],
  counted: Map<string, number>,
  resultRefs: Set<string>,
  fromSeq: number,
  z: Z | null,
  head: ChainHead,
): ChainBreak | null {
  // A Z closed before a kind was chained counts none of it: its table was empty then.
  const before = fromSeq === 0 ? {} : (z?.counts ?? null);
  for (const spec of specs) {
    if (spec.kind === 'result') continue;
    if (before === null) break;
    const chained = (before[spec.kind] ?? 0) + (counted.get(spec.kind) ?? 0);
    const rows = statement<[], { n: number }>(db, `SELECT count(*) AS n FROM ${spec.table}`).get()?.n ?? 0;
    if (rows !== chained) {
      return {
        seq: head.seq,
        kind: spec.kind,
        ref: '',
        reason: `the chain records ${chained.toLocaleString('en')} rows of ${spec.table} but the ledger holds ${rows.toLocaleString('en')}: a row was added or removed outside Aftertab`,
      };
    }
  }
  const since = z?.closedAt ?? '';
  const orphan = statement<[string], { id: string }>(
    db,
    'SELECT r.command_id AS id FROM command_results r LEFT JOIN commands m ON m.id = r.command_id WHERE m.at IS NULL OR m.at > ?',
  )
    .all(since)
    .find((row) => !resultRefs.has(row.id));
  return orphan ? { seq: head.seq, kind: 'result', ref: orphan.id, reason: 'a command result is in the ledger without a chain row' } : null;
}

/** The head the newest Z closed on: where an incremental check starts. */
export function lastZHead(db: Db): ChainHead | null {
  const row = statement<[], { seq: number | null; hash: string | null }>(
    db,
    'SELECT chain_seq AS seq, chain_hash AS hash FROM z_reports WHERE chain_seq IS NOT NULL ORDER BY z_number DESC LIMIT 1',
  ).get();
  return row && row.seq !== null && row.hash !== null ? { seq: row.seq, hash: row.hash } : null;
}
