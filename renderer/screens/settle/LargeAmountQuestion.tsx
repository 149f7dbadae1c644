import { useEffect, useRef } from 'react';
import type { LargeAmount } from '../../../shared/domain/large-amounts';
import type { Minor } from '../../../shared/money';
import { useEscapeFirst } from '../../hooks/use-escape-first';
import { t } from '../../i18n/t';
import { questionLines } from './large-amount-question';
import './large-amount-question.css';

type Props = {
  asks: readonly LargeAmount[];
  format: (minor: Minor) => string;
  currency: string;
  pending: boolean;
  onYes: () => void;
  onChange: () => void;
};

/**
 * Asks in words before a large tip or a pile of cash is taken. "Change it" has the focus, so
 * the Enter that brought the question up, pressed again, goes back to the field: only a
 * deliberate tap (or Tab, then Enter) on "Yes, take it" sends the payment. Esc changes it too.
 */
export function LargeAmountQuestion({ asks, format, currency, pending, onYes, onChange }: Props) {
  const change = useRef<HTMLButtonElement>(null);
  const asked = JSON.stringify(asks);
  useEffect(() => {
    change.current?.focus();
  }, [asked]);
  useEscapeFirst(onChange, true);
  return (
    <div className="settle-ask" role="group" aria-labelledby="settle-ask-words">
      <div id="settle-ask-words" role="alert">
        {questionLines(asks, format, currency).map(({ ask, why }) => (
          <p key={ask.key} className="settle-ask__line">
            <strong className="settle-ask__question">{t(ask.key, ask.vars)}</strong> <span className="settle-ask__why">{t(why.key, why.vars)}</span>
          </p>
        ))}
      </div>
      <div className="settle-ask__buttons">
        <button ref={change} type="button" className="button button--primary" onClick={onChange} aria-keyshortcuts="Enter Escape">
          {t('settle.ask.change')}
        </button>
        <button type="button" className="button button--danger" onClick={onYes} disabled={pending}>
          {t('settle.ask.yes')}
        </button>
      </div>
      <p className="settle__muted">{t('settle.ask.keys')}</p>
    </div>
  );
}
