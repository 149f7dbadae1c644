import { createHash } from 'node:crypto';
import { z } from 'zod';
import { contract, isCommandName, type CommandName, type CommandResult, type ParsedInput } from '../../shared/contract';
import { DomainError, type Result } from '../../shared/errors';
import { isErrorKey } from '../../shared/i18n/errors-en';
import { MoneyError } from '../../shared/money';
import { roleAllows, type Role } from '../../shared/permissions';
import { commandId as commandIdSchema } from '../../shared/schemas';
import type { AppEvent, Staff } from '../../shared/types';
import type { Db } from '../ledger/open';
import { consoleLogger, logErrorsTo, type ErrorLog } from '../logger';
import { systemClock, type Clock, type ServiceContext } from '../services/context';

export type Handler<N extends CommandName> = (ctx: ServiceContext, input: ParsedInput<N>) => CommandResult<N>;
export type Handlers = { [N in CommandName]: Handler<N> };

/** Who is calling. Every transport passes one; for now it is the store's default owner. */
export type Session = { staffId: number };

export type Dispatcher = {
  dispatch(name: string, envelope: unknown, session: Session): Result<unknown>;
  subscribe(listener: (event: AppEvent) => void): () => void;
};

const envelopeSchema = z.object({ input: z.unknown().optional(), commandId: commandIdSchema.optional() }).strict();

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

/**
 * The first problem zod found, as a DomainError. Our schemas' messages are keys of the error
 * catalogue; zod's own (a wrong type sent by code, an unknown field) travel as their detail.
 */
export function zodError(error: z.ZodError): DomainError {
  const issue = error.issues[0];
  const field = issue?.path.join('.') || undefined;
  const text = issue?.message ?? 'invalid input';
  return isErrorKey(text) ? new DomainError('invalid_input', text, {}, field) : new DomainError('invalid_input', 'errors.invalid', { detail: text }, field);
}

function hashPayload(name: string, input: unknown): string {
  return createHash('sha256').update(JSON.stringify([name, input])).digest('hex');
}

function eventsFor(name: CommandName, input: unknown, value: unknown): AppEvent[] {
  if (name.startsWith('catalog.')) return [{ type: 'catalog.changed' }];
  if (name.startsWith('store.')) return [{ type: 'store.changed' }, { type: 'tabs.changed', tabIds: [] }, { type: 'day.changed' }];
  if (name.startsWith('drawer.')) return [{ type: 'drawer.changed' }, { type: 'day.changed' }];
  if (name.startsWith('day.')) return [{ type: 'day.changed' }, { type: 'tabs.changed', tabIds: [] }];
  const fromInput = (input as { tabId?: number }).tabId;
  const fromValue = (value as { id?: number; tab?: { id?: number } }).tab?.id ?? (value as { id?: number }).id;
  const tabId = fromInput ?? fromValue;
  return [{ type: 'tabs.changed', tabIds: typeof tabId === 'number' ? [tabId] : [] }];
}

type StoredCommand = { name: string; payload_hash: string; at: string; result_json: string | null };

/**
 * The one entry point for every transport: parse the envelope and the input, check the
 * permission, replay a repeated command id, run the handler inside one transaction, push events.
 */
export function createDispatcher(options: { db: Db; handlers: Handlers; clock?: Clock; log?: ErrorLog }): Dispatcher {
  const { db, handlers } = options;
  const clock = options.clock ?? systemClock;
  const log = options.log ?? logErrorsTo(consoleLogger, 'command failed');
  const listeners = new Set<(event: AppEvent) => void>();
  const findStaff = db.prepare<[number], { id: number; name: string; role: Role }>(
    'SELECT id, name, role FROM staff WHERE id = ? AND active = 1',
  );
  const findCommand = db.prepare<[string], StoredCommand>(
    'SELECT c.name, c.payload_hash, c.at, r.result_json FROM commands c LEFT JOIN command_results r ON r.command_id = c.id WHERE c.id = ?',
  );
  const saveCommand = db.prepare('INSERT INTO commands (id, name, payload_hash, staff_id, at) VALUES (?, ?, ?, ?, ?)');
  const saveResult = db.prepare('INSERT INTO command_results (command_id, result_json) VALUES (?, ?)');

  function run(name: string, envelope: unknown, session: Session): { value: unknown; events: AppEvent[] } {
    if (!isCommandName(name)) throw new DomainError('unknown_command', 'errors.unknownCommand', { name: name.slice(0, 80) });
    const def = contract[name];
    const parsedEnvelope = envelopeSchema.safeParse(envelope ?? {});
    if (!parsedEnvelope.success) throw zodError(parsedEnvelope.error);
    const parsed = def.input.safeParse(parsedEnvelope.data.input ?? {});
    if (!parsed.success) throw zodError(parsed.error);
    const actor: Staff | undefined = findStaff.get(session.staffId);
    if (!actor) throw new DomainError('unauthorized', 'errors.notSignedIn');
    if (!roleAllows(actor.role, def.permission)) {
      throw new DomainError('forbidden', 'errors.forbidden', { staff: actor.name, role: actor.role, permission: def.permission });
    }
    const commandId = parsedEnvelope.data.commandId ?? null;
    if (def.mutates && commandId === null) throw new DomainError('command_id_required', 'errors.commandIdRequired', { name });
    const handler = handlers[name] as Handler<CommandName>;
    const ctx: ServiceContext = { db, now: clock().toISOString(), actor, commandId };
    return db.transaction(() => {
      if (!def.mutates || commandId === null) return { value: handler(ctx, parsed.data as never), events: [] };
      const hash = hashPayload(name, parsed.data);
      const prior = findCommand.get(commandId);
      if (prior) {
        if (prior.name !== name || prior.payload_hash !== hash) {
          throw new DomainError('command_id_reused', 'errors.commandIdReused');
        }
        // A result from before the last Z is no longer kept; the command still never runs twice.
        if (prior.result_json === null) throw new DomainError('conflict', 'errors.commandDone', { at: prior.at });
        return { value: JSON.parse(prior.result_json) as unknown, events: [] };
      }
      const value = handler(ctx, parsed.data as never);
      saveCommand.run(commandId, name, hash, actor.id, ctx.now);
      saveResult.run(commandId, JSON.stringify(value));
      return { value, events: eventsFor(name, parsed.data, value) };
    })();
  }

  return {
    dispatch(name, envelope, session) {
      let outcome: { value: unknown; events: AppEvent[] };
      try {
        outcome = run(name, envelope, session);
      } catch (error) {
        if (error instanceof DomainError) return { ok: false, error: error.toJSON() };
        // An amount that would leave the safe integer range is bad input, not a crash.
        if (error instanceof MoneyError) return { ok: false, error: new DomainError('invalid_input', 'errors.amountTooLarge').toJSON() };
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
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
