import type { Permission } from '../shared/permissions';

/**
 * The screens a role may not see, and the permission each needs: the nav shows a link only to
 * a person whose role grants it, and the route sends anyone else to the board. The board, tabs,
 * settling, tokens and the drawer are for everyone signed in.
 */
export const screenPermissions = {
  '/reports': 'ledger.read',
  '/dashboard': 'ledger.read',
  '/catalog': 'catalog.manage',
  '/settings': 'store.manage',
  '/staff': 'staff.manage',
  '/activity': 'audit.read',
  '/backups': 'backup.run',
  '/customers': 'customers.read',
  '/appointments': 'appointments.read',
} as const satisfies Record<string, Permission>;

export type GatedScreen = keyof typeof screenPermissions;
