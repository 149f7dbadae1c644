import { createHash } from 'node:crypto';
import { z } from 'zod';
import { contract, isCommandName, type CommandName, type CommandResult, type ParsedInput } from '../../shared/contract';
import { DomainError, type AppError, type Result } from '../../shared/errors';
import { MoneyError } from '../../shared/money';
import { roleAllows, type Role } from '../../shared/permissions';
import { commandId as commandIdSchema } from '../../shared/schemas';
import type { AppEvent, Staff } from '../../shared/types';
import type { Db } from '../ledger/open';
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
    const missing = Object.keys(contract).filter((name) => !this.map.has(name as CommandName));
    if (missing.length > 0) throw new Error(`commands without a handler: ${missing.join(', ')}`);
    return Object.fromEntries(this.map) as unknown as Handlers;
  }
}

export function zodMessage(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const field = issue?.path.join('.') ?? '';
  // The field travels beside the message, so a screen can show the words next to the input.
  const message = issue?.message ?? 'invalid input';
  return field ? { code: 'invalid_input', message, field } : { code: 'invalid_input', message };
}

function hashPayload(name: string, input: unknown): string {
  return createHash('sha256').update(JSON.stringify([name, input])).digest('hex');
}

function eventsFor(name: CommandName, input: unknown, value: unknown): AppEvent[] {
  if (name.startsWith('catalog.')) return [{ type: 'catalog.changed' }];
  if (name.startsWith('store.')) return [{ type: 'store.changed' }, { type: 'tabs.changed', tabIds: [] }];
  const fromInput = (input as { tabId?: number }).tabId;
  const fromValue = (value as { id?: number; tab?: { id?: number } }).tab?.id ?? (value as { id?: number }).id;
  const tabId = fromInput ?? fromValue;
  return [{ type: 'tabs.changed', tabIds: typeof tabId === 'number' ? [tabId] : [] }];
}

type StoredCommand = { name: string; payload_hash: string; result_json: string };

/**
 * The one entry point for every transport: parse the envelope and the input, check the
 * permission, replay a repeated command id, run the handler inside one transaction, push events.
 */
export function createDispatcher(options: { db: Db; handlers: Handlers; clock?: Clock; log?: (error: unknown) => void }): Dispatcher {
  const { db, handlers } = options;
  const clock = options.clock ?? systemClock;
  const log = options.log ?? ((error: unknown) => console.error('[aftertab] command failed:', error));
  const listeners = new Set<(event: AppEvent) => void>();
  const findStaff = db.prepare<[number], { id: number; name: string; role: Role }>(
    'SELECT id, name, role FROM staff WHERE id = ? AND active = 1',
  );
  const findCommand = db.prepare<[string], StoredCommand>('SELECT name, payload_hash, result_json FROM commands WHERE id = ?');
  const saveCommand = db.prepare('INSERT INTO commands (id, name, payload_hash, result_json, staff_id, at) VALUES (?, ?, ?, ?, ?, ?)');

  function run(name: string, envelope: unknown, session: Session): { value: unknown; events: AppEvent[] } {
    if (!isCommandName(name)) throw new DomainError('unknown_command', `there is no command called "${name}"`);
    const def = contract[name];
    const parsedEnvelope = envelopeSchema.safeParse(envelope ?? {});
    if (!parsedEnvelope.success) throw new DomainError('invalid_input', zodMessage(parsedEnvelope.error).message);
    const parsed = def.input.safeParse(parsedEnvelope.data.input ?? {});
    if (!parsed.success) {
      const e = zodMessage(parsed.error);
      throw new DomainError('invalid_input', e.message, e.field);
    }
    const actor: Staff | undefined = findStaff.get(session.staffId);
    if (!actor) throw new DomainError('unauthorized', 'no active staff member is signed in');
    if (!roleAllows(actor.role, def.permission)) {
      throw new DomainError('forbidden', `${actor.name} (${actor.role}) may not do this; it needs ${def.permission}`);
    }
    const commandId = parsedEnvelope.data.commandId ?? null;
    if (def.mutates && commandId === null) throw new DomainError('command_id_required', `${name} needs a command id`);
    const handler = handlers[name] as Handler<CommandName>;
    const ctx: ServiceContext = { db, now: clock().toISOString(), actor, commandId };
    return db.transaction(() => {
      if (!def.mutates || commandId === null) return { value: handler(ctx, parsed.data as never), events: [] };
      const hash = hashPayload(name, parsed.data);
      const prior = findCommand.get(commandId);
      if (prior) {
        if (prior.name !== name || prior.payload_hash !== hash) {
          throw new DomainError('command_id_reused', 'this command id was already used for a different request; nothing was changed');
        }
        return { value: JSON.parse(prior.result_json) as unknown, events: [] };
      }
      const value = handler(ctx, parsed.data as never);
      saveCommand.run(commandId, name, hash, JSON.stringify(value), actor.id, ctx.now);
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
        if (error instanceof MoneyError) return { ok: false, error: { code: 'invalid_input', message: error.message } };
        log(error);
        return { ok: false, error: { code: 'internal', message: 'Something went wrong inside Aftertab; nothing was saved.' } };
      }
      // The command is committed; a failing listener must not turn it into an error.
      for (const event of outcome.events) {
        for (const listener of listeners) {
          try {
            listener(event);
          } catch (error) {
            log(error);
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
