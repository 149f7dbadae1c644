import { assertMinor, type Minor } from '../money';
import { splitByWeights } from './split';
import type { RateMilli } from './tax';

/*
 * Who a refund takes sales back from, so each person's sales less their refunds add up to the day's
 * net sales (the refunds account is net of tax). Per rate, the refund's net is shared by what it
 * gave back of each person's lines, tax included (largest remainder, so the shares add up exactly):
 * - units of lines given back count for whoever served those lines;
 * - the rest (a refund by amount, a whole one, or what a refund gave back beyond its units) counts
 *   for each server in proportion to what is left of their lines at that rate: at first their share
 *   of the tab's lines, then less what earlier refunds of the tab already took from them.
 * Tips are not shared here: a refund takes them off the tips accounts of whoever got them.
 */

/** What one person's lines of a tab cost at one rate (tax included, after comps and any reward). */
export type ServedAtRate = { rateMilli: RateMilli; staffId: number; grossMinor: Minor };

/** One refund of the tab, as its rows have it: what it gave back at each rate, and its units of lines by who served them. */
export type RefundToShare = {
  /** Who gave the refund: counted for when a rate has no server on record. */
  staffId: number;
  rates: readonly { rateMilli: RateMilli; amountMinor: Minor; taxMinor: Minor }[];
  lines: readonly { rateMilli: RateMilli; staffId: number; amountMinor: Minor }[];
};

const add = (map: Map<number, Minor>, key: number, amount: Minor): void => {
  map.set(key, assertMinor((map.get(key) ?? 0) + amount));
};

/**
 * The tab's refunds, in the order they were given, each shared out as a map of person to the net
 * (tax excluded) it takes back from their sales; each map adds up to the refund's net exactly.
 */
export function refundsByServer(served: readonly ServedAtRate[], refunds: readonly RefundToShare[]): Map<number, Minor>[] {
  // What is left of each person's lines at each rate, as the refunds go.
  const left = new Map<RateMilli, Map<number, Minor>>();
  for (const s of served) {
    const rate = left.get(s.rateMilli) ?? new Map<number, Minor>();
    add(rate, s.staffId, s.grossMinor);
    left.set(s.rateMilli, rate);
  }
  return refunds.map((refund) => {
    const out = new Map<number, Minor>();
    for (const rate of refund.rates) {
      const servers = left.get(rate.rateMilli) ?? new Map<number, Minor>();
      const units = new Map<number, Minor>();
      for (const line of refund.lines) if (line.rateMilli === rate.rateMilli) add(units, line.staffId, line.amountMinor);
      const unitsMinor = [...units.values()].reduce((s, v) => s + v, 0);
      const rest = Math.max(0, rate.amountMinor - unitsMinor);
      const people = [...new Set([...servers.keys(), ...units.keys()])].sort((a, b) => a - b);
      if (people.length === 0) {
        add(out, refund.staffId, rate.amountMinor - rate.taxMinor);
        continue;
      }
      const restShares = splitByWeights(
        rest,
        people.map((p) => Math.max(0, (servers.get(p) ?? 0) - (units.get(p) ?? 0))),
      );
      const gross = people.map((p, i) => (units.get(p) ?? 0) + (restShares[i] ?? 0));
      const net = splitByWeights(assertMinor(rate.amountMinor - rate.taxMinor), gross);
      people.forEach((p, i) => {
        if ((net[i] ?? 0) !== 0) add(out, p, net[i] ?? 0);
        servers.set(p, assertMinor((servers.get(p) ?? 0) - (gross[i] ?? 0)));
      });
      left.set(rate.rateMilli, servers);
    }
    return out;
  });
}
