import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Payment, StoreSettings, TabDetail, TabLine } from '../../../shared/types';
import { Screen } from '../../components/Screen';
import { compReceiptText } from '../../format/comp-text';
import { methodName, ratingName } from '../../format/method-name';
import { useEscapeFirst } from '../../hooks/use-escape-first';
import { useStore, useTab } from '../../hooks/use-live-data';
import { useMoney, type MoneyTools } from '../../hooks/use-money';
import { useTabId } from '../../hooks/use-tab-id';
import { useWhen } from '../../hooks/use-when';
import { t, tPaper } from '../../i18n/t';
import { PrintAction } from '../../printing/PrintAction';
import { LoyaltyReceiptBalance, LoyaltyReceiptLine } from '../loyalty/LoyaltyReceipt';
import { TabLoading, TabMissing } from '../tab/TabMissing';
import { TabTotals } from '../tab/TabTotals';
import { useVoidablePayment, VoidPaymentPanel } from '../tab/VoidPaymentPanel';
import { PaperHead, ReceiptNumber } from './PaperHead';
import '../tab/tab.css';
import './receipt.css';

/**
 * What the customer paid for and how, laid out to print on a receipt printer or A4. The paper
 * speaks the store's language (tPaper); the screen around it (title, buttons, the void panel),
 * which is never printed, speaks this PC's.
 */
export function ReceiptScreen() {
  const tabId = useTabId();
  return tabId === null ? <TabMissing /> : <ReceiptLoader tabId={tabId} />;
}

function ReceiptLoader({ tabId }: { tabId: number }) {
  const tab = useTab(tabId);
  const store = useStore();
  if (!tab.data) return tab.error ? <TabMissing detail={tab.error} /> : <TabLoading />;
  if (!store.data) return <TabLoading />;
  return <ReceiptView tab={tab.data} store={store.data} />;
}

export function ReceiptView({ tab, store }: { tab: TabDetail; store: StoreSettings }) {
  const money = useMoney(store);
  const when = useWhen(store);
  const navigate = useNavigate();
  const voidable = useVoidablePayment(tab);
  // The payment shown when the panel opened: voiding names it, whatever happens on the tab meanwhile.
  const [voiding, setVoiding] = useState<Payment | null>(null);
  useEscapeFirst(() => setVoiding(null), voiding !== null);
  const actions = (
    <>
      <PrintAction document={{ document: 'receipt', tabId: tab.id }} label={t('receipt.print')} />
      <Link className="button button--ghost" to="/">
        {t('receipt.backToBoard')}
      </Link>
      {tab.status === 'settled' && (
        <Link className="button button--ghost" to={`/tab/${tab.id}/refund`}>
          {t('tabDetail.refund')}
        </Link>
      )}
      {voidable && (
        <button type="button" className="button button--ghost" onClick={() => setVoiding(voidable)}>
          {t('tabDetail.voidPayment')}
        </button>
      )}
    </>
  );
  return (
    <Screen title={t('receipt.title')} back="/" actions={actions} className="receipt-screen">
      {voiding && (
        <VoidPaymentPanel tab={tab} payment={voiding} money={money} store={store} onCancel={() => setVoiding(null)} onDone={() => navigate(`/tab/${tab.id}`)} />
      )}
      <article className="receipt" aria-label={tPaper('receipt.title')}>
        <header className="receipt__head">
          <PaperHead store={store} nameClass="receipt__store" />
          <ReceiptNumber tab={tab} />
          <p className="receipt__token">{tPaper('receipt.token', { token: tab.token })}</p>
          {(tab.name || tab.label) && <p>{[tab.name, tab.label].filter(Boolean).join(' · ')}</p>}
          <p>{tPaper('receipt.opened', { when: when.format(tab.openedAt) })}</p>
          {tab.closedAt && <p>{tPaper('receipt.closed', { when: when.format(tab.closedAt) })}</p>}
          {tab.status === 'open' && <p className="receipt__status">{tPaper('receipt.status.open', { amount: money.format(tab.dueMinor) })}</p>}
          {tab.status === 'written_off' && <p className="receipt__status">{tPaper('receipt.status.written_off', { reason: tab.writeOffReason ?? '' })}</p>}
          {tab.status === 'voided' && <p className="receipt__status">{tPaper('receipt.status.voided')}</p>}
        </header>

        <ul className="receipt__lines">
          {tab.lines.filter(onReceipt).map((line) => (
            <li key={line.id} className="receipt__line">
              <div className="receipt__row">
                <span>{tPaper('receipt.line', { qty: line.qty, item: line.name })}</span>
                <span>{money.format(line.listMinor)}</span>
              </div>
              {line.comp && (
                <div className="receipt__row receipt__sub">
                  <span>{compReceiptText(line.comp, line.qty, money.format)}</span>
                  <span>−{money.format(line.comp.amountMinor)}</span>
                </div>
              )}
              {/* A service's words as the line kept them when it was added; a product has none. */}
              {line.expectText && <p className="receipt__expect">{line.expectText}</p>}
            </li>
          ))}
        </ul>
        <LoyaltyReceiptLine loyalty={tab.loyalty} format={money.format} />

        <TabTotals tab={tab} format={money.format} locale={store.locale} showDue={tab.status === 'open'} tr={tPaper} />

        <section className="receipt__payments" aria-labelledby="receipt-payments-heading">
          <h2 id="receipt-payments-heading" className="receipt__heading">
            {tPaper('receipt.payments')}
          </h2>
          {tab.payments.length === 0 ? <p>{tPaper('receipt.noPayments')}</p> : tab.payments.map((p) => <PaymentRows key={p.id} payment={p} money={money} />)}
        </section>

        {tab.rating && <p>{tPaper('receipt.rating', { rating: ratingName(tab.rating, tPaper) })}</p>}
        <LoyaltyReceiptBalance loyalty={tab.loyalty} />
        {tab.status === 'settled' && <p className="receipt__thanks">{tPaper('receipt.thanks')}</p>}
      </article>
    </Screen>
  );
}

/** A removed line belongs in the tab's history, not on the customer's paper; a comp stays (the customer sees it). */
function onReceipt(line: TabLine): boolean {
  return line.state !== 'removed';
}

function PaymentRows({ payment, money }: { payment: Payment; money: MoneyTools }) {
  const method = methodName(payment.method, tPaper);
  return (
    <div className="receipt__payment" aria-label={method}>
      <div className="receipt__row">
        <span>
          {payment.partNo === null ? tPaper('receipt.payment', { method }) : tPaper('receipt.paymentPart', { method, n: payment.partNo })}
          {payment.reference && ` · ${payment.reference}`}
        </span>
        <span>{money.format(payment.amountMinor)}</span>
      </div>
      {payment.tipMinor > 0 && <Sub label={tPaper('receipt.tip')} value={money.format(payment.tipMinor)} />}
      {payment.tenderedMinor !== null && <Sub label={tPaper('receipt.tendered')} value={money.format(payment.tenderedMinor)} />}
      {payment.method === 'cash' && payment.changeMinor > 0 && <Sub label={tPaper('receipt.change')} value={money.format(payment.changeMinor)} />}
      {payment.roundingMinor !== 0 && <Sub label={tPaper('receipt.rounding')} value={money.format(payment.roundingMinor)} />}
    </div>
  );
}

function Sub({ label, value }: { label: string; value: string }) {
  return (
    <div className="receipt__row receipt__sub">
      <span>{label}</span>
      <span>{value}</span>
    </div>
  );
}
