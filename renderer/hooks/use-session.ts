import { useSyncExternalStore } from 'react';
import { getSession, subscribeSession, type SessionSnapshot } from '../api';

/** Who is signed in here, as the main process last answered; re-renders on sign-in, lock and expiry. */
export function useSession(): SessionSnapshot {
  return useSyncExternalStore(subscribeSession, getSession);
}
