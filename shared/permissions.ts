/**
 * What a staff member may do. Roles map to permissions here; staff management, PINs and
 * approvals will arrive later and only change who holds which role.
 */
/**
 * tabs.adjust lowers what a tab owes (a comp, a removed line, a smaller quantity).
 * drawer.operate opens the drawer, pays in and out and enters the blind count; drawer.signOff
 * accepts a count and its variance; day.close prints the Z; backup.manage copies and restores.
 * payments.void takes back a tab's last payment soon after it was taken (a manager's correction).
 */
export const permissions = [
  'tabs.read',
  'tabs.write',
  'tabs.adjust',
  'tabs.writeOff',
  'catalog.manage',
  'store.manage',
  'ledger.read',
  'drawer.operate',
  'drawer.signOff',
  'day.close',
  'backup.manage',
  'payments.void',
] as const;
export type Permission = (typeof permissions)[number];

export const roles = ['owner', 'manager', 'staff'] as const;
export type Role = (typeof roles)[number];

const grants: Record<Role, readonly Permission[]> = {
  owner: permissions,
  manager: ['tabs.read', 'tabs.write', 'tabs.adjust', 'tabs.writeOff', 'catalog.manage', 'ledger.read', 'drawer.operate', 'drawer.signOff', 'day.close', 'payments.void'],
  staff: ['tabs.read', 'tabs.write', 'drawer.operate'],
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}
