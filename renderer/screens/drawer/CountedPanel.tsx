import { useState, type FormEvent } from 'react';
import type { DrawerSession } from '../../../shared/closing-types';
import type { AppError } from '../../../shared/errors';
import type { StoreSettings } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { errorElsewhere, errorFor } from '../../components/field-error';
import { Figures } from '../../components/Figures';
import { varianceKind, varianceText } from '../../format/variance';
import { useCommand } from '../../hooks/use-command';
import { useEscapeFirst } from '../../hooks/use-escape-first';
import type { MoneyTools } from '../../hooks/use-money';
import { t } from '../../i18n/t';
import { CashCountForm } from './CashCountForm';
import type { CashCount } from './cash-count';
import { countedRows, dateTimeFormat, FirstCount, SessionFigures } from './Figures';

type Props = {
  session: DrawerSession;
  denominations: readonly number[];
  store: StoreSettings;
  money: MoneyTools;
  onClosed: (session: DrawerSession) => void;
};

/** A refusal by the sign-off button: a missing permission is said in the drawer's own words. */
export function signOffError(error: AppError | null): AppError | string | null {
  if (error?.code !== 'forbidden') return error;
  const staff = String(error.params?.staff ?? '');
  const role = String(error.params?.role ?? '');
  return staff ? t('drawer.signOffForbidden', { staff, role }) : error;
}

/**
 * After the blind count: expected against counted, the variance in words, and the manager's
 * sign-off with a reason (required when the drawer is over or short). A recount is allowed
 * until the sign-off, and is as blind as the first count.
 */
export function CountedPanel({ session, denominations, store, money, onClosed }: Props) {
  const close = useCommand('drawer.close');
  const recount = useCommand('drawer.count');
  const [reason, setReason] = useState('');
  const [reasonProblem, setReasonProblem] = useState<string | null>(null);
  const [counting, setCounting] = useState(false);
  useEscapeFirst(() => setCounting(false), counting);
  const when = dateTimeFormat(store);
  const variance = session.varianceMinor ?? 0;
  const kind = varianceKind(variance);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (kind !== 'even' && reason.trim() === '') return setReasonProblem(t('drawer.reasonRequired'));
    setReasonProblem(null);
    const state = await close.run({ varianceReason: reason.trim() });
    if (state?.lastClosed) onClosed(state.lastClosed);
  };
  const reasonError = reasonProblem ?? errorFor(close.error, ['varianceReason']);

  if (counting) {
    return (
      <Recount
        session={session}
        denominations={denominations}
        store={store}
        money={money}
        pending={recount.pending}
        error={recount.error}
        onSubmit={(count) => void recount.run({ count }).then((state) => state && setCounting(false))}
        onCancel={() => setCounting(false)}
      />
    );
  }

  return (
    <div className="drawer__columns">
      <section className="panel" aria-labelledby="drawer-counted-heading">
        <h2 id="drawer-counted-heading" className="panel__heading">
          {t('drawer.countedHeading')}
        </h2>
        {session.countedBy && session.countedAt && (
          <p className="drawer__muted">{t('drawer.countedBy', { name: session.countedBy, when: when.format(new Date(session.countedAt)) })}</p>
        )}
        <Figures label={t('drawer.countedHeading')} rows={countedRows(session, money.format)} />
        <FirstCount session={session} money={money} />
        <p className={`drawer__variance drawer__variance--${kind}`} role="status">
          {varianceText(variance, money.format)}
        </p>

        <form className="drawer-signoff" aria-label={t('drawer.signOff')} onSubmit={(e) => void submit(e)} noValidate>
          <label className="field">
            <span>{kind === 'even' ? t('drawer.varianceReasonOptional') : t('drawer.varianceReason')}</span>
            <input
              value={reason}
              maxLength={200}
              autoComplete="off"
              aria-invalid={reasonError ? true : undefined}
              onChange={(e) => {
                setReason(e.target.value);
                setReasonProblem(null);
              }}
            />
          </label>
          <ErrorNote error={reasonError} />
          <p className="drawer__muted">{t('drawer.signOffHint')}</p>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={close.pending}>
              {t('drawer.signOff')}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setCounting(true)}>
              {t('drawer.recount')}
            </button>
          </div>
          <ErrorNote error={signOffError(errorElsewhere(close.error, ['varianceReason']))} />
        </form>
      </section>
    </div>
  );
}

type RecountProps = Omit<Props, 'onClosed'> & {
  pending: boolean;
  error: AppError | null;
  onSubmit: (count: CashCount) => void;
  onCancel: () => void;
};

/**
 * Counting again, blind like the first count: only what went in and out by hand is shown;
 * the expected amount, the cash taken and the first count wait until this count is entered.
 */
function Recount({ session, denominations, store, money, pending, error, onSubmit, onCancel }: RecountProps) {
  return (
    <div className="drawer__columns">
      <section className="panel" aria-labelledby="drawer-recount-heading">
        <h2 id="drawer-recount-heading" className="panel__heading">
          {t('drawer.recountHeading')}
        </h2>
        <SessionFigures session={session} money={money} />
        <div className="drawer__blind">
          <p className="drawer__muted">{t('drawer.recountHint')}</p>
          <CashCountForm
            label={t('drawer.recountHeading')}
            denominations={denominations}
            currency={store.currency}
            money={money}
            confirm={(amount) => (amount === null ? t('drawer.countPlain') : t('drawer.countConfirm', { amount }))}
            pending={pending}
            error={error}
            autoFocus
            onSubmit={onSubmit}
            onCancel={onCancel}
          />
        </div>
      </section>
    </div>
  );
}
