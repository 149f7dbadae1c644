import type { CommandInput } from '../../../shared/contract';
import { portionKey } from '../../../shared/domain/refund';
import type { RefundMode, Refundable } from '../../../shared/refund-types';
import type { PaymentMethod } from '../../../shared/types';
import type { MoneyTools } from '../../hooks/use-money';
import { t } from '../../i18n/t';

/** What the person has chosen so far on the refund screen. */
export type RefundChoice = {
  mode: RefundMode;
  /** Units of each line's portion to give back (portionKey → count). */
  units: Record<string, number>;
  amountText: string;
  /** 'asPaid': back the way it was paid; a method: all of it by that tender. */
  tender: 'asPaid' | PaymentMethod;
  includeTips: boolean;
};

export const startChoice: RefundChoice = { mode: 'whole', units: {}, amountText: '', tender: 'asPaid', includeTips: false };

export type Draft = CommandInput<'tab.refundQuote'>;

/**
 * The draft the ledger prices (tab.refundQuote), or what is missing before it can: a refund by
 * line with no unit chosen, an amount not typed or not an amount. The tender is added once the
 * ledger has said what the bill part comes to (see useRefundQuote): nothing here adds up money.
 */
export function draftOf(
  refundable: Refundable,
  choice: RefundChoice,
  money: MoneyTools,
): { draft: Draft } | { missing: string; field: 'lines' | 'amountMinor' } {
  const base = { tabId: refundable.tabId, includeTips: choice.includeTips };
  if (choice.mode === 'whole') return { draft: { ...base, mode: 'whole' } };
  if (choice.mode === 'amount') {
    if (choice.amountText.trim() === '') return { missing: t('refund.amountMissing'), field: 'amountMinor' };
    const parsed = money.parse(choice.amountText);
    if (!parsed.ok) return { missing: parsed.message, field: 'amountMinor' };
    return { draft: { ...base, mode: 'amount', amountMinor: parsed.minor } };
  }
  const lines = refundable.lines
    .map((line) => ({ lineId: line.lineId, comped: line.comped, qty: choice.units[portionKey(line.lineId, line.comped)] ?? 0 }))
    .filter((pick) => pick.qty > 0);
  if (lines.length === 0) return { missing: t('refund.noneChosen'), field: 'lines' };
  return { draft: { ...base, mode: 'lines', lines } };
}

/** One more or one less unit of a portion, within what is left of it. */
export function stepUnits(choice: RefundChoice, key: string, by: 1 | -1, left: number): RefundChoice {
  const next = Math.max(0, Math.min(left, (choice.units[key] ?? 0) + by));
  return { ...choice, units: { ...choice.units, [key]: next } };
}
