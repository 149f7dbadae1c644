import { z } from 'zod';
import { contract, isCommandName, type CommandName, type CommandResult, type ParsedInput } from '../../shared/contract';
import { DomainError, type ErrorCode, type Result } from '../../shared/errors';
import { roleAllows } from '../../shared/permissions';
import { commandId as commandIdSchema } from '../../shared/schemas';
import type { AppEvent, Staff } from '../../shared/types';
import type { BackupService } from '../backup/backup-service';
import type { LedgerHost } from '../backup/ledger-host';
import { consoleLogger, logErrorsTo, type ErrorLog } from '../logger';
import { zodError } from './dispatcher';

/** The contract's commands flagged `host: true`: they copy or replace the ledger file itself. */
export const hostCommandNames = ['backup.status', 'backup.configure', 'backup.now', 'backup.restore', 'recovery.status', 'recovery.restore'] as const;
export type HostCommandName = (typeof hostCommandNames)[number];

/** recovery.* run with no ledger open, so no staff row can be looked up (see shared/contract.ts). */
const withoutStaff: ReadonlySet<CommandName> = new Set<CommandName>(['recovery.status', 'recovery.restore']);

/** The code every command but recovery.* gets while the ledger failed its start-up check. */
export const LEDGER_DAMAGED_CODE: ErrorCode = 'ledger_damaged';

export type HostHandler<N extends HostCommandName> = (input: ParsedInput<N>, actor: Staff | null) => Promise<CommandResult<N>> | CommandResult<N>;
export type HostHandlers = { [N in HostCommandName]: HostHandler<N> };

/** What both transports call: every command, answered asynchronously, through whichever ledger is current. */
export type CommandRouter = {
  dispatch(name: string, envelope: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: AppEvent) => void): () => void;
};

const envelopeSchema = z.object({ input: z.unknown().optional(), commandId: commandIdSchema.optional() }).strict();

function isHostCommand(name: CommandName): name is HostCommandName {
  return (hostCommandNames as readonly string[]).includes(name);
}

export function ledgerDamaged(problem: string): DomainError {
  return new DomainError(LEDGER_DAMAGED_CODE, 'errors.recovery.ledgerDamaged', { problem });
}

/**
 * Ledger commands go to the current ledger's dispatcher (synchronous, one transaction each).
 * Host commands are parsed with the contract's schema and permission-checked exactly like
 * ledger commands, then awaited outside any transaction. With no ledger (recovery mode) only
 * recovery.* are answered; everything else is refused with errors.recovery.ledgerDamaged.
 */
export function createCommandRouter(options: { host: LedgerHost; handlers: HostHandlers; log?: ErrorLog }): CommandRouter {
  const { host, handlers } = options;
  const log = options.log ?? logErrorsTo(consoleLogger, 'command failed');

  async function runHost(name: HostCommandName, envelope: unknown): Promise<unknown> {
    const parsedEnvelope = envelopeSchema.safeParse(envelope ?? {});
    if (!parsedEnvelope.success) throw zodError(parsedEnvelope.error);
    const def = contract[name];
    const parsed = def.input.safeParse(parsedEnvelope.data.input ?? {});
    if (!parsed.success) throw zodError(parsed.error);
    let actor: Staff | null = null;
    if (!withoutStaff.has(name)) {
      const app = host.current();
      if (!app) throw ledgerDamaged(host.problem() ?? '');
      actor =
        app.db.prepare<[number], Staff>('SELECT id, name, role FROM staff WHERE id = ? AND active = 1').get(app.session.staffId) ?? null;
      if (!actor) throw new DomainError('unauthorized', 'errors.notSignedIn');
      if (!roleAllows(actor.role, def.permission)) {
        throw new DomainError('forbidden', 'errors.forbidden', { staff: actor.name, role: actor.role, permission: def.permission });
      }
    }
    const handler = handlers[name] as HostHandler<HostCommandName>;
    return handler(parsed.data as never, actor);
  }

  return {
    async dispatch(name, envelope) {
      try {
        if (isCommandName(name) && isHostCommand(name)) return { ok: true, value: await runHost(name, envelope) };
        const app = host.current();
        if (!app) throw ledgerDamaged(host.problem() ?? '');
        return app.dispatcher.dispatch(name, envelope, app.session);
      } catch (error) {
        // A client sees `internal` for these two alike; both go to the log with their stacks.
        if (error instanceof DomainError && error.code !== 'internal') return { ok: false, error: error.toJSON() };
        log(error, { command: name.slice(0, 80), code: 'internal' });
        if (error instanceof DomainError) return { ok: false, error: error.toJSON() };
        return { ok: false, error: new DomainError('internal', 'errors.internal').toJSON() };
      }
    },
    subscribe: (listener) => host.subscribe(listener),
  };
}

/** The host commands bound to the backup service. */
export function backupHandlers(backups: BackupService): HostHandlers {
  return {
    'backup.status': () => backups.status(),
    'backup.configure': (input) => backups.configure(input),
    'backup.now': () => backups.backupNow('manual'),
    'backup.restore': (input) => backups.restore(input.name),
    'recovery.status': () => backups.recoveryStatus(),
    'recovery.restore': (input) => backups.restore(input.name, { onlyInRecovery: true }),
  };
}
