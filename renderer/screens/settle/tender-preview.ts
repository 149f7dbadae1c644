import { tipFromPercent } from '../../../shared/domain/tender';
import { roundToIncrement, type Minor } from '../../../shared/money';

/** The tip as chosen on the panel; the server computes a percentage tip itself. */
export type TipChoice = { kind: 'none' } | { kind: 'percent'; percent: number } | { kind: 'amount'; text: string };

type Parse = (text: string) => { ok: true; minor: Minor } | { ok: false; message: string };

export type TenderPreview = {
  /** The tip this choice would make, or null when the typed tip is not (yet) an amount. */
  tipMinor: Minor | null;
  /** What the customer hands over in this method: amount + tip, rounded for cash. */
  owedMinor: Minor;
  /** Cash only: tendered − owed when cash given is typed; negative means short. */
  changeMinor: Minor | null;
};

/**
 * A preview before paying, from the shared pure rules; after paying the screen shows what the
 * server answered instead.
 */
export function previewTender(options: {
  amountMinor: Minor;
  tip: TipChoice;
  cash: boolean;
  cashGiven: string;
  cashRoundingMinor: Minor;
  parse: Parse;
}): TenderPreview {
  const { amountMinor, tip, cash, cashGiven, cashRoundingMinor, parse } = options;
  let tipMinor: Minor | null = 0;
  if (tip.kind === 'percent') tipMinor = tipFromPercent(amountMinor, tip.percent);
  if (tip.kind === 'amount') {
    const parsed = tip.text.trim() === '' ? { ok: true as const, minor: 0 } : parse(tip.text);
    tipMinor = parsed.ok && parsed.minor >= 0 ? parsed.minor : null;
  }
  const gross = amountMinor + (tipMinor ?? 0);
  const owedMinor = cash ? roundToIncrement(gross, cashRoundingMinor) : gross;
  let changeMinor: Minor | null = null;
  if (cash && cashGiven.trim() !== '') {
    const given = parse(cashGiven);
    if (given.ok) changeMinor = given.minor - owedMinor;
  }
  return { tipMinor, owedMinor, changeMinor };
}
