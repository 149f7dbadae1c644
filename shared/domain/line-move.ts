import { compedUnits, lineAmounts, type CompSpec, type TaxLine } from './tax';

/**
 * Moving some units of a line to another tab: the line splits in two, the units that stay and the
 * units that go, each a line of its own with its share of the comp. Full-price units go first; a
 * comped unit goes only when the move takes more than the full-price ones, and then its comp goes
 * with it. What the two parts charge must add up exactly to what the line charged, so neither tab
 * owes a minor unit more or less than before: a percentage comp whose rounding would not share
 * exactly is refused, an amount comp is shared in proportion to the comped units (half up).
 */
export type LineSplit = { ok: true; stay: TaxLine; moved: TaxLine } | { ok: false; reason: 'qty' | 'compNotExact'; fullPrice: number };

export function splitLine(line: TaxLine, qty: number): LineSplit {
  const comped = compedUnits(line);
  const fullPrice = line.qty - comped;
  if (!Number.isSafeInteger(qty) || qty < 1 || qty >= line.qty) return { ok: false, reason: 'qty', fullPrice };
  const compedMoving = Math.max(0, qty - fullPrice);
  const part = (units: number, compUnits: number, comp: CompSpec | null): TaxLine => ({
    qty: units,
    unitMinor: line.unitMinor,
    rateMilli: line.rateMilli,
    comp: comp && compUnits > 0 ? { ...comp, qty: compUnits } : null,
  });
  let stayComp = line.comp;
  let movedComp = line.comp;
  if (line.comp?.kind === 'amount' && compedMoving > 0) {
    // What the comp takes off (never more than its units' list amount), shared by comped units.
    const taken = lineAmounts(line).comp;
    const moved = Number((BigInt(taken) * BigInt(compedMoving) * 2n + BigInt(comped)) / (2n * BigInt(comped)));
    movedComp = { kind: 'amount', value: moved };
    stayComp = { kind: 'amount', value: taken - moved };
  }
  const stay = part(line.qty - qty, comped - compedMoving, stayComp);
  const moved = part(qty, compedMoving, movedComp);
  // An amount comp that shares out to nothing on one side is no comp there.
  const clean = (l: TaxLine): TaxLine => (l.comp?.kind === 'amount' && l.comp.value === 0 ? { ...l, comp: null } : l);
  const whole = lineAmounts(line);
  const a = lineAmounts(clean(stay));
  const b = lineAmounts(clean(moved));
  if (a.comp + b.comp !== whole.comp || a.charged + b.charged !== whole.charged) return { ok: false, reason: 'compNotExact', fullPrice };
  return { ok: true, stay: clean(stay), moved: clean(moved) };
}
