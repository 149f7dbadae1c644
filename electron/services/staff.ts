import type { ParsedInput } from '../../shared/contract';
import { DomainError } from '../../shared/errors';
import type { Role } from '../../shared/permissions';
import type { StaffMember } from '../../shared/types';
import { writeAudit } from '../ledger/journal';
import type { Db } from '../ledger/open';
import type { ServiceContext } from './context';
import { statement } from '../ledger/statements';

type StaffRow = { id: number; name: string; role: Role; active: number; pin_hash: string | null; locked_until: string | null; created_at: string };

const COLUMNS = 'id, name, role, active, pin_hash, locked_until, created_at';

/** A staff member as screens see them: whether a PIN is set, never the PIN or its hash. */
function member(row: StaffRow, now: string): StaffMember {
  const locked = row.locked_until !== null && row.locked_until > now ? row.locked_until : null;
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    active: row.active === 1,
    hasPin: row.pin_hash !== null,
    lockedUntil: locked,
    createdAt: row.created_at,
  };
}

function readRow(db: Db, staffId: number): StaffRow {
  const row = statement<[number], StaffRow>(db, `SELECT ${COLUMNS} FROM staff WHERE id = ?`).get(staffId);
  if (!row) throw new DomainError('not_found', 'errors.staff.missing', { id: staffId }, 'staffId');
  return row;
}

export function readMember(db: Db, staffId: number, now: string): StaffMember {
  return member(readRow(db, staffId), now);
}

export function listStaff(ctx: ServiceContext, input: ParsedInput<'staff.list'>): StaffMember[] {
  const rows = statement<[number], StaffRow>(
    ctx.db,
    `SELECT ${COLUMNS} FROM staff WHERE active = 1 OR ? = 1 ORDER BY active DESC, name COLLATE NOCASE, id`,
  ).all(input.includeArchived ? 1 : 0);
  return rows.map((row) => member(row, ctx.now));
}

function requireFreeName(db: Db, name: string, exceptId: number | null): void {
  const taken = statement<[string, number], { id: number }>(db, 'SELECT id FROM staff WHERE active = 1 AND name = ? COLLATE NOCASE AND id <> ?').get(
    name,
    exceptId ?? 0,
  );
  if (taken) throw new DomainError('conflict', 'errors.staff.nameTaken', { name }, 'name');
}

/**
 * The store always keeps one active owner: the last one can be neither archived nor made a
 * manager. `field` is what the screen shows the refusal beside (the role picker, the row).
 */
function requireAnotherOwner(db: Db, row: StaffRow, field: string): void {
  if (row.role !== 'owner' || row.active !== 1) return;
  const owners = statement<[], { n: number }>(db, "SELECT COUNT(*) AS n FROM staff WHERE role = 'owner' AND active = 1").get()?.n ?? 0;
  if (owners <= 1) throw new DomainError('conflict', 'errors.staff.lastOwner', { name: row.name }, field);
}

function requirePinHash(ctx: ServiceContext): string {
  // The router hashes the PIN (slowly, outside the transaction) and checks no one else has it.
  const hash = ctx.prepared.pinHash;
  if (!hash) throw new Error('a PIN command reached the ledger without its prepared hash');
  return hash;
}

function audit(ctx: ServiceContext, command: string, detail: Record<string, unknown>): void {
  writeAudit(ctx.db, { at: ctx.now, staffId: ctx.actor.id, command, tabId: null, detail: JSON.stringify(detail) });
}

export function createStaff(ctx: ServiceContext, input: ParsedInput<'staff.create'>): StaffMember {
  requireFreeName(ctx.db, input.name, null);
  const id = Number(
    statement(ctx.db, 'INSERT INTO staff (name, role, created_at, pin_hash) VALUES (?, ?, ?, ?)').run(input.name, input.role, ctx.now, requirePinHash(ctx))
      .lastInsertRowid,
  );
  audit(ctx, 'staff.create', { staffId: id, name: input.name, role: input.role });
  return readMember(ctx.db, id, ctx.now);
}

export function updateStaff(ctx: ServiceContext, input: ParsedInput<'staff.update'>): StaffMember {
  const row = readRow(ctx.db, input.staffId);
  if (row.active !== 1) throw new DomainError('conflict', 'errors.staff.archived', { name: row.name }, 'staffId');
  const name = input.name ?? row.name;
  const role = input.role ?? row.role;
  if (name === row.name && role === row.role) return member(row, ctx.now);
  if (name !== row.name) requireFreeName(ctx.db, name, row.id);
  if (role !== 'owner') requireAnotherOwner(ctx.db, row, 'role');
  statement(ctx.db, 'UPDATE staff SET name = ?, role = ? WHERE id = ?').run(name, role, row.id);
  audit(ctx, 'staff.update', {
    staffId: row.id,
    ...(name !== row.name ? { name, was: row.name } : {}),
    ...(role !== row.role ? { role, wasRole: row.role } : {}),
  });
  return readMember(ctx.db, row.id, ctx.now);
}

export function resetPin(ctx: ServiceContext, input: ParsedInput<'staff.resetPin'>): StaffMember {
  const row = readRow(ctx.db, input.staffId);
  if (row.active !== 1) throw new DomainError('conflict', 'errors.staff.archived', { name: row.name }, 'staffId');
  // A new PIN also lifts a lockout: the person now knows the right one.
  statement(ctx.db, 'UPDATE staff SET pin_hash = ?, failed_pins = 0, locked_until = NULL WHERE id = ?').run(requirePinHash(ctx), row.id);
  audit(ctx, 'staff.resetPin', { staffId: row.id, name: row.name });
  return readMember(ctx.db, row.id, ctx.now);
}

export function archiveStaff(ctx: ServiceContext, input: ParsedInput<'staff.archive'>): StaffMember {
  const row = readRow(ctx.db, input.staffId);
  const active = input.archived ? 0 : 1;
  if (row.active === active) return member(row, ctx.now);
  if (input.archived) {
    requireAnotherOwner(ctx.db, row, 'staffId');
    // The PIN goes with the person: a PIN is unique only among active staff, so by the time they
    // come back someone else may have it. Whoever brings them back sets a new one.
    statement(ctx.db, 'UPDATE staff SET active = 0, archived_at = ?, pin_hash = NULL, failed_pins = 0, locked_until = NULL WHERE id = ?').run(ctx.now, row.id);
  } else {
    requireFreeName(ctx.db, row.name, row.id);
    statement(ctx.db, 'UPDATE staff SET active = 1, archived_at = NULL WHERE id = ?').run(row.id);
  }
  audit(ctx, input.archived ? 'staff.archive' : 'staff.restore', { staffId: row.id, name: row.name });
  return readMember(ctx.db, row.id, ctx.now);
}

export function unlockStaff(ctx: ServiceContext, input: ParsedInput<'staff.unlock'>): StaffMember {
  const row = readRow(ctx.db, input.staffId);
  statement(ctx.db, 'UPDATE staff SET failed_pins = 0, locked_until = NULL WHERE id = ?').run(row.id);
  audit(ctx, 'staff.unlock', { staffId: row.id, name: row.name });
  return readMember(ctx.db, row.id, ctx.now);
}
