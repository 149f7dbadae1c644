import { DomainError } from '../../shared/errors';
import type { ParsedInput } from '../../shared/contract';
import type { MissingToken, TabStatus, TokenState } from '../../shared/types';
import { writeAudit } from '../ledger/journal';
import type { Db } from '../ledger/open';
import type { ServiceContext } from './context';
import { readCounterSettings, readSettings } from './store';
import { readTabRow } from './tab-read';
import { statement } from '../ledger/statements';

type MissingRow = { token: number; tab_id: number; at: string; name: string; label: string; status: TabStatus; closed_at: string | null };

function toMissing(r: MissingRow): MissingToken {
  return { tabId: r.tab_id, name: r.name, label: r.label, status: r.status, closedAt: r.closed_at, at: r.at };
}

/** A token whose newest event says it is missing, with the tab it went with (`e` the event, `t` the tab), as SQL. */
const missingSql = `SELECT e.token, e.tab_id, e.at, t.name, t.label, t.status, t.closed_at FROM token_events e JOIN tabs t ON t.id = e.tab_id
       WHERE e.kind = 'missing' AND e.id = (SELECT max(id) FROM token_events WHERE token = e.token)`;

/** Every token whose newest event says it is missing, with the tab it went with. */
export function missingTokens(db: Db): Map<number, MissingToken> {
  const rows = statement<[], MissingRow>(db, `${missingSql} ORDER BY e.token`).all();
  return new Map(rows.map((r) => [r.token, toMissing(r)]));
}

/** The tokens held by open tabs (token to tab) and the missing ones, in one statement. */
function tokensOut(db: Db): { held: Map<number, number>; missing: Map<number, MissingToken> } {
  const rows = statement<[], MissingRow & { held: number }>(
    db,
    `SELECT 1 AS held, token, id AS tab_id, '' AS at, name, label, status, closed_at FROM tabs WHERE status = 'open'
     UNION ALL SELECT 0 AS held, * FROM (${missingSql})
     ORDER BY held, token`,
  ).all();
  const held = new Map<number, number>();
  const missing = new Map<number, MissingToken>();
  for (const r of rows) {
    if (r.held) held.set(r.token, r.tab_id);
    else missing.set(r.token, toMissing(r));
  }
  return { held, missing };
}

/** A token's newest event's kind, as SQL (bound once: the token): 'missing' while it is missing. */
const newestKindSql = 'SELECT kind FROM token_events WHERE token = ? ORDER BY id DESC LIMIT 1';

export function isTokenMissing(db: Db, token: number): boolean {
  return statement<[number], { kind: string }>(db, newestKindSql).get(token)?.kind === 'missing';
}

function stateOf(token: number, held: Map<number, number>, missing: Map<number, MissingToken>): TokenState {
  const tabId = held.get(token) ?? null;
  const gone = missing.get(token);
  if (tabId !== null) return { token, tabId, state: 'held' };
  if (gone) return { token, tabId: null, state: 'missing', missing: gone };
  return { token, tabId: null, state: 'free' };
}

/**
 * The whole pool, each token free, held by an open tab (`tabId`) or missing with the tab it went
 * with; then any missing token outside the range (the range changed since), so it is not forgotten.
 */
export function tokenPool(db: Db): TokenState[] {
  const { tokenFirst, tokenLast } = readSettings(db);
  const { held, missing } = tokensOut(db);
  const pool: TokenState[] = [];
  for (let token = tokenFirst; token <= tokenLast; token += 1) pool.push(stateOf(token, held, missing));
  for (const token of missing.keys()) {
    if (token < tokenFirst || token > tokenLast) pool.push({ ...stateOf(token, held, missing), outOfRange: true });
  }
  return pool;
}

/** The lowest token neither held by an open tab nor missing, or null when every token is out. */
export function nextFreeToken(db: Db, range: { tokenFirst: number; tokenLast: number } = readCounterSettings(db)): number | null {
  const { tokenFirst, tokenLast } = range;
  const { held, missing } = tokensOut(db);
  for (let token = tokenFirst; token <= tokenLast; token += 1) if (!held.has(token) && !missing.has(token)) return token;
  return null;
}

/** Why a token may not go to an open tab, as a refusal (null: it is free and in the pool). */
export function tokenRefusal(db: Db, token: number, field = 'token'): DomainError | null {
  const { tokenFirst, tokenLast } = readCounterSettings(db);
  if (token < tokenFirst || token > tokenLast) {
    return new DomainError('token_out_of_range', 'errors.tokenOutOfRange', { token, first: tokenFirst, last: tokenLast }, field);
  }
  // Held by an open tab, or whose newest event says it is missing: one read.
  const out = statement<[number, number], { held: number; last_kind: string | null }>(
    db,
    `SELECT EXISTS (SELECT 1 FROM tabs WHERE token = ? AND status = 'open') AS held, (${newestKindSql}) AS last_kind`,
  ).get(token, token);
  if (out?.held) return new DomainError('token_held', 'errors.tokenHeld', { token }, field);
  if (out?.last_kind === 'missing') return new DomainError('token_missing', 'errors.token.missing', { token }, field);
  return null;
}

function stateNow(db: Db, token: number): TokenState {
  const { held, missing } = tokensOut(db);
  return stateOf(token, held, missing);
}

/**
 * The customer of a settled or written-off tab did not hand its token back: the token stays out
 * of the pool, shown as missing with this tab, until it is marked found.
 */
export function markTokenMissing(ctx: ServiceContext, input: ParsedInput<'token.markMissing'>): TokenState {
  const { db } = ctx;
  const tab = readTabRow(db, input.tabId);
  if (tab.status !== 'settled' && tab.status !== 'written_off') {
    throw new DomainError('conflict', 'errors.token.missingTabOpen', { token: tab.token }, 'tabId');
  }
  if (isTokenMissing(db, tab.token)) throw new DomainError('conflict', 'errors.token.alreadyMissing', { token: tab.token }, 'tabId');
  // Given out again since (to a tab open now or opened later, or by a change of token): it came back.
  const since = statement<[{ token: number; tabId: number; closedAt: string }], { id: number }>(
    db,
    `SELECT id FROM tabs WHERE token = :token AND id <> :tabId
         AND (status = 'open' OR opened_at > :closedAt OR (opened_at = :closedAt AND id > :tabId))
       UNION ALL SELECT tab_id FROM tab_token_changes WHERE (to_token = :token OR from_token = :token) AND tab_id <> :tabId AND at >= :closedAt LIMIT 1`,
  ).get({ token: tab.token, tabId: tab.id, closedAt: tab.closed_at ?? '' });
  if (since) throw new DomainError('conflict', 'errors.token.handedOutAgain', { token: tab.token }, 'tabId');
  statement(db, "INSERT INTO token_events (token, kind, tab_id, at, staff_id, command_id) VALUES (?, 'missing', ?, ?, ?, ?)").run(
    tab.token,
    tab.id,
    ctx.now,
    ctx.actor.id,
    ctx.commandId,
  );
  writeAudit(db, { at: ctx.now, staffId: ctx.actor.id, command: 'token.missing', tabId: tab.id, detail: JSON.stringify({ token: tab.token }) });
  return stateNow(db, tab.token);
}

/** A missing token turned up again: back in the pool. */
export function markTokenFound(ctx: ServiceContext, input: ParsedInput<'token.markFound'>): TokenState {
  const { db } = ctx;
  const gone = missingTokens(db).get(input.token);
  if (!gone) throw new DomainError('conflict', 'errors.token.notMissing', { token: input.token }, 'token');
  statement(db, "INSERT INTO token_events (token, kind, tab_id, at, staff_id, command_id) VALUES (?, 'found', ?, ?, ?, ?)").run(
    input.token,
    gone.tabId,
    ctx.now,
    ctx.actor.id,
    ctx.commandId,
  );
  writeAudit(db, { at: ctx.now, staffId: ctx.actor.id, command: 'token.found', tabId: gone.tabId, detail: JSON.stringify({ token: input.token }) });
  return stateNow(db, input.token);
}
