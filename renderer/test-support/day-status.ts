import type { DayStatus } from '../../shared/closing-types';

/** day.status on the 15th with the 14th still open and the drawer open; a test changes what it is about. */
export function testDayStatus(patch: Partial<DayStatus> = {}): DayStatus {
  return {
    currentBusinessDate: '2026-09-15',
    nextToClose: '2026-09-14',
    canCloseNext: true,
    unclosedDates: ['2026-09-14', '2026-09-15'],
    lastZ: null,
    drawerOpen: true,
    dayBoundaryMinutes: 240,
    timeZone: 'Europe/Dublin',
    ...patch,
  };
}
