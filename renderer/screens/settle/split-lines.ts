import { linePortions } from '../../../shared/domain/split-units';
import { lineAmounts } from '../../../shared/domain/tax';
import type { LineComp, TabLine } from '../../../shared/types';

/**
 * Giving units of lines to payers before a split by lines. Each row is some units of a line that
 * owe the same: a line with one comped latte of two is two rows, so the comp goes with the
 * latte it was given for. Each payer has a count per row; a row's counts never add up to more
 * than its units. The server gets, per payer, { lineId, qty, comped }.
 */
export type UnitRow = { key: string; lineId: number; name: string; comped: boolean; qty: number; comp: LineComp | null; chargedMinor: number };

export function unitRows(lines: readonly TabLine[]): UnitRow[] {
  return lines
    .filter((line) => line.state === 'active')
    .flatMap((line) =>
      linePortions({
        id: line.id,
        qty: line.qty,
        unitMinor: line.unitMinor,
        rateMilli: line.rateMilli,
        comp: line.comp && { kind: line.comp.kind, value: line.comp.value, qty: line.comp.qty },
      }).map((portion): UnitRow => ({
        key: `${line.id}:${portion.comped ? 'comped' : 'full'}`,
        lineId: line.id,
        name: line.name,
        comped: portion.comped,
        qty: portion.qty,
        comp: portion.comped ? line.comp : null,
        // Shown beside the row only; the server works out what each part owes.
        chargedMinor: lineAmounts(portion.line).charged,
      })),
    );
}

/** Units of each row per payer: counts[0] is payer 1's. */
export type UnitPlan = { payers: number; counts: ReadonlyMap<string, readonly number[]> };

const given = (counts: readonly number[] | undefined): number => (counts ?? []).reduce((s, c) => s + c, 0);

/** Every unit starts with payer 1, as one payer pays it all until someone says otherwise. */
export function startPlan(rows: readonly UnitRow[], payers = 2): UnitPlan {
  return { payers, counts: new Map(rows.map((row) => [row.key, [row.qty]])) };
}

/** Keeps the counts of rows still on the tab that still fit; a new or shrunk row starts over with payer 1. */
export function syncPlan(plan: UnitPlan, rows: readonly UnitRow[]): UnitPlan {
  return {
    payers: plan.payers,
    counts: new Map(
      rows.map((row) => {
        const counts = plan.counts.get(row.key);
        return [row.key, counts && given(counts) <= row.qty ? counts : [row.qty]];
      }),
    ),
  };
}

export function unitsLeft(plan: UnitPlan, row: UnitRow): number {
  return row.qty - given(plan.counts.get(row.key));
}

export function countFor(plan: UnitPlan, row: UnitRow, payer: number): number {
  return plan.counts.get(row.key)?.[payer - 1] ?? 0;
}

/** One unit more (only while some are left) or one fewer (only while the payer has one) for a payer. */
export function step(plan: UnitPlan, row: UnitRow, payer: number, delta: 1 | -1): UnitPlan {
  const have = countFor(plan, row, payer);
  if (payer < 1 || payer > plan.payers) return plan;
  if (delta === 1 && unitsLeft(plan, row) <= 0) return plan;
  if (delta === -1 && have <= 0) return plan;
  const counts = Array.from({ length: plan.payers }, (_, i) => plan.counts.get(row.key)?.[i] ?? 0);
  counts[payer - 1] = have + delta;
  return { payers: plan.payers, counts: new Map(plan.counts).set(row.key, counts) };
}

export function addPayer(plan: UnitPlan): UnitPlan {
  return { payers: plan.payers + 1, counts: plan.counts };
}

/** The first row with units no payer has yet, so the screen can say which before asking the server. */
export function firstUnassigned(plan: UnitPlan, rows: readonly UnitRow[]): UnitRow | undefined {
  return rows.find((row) => unitsLeft(plan, row) > 0);
}

export type UnitGroup = { lineId: number; qty: number; comped: boolean }[];

/** Each payer's units in payer order; payers with none are left out. */
export function toGroups(plan: UnitPlan, rows: readonly UnitRow[]): UnitGroup[] {
  return Array.from({ length: plan.payers }, (_, i) =>
    rows.filter((row) => countFor(plan, row, i + 1) > 0).map((row) => ({ lineId: row.lineId, qty: countFor(plan, row, i + 1), comped: row.comped })),
  ).filter((group) => group.length > 0);
}
