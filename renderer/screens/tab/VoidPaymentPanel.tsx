import { useState, type FormEvent } from 'react';
import { voidDeadline } from '../../../shared/domain/payment-void';
import type { Payment, StoreSettings, TabDetail } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { errorElsewhere, errorFor } from '../../components/field-error';
import { FormActions } from '../../components/FormActions';
import { methodName } from '../../format/method-name';
import { useCommand } from '../../hooks/use-command';
import type { MoneyTools } from '../../hooks/use-money';
import { useNow } from '../../hooks/use-now';
import { useWhen } from '../../hooks/use-when';
import { t } from '../../i18n/t';
import { voidablePayment } from './voidable-payment';

/** The payment this tab may still have voided, re-read every few seconds so the offer ends on time. */
export function useVoidablePayment(tab: TabDetail): Payment | null {
  return voidablePayment(tab, useNow(5_000));
}

type Props = {
  tab: TabDetail;
  payment: Payment;
  money: MoneyTools;
  store: Pick<StoreSettings, 'locale' | 'timeZone'>;
  onCancel: () => void;
  onDone: (tab: TabDetail) => void;
};

/**
 * A manager takes back the tab's last payment, with a reason, while the ledger still allows it.
 * The command names the payment shown here, so a stale screen cannot void another one; a refusal
 * (too late, the day closed, the drawer counted, the token taken) shows beside the confirm button.
 */
export function VoidPaymentPanel({ tab, payment, money, store, onCancel, onDone }: Props) {
  const voidPayment = useCommand('settle.voidLastPayment');
  const when = useWhen(store);
  const [reason, setReason] = useState('');
  const amount = money.format(payment.amountMinor);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const done = await voidPayment.run({ tabId: tab.id, paymentId: payment.id, reason });
    if (done) onDone(done);
  };
  return (
    <form className="panel tab-detail__panel tab-detail__void-payment no-print" onSubmit={(e) => void submit(e)} aria-labelledby="void-payment-heading">
      <h2 id="void-payment-heading" className="tab-detail__heading">
        {t('tabDetail.voidPaymentHeading', { amount, method: methodName(payment.method) })}
      </h2>
      <p>
        {tab.status === 'settled' ? t('tabDetail.voidPaymentReopens', { token: tab.token, amount }) : t('tabDetail.voidPaymentOwes', { amount })}
        {payment.tipMinor > 0 && ` ${t('tabDetail.voidPaymentTip', { tip: money.format(payment.tipMinor) })}`}
        {payment.method === 'cash' && ` ${t('tabDetail.voidPaymentCash')}`}
        {payment.method === 'card' && ` ${t('tabDetail.voidPaymentCard')}`}
      </p>
      <p className="tab-detail__muted">{t('tabDetail.voidPaymentUntil', { time: when.time(new Date(voidDeadline(payment.createdAt))) })}</p>
      <label className="field">
        <span>{t('tabDetail.voidPaymentReason')}</span>
        <input autoFocus value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={errorFor(voidPayment.error, ['reason']) !== null} />
      </label>
      <ErrorNote error={errorFor(voidPayment.error, ['reason'])} />
      <ErrorNote error={errorElsewhere(voidPayment.error, ['reason'])} />
      <FormActions
        className="tab-detail__form-actions"
        confirm={t('tabDetail.voidPaymentConfirm', { amount })}
        pending={voidPayment.pending}
        onCancel={onCancel}
        danger
      />
    </form>
  );
}
