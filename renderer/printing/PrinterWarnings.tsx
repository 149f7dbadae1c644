import { useEffect, useState } from 'react';
import type { AppError } from '../../shared/errors';
import { onEvent } from '../api';
import { describeError } from '../i18n/describe-error';
import { t } from '../i18n/t';
import './paper-view.css';

type Warning = { id: number; job: 'drawer' | 'receipt'; error: AppError };

/**
 * What this PC's receipt printer did not do after a command had committed (the drawer a cash
 * payment should have opened, a receipt printed on settlement), above whichever screen is showing:
 * the money stands, the person at the counter needs to know to open the drawer by key or reprint.
 */
export function PrinterWarnings() {
  const [warnings, setWarnings] = useState<Warning[]>([]);
  useEffect(() => {
    let next = 0;
    return onEvent((event) => {
      if (event.type !== 'printer.problem') return;
      next += 1;
      const warning = { id: next, job: event.job, error: event.error };
      // The newest few: a printer that is off fails every payment the same way.
      setWarnings((shown) => [...shown.filter((w) => w.job !== warning.job), warning].slice(-2));
    });
  }, []);
  if (warnings.length === 0) return null;
  return (
    <div className="printer-warnings">
      {warnings.map((warning) => (
        <div key={warning.id} className="printer-warning" role="alert">
          <p className="printer-warning__words">{t(warning.job === 'drawer' ? 'print.warning.drawer' : 'print.warning.receipt')}</p>
          <p className="printer-warning__words">{describeError(warning.error)}</p>
          <button type="button" className="button button--ghost" onClick={() => setWarnings((shown) => shown.filter((w) => w.id !== warning.id))}>
            {t('print.warning.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
