import { createContext, useContext } from 'react';
import { roleAllows, type Permission } from '../../shared/permissions';
import type { Staff } from '../../shared/types';

/**
 * The person the screens work for: who is signed in, or while the screen is locked, who was (so a
 * locked screen keeps its route until the next person signs in). Provided once, by the app's shell.
 */
export const CurrentStaffContext = createContext<Staff | null>(null);

export function useCurrentStaff(): Staff | null {
  return useContext(CurrentStaffContext);
}

/** Whether the current person's role grants a permission; nobody signed in may do nothing. */
export function useMay(permission: Permission): boolean {
  const staff = useCurrentStaff();
  return staff !== null && roleAllows(staff.role, permission);
}
