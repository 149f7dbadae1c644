import { DomainError } from '../../shared/errors';
import { largeAmounts, numbersOf, unconfirmed, type Confirmed, type LargeAmount } from '../../shared/domain/large-amounts';
import { formatMoney, type Minor } from '../../shared/money';
import type { Db } from '../ledger/open';
import { readCounterSettings } from './store';

type Amounts = { billMinor: Minor; tipMinor: Minor; cash: { tenderedMinor: Minor; owedMinor: Minor } | null };

/**
 * Refuses a payment holding an amount the person has not confirmed in words (a tip above the
 * store's share of the bill, cash far beyond any note), naming each amount and what it is set
 * against, so a screen can ask the question and send the payment again with `confirmed`.
 */
export function requireConfirmed(db: Db, amounts: Amounts, confirmed: Confirmed | undefined): void {
  const { currency, locale, tipConfirmPercent } = readCounterSettings(db);
  const asks = unconfirmed(largeAmounts({ ...amounts, tipConfirmPercent, currency }), confirmed);
  if (asks.length === 0) return;
  const money = (minor: Minor): string => formatMoney(minor, currency, locale);
  const words: Record<string, string> = {};
  for (const ask of asks) {
    if (ask.kind === 'tip') Object.assign(words, { tip: money(ask.tipMinor), bill: money(ask.billMinor) });
    else Object.assign(words, { cash: money(ask.tenderedMinor), owed: money(ask.owedMinor) });
  }
  throw new DomainError('confirmation_needed', keyFor(asks), { ...words, ...numbersOf(asks) }, 'confirmed');
}

function keyFor(asks: readonly LargeAmount[]): 'errors.confirm.tip' | 'errors.confirm.cash' | 'errors.confirm.tipAndCash' {
  if (asks.length > 1) return 'errors.confirm.tipAndCash';
  return asks[0]?.kind === 'tip' ? 'errors.confirm.tip' : 'errors.confirm.cash';
}
