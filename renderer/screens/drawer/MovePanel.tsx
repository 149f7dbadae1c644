import { useState, type FormEvent } from 'react';
import type { DrawerMovementKind, DrawerSession } from '../../../shared/closing-types';
import type { StoreSettings } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { errorElsewhere, errorFor } from '../../components/field-error';
import { useCommand } from '../../hooks/use-command';
import type { MoneyTools } from '../../hooks/use-money';
import { t } from '../../i18n/t';
import { dateTimeFormat } from './Figures';

const kinds: readonly DrawerMovementKind[] = ['paid_out', 'paid_in'];

type Props = { session: DrawerSession; store: StoreSettings; money: MoneyTools };

/** Cash paid into or out of the drawer with a reason, and the list of what was moved so far. */
export function MovePanel({ session, store, money }: Props) {
  const move = useCommand('drawer.move');
  const [kind, setKind] = useState<DrawerMovementKind>('paid_out');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [amountProblem, setAmountProblem] = useState<string | null>(null);
  const when = dateTimeFormat(store);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const parsed = money.parse(amount);
    if (!parsed.ok) return setAmountProblem(amount.trim() === '' ? t('errors.field.amountMissing') : parsed.message);
    setAmountProblem(null);
    // The reason is sent as typed: a missing one is refused by the ledger, by the reason field.
    if (await move.run({ kind, amountMinor: parsed.minor, reason: reason.trim() })) {
      setAmount('');
      setReason('');
    }
  };
  const amountError = amountProblem ?? errorFor(move.error, ['amountMinor']);
  const reasonError = errorFor(move.error, ['reason']);

  return (
    <section className="panel" aria-labelledby="drawer-move-heading">
      <h2 id="drawer-move-heading" className="panel__heading">
        {t('drawer.moveHeading')}
      </h2>
      <form className="drawer-move" aria-labelledby="drawer-move-heading" onSubmit={(e) => void submit(e)} noValidate>
        <div className="drawer-count__modes" role="group" aria-label={t('drawer.move.kind')}>
          {kinds.map((k) => (
            <button
              key={k}
              type="button"
              className={`button ${kind === k ? 'button--primary' : 'button--ghost'}`}
              aria-pressed={kind === k}
              onClick={() => setKind(k)}
            >
              {t(`drawer.move.${k}`)}
            </button>
          ))}
        </div>
        <label className="field">
          <span>{t('drawer.move.amount')}</span>
          <input
            inputMode="decimal"
            autoComplete="off"
            value={amount}
            aria-invalid={amountError ? true : undefined}
            onChange={(e) => {
              setAmount(e.target.value);
              setAmountProblem(null);
            }}
          />
        </label>
        <ErrorNote error={amountError} />
        <label className="field">
          <span>{t('drawer.move.reason')}</span>
          <input value={reason} maxLength={200} autoComplete="off" aria-invalid={reasonError ? true : undefined} onChange={(e) => setReason(e.target.value)} />
          <span className="drawer__muted">{t('drawer.move.reasonHint')}</span>
        </label>
        <ErrorNote error={reasonError} />
        <ErrorNote error={errorElsewhere(move.error, ['amountMinor', 'reason'])} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={move.pending}>
            {t(`drawer.move.confirm.${kind}`)}
          </button>
        </div>
      </form>

      <h3 className="drawer__subheading" id="drawer-movements-heading">
        {t('drawer.movements')}
      </h3>
      {session.movements.length === 0 ? (
        <p className="drawer__muted">{t('drawer.noMovements')}</p>
      ) : (
        <ul className="drawer__movements" aria-labelledby="drawer-movements-heading">
          {session.movements.map((m) => (
            <li key={m.id} className="drawer__movement">
              <span>{t(`drawer.move.done.${m.kind}`, { amount: money.format(m.amountMinor), reason: m.reason })}</span>
              <span className="drawer__muted">{t('drawer.movementBy', { when: when.format(new Date(m.at)), name: m.staffName })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
