import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { DayStatus } from '../../../shared/closing-types';
import { boundaryText } from '../../../shared/domain/business-day';
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
 * Closing the day: a confirmation first (a Z can never be undone), then day.close. A day that
 * has not begun by the clock is not offered at all; while a drawer is open the button is
 * disabled with the reason and the one way to the drawer beside it. A refusal from the ledger
 * (the state changed since the screen loaded) is shown by the button in its own words.
 */
export function CloseDayPanel({ status, dateText }: Props) {
  const date = dateText(status.nextToClose);
  if (!status.canCloseNext) {
    return (
      <div className="report-close no-print">
        <p className="report-close__reason">{t('reports.notBegun', { date, time: boundaryText(status.dayBoundaryMinutes) })}</p>
      </div>
    );
  }
  return <CloseDay status={status} date={date} />;
}

function CloseDay({ status, date }: { status: DayStatus; date: string }) {
  const close = useCommand('day.close');
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const blocked = status.drawerOpen;
  const open = confirming && !blocked;
  useEscapeFirst(() => setConfirming(false), open);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const z = await close.run({ businessDate: status.nextToClose });
    if (z?.zNumber) navigate(`/reports/z/${z.zNumber}`);
  };
  // Once the status says the drawer is open, its reason replaces a drawer refusal: said once.
  const error = blocked && isDrawerRefusal(close.error) ? null : close.error;

  return (
    <div className="report-close no-print">
      {!open ? (
        <div className="report-close__row">
          <button
            type="button"
            className="button button--primary"
            disabled={blocked}
            aria-describedby={blocked ? 'close-day-blocked' : undefined}
            onClick={() => {
              close.clearError();
              setConfirming(true);
            }}
          >
            {t('reports.closeDay', { date })}
          </button>
          {blocked && (
            <>
              <p id="close-day-blocked" className="report-close__reason report-close__reason--blocked">
                {t('reports.drawerOpen')}
              </p>
              <DrawerLink />
            </>
          )}
        </div>
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
      <ErrorNote error={error} />
      {!blocked && isDrawerRefusal(error) && <DrawerLink />}
    </div>
  );
}

function DrawerLink() {
  return (
    <Link className="button button--ghost" to="/drawer">
      {t('reports.toDrawer')}
    </Link>
  );
}
