import { useNavigate } from 'react-router';
import type { Payment, PaymentResult, Rating, SplitPart, TabDetail } from '../../../shared/types';
import { ratings } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { methodName, ratingName } from '../../format/method-name';
import { useCommand } from '../../hooks/use-command';
import type { MoneyTools } from '../../hooks/use-money';
import { t } from '../../i18n/t';
import { TokenNotBack, useTokenBack } from './TokenNotBack';

type PartsProps = { parts: SplitPart[]; current: number | null; money: MoneyTools; onPick: (partNo: number) => void };

/** Each part of a split with its amount; paid parts are marked, the rest can be picked. */
export function PartsList({ parts, current, money, onPick }: PartsProps) {
  return (
    <section className="panel settle__panel" aria-labelledby="settle-parts-heading">
      <h2 id="settle-parts-heading" className="settle__heading">
        {t('settle.partsHeading')}
      </h2>
      <ul className="settle__parts">
        {parts.map((part) => {
          const paid = part.paymentId !== null;
          const label = t('settle.partN', { n: part.partNo });
          return (
            <li
              key={part.partNo}
              className={`settle__part ${paid ? 'settle__part--paid' : ''} ${part.partNo === current ? 'settle__part--current' : ''}`}
              aria-label={label}
            >
              <span className="settle__part-name">{label}</span>
              <span className="settle__part-amount">{money.format(part.amountMinor)}</span>
              {paid ? (
                <span className="settle__badge">{t('settle.partPaid')}</span>
              ) : part.partNo === current ? (
                <span className="settle__badge settle__badge--current">{t('settle.paying')}</span>
              ) : (
                <button type="button" className="button button--ghost" onClick={() => onPick(part.partNo)}>
                  {t('settle.payPart')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * Payments already taken when no part is left to pay (say lines were removed after part 1 was
 * paid): history, not a split in progress, so there is nothing here to pick.
 */
export function AlreadyPaid({ payments, money }: { payments: Payment[]; money: MoneyTools }) {
  return (
    <section className="panel settle__panel settle__already" aria-labelledby="settle-already-heading">
      <h2 id="settle-already-heading" className="settle__heading">
        {t('settle.alreadyPaid')}
      </h2>
      <ul className="settle__already-list">
        {payments.map((payment) => {
          const method = methodName(payment.method);
          return (
            <li key={payment.id} className="settle__already-row">
              <span>
                {payment.mergedFrom
                  ? t('settle.alreadyPaidMerged', { method, token: payment.mergedFrom.token })
                  : payment.partNo === null
                    ? t('settle.alreadyPaidWhole', { method })
                    : t('settle.alreadyPaidPart', { n: payment.partNo, method })}
              </span>
              <span className="settle__already-amount">{money.format(payment.amountMinor)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** What the last payment did, in the server's numbers. */
export function PaymentOutcome({ result, money }: { result: PaymentResult; money: MoneyTools }) {
  const { payment } = result;
  return (
    <p className="settle__outcome" role="status">
      {t('settle.result', { amount: money.format(payment.amountMinor), method: methodName(payment.method) })}{' '}
      {payment.tipMinor > 0 && <>{t('settle.resultTip', { amount: money.format(payment.tipMinor) })} </>}
      {payment.roundingMinor !== 0 && <>{t('settle.resultRounding', { amount: money.format(payment.roundingMinor) })} </>}
      {/* An exact cash payment has no change to hand back, so "Change €0.00" would only be noise. */}
      {payment.method === 'cash' && result.changeMinor > 0 && (
        <strong className="settle__outcome-change">{t('settle.resultChange', { amount: money.format(result.changeMinor) })}</strong>
      )}
    </p>
  );
}

const ratingClass: Record<Rating, string> = { happy: 'settle__rate--happy', okay: 'settle__rate--okay', unhappy: 'settle__rate--unhappy' };

/** Settled: one optional tap for how it went, then the receipt. */
export function SettledPanel({ tab }: { tab: TabDetail }) {
  const rate = useCommand('settle.rate');
  const navigate = useNavigate();
  const back = useTokenBack(tab);
  const receipt = `/tab/${tab.id}/receipt`;
  return (
    <section className="panel settle__panel settle__settled" aria-labelledby="settle-rate-heading">
      <p className="settle__settled-title">{back.missingHere ? t('settle.settledMissing', { token: tab.token }) : t('settle.settled', { token: tab.token })}</p>
      {/* The customer kept the token: one tap (or M) keeps it out of the pool until it is found. */}
      <TokenNotBack tab={tab} back={back} shortcut />
      <h2 id="settle-rate-heading" className="settle__heading">
        {t('settle.rateHeading')}
      </h2>
      <div className="settle__choices settle__choices--big" role="group" aria-labelledby="settle-rate-heading">
        {ratings.map((r) => (
          <button
            key={r}
            type="button"
            className={`button button--ghost settle__rate ${ratingClass[r]}`}
            aria-pressed={tab.rating === r}
            disabled={rate.pending}
            onClick={() => void rate.run({ tabId: tab.id, rating: r }).then((done) => done && navigate(receipt))}
          >
            {ratingName(r)}
          </button>
        ))}
      </div>
      <ErrorNote error={rate.error} />
      <button type="button" className="button button--primary settle__confirm" onClick={() => navigate(receipt)}>
        {t('settle.toReceipt')}
      </button>
    </section>
  );
}
