/**
 * Which windows are settling which tabs, held in memory only (like sessions): the settle screen
 * claims its tab when it opens and renews the claim while it stays open; leaving the screen, a
 * sign-out, a lock or the end of the session gives it up, and a claim not renewed lapses on its
 * own. A move, a merge or a change of token touching a tab another session has claimed is refused,
 * naming who is settling it; the session's own claim never stands in its own way.
 */

/** How long a claim lasts unless renewed; the settle screen renews it every CLAIM_RENEW_MS. */
export const CLAIM_MS = 45_000;
export const CLAIM_RENEW_MS = 15_000;

export type ClaimHolder = { staffId: number; staffName: string; expiresAt: number };

export type SettleClaims = {
  claim(tabId: number, sessionKey: string, staff: { id: number; name: string }): { expiresAt: number; others: ClaimHolder[] };
  release(tabId: number, sessionKey: string): void;
  /** A session ended (sign-out, lock, idle, window closed) or signed in afresh: its claims go. */
  releaseSession(sessionKey: string): void;
  /** A restore swapped the ledger: every claim goes. */
  clear(): void;
  /** Someone else's live claim on the tab, or null. */
  elsewhere(tabId: number, sessionKey: string | null): ClaimHolder | null;
};

/** What a command sees of the claims: bound to the session that sent it. */
export type ClaimsView = {
  claim(tabId: number, staff: { id: number; name: string }): { expiresAt: number; others: ClaimHolder[] };
  release(tabId: number): void;
  elsewhere(tabId: number): ClaimHolder | null;
};

export function createSettleClaims(now: () => number): SettleClaims {
  const byTab = new Map<number, Map<string, ClaimHolder>>();
  const live = (tabId: number): Map<string, ClaimHolder> => {
    const claims = byTab.get(tabId) ?? new Map<string, ClaimHolder>();
    for (const [key, holder] of claims) if (holder.expiresAt <= now()) claims.delete(key);
    if (claims.size === 0) byTab.delete(tabId);
    return claims;
  };
  return {
    claim(tabId, sessionKey, staff) {
      const claims = live(tabId);
      const expiresAt = now() + CLAIM_MS;
      claims.set(sessionKey, { staffId: staff.id, staffName: staff.name, expiresAt });
      byTab.set(tabId, claims);
      return { expiresAt, others: [...claims].filter(([key]) => key !== sessionKey).map(([, holder]) => holder) };
    },
    release(tabId, sessionKey) {
      live(tabId).delete(sessionKey);
      if (byTab.get(tabId)?.size === 0) byTab.delete(tabId);
    },
    releaseSession(sessionKey) {
      for (const [tabId, claims] of byTab) {
        claims.delete(sessionKey);
        if (claims.size === 0) byTab.delete(tabId);
      }
    },
    clear: () => byTab.clear(),
    elsewhere(tabId, sessionKey) {
      for (const [key, holder] of live(tabId)) if (key !== sessionKey) return holder;
      return null;
    },
  };
}

/** The claims as one session sees them. */
export function claimsFor(claims: SettleClaims, sessionKey: string): ClaimsView {
  return {
    claim: (tabId, staff) => claims.claim(tabId, sessionKey, staff),
    release: (tabId) => claims.release(tabId, sessionKey),
    elsewhere: (tabId) => claims.elsewhere(tabId, sessionKey),
  };
}
