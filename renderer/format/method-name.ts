import type { PaymentMethod, Rating } from '../../shared/types';
import type { MessageKey } from '../i18n/t';
import { t } from '../i18n/t';

const methodKeys: Record<PaymentMethod, MessageKey> = { cash: 'settle.method.cash', card: 'settle.method.card', other: 'settle.method.other' };
const ratingKeys: Record<Rating, MessageKey> = { happy: 'settle.rate.happy', okay: 'settle.rate.okay', unhappy: 'settle.rate.unhappy' };

/** A payment method's name; `tr` is tPaper where it goes on paper. */
export function methodName(method: PaymentMethod, tr: typeof t = t): string {
  return tr(methodKeys[method]);
}

/** How the customer rated the visit, in words; `tr` as for methodName. */
export function ratingName(rating: Rating, tr: typeof t = t): string {
  return tr(ratingKeys[rating]);
}
