import { formatRate } from '../../../shared/domain/tax';
import type { RefundReceipt } from '../../../shared/refund-types';
import type { StoreSettings } from '../../../shared/types';
import { useMoney } from '../../hooks/use-money';
import { useWhen } from '../../hooks/use-when';
import type { MessageKey } from '../../i18n/t';
import { tPaper } from '../../i18n/t';
import { PaperHead } from '../receipt/PaperHead';
import '../receipt/receipt.css';
import './refund.css';

const tenderKeys = { cash: 'refundReceipt.cash', card: 'refundReceipt.card', other: 'refundReceipt.other' } as const satisfies Record<string, MessageKey>;

/**
 * The refund receipt as paper: the store's head, the refund's number and the receipt it refunds,
 * what went back (units of lines, or a part of the bill), the tax in it by rate, the tips, and
 * how each tender gave it back; printed in the store's language (tPaper), like the receipt.
 */
export function RefundPaper({ receipt, store }: { receipt: RefundReceipt; store: StoreSettings }) {
  const money = useMoney(store);
  const f = money.format;
  const when = useWhen(store, true);
  return (
    <article className="receipt refund-receipt" aria-label={tPaper('refundReceipt.title')}>
      <header className="receipt__head">
        <PaperHead store={store} nameClass="receipt__store" />
        <p className="receipt__status">{tPaper('refundReceipt.title')}</p>
        <p className="receipt-number" data-testid="refund-number">
          {tPaper('refundReceipt.number', { number: String(receipt.refundId) })}
        </p>
        <p data-testid="refund-of">
          {receipt.originalReceiptNumber === null
            ? tPaper('refundReceipt.ofUnnumbered', { when: receipt.originalClosedAt ? when.format(receipt.originalClosedAt) : '' })
            : tPaper('refundReceipt.of', { number: String(receipt.originalReceiptNumber) })}
        </p>
        <p>{tPaper('receipt.token', { token: receipt.token })}</p>
        <p>{tPaper('refundReceipt.given', { when: when.format(receipt.at) })}</p>
      </header>

      <ul className="receipt__lines">
        {receipt.mode === 'lines' ? (
          receipt.lines.map((line) => (
            <li key={`${line.lineId}-${String(line.comped)}`} className="receipt__row">
              <span>
                {tPaper('receipt.line', { qty: line.qty, item: line.name })}
                {line.comped && ` ${tPaper('refundReceipt.comped')}`}
              </span>
              <span>{f(line.amountMinor)}</span>
            </li>
          ))
        ) : (
          <li className="receipt__row">
            <span>{tPaper(receipt.mode === 'whole' ? 'refundReceipt.whole' : 'refundReceipt.amount')}</span>
            <span>{f(receipt.amountMinor)}</span>
          </li>
        )}
      </ul>

      <div className="receipt__payments">
        <Row label={tPaper('refundReceipt.bill')} value={f(receipt.amountMinor)} />
        {receipt.rates
          .filter((r) => r.taxMinor > 0)
          .map((r) => (
            <Row key={r.rateMilli} sub label={tPaper('refundReceipt.tax', { rate: formatRate(r.rateMilli, store.locale) })} value={f(r.taxMinor)} />
          ))}
        {receipt.tipMinor > 0 && <Row label={tPaper('refundReceipt.tips')} value={f(receipt.tipMinor)} />}
      </div>

      <div className="receipt__payments">
        {receipt.tenders.map((tender) => (
          <div key={tender.method}>
            <Row label={tPaper(tenderKeys[tender.method])} value={f(tender.givenMinor)} />
            {tender.roundingMinor !== 0 && <Row sub label={tPaper('receipt.rounding')} value={f(-tender.roundingMinor)} />}
          </div>
        ))}
        {receipt.tenders.length > 1 && <Row label={tPaper('refundReceipt.total')} value={f(receipt.givenMinor)} />}
      </div>

      <p>{tPaper('refundReceipt.reason', { reason: receipt.reason })}</p>
      <p>{tPaper('refundReceipt.by', { name: receipt.staffName })}</p>
      {receipt.approverName && <p>{tPaper('refundReceipt.approvedBy', { name: receipt.approverName })}</p>}
    </article>
  );
}

function Row({ label, value, sub = false }: { label: string; value: string; sub?: boolean }) {
  return (
    <div className={sub ? 'receipt__row receipt__sub' : 'receipt__row'}>
      <span>{label}</span>
      <span>{value}</span>
    </div>
  );
}
