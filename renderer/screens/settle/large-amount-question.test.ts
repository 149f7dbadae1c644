import { describe, expect, it } from 'vitest';
import type { LargeAmount } from '../../../shared/domain/large-amounts';
import { t } from '../../i18n/t';
import { questionLines, withConfirmation } from './large-amount-question';

const tip: LargeAmount = { kind: 'tip', tipMinor: 100_000, billMinor: 400, percent: 30 };
const cash: LargeAmount = { kind: 'cash', tenderedMinor: 100_000_000, owedMinor: 760 };
const format = (minor: number): string => `${minor / 100}`;
const words = (asks: LargeAmount[], currency: string): string[] =>
  questionLines(asks, format, currency).map(({ ask, why }) => `${t(ask.key, ask.vars)} ${t(why.key, why.vars)}`);

describe('the question in words', () => {
  it('names each amount and what it is set against, and why it is asked', () => {
    expect(words([tip, cash], 'EUR')).toEqual([
      'Tip 1000 on a bill of 4? That is more than 30% of the bill.',
      'Cash given 1000000 on 7.6? That is more than any one note over what is owed.',
    ]);
  });

  it('gives the reason of the fallback rule for a currency without a list of notes', () => {
    expect(words([cash], 'KRW')).toEqual(['Cash given 1000000 on 7.6? That is more than 10 times what is owed.']);
  });
});

describe('withConfirmation', () => {
  it('says yes to the tip on a card payment and to both on a cash one, keeping an earlier yes', () => {
    expect(withConfirmation({ tabId: 1, method: 'card', tipMinor: 100_000 }, [tip])).toEqual({
      tabId: 1,
      method: 'card',
      tipMinor: 100_000,
      confirmed: { tipMinor: 100_000 },
    });
    const sent = { tabId: 1, method: 'cash' as const, tipMinor: 100_000, tenderedMinor: 100_000_000, confirmed: { tipMinor: 100_000 } };
    expect(withConfirmation(sent, [cash]).confirmed).toEqual({ tipMinor: 100_000, tenderedMinor: 100_000_000 });
  });
});
