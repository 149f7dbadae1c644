import type { TokenState } from '../../shared/types';
import type { Db } from '../ledger/open';
import { readSettings } from './store';

function heldTokens(db: Db): Map<number, number> {
  const rows = db.prepare<[], { token: number; id: number }>("SELECT token, id FROM tabs WHERE status = 'open'").all();
  return new Map(rows.map((r) => [r.token, r.id]));
}

/** The whole pool, each token with the open tab holding it (or null when it is free). */
export function tokenPool(db: Db): TokenState[] {
  const { tokenFirst, tokenLast } = readSettings(db);
  const held = heldTokens(db);
  const pool: TokenState[] = [];
  for (let token = tokenFirst; token <= tokenLast; token += 1) pool.push({ token, tabId: held.get(token) ?? null });
  return pool;
}

/** The lowest free token, or null when every token is out. */
export function nextFreeToken(db: Db, range: { tokenFirst: number; tokenLast: number } = readSettings(db)): number | null {
  const { tokenFirst, tokenLast } = range;
  const held = heldTokens(db);
  for (let token = tokenFirst; token <= tokenLast; token += 1) if (!held.has(token)) return token;
  return null;
}
