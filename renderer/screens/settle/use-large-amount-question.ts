import { useState } from 'react';
import { asksFromNumbers, type LargeAmount } from '../../../shared/domain/large-amounts';
import type { PaymentResult } from '../../../shared/types';
import type { CommandRunner } from '../../hooks/use-command';
import { withConfirmation, type PayInput } from './large-amount-question';

export type LargeAmountQuestionState = {
  /** The amounts to confirm and the payment they belong to, while the question is open. */
  question: { asks: LargeAmount[]; input: PayInput } | null;
  /** Sends the payment, or opens the question first when it holds amounts to confirm. */
  askOrSend: (input: PayInput, asks: readonly LargeAmount[]) => Promise<void>;
  /** The person said yes: the same payment again, confirming exactly those amounts. */
  yes: () => Promise<void>;
  /** The payment changed or the person chose to change it: the question closes, nothing is sent. */
  drop: () => void;
};

/**
 * The question before a large amount is taken, asked from the shared rule before sending or from
 * the ledger's refusal when it saw more than the screen did (a setting changed elsewhere).
 */
export function useLargeAmountQuestion(pay: CommandRunner<'settle.pay'>, onPaid: (result: PaymentResult) => void): LargeAmountQuestionState {
  const [asking, setAsking] = useState<{ asks: LargeAmount[]; input: PayInput } | null>(null);
  const [sent, setSent] = useState<PayInput | null>(null);
  const refused = pay.error?.code === 'confirmation_needed' && sent ? asksFromNumbers(pay.error.params ?? {}) : [];
  const question = asking ?? (refused.length > 0 && sent ? { asks: refused, input: sent } : null);

  const send = async (input: PayInput): Promise<void> => {
    setAsking(null);
    setSent(input);
    const result = await pay.run(input);
    if (result) onPaid(result);
  };
  const askOrSend = async (input: PayInput, asks: readonly LargeAmount[]): Promise<void> => {
    if (asks.length === 0) return send(input);
    pay.clearError();
    setAsking({ asks: [...asks], input });
  };
  const yes = async (): Promise<void> => {
    if (question) await send(withConfirmation(question.input, question.asks));
  };
  const drop = (): void => {
    setAsking(null);
    if (pay.error?.code === 'confirmation_needed') pay.clearError();
  };
  return { question, askOrSend, yes, drop };
}
