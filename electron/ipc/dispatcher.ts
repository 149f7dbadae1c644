import { createHash } from 'node:crypto';
import { contract, type CommandName, type CommandResult, type ParsedInput } from '../../shared/contract';
import { DomainError, type Result } from '../../shared/errors';
import { MoneyError } from '../../shared/money';
import type { AppEvent } from '../../shared/types';
import type { ApprovalStore } from '../auth/approvals';
import { withCommandStamp } from '../ledger/journal';
import type { Db } from '../ledger/open';
import { consoleLogger, logErrorsTo, type ErrorLog, type Logger } from '../logger';
import { systemClock, type Clock, type Prepared, type ServiceContext } from '../services/context';
import { ledgerStorageError, storageFaultOf } from '../storage-fault';
import { admit, parseCommand, type Admitted, type PinDigest } from './admission';

export { zodError } from './admission';

export type Handler<N extends CommandName> = (ctx: ServiceContext, input: ParsedInput<N>) => CommandResult<N>;
export type Handlers = { [N in CommandName]: Handler<N> };

/** Who is calling, as the transport established it: a signed-in staff member, or no one yet. */
export type Session = { staffId: number };

export type Dispatcher = {
  /**
   * Admits and runs one command for a caller already known in-process (tests, the bench's ledger
   * floor, the year generator): the same admission step the transports go through.
   */
  dispatch(name: string, envelope: unknown, session: Session | null): Result<unknown>;
  /** Runs a command the router has admitted, in one transaction, replaying a repeated command id. */
  execute(admitted: Admitted, prepared?: Prepared): Result<unknown>;
  /** True when this command id has been committed (a repeat is then a replay). */
  isCommitted(commandId: string): boolean;
  subscribe(listener: (event: AppEvent) => void): () => void;
};

/** Registering a command twice, or leaving one without a handler, is a programming error. */
export class HandlerRegistry {
  private readonly map = new Map<CommandName, Handler<CommandName>>();
  register<N extends CommandName>(name: N, handler: Handler<N>): this {
    if (this.map.has(name)) throw new Error(`command ${name} is registered twice`);
    this.map.set(name, handler as unknown as Handler<CommandName>);
    return this;
  }
  complete(): Handlers {
    const missing = Object.entries(contract)
      .filter(([name, def]) => !('host' in def) && !this.map.has(name as CommandName))
      .map(([name]) => name);
    if (missing.length > 0) throw new Error(`commands without a handler: ${missing.join(', ')}`);
    return Object.fromEntries(this.map) as unknown as Handlers;
  }
}

/** The payload digest used where no pepper is at hand (a ledger opened in-process by tests). */
export const unkeyedPinDigest: PinDigest = (pin) => createHash('sha256').update(`payload:${pin}`).digest('base64url');

function eventsFor(name: CommandName, input: unknown, value: unknown): AppEvent[] {
  if (name.startsWith('catalog.')) return [{ type: 'catalog.changed' }];
  if (name.startsWith('staff.')) return [{ type: 'staff.changed' }];
  // A profile's name shows on the board's cards and the tab screen, so they refetch too.
  if (name.startsWith('customer.')) return [{ type: 'customers.changed' }, { type: 'tabs.changed', tabIds: [] }];
  if (name.startsWith('store.')) return [{ type: 'store.changed' }, { type: 'tabs.changed', tabIds: [] }, { type: 'day.changed' }];
  if (name.startsWith('drawer.')) return [{ type: 'drawer.changed' }, { type: 'day.changed' }];
  if (name.startsWith('day.')) return [{ type: 'day.changed' }, { type: 'tabs.changed', tabIds: [] }];
  const fromInput = (input as { tabId?: number }).tabId;
  const fromValue = (value as { id?: number; tab?: { id?: number } }).tab?.id ?? (value as { id?: number }).id;
  const tabId = fromInput ?? fromValue;
  return [{ type: 'tabs.changed', tabIds: typeof tabId === 'number' ? [tabId] : [] }];
}

function describeFault(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

type StoredCommand = { name: string; payload_hash: string; at: string; result_json: string | null };

/**
 * Runs admitted commands: the handler inside one transaction, the command id and its first result
 * recorded with it, a repeated id replayed, and events pushed once the transaction has committed.
 */
export function createDispatcher(options: {
  db: Db;
  handlers: Handlers;
  clock?: Clock;
  log?: ErrorLog;
  /** Where a full or read-only disk is reported: the shop's to fix, so a warning, not an internal error. */
  warn?: Logger['warn'];
  pinDigest?: PinDigest;
  approvals?: ApprovalStore;
}): Dispatcher {
  const { db, handlers } = options;
  const clock = options.clock ?? systemClock;
  const log = options.log ?? logErrorsTo(consoleLogger, 'command failed');
  const warn = options.warn ?? consoleLogger.warn;
  const pinDigest = options.pinDigest ?? unkeyedPinDigest;
  const listeners = new Set<(event: AppEvent) => void>();
  const findCommand = db.prepare<[string], StoredCommand>(
    'SELECT c.name, c.payload_hash, c.at, r.result_json FROM commands c LEFT JOIN command_results r ON r.command_id = c.id WHERE c.id = ?',
  );
  const saveCommand = db.prepare('INSERT INTO commands (id, name, payload_hash, staff_id, at) VALUES (?, ?, ?, ?, ?)');
  const saveResult = db.prepare('INSERT INTO command_results (command_id, result_json) VALUES (?, ?)');
  const isCommitted = (commandId: string): boolean => findCommand.get(commandId) !== undefined;

  function run(admitted: Admitted, prepared: Prepared, now: string): { value: unknown; events: AppEvent[] } {
    const { name, def, input, commandId, actor, approverId } = admitted;
    // Host commands (backups, sign-in) are the router's; no ledger handler answers them.
    if (def.host || !actor) throw new DomainError('unknown_command', 'errors.unknownCommand', { name });
    const handler = handlers[name] as Handler<CommandName>;
    const ctx: ServiceContext = { db, now, actor, commandId, approverId, prepared };
    return db.transaction(() =>
      withCommandStamp(db, { commandId, approvedBy: approverId }, () => {
        if (!def.mutates || commandId === null) return { value: handler(ctx, input as never), events: [] };
        const prior = findCommand.get(commandId);
        if (prior) {
          if (prior.name !== name || prior.payload_hash !== admitted.payloadHash) {
            throw new DomainError('command_id_reused', 'errors.commandIdReused');
          }
          // A result from before the last Z is no longer kept; the command still never runs twice.
          if (prior.result_json === null) throw new DomainError('conflict', 'errors.commandDone', { at: prior.at });
          return { value: JSON.parse(prior.result_json) as unknown, events: [] };
        }
        const value = handler(ctx, input as never);
        saveCommand.run(commandId, name, admitted.payloadHash, actor.id, ctx.now);
        saveResult.run(commandId, JSON.stringify(value));
        return { value, events: eventsFor(name, input, value) };
      }),
    )();
  }

  function settle(name: string, attempt: () => { value: unknown; events: AppEvent[] }): Result<unknown> {
    let outcome: { value: unknown; events: AppEvent[] };
    try {
      outcome = attempt();
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, error: error.toJSON() };
      // An amount that would leave the safe integer range is bad input, not a crash.
      if (error instanceof MoneyError) return { ok: false, error: new DomainError('invalid_input', 'errors.amountTooLarge').toJSON() };
      // A full or read-only disk: SQLite has rolled the whole transaction back, so nothing was
      // posted, and the same connection takes the next command once there is room again.
      const fault = storageFaultOf(error, db.name);
      if (fault) {
        const refusal = ledgerStorageError(fault, db.name);
        warn('command refused: the ledger could not be written', { command: name.slice(0, 80), code: fault.code, path: fault.path, problem: describeFault(error) });
        return { ok: false, error: refusal.toJSON() };
      }
      log(error, { command: name.slice(0, 80), code: 'internal' });
      return { ok: false, error: new DomainError('internal', 'errors.internal').toJSON() };
    }
    // The command is committed; a failing listener must not turn it into an error.
    for (const event of outcome.events) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          log(error, { command: name, event: event.type });
        }
      }
    }
    return { ok: true, value: outcome.value };
  }

  return {
    dispatch(name, envelope, session) {
      return settle(name, () => {
        const now = clock().toISOString();
        const admitted = admit(parseCommand(name, envelope, pinDigest), { db, staffId: session?.staffId ?? null, now, approvals: options.approvals, isCommitted });
        return run(admitted, {}, now);
      });
    },
    execute(admitted, prepared = {}) {
      return settle(admitted.name, () => run(admitted, prepared, clock().toISOString()));
    },
    isCommitted,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
