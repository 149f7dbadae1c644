import { useState } from 'react';
import type { TabDeposit } from '../../../shared/salon-types';
import type { TabDetail } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { methodName } from '../../format/method-name';
import { useCommand } from '../../hooks/use-command';
import type { MoneyTools } from '../../hooks/use-money';
import { formatBusinessDate } from '../../hooks/use-when';
import { t } from '../../i18n/t';
import { useCustomerAppointments } from '../appointments/use-salon';
import '../appointments/appointments.css';

type Held = Pick<TabDeposit, 'id' | 'amountMinor' | 'method' | 'takenBusinessDate'>;
type Props = { tab: TabDetail; money: MoneyTools; locale: string; className?: string | undefined };

/**
 * A deposit held for this tab's customer comes first: the one attached at check-in (the ledger
 * refuses any payment until it is applied) and any rest kept on the customer from an earlier
 * visit. Larger than the bill, the rest is refunded by its tender or kept on the customer.
 */
export function DepositPanel({ tab, money, locale, className }: Props) {
  const attached: Held[] = (tab.deposits ?? []).filter((d) => d.status === 'held');
  if (tab.customerId === null) return attached.length > 0 ? <HeldList held={attached} tab={tab} money={money} locale={locale} className={className} /> : null;
  return <WithKept customerId={tab.customerId} attached={attached} tab={tab} money={money} locale={locale} className={className} />;
}

function WithKept({ customerId, attached, tab, money, locale, className }: Props & { customerId: number; attached: Held[] }) {
  const data = useCustomerAppointments(customerId);
  const kept = (data.data?.heldDeposits ?? []).filter((d) => d.appointmentId === null && d.tabId === null && !attached.some((a) => a.id === d.id));
  const held = [...attached, ...kept];
  return held.length > 0 ? <HeldList held={held} tab={tab} money={money} locale={locale} className={className} /> : null;
}

function HeldList({ held, tab, money, locale, className }: Props & { held: Held[] }) {
  return (
    <section className={`panel settle__panel deposit-apply ${className ?? ''}`} aria-labelledby="deposit-apply-heading">
      <h2 id="deposit-apply-heading" className="settle__heading">
        {t('salon.deposit.heading')}
      </h2>
      <p className="settle__muted">{t('salon.deposit.hint')}</p>
      {held.map((d) => (
        <ApplyOne key={d.id} deposit={d} tab={tab} money={money} locale={locale} />
      ))}
    </section>
  );
}

function ApplyOne({ deposit, tab, money, locale }: { deposit: Held; tab: TabDetail; money: MoneyTools; locale: string }) {
  const apply = useCommand('deposit.apply');
  const [excess, setExcess] = useState<'refund' | 'keep'>('refund');
  const over = deposit.amountMinor - tab.dueMinor;
  const method = methodName(deposit.method);
  return (
    <div className="deposit-apply__one" data-testid="deposit-held">
      <p className="deposit-apply__row">
        {t('salon.deposit.row', { amount: money.format(deposit.amountMinor), method, date: formatBusinessDate(deposit.takenBusinessDate, locale) })}
      </p>
      {over > 0 && (
        <fieldset className="deposit-apply__excess">
          <legend>{t('salon.deposit.excess', { excess: money.format(over) })}</legend>
          <label className={`deposit-apply__choice${excess === 'refund' ? ' deposit-apply__choice--on' : ''}`}>
            <input type="radio" name={`excess-${deposit.id}`} checked={excess === 'refund'} onChange={() => setExcess('refund')} />
            <span>{t('salon.deposit.excessRefund', { amount: money.format(over), method })}</span>
          </label>
          <label className={`deposit-apply__choice${excess === 'keep' ? ' deposit-apply__choice--on' : ''}`}>
            <input type="radio" name={`excess-${deposit.id}`} checked={excess === 'keep'} onChange={() => setExcess('keep')} />
            <span>{t('salon.deposit.excessKeep', { amount: money.format(over) })}</span>
          </label>
        </fieldset>
      )}
      <button
        type="button"
        className="button button--primary"
        disabled={apply.pending}
        onClick={() => void apply.run({ tabId: tab.id, depositId: deposit.id, excess })}
      >
        {t('salon.deposit.applyAmount', { amount: money.format(Math.min(deposit.amountMinor, tab.dueMinor)) })}
      </button>
      <ErrorNote error={apply.error} />
    </div>
  );
}
