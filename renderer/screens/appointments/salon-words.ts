import type { Minor } from '../../../shared/money';
import type { AppointmentStatus, DepositPolicy } from '../../../shared/salon-types';
import { t } from '../../i18n/t';

/** What the policy asks at booking, in the customer's words (Settings' preview, the confirmation). */
export function depositWords(policy: DepositPolicy, format: (minor: Minor) => string): string {
  if (policy.mode === 'fixed') return t('salon.policy.fixed', { amount: format(policy.fixedMinor) });
  if (policy.mode === 'percent') return t('salon.policy.percent', { percent: policy.percent });
  return t('salon.policy.none');
}

/** When a cancellation is free and what coming late or not at all keeps. */
export function cancelWords(policy: DepositPolicy): string {
  if (policy.forfeitPercent === 0) return t('salon.policy.cancelNone');
  if (policy.forfeitPercent === 100) return t('salon.policy.cancelAll', { hours: policy.freeCancelHours });
  return t('salon.policy.cancel', { hours: policy.freeCancelHours, forfeit: policy.forfeitPercent });
}

/** The whole policy in plain words; with no deposit there is nothing to cancel for. */
export function policyWords(policy: DepositPolicy, format: (minor: Minor) => string): string {
  return policy.mode === 'none' ? depositWords(policy, format) : `${depositWords(policy, format)} ${cancelWords(policy)}`;
}

export function statusName(status: AppointmentStatus): string {
  return t(`salon.status.${status}`);
}

/**
 * The share of a held deposit a late cancel or no-show keeps, rounded half up to the minor unit
 * as the ledger posts it; the rest is refunded.
 */
export function forfeitOf(heldMinor: Minor, forfeitPercent: number): Minor {
  return Math.floor((heldMinor * forfeitPercent + 50) / 100);
}
