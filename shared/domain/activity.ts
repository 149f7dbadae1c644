/**
 * The kinds of thing the activity screen filters by; each audit row falls in exactly one, by the
 * command that wrote it (see electron/services/activity.ts).
 */
export const activityKinds = ['signIn', 'tabs', 'lines', 'comps', 'payments', 'drawer', 'day', 'catalog', 'settings', 'staff', 'backup'] as const;
export type ActivityKind = (typeof activityKinds)[number];
