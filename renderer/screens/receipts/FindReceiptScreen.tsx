import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Result } from '../../../shared/errors';
import type { ReceiptMatch } from '../../../shared/refund-types';
import type { StoreSettings } from '../../../shared/types';
import { api } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { Screen } from '../../components/Screen';
import { useStore } from '../../hooks/use-live-data';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useMoney } from '../../hooks/use-money';
import { useWhen } from '../../hooks/use-when';
import { describeError } from '../../i18n/describe-error';
import { t } from '../../i18n/t';
import './receipts.css';

const loadToday = (): Promise<Result<ReceiptMatch[]>> => api['receipt.find']({});

/**
 * Settled tabs leave the board: here the counter finds one again, to show its receipt or refund
 * it, by the number printed on the receipt or among the day's last settled tabs (R on the board).
 */
export function FindReceiptScreen() {
  const store = useStore();
  const today = useLiveQuery(loadToday, 'tabs.changed');
  const [text, setText] = useState('');
  const [found, setFound] = useState<{ number: number; matches: ReceiptMatch[] } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const find = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const number = Number(text.trim());
    if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(number) || number < 1) {
      setProblem(t('receipts.notANumber'));
      return;
    }
    setProblem(null);
    const result = await api['receipt.find']({ receiptNumber: number });
    if (result.ok) setFound({ number, matches: result.value });
    else setProblem(describeError(result.error));
  };
  return (
    <Screen title={t('receipts.title')} back="/" className="receipts">
      <form className="receipts__search" onSubmit={(e) => void find(e)} noValidate>
        <label className="field">
          <span>{t('receipts.number')}</span>
          <input
            autoFocus
            inputMode="numeric"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={problem !== null}
            aria-describedby="receipts-number-hint"
          />
          <span className="field__hint" id="receipts-number-hint">
            {t('receipts.numberHint')}
          </span>
        </label>
        <button type="submit" className="button button--primary">
          {t('receipts.find')}
        </button>
      </form>
      <ErrorNote error={problem} />
      {found && store.data && (
        <section aria-labelledby="receipts-found-heading" className="receipts__section">
          <h2 id="receipts-found-heading" className="receipts__heading">
            {t('receipts.found')}
          </h2>
          {found.matches.length === 0 ? (
            <p>{t('receipts.noMatch', { number: String(found.number) })}</p>
          ) : (
            <Matches matches={found.matches} store={store.data} />
          )}
        </section>
      )}
      <section aria-labelledby="receipts-today-heading" className="receipts__section">
        <h2 id="receipts-today-heading" className="receipts__heading">
          {t('receipts.today')}
        </h2>
        <ErrorNote error={today.error ? t('receipts.loadFailed', { message: today.error }) : null} />
        {today.data && store.data ? (
          today.data.length === 0 ? (
            <p>{t('receipts.todayNone')}</p>
          ) : (
            <Matches matches={today.data} store={store.data} />
          )
        ) : (
          !today.error && <p>{t('receipts.loading')}</p>
        )}
      </section>
    </Screen>
  );
}

/** Each tab found, as a large target that opens it (its receipt and its refund are one tap further). */
function Matches({ matches, store }: { matches: ReceiptMatch[]; store: StoreSettings }) {
  const money = useMoney(store);
  const when = useWhen(store);
  return (
    <ul className="receipts__list">
      {matches.map((m) => (
        <li key={`${m.tabId}-${m.receiptNumber ?? 0}`}>
          <Link className="receipts__match" to={`/tab/${m.tabId}`} aria-label={t('receipts.rowOpen', { token: m.token })}>
            <span className="receipts__token">{t('receipts.rowToken', { token: m.token })}</span>
            <span>{m.receiptNumber === null ? t('receipts.rowNoNumber') : t('receipts.rowNumber', { number: String(m.receiptNumber) })}</span>
            {m.name && <span>{m.name}</span>}
            <span>
              {m.status === 'settled' ? t('receipts.rowSettled', { when: m.closedAt ? when.format(m.closedAt) : '' }) : t(`tabDetail.status.${m.status}`)}
            </span>
            <span className="receipts__amount">{money.format(m.totalMinor)}</span>
            {m.refundedMinor > 0 && <span className="receipts__refunded">{t('receipts.rowRefunded', { amount: money.format(m.refundedMinor) })}</span>}
          </Link>
        </li>
      ))}
    </ul>
  );
}
