import type { ActivityPage, ActivityRow } from '../../../shared/closing-types';

/**
 * A fresh first page on top of what is shown: the rows newer than the top one go above it, so
 * older pages already opened stay; a first page with nothing in common replaces the list.
 */
export function mergeNewest(shown: ActivityRow[], nextBeforeId: number | null, fresh: ActivityPage): { rows: ActivityRow[]; nextBeforeId: number | null } {
  const top = shown[0]?.id;
  if (top === undefined) return fresh;
  const newer = fresh.rows.filter((r) => r.id > top);
  if (newer.length === fresh.rows.length && fresh.nextBeforeId !== null) return fresh;
  return { rows: [...newer, ...shown], nextBeforeId };
}
