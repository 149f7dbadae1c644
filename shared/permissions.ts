/**
 * What a staff member may do: roles grant permissions in the one table below, and every command
 * in shared/contract.ts names the permission it needs. Some commands need a higher permission
 * only in some cases (a large comp, a paid out, a change of currency); the main process works
 * that out from the input (electron/auth/escalation.ts), never the screen. store.businessDay changes
 * the time zone or day boundary once a Z has been printed.
 *
 * tabs.adjust lowers what a tab owes within the store's approval threshold (a small comp, a line
 * removed straight after it was rung up by the one who rang it up); tabs.adjustLarge lowers it
 * beyond that. drawer.operate opens the drawer, pays in and enters the blind count; drawer.payOut
 * takes cash out of it; drawer.signOff accepts a count and its variance; day.close prints the Z.
 * backup.run copies the ledger now and reads the list; backup.manage sets the folder and restores.
 * staff.manage adds, renames, re-PINs and archives managers and staff; staff.owners does the same
 * for owners and makes owners; staff.unlock lifts a PIN lockout. session is what every signed-in
 * person may do (see who they are, sign out, lock the screen). customers.read and customers.write find,
 * add and edit customer profiles and attach them to tabs; customers.manage archives, merges and
 * erases them. appointments.read and appointments.write see and keep the salon's book (booking, moving,
 * check-in, cancelling, taking a deposit); deposits.forfeit keeps a deposit after a late cancel or a
 * no-show, and deposits.refund gives one back when the policy would keep it (or on request): a staff
 * member does either only with a manager's or owner's PIN. refunds.issue gives money back on a
 * settled tab (whole, by line or by amount, with a reason): owners and managers hold it, a staff
 * member refunds only with a manager's or owner's PIN for that one refund.
 */
export const permissions = [
  'session',
  'tabs.read',
  'tabs.write',
  'tabs.adjust',
  'tabs.adjustLarge',
  'tabs.writeOff',
  'payments.void',
  'payments.largeTip',
  'drawer.operate',
  'drawer.payOut',
  'drawer.signOff',
  'catalog.manage',
  'store.manage',
  'store.currency',
  'store.businessDay',
  'staff.manage',
  'staff.owners',
  'staff.unlock',
  'ledger.read',
  'day.close',
  'audit.read',
  'backup.run',
  'backup.manage',
  'customers.read',
  'customers.write',
  'customers.manage',
  'appointments.read',
  'appointments.write',
  'deposits.forfeit',
  'deposits.refund',
  'refunds.issue',
] as const;
export type Permission = (typeof permissions)[number];

export const roles = ['owner', 'manager', 'staff'] as const;
export type Role = (typeof roles)[number];

/** Owner: everything. Manager: all but owners' roles, the currency, the business day after the
 * first Z, the backup folder, restore,
 * lifting lockouts and the activity screen. Staff: the counter, within the approval threshold. */
const grants: Record<Role, readonly Permission[]> = {
  owner: permissions,
  manager: permissions.filter((p) => !['store.currency', 'store.businessDay', 'staff.owners', 'staff.unlock', 'backup.manage', 'audit.read'].includes(p)),
  staff: [
    'session',
    'tabs.read',
    'tabs.write',
    'tabs.adjust',
    'drawer.operate',
    'customers.read',
    'customers.write',
    'appointments.read',
    'appointments.write',
  ],
};

/**
 * What a staff member may still do for one action when a manager or owner approves it by PIN.
 * The rest (reports, catalog, settings, staff, backups) is refused outright.
 */
export const approvable: readonly Permission[] = [
  'tabs.adjustLarge',
  'tabs.writeOff',
  'payments.void',
  'payments.largeTip',
  'drawer.payOut',
  'drawer.signOff',
  'deposits.forfeit',
  'deposits.refund',
  'refunds.issue',
];

export function roleAllows(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}

export function isApprovable(permission: Permission): boolean {
  return approvable.includes(permission);
}

/** Roles that may approve a permission for someone else: those who hold it. */
export function mayApprove(role: Role, permission: Permission): boolean {
  return role !== 'staff' && isApprovable(permission) && roleAllows(role, permission);
}
