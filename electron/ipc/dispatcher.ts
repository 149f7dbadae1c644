import { createHash } from 'node:crypto';
import { contract, type CommandName, type CommandResult, type ParsedInput } from '../../shared/contract';
import { DomainError, type Result } from '../../shared/errors';
import { MoneyError } from '../../shared/money';
import type { ChangedTabs, CommandEvents } from '../../shared/command-events';
import type { AppEvent, BoardCard, TabSummary } from '../../shared/types';
import type { ApprovalStore } from '../auth/approvals';
import { chainAppends, EMPTY_HEAD, type ChainHead } from '../ledger/chain';
import { withCommandStamp } from '../ledger/journal';
import type { Db } from '../ledger/open';
import type { Statement } from 'better-sqlite3';
import { consoleLogger, logErrorsTo, type ErrorLog, type Logger } from '../logger';
import { boardCards } from '../services/board-summary';
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
  execute(admitted: Admitted, prepared?: Prepared): Executed;
  /** True when this command id has been committed (a repeat is then a replay). */
  isCommitted(commandId: string): boolean;
  subscribe(listener: (event: AppEvent) => void): () => void;
  /**
   * The seal's watch on the hash chain: each committed command hands over the chain row it appended
   * last (its head at the commit) and whether the row at `sealedSeq()` still stands, read in its
   * last statement, straight after its commit, so the seal follows every command without reading
   * again. One watch at a time; returns its removal.
   */
  watchChain(watch: ChainWatch): () => void;
};

/** What a committed command saw of the chain in its transaction, after everything it appended. */
export type ChainSeen = {
  head: ChainHead;
  /** The row at the seq asked for (sealedSeq), null when the ledger no longer holds it. */
  atSeq: ChainHead | null;
  sealedSeq: number;
  /** chainAppends' count at the commit: equal later means this connection has appended nothing since. */
  appends: number;
};

export type ChainWatch = { sealedSeq: () => number; committed: (seen: ChainSeen) => void };

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

function describeFault(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What a committed command declared it changes (the contract's `events`), with the input to read tab ids from. */
type Changed = { events: CommandEvents; input: unknown };

/**
 * A command's answer, what it changed (nothing for a query or a replay), and whether it was the
 * first answer to a repeated command id, given again.
 */
type Outcome = { value: unknown; changed: Changed | null; replayed: boolean; seen?: ChainSeen };

/** What execute answers: a replayed answer says so, so the caller does nothing twice (a drawer kick). */
export type Executed = Result<unknown> & { replayed?: true };

/** The card of `tabId` in a command's answer (a TabSummary, or one under `tab`), as the board shows it; null when it has none. */
function answeredCard(value: unknown, tabId: number): BoardCard | null {
  const answer = value as { tab?: unknown } | null;
  const summary = (answer && typeof answer === 'object' && 'tab' in answer ? answer.tab : answer) as Partial<TabSummary> | null;
  // A whole tab (TabDetail) is not a card: only an answer shaped as the board's card is taken as one.
  if (
    !summary ||
    typeof summary !== 'object' ||
    'lines' in summary ||
    summary.id !== tabId ||
    typeof summary.dueMinor !== 'number' ||
    summary.status === undefined
  )
    return null;
  const s = summary as TabSummary;
  const card: TabSummary = {
    id: s.id,
    token: s.token,
    name: s.name,
    label: s.label,
    note: s.note,
    status: s.status,
    itemCount: s.itemCount,
    totalMinor: s.totalMinor,
    paidMinor: s.paidMinor,
    dueMinor: s.dueMinor,
    openedAt: s.openedAt,
    lastActivityAt: s.lastActivityAt,
    customerId: s.customerId,
    customerName: s.customerName,
  };
  return { tabId, card: s.status === 'open' ? card : null };
}

type SeenRow = { at_hash: Buffer | null };

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
  let chainWatch: ChainWatch | null = null;
  let saveResultSeeingChain: Statement<[string, string, number], SeenRow> | null = null;
  /**
   * saveResult, answering whether the row at `sealedSeq` still stands; the head is the chain row
   * this connection appended last (the result's own), as its TEMP trigger told it. Null when the
   * connection is not told of its appends: the seal then reads the head after the commit.
   */
  const saveResultSeeing = (commandId: string, json: string, sealedSeq: number): ChainSeen | null => {
    const before = chainAppends(db);
    if (!before) {
      saveResult.run(commandId, json);
      return null;
    }
    saveResultSeeingChain ??= db.prepare<[string, string, number], SeenRow>(
      'INSERT INTO command_results (command_id, result_json) VALUES (?, ?) RETURNING (SELECT hash FROM ledger_chain WHERE seq = ?) AS at_hash',
    );
    const row = saveResultSeeingChain.get(commandId, json, sealedSeq) as SeenRow;
    const after = chainAppends(db);
    if (!after?.last || after.count === before.count) return null;
    const atSeq = sealedSeq === 0 ? EMPTY_HEAD : row.at_hash ? { seq: sealedSeq, hash: row.at_hash.toString('hex') } : null;
    return { head: after.last, atSeq, sealedSeq, appends: after.count };
  };
  const isCommitted = (commandId: string): boolean => findCommand.get(commandId) !== undefined;

  function run(admitted: Admitted, prepared: Prepared, now: string): Outcome {
    const { name, def, input, commandId, actor, approverId } = admitted;
    // Host commands (backups, sign-in) are the router's; no ledger handler answers them.
    if (def.host || !actor) throw new DomainError('unknown_command', 'errors.unknownCommand', { name });
    const handler = handlers[name] as Handler<CommandName>;
    const ctx: ServiceContext = { db, now, actor, commandId, approverId, prepared };
    const inTransaction = (body: () => Outcome): Outcome => db.transaction(() => withCommandStamp(db, { commandId, approvedBy: approverId }, body))();
    if (!def.mutates || commandId === null) return inTransaction(() => ({ value: handler(ctx, input as never), changed: null, replayed: false }));
    try {
      // A command id is new far more often than not, so the command runs straight away and its id
      // is recorded last; a repeated id fails that insert (the primary key), and everything the
      // command did rolls back with it.
      return inTransaction(() => {
        const value = handler(ctx, input as never);
        saveCommand.run(commandId, name, admitted.payloadHash, actor.id, ctx.now);
        const changed = def.events ? { events: def.events, input } : null;
        // The command's last statement: everything it appended to the chain is in by now.
        if (!chainWatch) {
          saveResult.run(commandId, JSON.stringify(value));
          return { value, changed, replayed: false };
        }
        const seen = saveResultSeeing(commandId, JSON.stringify(value), chainWatch.sealedSeq());
        return seen ? { value, changed, replayed: false, seen } : { value, changed, replayed: false };
      });
    } catch (error) {
      // Whatever the attempt made of the ledger as it now stands was rolled back: a repeated id
      // gets its first answer (or its refusal), never a second run.
      const prior = findCommand.get(commandId);
      if (!prior) throw error;
      if (prior.name !== name || prior.payload_hash !== admitted.payloadHash) {
        throw new DomainError('command_id_reused', 'errors.commandIdReused');
      }
      // A result from before the last Z is no longer kept; the command still never runs twice.
      if (prior.result_json === null) throw new DomainError('conflict', 'errors.commandDone', { at: prior.at });
      return { value: JSON.parse(prior.result_json) as unknown, changed: null, replayed: true };
    }
  }

  /**
   * The events a committed command declared: its kinds of change, then the tabs it named with their
   * cards on the board, read in one statement after the commit (never inside the transaction).
   */
  function announce(name: string, changed: Changed, value: unknown): AppEvent[] {
    const events: AppEvent[] = changed.events.changes.map((type) => ({ type }));
    let tabs: ChangedTabs | undefined;
    try {
      tabs = changed.events.tabs?.(changed.input, value);
    } catch (error) {
      // The command stands whatever its declaration makes of its answer: every tab is then named.
      log(error, { command: name, event: 'tabs.changed' });
      tabs = 'all';
    }
    if (tabs === 'all') events.push({ type: 'tabs.changed', tabIds: [] });
    else if (tabs && tabs.length > 0) {
      const tabIds = [...new Set(tabs)];
      events.push({ type: 'tabs.changed', tabIds, ...cardsOf(name, tabIds, value) });
    }
    return events;
  }

  /**
   * The cards: the one a command answered with when it changed one tab (a tab command answers
   * with its card, built from what it wrote), else read; none when they cannot be read (the
   * board then asks for the whole list).
   */
  function cardsOf(name: string, tabIds: number[], value: unknown): { board?: BoardCard[] } {
    const answered = tabIds.length === 1 ? answeredCard(value, tabIds[0] as number) : null;
    if (answered) return { board: [answered] };
    try {
      return { board: boardCards(db, tabIds) };
    } catch (error) {
      log(error, { command: name, event: 'tabs.changed' });
      return {};
    }
  }

  function settle(name: string, attempt: () => Outcome): Executed {
    let outcome: Outcome;
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
        warn('command refused: the ledger could not be written', {
          command: name.slice(0, 80),
          code: fault.code,
          path: fault.path,
          problem: describeFault(error),
        });
        return { ok: false, error: refusal.toJSON() };
      }
      log(error, { command: name.slice(0, 80), code: 'internal' });
      return { ok: false, error: new DomainError('internal', 'errors.internal').toJSON() };
    }
    // Committed: the seal hears what the command saw of the chain before anything else can append.
    if (outcome.seen && chainWatch) {
      try {
        chainWatch.committed(outcome.seen);
      } catch (error) {
        log(error, { command: name, event: 'chain' });
      }
    }
    // The command is committed; a failing listener must not turn it into an error. With nobody
    // listening (tests, the bench's ledger floor) no event is made, and no card read.
    const events = outcome.changed && listeners.size > 0 ? announce(name, outcome.changed, outcome.value) : [];
    for (const event of events) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          log(error, { command: name, event: event.type });
        }
      }
    }
    return outcome.replayed ? { ok: true, value: outcome.value, replayed: true } : { ok: true, value: outcome.value };
  }

  return {
    dispatch(name, envelope, session) {
      const result = settle(name, () => {
        const now = clock().toISOString();
        const admitted = admit(parseCommand(name, envelope, pinDigest), {
          db,
          staffId: session?.staffId ?? null,
          now,
          approvals: options.approvals,
          isCommitted,
        });
        return run(admitted, {}, now);
      });
      return result.ok ? { ok: true, value: result.value } : result;
    },
    execute(admitted, prepared = {}) {
      return settle(admitted.name, () => run(admitted, prepared, clock().toISOString()));
    },
    isCommitted,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    watchChain(watch) {
      chainWatch = watch;
      return () => {
        if (chainWatch === watch) chainWatch = null;
      };
    },
  };
}
