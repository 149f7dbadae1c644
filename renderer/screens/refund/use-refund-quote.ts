import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { RefundQuote } from '../../../shared/refund-types';
import type { PaymentMethod } from '../../../shared/types';
import { api } from '../../api';
import type { Draft } from './refund-draft';

export type QuoteState = { quote: RefundQuote | null; error: AppError | null; pending: boolean; draft: Draft | null };

/** How long the screen waits after a change before asking the ledger again (a stepper tapped three times asks once). */
const SETTLE_MS = 150;

type Answer = { key: string; quote: RefundQuote | null; error: AppError | null; draft: Draft | null };

/**
 * What the ledger says the draft gives back and how (tab.refundQuote), asked again on every change;
 * an answer shows only for the draft it was asked for, so a late answer to an older draft never
 * stands for a newer one. With one tender chosen, the ledger first says what the bill part comes
 * to, and the draft then names that amount for that tender, so the screen never adds money up
 * itself. `draft` is the exact input the ledger priced, the one a refund sends.
 */
export function useRefundQuote(base: Draft | null, tender: 'asPaid' | PaymentMethod, revision = ''): QuoteState {
  const [answer, setAnswer] = useState<Answer | null>(null);
  // The draft and the tender as one string: a new object with the same contents asks nothing again.
  // The revision (what the tab has left) is in it too: a refund given meanwhile, here or on another
  // till, asks again, so "everything left" is never shown as what it was before.
  const key = base === null ? '' : JSON.stringify({ base, tender, revision });
  useEffect(() => {
    if (key === '') return;
    const asked = JSON.parse(key) as { base: Draft; tender: 'asPaid' | PaymentMethod };
    let live = true;
    const timer = setTimeout(() => {
      void (async () => {
        const first = await api['tab.refundQuote'](asked.base);
        let draft: Draft = asked.base;
        let result = first;
        if (first.ok && asked.tender !== 'asPaid') {
          draft = { ...asked.base, tenders: [{ method: asked.tender, amountMinor: first.value.amountMinor }] };
          result = await api['tab.refundQuote'](draft);
        }
        if (!live) return;
        setAnswer(result.ok ? { key, quote: result.value, error: null, draft } : { key, quote: null, error: result.error, draft: null });
      })();
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);
  if (key === '') return { quote: null, error: null, pending: false, draft: null };
  if (answer?.key !== key) return { quote: null, error: null, pending: true, draft: null };
  return { quote: answer.quote, error: answer.error, pending: false, draft: answer.draft };
}
