import type { LoyaltyReward, TabLoyalty } from '../loyalty-types';
import type { DepositPolicy } from '../salon-types';
import type { LineComp, PaymentMethod, Rating, StoreSettings, TabDetail } from '../types';
import type { PaperWriter } from './paper-doc';
import type { PaperTools } from './paper-tools';

/** Words the papers share, in the paper's language (the screens word the same keys with t()). */
export function methodWords(method: PaymentMethod, p: PaperTools): string {
  return p.tr(`settle.method.${method}`);
}

export function ratingWords(rating: Rating, p: PaperTools): string {
  return p.tr(`settle.rate.${rating}`);
}

/** "Comp 50%: cold", or "1 of 2 comped 50% (cold)" when it covers fewer units than the line has. */
export function compWords(comp: LineComp, lineQty: number, p: PaperTools): string {
  const value = comp.kind === 'percent' ? `${comp.value}%` : p.money(comp.value);
  const vars = { value, reason: comp.reason, qty: comp.qty, of: lineQty };
  return comp.qty < lineQty ? p.tr('receipt.lineCompUnits', vars) : p.tr('receipt.lineComp', vars);
}

export function rewardWords(reward: LoyaltyReward, p: PaperTools): string {
  return reward.scheme === 'stamps' ? p.tr('loyalty.line.stamps', { item: reward.itemName ?? '' }) : p.tr('loyalty.line.points', { points: reward.units });
}

/** What the tab earned and the balance it left, or where the customer stands. */
export function loyaltyBalanceWords(loyalty: TabLoyalty, p: PaperTools): string | null {
  const goal = loyalty.standing?.goal ?? 0;
  if (loyalty.earned !== null && loyalty.balanceAfter !== null) {
    return loyalty.scheme === 'stamps'
      ? p.tr('loyalty.earned.stamps', { units: loyalty.earned, balance: loyalty.balanceAfter, goal })
      : p.tr('loyalty.earned.points', { units: loyalty.earned, balance: loyalty.balanceAfter });
  }
  if (!loyalty.standing) return null;
  return loyalty.standing.scheme === 'stamps'
    ? p.tr('loyalty.receipt.stampsNone', { balance: loyalty.standing.balance, goal })
    : p.tr('loyalty.receipt.pointsNone', { balance: loyalty.standing.balance });
}

/** When a cancellation is free and what coming late or not at all keeps. */
export function cancelPolicyWords(policy: DepositPolicy, p: PaperTools): string {
  if (policy.forfeitPercent === 0) return p.tr('salon.policy.cancelNone');
  if (policy.forfeitPercent === 100) return p.tr('salon.policy.cancelAll', { hours: policy.freeCancelHours });
  return p.tr('salon.policy.cancel', { hours: policy.freeCancelHours, forfeit: policy.forfeitPercent });
}

/** "09:05": minutes after the store's midnight. */
export function minuteWords(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** The head of what a customer takes away: the store's name, legal name, address and tax number (the logo stays on the A4 paper). */
export function writeHead(w: PaperWriter, store: Pick<StoreSettings, 'name' | 'legalName' | 'address' | 'taxNumber'>, p: PaperTools): void {
  w.center(store.name, { bold: true, size: 2 });
  w.center(store.legalName);
  for (const line of store.address) w.center(line);
  if (store.taxNumber) w.center(p.tr('receipt.taxNumber', { number: store.taxNumber }));
}

/** The receipt number, or that a tab not paid yet has none; nothing for one settled before receipts were numbered. */
export function writeReceiptNumber(w: PaperWriter, tab: Pick<TabDetail, 'receiptNumber' | 'status'>, p: PaperTools): void {
  if (tab.receiptNumber !== null) w.center(p.tr('receipt.number', { number: String(tab.receiptNumber) }), { bold: true });
  else if (tab.status !== 'settled') w.center(p.tr('receipt.notPaid'), { bold: true });
}
