import type { ParsedInput } from '../../shared/contract';
import { DomainError } from '../../shared/errors';
import type { SettleClaim } from '../../shared/types';
import { CLAIM_RENEW_MS } from '../auth/settle-claims';
import type { ServiceContext } from './context';
import { readOpenTab } from './tab-read';

/**
 * The settle screen's claim on its tab, made when it opens and renewed while it stays open, so
 * another window cannot move lines off the tab, merge it or change its token meanwhile. Kept in
 * the main process's memory for this session only; nothing is written to the ledger.
 */
export function claimSettle(ctx: ServiceContext, input: ParsedInput<'settle.claim'>): SettleClaim {
  const tab = readOpenTab(ctx.db, input.tabId);
  const claims = ctx.prepared.claims;
  if (!claims) throw new DomainError('unauthorized', 'errors.settleClaim.noSession');
  const { expiresAt, others } = claims.claim(tab.id, ctx.actor);
  return { tabId: tab.id, expiresAt: new Date(expiresAt).toISOString(), renewMs: CLAIM_RENEW_MS, others: others.map((o) => ({ staffName: o.staffName })) };
}

/** The settle screen was left: the tab is free to move again (as far as this session goes). */
export function releaseSettle(ctx: ServiceContext, input: ParsedInput<'settle.release'>): null {
  ctx.prepared.claims?.release(input.tabId);
  return null;
}
