import type { TabLoyalty } from '../../../shared/loyalty-types';
import { tPaper } from '../../i18n/t';
import { receiptBalanceText, rewardText } from './loyalty-words';

/** The receipt's discount line for a loyalty reward, under the tab's lines like a comp (on paper: the store's language). */
export function LoyaltyReceiptLine({ loyalty, format }: { loyalty: TabLoyalty | null | undefined; format: (minor: number) => string }) {
  if (!loyalty?.reward) return null;
  return (
    <div className="receipt__row receipt__loyalty">
      <span>{rewardText(loyalty.reward, tPaper)}</span>
      <span>−{format(loyalty.reward.discountMinor)}</span>
    </div>
  );
}

/** What the tab earned and the balance it left ("Stamps earned: 1. Card: 8 of 9"). */
export function LoyaltyReceiptBalance({ loyalty }: { loyalty: TabLoyalty | null | undefined }) {
  const text = loyalty ? receiptBalanceText(loyalty, tPaper) : null;
  return text ? <p className="receipt__loyalty-balance">{text}</p> : null;
}
