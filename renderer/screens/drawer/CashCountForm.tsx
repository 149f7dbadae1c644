import { useState, type FormEvent } from 'react';
import type { AppError } from '../../../shared/errors';
import type { Minor } from '../../../shared/money';
import { ErrorNote } from '../../components/ErrorNote';
import type { MoneyTools } from '../../hooks/use-money';
import { t } from '../../i18n/t';
import { emptyCount, lineTotal, readCount, runningTotal, type CashCount, type CountDraft, type CountProblems } from './cash-count';

type Props = {
  /** The form's accessible name, e.g. "Open the drawer". */
  label: string;
  denominations: readonly Minor[];
  currency: string;
  money: MoneyTools;
  /** The confirm button's words for the total that would be sent, or null while the count cannot be sent. */
  confirm: (amount: string | null) => string;
  pending: boolean;
  /** A refusal from the ledger, shown by the confirm button. */
  error: AppError | null;
  onSubmit: (count: CashCount) => void;
  onCancel?: () => void;
  /** Focus the first field on mount (a panel the person just opened). */
  autoFocus?: boolean;
};

/**
 * Counts cash note by note (the currency's notes and coins, largest first, with a running
 * total) or as one total. Used for the opening float and for the blind count at close.
 */
export function CashCountForm({ label, denominations, currency, money, confirm, pending, error, onSubmit, onCancel, autoFocus = false }: Props) {
  const [draft, setDraft] = useState<CountDraft>(() => emptyCount(denominations));
  const [problems, setProblems] = useState<CountProblems>({});
  const canGrid = denominations.length > 0;
  const byNote = canGrid && draft.mode === 'denominations';
  const running = runningTotal(draft, denominations, money);
  const words = {
    qtyError: (d: Minor) => t('drawer.count.qtyError', { denomination: money.format(d) }),
    totalMissing: t('drawer.count.totalMissing'),
    totalNegative: t('drawer.count.totalNegative'),
  };
  // The button names an amount only when that amount is what pressing it would send.
  const read = readCount(draft, denominations, money, words);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!read.ok) return setProblems(read.problems);
    setProblems({});
    onSubmit(read.count);
  };
  const setQty = (d: Minor, text: string): void => {
    setDraft((prev) => ({ ...prev, qty: { ...prev.qty, [String(d)]: text } }));
    setProblems((prev) => Object.fromEntries(Object.entries(prev).filter(([k]) => k !== String(d) && k !== 'total')));
  };
  const gridProblems = byNote && Object.keys(problems).some((k) => k !== 'total');

  return (
    <form className="drawer-count" aria-label={label} onSubmit={submit} noValidate>
      {canGrid ? (
        <div className="drawer-count__modes" role="group" aria-label={t('drawer.count.mode')}>
          {(['denominations', 'total'] as const).map((mode) => (
            <button
              key={mode}
              type="button"
              className={`button ${draft.mode === mode ? 'button--primary' : 'button--ghost'}`}
              aria-pressed={draft.mode === mode}
              onClick={() => {
                setDraft((prev) => ({ ...prev, mode }));
                setProblems({});
              }}
            >
              {mode === 'denominations' ? t('drawer.count.byDenomination') : t('drawer.count.asTotal')}
            </button>
          ))}
        </div>
      ) : (
        <p className="drawer__muted">{t('drawer.count.noDenominations', { currency })}</p>
      )}

      {byNote ? (
        <fieldset className="drawer-count__grid">
          <legend>{t('drawer.count.grid')}</legend>
          {denominations.map((d, i) => {
            const key = String(d);
            const text = draft.qty[key] ?? '';
            const line = lineTotal(d, text);
            const id = `count-${label.replace(/\W+/g, '-')}-${key}`;
            return (
              <div key={key} className="drawer-count__row">
                <label htmlFor={id} className="drawer-count__note">
                  {money.format(d)}
                </label>
                <input
                  id={id}
                  className="drawer-count__qty"
                  inputMode="numeric"
                  autoComplete="off"
                  autoFocus={autoFocus && i === 0}
                  aria-label={t('drawer.count.qty', { denomination: money.format(d) })}
                  aria-invalid={problems[key] ? true : undefined}
                  value={text}
                  placeholder="0"
                  onChange={(e) => setQty(d, e.target.value)}
                />
                <span className="drawer-count__line" aria-hidden="true">
                  {line !== null && line > 0 ? t('drawer.count.lineTotal', { amount: money.format(line) }) : ''}
                </span>
              </div>
            );
          })}
        </fieldset>
      ) : (
        <label className="field">
          <span>{t('drawer.count.totalField')}</span>
          <input
            inputMode="decimal"
            autoComplete="off"
            autoFocus={autoFocus}
            value={draft.total}
            aria-invalid={problems.total ? true : undefined}
            onChange={(e) => {
              setDraft((prev) => ({ ...prev, total: e.target.value }));
              setProblems({});
            }}
          />
        </label>
      )}
      {byNote && (
        <div className="drawer-count__problems">
          {Object.entries(problems)
            .filter(([k]) => k !== 'total')
            .map(([k, text]) => (
              <ErrorNote key={k} error={text} />
            ))}
        </div>
      )}
      <ErrorNote error={problems.total ?? null} />
      {gridProblems && <ErrorNote error={t('drawer.count.fixFields')} />}

      <p className="drawer-count__running" role="status">
        {running === null ? '' : t('drawer.count.running', { amount: money.format(running) })}
      </p>
      <ErrorNote error={error} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {confirm(read.ok ? money.format(read.totalMinor) : null)}
        </button>
        {onCancel && (
          <button type="button" className="button button--ghost" onClick={onCancel}>
            {t('drawer.cancelCount')}
          </button>
        )}
      </div>
    </form>
  );
}
