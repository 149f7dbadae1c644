import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { LedgerCheck } from '../../../shared/types';
import { api } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { t } from '../../i18n/t';
import { chainHeadText, formatEntry } from './backup-format';

type Props = { locale?: string };

/**
 * Follows the ledger's hash chain and adds up the journal, on demand: since the last Z (fast, the
 * everyday check) or from the first entry. The verdict is said in words: where the chain holds,
 * or the row that breaks it, and anything else the check found.
 */
export function LedgerCheckPanel({ locale }: Props) {
  const [pending, setPending] = useState<'sinceZ' | 'full' | null>(null);
  const [check, setCheck] = useState<LedgerCheck | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const run = async (full: boolean): Promise<void> => {
    if (pending) return;
    setPending(full ? 'full' : 'sinceZ');
    setError(null);
    setCheck(null);
    const result = await api['ledger.check'](full ? { full: true } : {});
    setPending(null);
    if (result.ok) setCheck(result.value);
    else setError(result.error);
  };

  return (
    <section className="panel ledger-check" aria-labelledby="ledger-check-heading">
      <h2 id="ledger-check-heading" className="panel__heading">
        {t('ledgerCheck.heading')}
      </h2>
      <p className="backup__muted">{t('ledgerCheck.intro')}</p>
      <div className="backup__actions">
        <button type="button" className="button button--primary" disabled={pending !== null} onClick={() => void run(false)}>
          {pending === 'sinceZ' ? t('ledgerCheck.checking') : t('ledgerCheck.sinceZ')}
        </button>
        <button type="button" className="button button--ghost" disabled={pending !== null} onClick={() => void run(true)}>
          {pending === 'full' ? t('ledgerCheck.checking') : t('ledgerCheck.everything')}
        </button>
      </div>
      <ErrorNote error={error} />
      {check && <Verdict check={check} locale={locale} />}
    </section>
  );
}

function Verdict({ check, locale }: { check: LedgerCheck; locale?: string }) {
  const { chain } = check;
  // The break is among the problems too; it is said once, first and on its own.
  const others = check.problems.filter((problem) => problem !== chain.broken);
  const rows = formatEntry(chain.rowsChecked, locale);
  const holds =
    chain.fromSeq === 0
      ? t('ledgerCheck.holdsFromStart', { count: chain.rowsChecked, rows, to: formatEntry(chain.headSeq, locale) })
      : t('ledgerCheck.holds', { count: chain.rowsChecked, rows, from: formatEntry(chain.fromSeq, locale), to: formatEntry(chain.headSeq, locale) });
  return (
    <div className="ledger-check__result" role="status">
      {chain.broken ? (
        <>
          <p className="ledger-check__verdict ledger-check__verdict--broken">{t('ledgerCheck.broken', { broken: chain.broken })}</p>
          <p>{t('ledgerCheck.brokenWhat')}</p>
          {others.length > 0 && <p>{t('ledgerCheck.problems')}</p>}
        </>
      ) : (
        <p className={`ledger-check__verdict ledger-check__verdict--${others.length === 0 ? 'ok' : 'broken'}`}>
          {holds}
          {others.length === 0 ? t('ledgerCheck.balances') : t('ledgerCheck.butProblems')}
        </p>
      )}
      {others.length > 0 && (
        <ul className="ledger-check__problems">
          {others.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <p className="backup__muted">{t('ledgerCheck.head', { head: chainHeadText({ seq: chain.headSeq, hash: chain.headHash }, locale) })}</p>
    </div>
  );
}
