import type { LoyaltyReward, LoyaltySettings, LoyaltyStanding, TabLoyalty } from '../../../shared/loyalty-types';
import { t } from '../../i18n/t';

type Format = (minor: number) => string;

/** "Stamps: 7 of 9" or "Points: 120, 1.20 to spend": where a customer stands. */
export function standingText(standing: LoyaltyStanding, format: Format): string {
  if (standing.scheme === 'points') return t('loyalty.points', { balance: standing.balance, value: format(standing.spendableMinor) });
  if (standing.rewardDue) return t('loyalty.stampsDue', { balance: standing.balance, goal: standing.goal, category: standing.categoryName });
  return t('loyalty.stamps', { balance: standing.balance, goal: standing.goal });
}

/** The receipt's discount line for the reward on a tab; `tr` is tPaper on the receipt itself. */
export function rewardText(reward: LoyaltyReward, tr: typeof t = t): string {
  return reward.scheme === 'stamps' ? tr('loyalty.line.stamps', { item: reward.itemName ?? '' }) : tr('loyalty.line.points', { points: reward.units });
}

/** The receipt's balance line (in the store's language): what the tab earned and the balance it left, or where the customer stands. */
export function receiptBalanceText(loyalty: TabLoyalty, tr: typeof t = t): string | null {
  const goal = loyalty.standing?.goal ?? 0;
  if (loyalty.earned !== null && loyalty.balanceAfter !== null) {
    return loyalty.scheme === 'stamps'
      ? tr('loyalty.earned.stamps', { units: loyalty.earned, balance: loyalty.balanceAfter, goal })
      : tr('loyalty.earned.points', { units: loyalty.earned, balance: loyalty.balanceAfter });
  }
  if (!loyalty.standing) return null;
  return loyalty.standing.scheme === 'stamps'
    ? tr('loyalty.receipt.stampsNone', { balance: loyalty.standing.balance, goal })
    : tr('loyalty.receipt.pointsNone', { balance: loyalty.standing.balance });
}

/** The setting in plain words, as Settings previews it. */
export function previewText(settings: LoyaltySettings, categoryName: string, format: Format): string {
  if (settings.scheme === 'off') return t('loyalty.preview.off');
  if (settings.scheme === 'stamps') {
    if (!categoryName) return t('loyalty.preview.stampsNoCategory');
    return t('loyalty.preview.stamps', { every: settings.stampsEvery, category: categoryName, goal: settings.stampsEvery - 1 });
  }
  return t('loyalty.preview.points', {
    spend: format(settings.pointsSpendMinor),
    value: format(settings.pointValueMinor),
    min: settings.pointsMin,
    minValue: format(settings.pointsMin * settings.pointValueMinor),
  });
}
