/**
 * Who is signed in where, held in memory only: a restart, a sign-out, a lock or the idle time
 * ends a session, and nothing about it is ever written to disk. A session is keyed by its
 * transport's caller: `window:<webContents id>` in Electron, `web:<token>` in the web host.
 */
export type SessionStore = {
  begin(key: string, staffId: number): void;
  /** The staff id signed in under this key, or null (never signed in, ended, or idle too long). */
  staffOf(key: string, idleMs: () => number): number | null;
  /** Marks the session as in use now, so the idle time counts from here. */
  touch(key: string): void;
  end(key: string): boolean;
  /** A restore swaps the ledger (and its staff table): everyone signs in again. */
  endAll(): void;
  size(): number;
};

/** The shortest time a session can stay unused: the one-minute idle lock plus its minute of grace. */
export const MIN_IDLE_MS = 2 * 60_000;

export function createSessionStore(now: () => number = Date.now): SessionStore {
  const sessions = new Map<string, { staffId: number; lastSeen: number }>();
  return {
    begin(key, staffId) {
      sessions.set(key, { staffId, lastSeen: now() });
    },
    staffOf(key, idleMs) {
      const session = sessions.get(key);
      if (!session) return null;
      const idle = now() - session.lastSeen;
      // The store's idle time is read only once a session has been idle for the shortest one.
      if (idle > MIN_IDLE_MS && idle > idleMs()) {
        sessions.delete(key);
        return null;
      }
      return session.staffId;
    },
    touch(key) {
      const session = sessions.get(key);
      if (session) session.lastSeen = now();
    },
    end: (key) => sessions.delete(key),
    endAll: () => sessions.clear(),
    size: () => sessions.size,
  };
}
