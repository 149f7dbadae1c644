import type { Db } from '../ledger/open';
import type { Staff } from '../../shared/types';
import type { ChainVerification } from '../ledger/chain';
import type { ClaimsView } from '../auth/settle-claims';

/** What every service gets besides its parsed input. */
export type ServiceContext = {
  db: Db;
  /** ISO-8601 UTC time of this command, from the injected clock. */
  now: string;
  actor: Staff;
  commandId: string | null;
  /** The manager or owner whose PIN approved this one command, when it needed one. */
  approverId: number | null;
  /** Worked out before the transaction, outside it (a PIN's slow hash): never the PIN itself. */
  prepared: Prepared;
};

export type Prepared = {
  pinHash?: string;
  /** ledger.check's full chain walk, done off the main thread before the check's transaction. */
  chain?: ChainVerification;
  /**
   * Which tabs are being settled in which window, as the session that sent this command sees them
   * (the router's, in memory). Absent for a caller with no session (a ledger driven in-process).
   */
  claims?: ClaimsView;
};

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
