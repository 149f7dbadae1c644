import type { CommandInput } from '../../../shared/contract';
import { confirmationOf, UNKNOWN_NOTES_FACTOR, type LargeAmount } from '../../../shared/domain/large-amounts';
import { denominationsFor } from '../../../shared/domain/denominations';
import type { Minor } from '../../../shared/money';
import type { MessageKey } from '../../i18n/t';

export type PayInput = CommandInput<'settle.pay'>;

/** A question in words and the reason it is asked, as message keys and their values. */
export type QuestionLine = { ask: { key: MessageKey; vars: Record<string, string | number> }; why: { key: MessageKey; vars: Record<string, string | number> } };

/** "Tip €1,000.00 on a bill of €4.00?", and why it is asked, for each amount to confirm. */
export function questionLines(asks: readonly LargeAmount[], format: (minor: Minor) => string, currency: string): QuestionLine[] {
  return asks.map((ask): QuestionLine =>
    ask.kind === 'tip'
      ? {
          ask: { key: 'settle.ask.tip', vars: { tip: format(ask.tipMinor), bill: format(ask.billMinor) } },
          why: { key: 'settle.ask.tipWhy', vars: { percent: ask.percent } },
        }
      : {
          ask: { key: 'settle.ask.cash', vars: { cash: format(ask.tenderedMinor), owed: format(ask.owedMinor) } },
          why:
            denominationsFor(currency).length > 0
              ? { key: 'settle.ask.cashWhy', vars: {} }
              : { key: 'settle.ask.cashWhyNoNotes', vars: { times: UNKNOWN_NOTES_FACTOR } },
        },
  );
}

/**
 * The same payment, saying yes to exactly these amounts as well as to any it already said yes
 * to (a cash amount only on a cash payment, the one method where cash is handed over).
 */
export function withConfirmation(input: PayInput, asks: readonly LargeAmount[]): PayInput {
  const { tipMinor, tenderedMinor } = confirmationOf(asks);
  const tip = tipMinor === undefined ? {} : { tipMinor };
  if (input.method !== 'cash') return { ...input, confirmed: { ...input.confirmed, ...tip } };
  return { ...input, confirmed: { ...input.confirmed, ...tip, ...(tenderedMinor === undefined ? {} : { tenderedMinor }) } };
}
