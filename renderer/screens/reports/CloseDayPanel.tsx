import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { DayStatus } from '../../../shared/closing-types';
import type { AppError } from '../../../shared/errors';
import { ErrorNote } from '../../components/ErrorNote';
import { useCommand } from '../../hooks/use-command';
import { useEscapeFirst } from '../../hooks/use-escape-first';
import { t } from '../../i18n/t';

/** A refusal that the drawer can fix: it is still open (or being counted). */
export function isDrawerRefusal(error: AppError | null): boolean {
  if (!error) return false;
  return String(error.code).startsWith('drawer_') || String(error.key ?? '').startsWith('errors.day.drawer');
}

type Props = { status: DayStatus; dateText: (date: string) => string };

/**
 * Closing the day: a confirmation first (a Z can never be undone), then day.close. A refusal is
 * shown by the button in the ledger's words, with the way to the drawer when that is the cause.
 */
export function CloseDayPanel({ status, dateText }: Props) {
  const close = useCommand('day.close');
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const date = dateText(status.nextToClose);
  useEscapeFirst(() => setConfirming(false), confirming);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const z = await close.run({ businessDate: status.nextToClose });
    if (z?.zNumber) navigate(`/reports/z/${z.zNumber}`);
  };
  const drawerLink = status.drawerOpen || isDrawerRefusal(close.error);

  return (
    <div className="report-close no-print">
      {!confirming ? (
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            close.clearError();
            setConfirming(true);
          }}
        >
          {t('reports.closeDay', { date })}
        </button>
      ) : (
        <form className="report-close__confirm" aria-labelledby="close-day-heading" onSubmit={(e) => void submit(e)}>
          <h2 id="close-day-heading" className="report-section__title">
            {t('reports.confirmHeading', { date })}
          </h2>
          <p>{t('reports.confirmText')}</p>
          <div className="report-close__actions">
            <button type="submit" className="button button--danger" disabled={close.pending} autoFocus>
              {close.pending ? t('reports.closing') : t('reports.confirmClose')}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      <ErrorNote error={close.error} />
      {drawerLink && (close.error || confirming) && (
        <p>
          <Link className="button button--ghost" to="/drawer">
            {t('reports.toDrawer')}
          </Link>
        </p>
      )}
    </div>
  );
}
