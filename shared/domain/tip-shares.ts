import { assertMinor, type Minor } from '../money';
import type { TipSplit } from '../types';
import { splitByWeights, splitEvenly } from './split';

/** One active line of the tab, as far as tips care: who served it and what it charges after its comp. */
export type ServedLine = { staffId: number; chargedMinor: Minor };

export type TipShare = { staffId: number; tipMinor: Minor };

export type TipShareRequest = {
  tipMinor: Minor;
  split: TipSplit;
  /** The tab's active lines. */
  lines: readonly ServedLine[];
  /** Who the whole tip goes to with 'person'. */
  personId: number | null;
  /**
   * Whoever takes the payment: the tip is theirs when nobody served a line. Null where no one is
   * taking it yet (a preview of a tab with servers).
   */
  payerId: number | null;
};

/** The distinct people who served the lines, lowest staff id first (the order that breaks ties). */
export function serversOf(lines: readonly ServedLine[]): number[] {
  return [...new Set(lines.map((l) => l.staffId))].sort((a, b) => a - b);
}

/**
 * Shares a tip among the staff who served a tab: by what their lines charge, evenly, or all to
 * one person. The shares are whole minor units that always add up to the tip exactly (largest
 * remainder, a tie going to the lower staff id), so tips per person sum to the tips taken.
 * A tab whose lines charge nothing is shared evenly; a tab nobody served tips whoever takes the
 * payment. The ledger posts these shares, and the Settle screen previews them with this same
 * function, so both show the same split.
 */
export function tipShares(request: TipShareRequest): TipShare[] {
  const tip = assertMinor(request.tipMinor, 'tip');
  if (tip < 0) throw new RangeError('a tip cannot be negative');
  if (request.split === 'person') {
    if (request.personId === null) throw new RangeError('a tip for one person needs that person');
    return [{ staffId: request.personId, tipMinor: tip }];
  }
  const servers = serversOf(request.lines);
  if (servers.length === 0) {
    if (request.payerId === null) throw new RangeError('nobody served the tab and nobody takes the payment');
    return [{ staffId: request.payerId, tipMinor: tip }];
  }
  const amounts =
    request.split === 'even'
      ? splitEvenly(tip, servers.length)
      : splitByWeights(
          tip,
          servers.map((id) => request.lines.reduce((sum, l) => (l.staffId === id ? sum + l.chargedMinor : sum), 0)),
        );
  return servers.map((staffId, i) => ({ staffId, tipMinor: amounts[i] ?? 0 }));
}
