import { roleAllows, roles, type Role } from '../../../shared/permissions';
import type { Staff, StaffMember } from '../../../shared/types';
import type { MessageKey } from '../../i18n/t';

/**
 * What the staff screen offers the signed-in person. The ledger decides (a manager touching an
 * owner is refused there); the screen only leaves out what would be refused, so no one is
 * offered a button that cannot work.
 */
export function mayManageStaff(actor: Staff | null): boolean {
  return actor !== null && roleAllows(actor.role, 'staff.manage');
}

/** Whether the actor may rename, re-role, re-PIN or archive this person. */
export function mayChange(actor: Staff | null, member: StaffMember): boolean {
  if (!actor || !mayManageStaff(actor)) return false;
  return member.role !== 'owner' || roleAllows(actor.role, 'staff.owners');
}

/** The roles the actor may give: a manager cannot make an owner. */
export function rolesOffered(actor: Staff | null): Role[] {
  if (!actor) return [];
  return roles.filter((role) => role !== 'owner' || roleAllows(actor.role, 'staff.owners'));
}

export function mayUnlock(actor: Staff | null): boolean {
  return actor !== null && roleAllows(actor.role, 'staff.unlock');
}

/**
 * Archiving yourself would end your own session at the next tap; someone else does it. The
 * ledger keeps the last active owner either way.
 */
export function mayArchive(actor: Staff | null, member: StaffMember): boolean {
  return mayChange(actor, member) && actor?.id !== member.id;
}

/** A lockout still running at `nowMs` (it ends on its own; the list is not reloaded for that). */
export function lockedAt(member: StaffMember, nowMs: number): string | null {
  return member.lockedUntil !== null && Date.parse(member.lockedUntil) > nowMs ? member.lockedUntil : null;
}

export type PinProblems = { pin?: MessageKey; pinAgain?: MessageKey };

/** The same rule as the ledger (4 to 8 digits), plus the second entry matching the first. */
export function checkPins(pin: string, again: string): PinProblems {
  if (!/^[0-9]{4,8}$/.test(pin)) return { pin: 'errors.field.pin' };
  if (again !== pin) return { pinAgain: 'errors.field.pinAgain' };
  return {};
}

/** Active staff first, then the archived, each by name, as the ledger lists them. */
export function splitByActive(members: readonly StaffMember[]): { active: StaffMember[]; archived: StaffMember[] } {
  return { active: members.filter((m) => m.active), archived: members.filter((m) => !m.active) };
}
