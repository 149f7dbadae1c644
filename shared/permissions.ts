/**
 * What a staff member may do. Roles map to permissions here; staff management, PINs and
 * approvals will arrive later and only change who holds which role.
 */
/** tabs.adjust lowers what a tab owes (a comp, a removed line, a smaller quantity). */
export const permissions = ['tabs.read', 'tabs.write', 'tabs.adjust', 'tabs.writeOff', 'catalog.manage', 'store.manage', 'ledger.read'] as const;
export type Permission = (typeof permissions)[number];

export const roles = ['owner', 'manager', 'staff'] as const;
export type Role = (typeof roles)[number];

const grants: Record<Role, readonly Permission[]> = {
  owner: permissions,
  manager: ['tabs.read', 'tabs.write', 'tabs.adjust', 'tabs.writeOff', 'catalog.manage', 'ledger.read'],
  staff: ['tabs.read', 'tabs.write'],
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}
