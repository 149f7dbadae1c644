import { createHash } from 'node:crypto';
import { contract, type CommandInput, type CommandName, type CommandResult } from '../shared/contract';
import { roleAllows } from '../shared/permissions';
import type { Staff } from '../shared/types';
import type { Handler } from '../electron/ipc/dispatcher';
import type { Db } from '../electron/ledger/open';
import { handlers } from '../electron/services';
import type { ServiceContext } from '../electron/services/context';
import type { Random } from './seeded-random';

/** Runs ledger commands the way the dispatcher does, minus its one transaction (and fsync) per command. */
export type CommandRunner = {
  readonly db: Db;
  /** The fake clock, in ms since the epoch. */
  now: () => number;
  /** Moves the clock forward (never back: the journal's times only grow). */
  setNow: (ms: number) => void;
  run: <N extends CommandName>(name: N, input: CommandInput<N>) => CommandResult<N>;
};

/**
 * Each command is parsed by its contract schema, checked against the actor's role and handed to
 * the registered service with a ServiceContext, exactly as the dispatcher would; a mutation gets
 * a command id (from the seeded PRNG, so the file is reproducible) and, with `commandLog`, the
 * same `commands` row the dispatcher stores for replay (its payload hash and result JSON), so the
 * file holds what the app would have written. The caller owns the transaction.
 */
export function createRunner(db: Db, actor: Staff, random: Random, options: { commandLog: boolean; startMs: number }): CommandRunner {
  let now = options.startMs;
  const save = db.prepare('INSERT INTO commands (id, name, payload_hash, staff_id, at) VALUES (?, ?, ?, ?, ?)');
  const saveResult = db.prepare('INSERT INTO command_results (command_id, result_json) VALUES (?, ?)');
  const registry = handlers as Partial<Record<CommandName, Handler<CommandName>>>;
  return {
    db,
    now: () => now,
    setNow: (ms) => {
      if (ms < now) throw new Error(`the clock went back from ${new Date(now).toISOString()} to ${new Date(ms).toISOString()}`);
      now = ms;
    },
    run: (name, input) => {
      const def = contract[name];
      const handler = registry[name];
      if (!handler) throw new Error(`${name} has no ledger handler (host commands are not run here)`);
      if (!roleAllows(actor.role, def.permission)) throw new Error(`${actor.name} (${actor.role}) may not run ${name}`);
      const parsed: unknown = def.input.parse(input);
      const at = new Date(now).toISOString();
      const commandId = def.mutates ? random.uuid() : null;
      const ctx: ServiceContext = { db, now: at, actor, commandId, approverId: null, prepared: {} };
      const value = handler(ctx, parsed as never);
      if (commandId !== null && options.commandLog) {
        const hash = createHash('sha256')
          .update(JSON.stringify([name, parsed]))
          .digest('hex');
        save.run(commandId, name, hash, actor.id, at);
        saveResult.run(commandId, JSON.stringify(value));
      }
      return value as CommandResult<typeof name>;
    },
  };
}
