import type { Db } from '../ledger/open';
import type { Staff } from '../../shared/types';

/** What every service gets besides its parsed input. */
export type ServiceContext = {
  db: Db;
  /** ISO-8601 UTC time of this command, from the injected clock. */
  now: string;
  actor: Staff;
  commandId: string | null;
};

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
