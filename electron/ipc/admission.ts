import { createHash } from 'node:crypto';
import { z } from 'zod';
import { contract, isCommandName, type CommandDef, type CommandName } from '../../shared/contract';
import { DomainError } from '../../shared/errors';
import { isErrorKey } from '../../shared/i18n/errors-en';
import { isApprovable, mayApprove, roleAllows, type Role } from '../../shared/permissions';
import { commandId as commandIdSchema } from '../../shared/schemas';
import type { Staff } from '../../shared/types';
import type { ApprovalStore } from '../auth/approvals';
import { permissionsFor } from '../auth/escalation';
import type { Db } from '../ledger/open';
import { statement } from '../ledger/statements';
import { readKept } from '../ledger/table-watch';

const envelopeSchema = z.object({ input: z.unknown().optional(), commandId: commandIdSchema.optional() }).strict();

/** Replaces a PIN in a payload before it is hashed for the command log: never a plain PIN on disk. */
export type PinDigest = (pin: string) => string;

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

/** What the command log keys a command id's payload by; PIN fields go in as their keyed digest. */
export function payloadHash(name: string, input: unknown, pinDigest: PinDigest): string {
  const hasPin = typeof input === 'object' && input !== null && ('pin' in input || 'pinAgain' in input);
  const text = hasPin
    ? JSON.stringify([name, input], (key, value: unknown) => ((key === 'pin' || key === 'pinAgain') && typeof value === 'string' ? pinDigest(value) : value))
    : JSON.stringify([name, input]);
  return createHash('sha256').update(text).digest('hex');
}

export type ParsedCommand = {
  name: CommandName;
  def: CommandDef;
  input: unknown;
  commandId: string | null;
  payloadHash: string;
};

/** The command's name, its envelope and its input, each against its schema; a mutation needs a command id. */
export function parseCommand(name: string, envelope: unknown, pinDigest: PinDigest): ParsedCommand {
  if (!isCommandName(name)) throw new DomainError('unknown_command', 'errors.unknownCommand', { name: name.slice(0, 80) });
  const def: CommandDef = contract[name];
  const parsedEnvelope = envelopeSchema.safeParse(envelope ?? {});
  if (!parsedEnvelope.success) throw zodError(parsedEnvelope.error);
  const parsed = def.input.safeParse(parsedEnvelope.data.input ?? {});
  if (!parsed.success) throw zodError(parsed.error);
  const commandId = parsedEnvelope.data.commandId ?? null;
  if (def.mutates && commandId === null) throw new DomainError('command_id_required', 'errors.commandIdRequired', { name });
  // Only a mutation's payload is ever compared (a replay, an approval); a query needs no hash.
  return { name, def, input: parsed.data, commandId, payloadHash: def.mutates ? payloadHash(name, parsed.data, pinDigest) : '' };
}

export type Admitted = ParsedCommand & {
  /** Null only for the public commands (the PIN pad, recovery). */
  actor: Staff | null;
  approverId: number | null;
  /**
   * Known to be a replay of a committed command id (looked up only where it changes what is
   * admitted); false also where the dispatcher will find the replay by itself.
   */
  replay: boolean;
};

export type AdmissionContext = {
  db: Db;
  /** Who the transport says is signed in on this caller; null before anyone signs in. */
  staffId: number | null;
  now: string;
  approvals?: ApprovalStore;
  /** A command id already committed is a replay: it needs no approval a second time. */
  isCommitted?: (commandId: string) => boolean;
};

export function findActiveStaff(db: Db, staffId: number): Staff | undefined {
  // Asked on every command: kept until the staff table is next written (table-watch.ts).
  return readKept(db, `active-staff:${staffId}`, ['staff'], () =>
    statement<[number], { id: number; name: string; role: Role }>(db, 'SELECT id, name, role FROM staff WHERE id = ? AND active = 1').get(staffId),
  );
}

/**
 * The one admission step for every command, ledger and host alike: a signed-in person (unless
 * the command is public), every permission the command needs with this input (the contract's and
 * any escalation), and for what the role lacks but a manager may approve, an approval given for
 * exactly this command id and payload. Reads only; nothing is written here.
 */
export function admit(parsed: ParsedCommand, context: AdmissionContext): Admitted {
  if (parsed.def.public) return { ...parsed, actor: null, approverId: null, replay: false };
  if (context.staffId === null) throw new DomainError('unauthorized', 'errors.notSignedIn');
  const actor = findActiveStaff(context.db, context.staffId);
  if (!actor) throw new DomainError('unauthorized', 'errors.notSignedIn');
  const forbidden = (permission: string): DomainError => new DomainError('forbidden', 'errors.forbidden', { staff: actor.name, role: actor.role, permission });
  if (!roleAllows(actor.role, parsed.def.permission) && !isApprovable(parsed.def.permission)) throw forbidden(parsed.def.permission);
  const missing = permissionsFor(context.db, parsed.name, parsed.input, actor, context.now).filter((p) => !roleAllows(actor.role, p));
  // The common case, and a replay of it: the dispatcher replays a known command id by itself.
  if (missing.length === 0) return { ...parsed, actor, approverId: null, replay: false };
  if (parsed.commandId !== null && context.isCommitted?.(parsed.commandId)) {
    // A replay returns what was done. Whoever ran it may ask again (a staff member's approved
    // walkout whose answer was lost on the way: the approval is used up by then); anyone else
    // must hold the command's own permission.
    const ranBy = statement<[string], { staff_id: number }>(context.db, 'SELECT staff_id FROM commands WHERE id = ?').get(parsed.commandId)?.staff_id;
    if (ranBy !== actor.id && !roleAllows(actor.role, parsed.def.permission)) throw forbidden(parsed.def.permission);
    return { ...parsed, actor, approverId: null, replay: true };
  }
  const refused = missing.find((p) => !isApprovable(p));
  if (refused) throw forbidden(refused);
  const approval = parsed.commandId === null ? null : (context.approvals?.match(parsed.commandId, parsed.name, parsed.payloadHash, actor.id) ?? null);
  const approver = approval ? findActiveStaff(context.db, approval.approverId) : undefined;
  if (approval && approver && missing.every((p) => approval.permissions.includes(p) && mayApprove(approver.role, p))) {
    return { ...parsed, actor, approverId: approver.id, replay: false };
  }
  throw new DomainError('approval_needed', 'errors.approvalNeeded', { staff: actor.name, permission: missing.join(', ') });
}
