import { createDispatcher, type Dispatcher, type Session } from './ipc/dispatcher';
import { ledgerPath, openLedger, type Db } from './ledger/open';
import { bootstrapStore } from './services/bootstrap';
import { systemClock, type Clock } from './services/context';
import { handlers } from './services';

export type LedgerApp = { db: Db; dispatcher: Dispatcher; session: Session; file: string; close: () => void };

/**
 * Everything the main process owns, with no Electron in it: the ledger file in dataDir, the
 * default store, and the dispatcher both transports call.
 */
export function startLedgerApp(options: { dataDir: string; clock?: Clock; log?: (error: unknown) => void; timeZone?: string }): LedgerApp {
  const clock = options.clock ?? systemClock;
  const file = ledgerPath(options.dataDir);
  const db = openLedger(file);
  const staffId = bootstrapStore(db, clock().toISOString(), options.timeZone);
  const dispatcher = createDispatcher({ db, handlers, clock, ...(options.log ? { log: options.log } : {}) });
  return { db, dispatcher, session: { staffId }, file, close: () => db.close() };
}
