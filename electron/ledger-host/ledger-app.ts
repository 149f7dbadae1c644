import { createDispatcher, type Dispatcher, type Session } from '../ipc/dispatcher';
import { ledgerPath, openLedger, type Db } from '../ledger/open';
import { consoleLogger, logErrorsTo, type ErrorLog, type Logger } from '../logger';
import { bootstrapStore } from '../services/bootstrap';
import { systemClock, type Clock } from '../services/context';
import { handlers } from '../services';
import type { ScryptCost } from '../auth/pin-hash';

/**
 * One open ledger. `session` is its first owner, for in-process callers only (tests, the year
 * generator, a restore's own audit row); no transport ever reads it: a window or web client
 * acts only as the person signed in on it.
 */
export type LedgerApp = { db: Db; dispatcher: Dispatcher; session: Session; file: string; close: () => void };

export type LedgerOptions = {
  dataDir: string;
  clock?: Clock;
  /** Everything worth keeping: start, the start-up check, backups, restores, stop, internal errors. */
  logger?: Logger;
  /** Without a logger: where errors go (tests pass a no-op), with no routine lines. */
  log?: ErrorLog;
  timeZone?: string;
  /** The PIN hashes' cost (tests pass TEST_PIN_COST); the default is PIN_COST. */
  pinCost?: ScryptCost;
};

/** The logger given, or one that sends only errors to `log`, or errors to stderr. */
export function loggerOf(options: LedgerOptions): Logger {
  if (options.logger) return options.logger;
  const log = options.log;
  if (!log) return consoleLogger;
  return { info: () => undefined, warn: () => undefined, error: (_message, error, fields) => log(error, fields) };
}

/**
 * One ledger file opened, with no Electron in it: the ledger in dataDir, the default store,
 * and the dispatcher. Tests and the bench use it directly; the app runs it inside a host.
 */
export function startLedgerApp(options: LedgerOptions): LedgerApp {
  const clock = options.clock ?? systemClock;
  const file = ledgerPath(options.dataDir);
  const logger = loggerOf(options);
  const db = openLedger(file, { clock, logger });
  const staffId = bootstrapStore(db, clock().toISOString(), options.timeZone);
  const dispatcher = createDispatcher({ db, handlers, clock, log: logErrorsTo(logger, 'internal error'), warn: logger.warn });
  return { db, dispatcher, session: { staffId }, file, close: () => db.close() };
}
