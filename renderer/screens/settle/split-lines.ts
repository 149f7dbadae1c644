/**
 * Picking lines into payer groups before a split by lines: every line belongs to exactly one
 * payer (1..payers); a tap moves a line on to the next payer. The server gets lineId[][].
 */
export type LineGroups = { payers: number; byLine: ReadonlyMap<number, number> };

export function startGroups(lineIds: readonly number[], payers = 2): LineGroups {
  return { payers, byLine: new Map(lineIds.map((id) => [id, 1])) };
}

/** Keeps the picks for lines still on the tab; new lines start with payer 1. */
export function syncGroups(groups: LineGroups, lineIds: readonly number[]): LineGroups {
  return { payers: groups.payers, byLine: new Map(lineIds.map((id) => [id, groups.byLine.get(id) ?? 1])) };
}

export function moveToNextPayer(groups: LineGroups, lineId: number): LineGroups {
  const current = groups.byLine.get(lineId);
  if (current === undefined) return groups;
  const byLine = new Map(groups.byLine);
  byLine.set(lineId, (current % groups.payers) + 1);
  return { payers: groups.payers, byLine };
}

export function addPayer(groups: LineGroups): LineGroups {
  return { payers: groups.payers + 1, byLine: groups.byLine };
}

/** The lines of each payer in payer order; payers with no line are left out. */
export function toGroups(groups: LineGroups): number[][] {
  const out: number[][] = Array.from({ length: groups.payers }, () => []);
  for (const [lineId, payer] of groups.byLine) out[payer - 1]?.push(lineId);
  return out.filter((g) => g.length > 0);
}
