import { assertMinor, type Minor } from '../money';
import { splitByWeights } from './split';
import { compedUnits, computeTabTotals, type TaxLine, type TaxMode } from './tax';

/** A line of a tab as a split by units sees it. */
export type UnitLine = TaxLine & { id: number };

/**
 * Units of one line that each owe the same: its comped units, or the rest at full price. A line
 * with one comped unit of two has two portions, so the comp goes to whoever takes that unit.
 */
export type Portion = { lineId: number; comped: boolean; qty: number; line: TaxLine };

export function linePortions(line: UnitLine): Portion[] {
  const comped = compedUnits(line);
  const portions: Portion[] = [];
  const base = { qty: line.qty, unitMinor: line.unitMinor, rateMilli: line.rateMilli };
  if (line.comp && comped > 0)
    portions.push({ lineId: line.id, comped: true, qty: comped, line: { ...base, qty: comped, comp: { ...line.comp, qty: comped } } });
  if (line.qty > comped) portions.push({ lineId: line.id, comped: false, qty: line.qty - comped, line: { ...base, qty: line.qty - comped, comp: null } });
  return portions;
}

/**
 * What each portion owes, tax included: per rate, the rate's receivable shared by the largest
 * remainder over each portion's own gross, so the portions sum exactly to the tab's total.
 */
export function portionShares(lines: readonly UnitLine[], mode: TaxMode): { portion: Portion; amount: Minor }[] {
  const totals = computeTabTotals(lines, mode);
  const out: { portion: Portion; amount: Minor }[] = [];
  for (const rate of totals.byRate) {
    const portions = lines.filter((l) => l.rateMilli === rate.rateMilli).flatMap(linePortions);
    const weights = portions.map((p) => computeTabTotals([p.line], mode).grossTotal);
    splitByWeights(rate.receivable, weights).forEach((amount, i) => {
      const portion = portions[i];
      if (portion) out.push({ portion, amount });
    });
  }
  return out;
}

/** Some units of a line for one part: the comped ones, the full-price ones, or (left out) the line's only kind. */
export type UnitPick = { lineId: number; qty: number; comped?: boolean };

export type UnitPickProblem =
  | { kind: 'unknownLine'; lineId: number }
  | { kind: 'unclear'; lineId: number }
  | { kind: 'twice'; part: number; lineId: number }
  | { kind: 'over'; lineId: number; comped: boolean; qty: number; taken: number }
  | { kind: 'missing'; lineId: number; comped: boolean; left: number };

const key = (lineId: number, comped: boolean): string => `${lineId}:${comped ? 'comped' : 'full'}`;

type Resolved = { problem: UnitPickProblem } | { taken: Map<string, number[]> };

/** Units each part takes of each portion, or the first thing wrong with the picks. */
function resolve(portions: readonly Portion[], parts: readonly (readonly UnitPick[])[]): Resolved {
  const byLine = new Map<number, Portion[]>();
  for (const p of portions) byLine.set(p.lineId, [...(byLine.get(p.lineId) ?? []), p]);
  const taken = new Map<string, number[]>(portions.map((p) => [key(p.lineId, p.comped), parts.map(() => 0)]));
  for (const [partIndex, picks] of parts.entries()) {
    const seen = new Set<string>();
    for (const pick of picks) {
      const own = byLine.get(pick.lineId);
      if (!own) return { problem: { kind: 'unknownLine', lineId: pick.lineId } };
      if (pick.comped === undefined && own.length > 1) return { problem: { kind: 'unclear', lineId: pick.lineId } };
      const comped = pick.comped ?? own[0]?.comped ?? false;
      const k = key(pick.lineId, comped);
      if (seen.has(k)) return { problem: { kind: 'twice', part: partIndex + 1, lineId: pick.lineId } };
      seen.add(k);
      const counts = taken.get(k);
      const portion = own.find((p) => p.comped === comped);
      const sum = (counts ?? []).reduce((s, c) => s + c, 0) + pick.qty;
      if (!counts || !portion || sum > portion.qty) {
        return { problem: { kind: 'over', lineId: pick.lineId, comped, qty: portion?.qty ?? 0, taken: sum } };
      }
      counts[partIndex] = (counts[partIndex] ?? 0) + pick.qty;
    }
  }
  for (const p of portions) {
    const left = p.qty - (taken.get(key(p.lineId, p.comped)) ?? []).reduce((s, c) => s + c, 0);
    if (left > 0) return { problem: { kind: 'missing', lineId: p.lineId, comped: p.comped, left } };
  }
  return { taken };
}

/** The first thing wrong with a split by units (a line unknown, units over or left over), or null. */
export function checkUnitPicks(lines: readonly UnitLine[], parts: readonly (readonly UnitPick[])[]): UnitPickProblem | null {
  const resolved = resolve(lines.flatMap(linePortions), parts);
  return 'problem' in resolved ? resolved.problem : null;
}

/**
 * What each part owes when parts take units of the lines: each portion's exact share (see
 * portionShares) is shared between the parts by the units they take, by the largest remainder,
 * so a unit's share carries its own comp and tax and the parts sum exactly to the tab's total.
 * Every unit must go to exactly one part.
 */
export function splitByUnits(lines: readonly UnitLine[], mode: TaxMode, parts: readonly (readonly UnitPick[])[]): Minor[] {
  if (parts.length === 0) throw new RangeError('a split needs at least one part');
  const shares = portionShares(lines, mode);
  const resolved = resolve(
    shares.map((s) => s.portion),
    parts,
  );
  if ('problem' in resolved) throw new RangeError(`the units cannot be split so: ${resolved.problem.kind}`);
  const amounts = parts.map(() => 0);
  for (const { portion, amount } of shares) {
    const counts = resolved.taken.get(key(portion.lineId, portion.comped)) ?? [];
    splitByWeights(amount, counts).forEach((a, i) => {
      amounts[i] = assertMinor((amounts[i] ?? 0) + a);
    });
  }
  return amounts;
}
