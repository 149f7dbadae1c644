import { useState } from 'react';
import type { BackupInfo, RecoveryStatus, RestoreResult } from '../../../shared/closing-types';
import { ErrorNote } from '../../components/ErrorNote';
import { useCommand } from '../../hooks/use-command';
import { t } from '../../i18n/t';
import { formatRecoveryWhen, formatSize, newestGood, reasonText } from './backup-format';
import './backup.css';

type Props = {
  status: RecoveryStatus;
  /** Called once a backup is in place and the owner has read what that means: the app starts on it. */
  onRestored: () => void;
  /** Asks again (after a backup was copied into the folder by hand). */
  onRecheck: () => void;
};

/**
 * Shown instead of the app when the ledger failed its start-up check. It offers the newest
 * checked backup (never a before-restore copy, see newestGood), any other, and never an empty
 * ledger: that is left to the owner, by hand. After a restore it says what was restored and what
 * that means before the app starts. Times use the system's language and a 24-hour clock: the
 * store's locale is in the damaged ledger.
 */
export function RecoveryScreen({ status, onRestored, onRecheck }: Props) {
  const restore = useCommand('recovery.restore');
  const [showAll, setShowAll] = useState(false);
  const [restored, setRestored] = useState<{ backup: BackupInfo; result: RestoreResult } | null>(null);
  // The refusal goes beside the button that was pressed.
  const [tried, setTried] = useState<string | null>(null);
  const good = newestGood(status.backups);
  const others = status.backups.filter((backup) => backup.name !== good?.name);
  const run = async (backup: BackupInfo): Promise<void> => {
    setTried(backup.name);
    const result = await restore.run({ name: backup.name });
    if (result) setRestored({ backup, result });
  };
  const toBoard = (): void => {
    // The app starts where the address says (a hash route, e.g. #/backups from before the
    // reload); the button promises the board. The router is not mounted yet, so no history entry.
    history.replaceState(history.state, '', `${location.pathname}${location.search}#/`);
    onRestored();
  };
  if (restored) return <RestoredNotice when={formatRecoveryWhen(restored.backup.at)} keptAside={restored.result.keptAside} onContinue={toBoard} />;
  const errorFor = (backup: BackupInfo) => (tried === backup.name ? restore.error : null);

  return (
    <main className="screen recovery">
      <h1 className="screen__title">{t('recovery.title')}</h1>
      <section className="panel recovery__problem" aria-label={t('recovery.title')}>
        <p>{t('recovery.intro')}</p>
        <p>{t('recovery.problem', { problem: status.problem ?? '' })}</p>
        <p className="recovery__path">{t('recovery.file', { file: status.ledgerFile })}</p>
      </section>

      {good ? (
        <section className="panel" aria-labelledby="recovery-newest-heading">
          <h2 id="recovery-newest-heading" className="panel__heading">
            {t('recovery.newestHeading')}
          </h2>
          <p>{t('recovery.newest', { when: formatRecoveryWhen(good.at), reason: reasonText(good.reason), size: formatSize(good.sizeBytes) })}</p>
          <p className="backup__muted">{t('recovery.whatHappens')}</p>
          <div className="backup__actions">
            <button type="button" className="button button--primary recovery__main" disabled={restore.pending} onClick={() => void run(good)} autoFocus>
              {restore.pending && tried === good.name ? t('recovery.restoring') : t('recovery.restoreNewest')}
            </button>
            {others.length > 0 && (
              <button type="button" className="button button--ghost" aria-expanded={showAll} onClick={() => setShowAll((shown) => !shown)}>
                {showAll ? t('recovery.hideOthers') : t('recovery.pickAnother')}
              </button>
            )}
          </div>
          <ErrorNote error={errorFor(good)} />
        </section>
      ) : (
        <section className="panel" aria-labelledby="recovery-none-heading">
          <h2 id="recovery-none-heading" className="panel__heading">
            {status.backups.length === 0
              ? t('recovery.noBackups', { folder: status.backupFolder })
              : status.backups.some((backup) => backup.verified)
                ? t('recovery.onlyBeforeRestore', { folder: status.backupFolder })
                : t('recovery.noGood', { folder: status.backupFolder })}
          </h2>
          {status.backups.some((backup) => !backup.verified) && <p>{t('recovery.uncheckedHint')}</p>}
          <p>{t('recovery.byHand')}</p>
          <div className="backup__actions">
            <button type="button" className="button button--ghost" onClick={onRecheck}>
              {t('recovery.checkAgain')}
            </button>
          </div>
        </section>
      )}

      {others.length > 0 && (good === null || showAll) && (
        <section className="panel" aria-labelledby="recovery-all-heading">
          <h2 id="recovery-all-heading" className="panel__heading">
            {t('recovery.othersHeading', { folder: status.backupFolder })}
          </h2>
          <p className="backup__muted">{t('recovery.whatHappens')}</p>
          <ul className="recovery__list">
            {others.map((backup) => {
              const when = formatRecoveryWhen(backup.at);
              return (
                <li key={backup.name} className="recovery__item">
                  <span>
                    {when} · {reasonText(backup.reason)} · {formatSize(backup.sizeBytes)} · {backup.verified ? t('backup.checked') : t('backup.unchecked')}
                  </span>
                  <button type="button" className="button button--ghost" disabled={restore.pending} aria-label={t('backup.restoreLabel', { when })} onClick={() => void run(backup)}>
                    {restore.pending && tried === backup.name ? t('recovery.restoring') : t('recovery.restoreNewest')}
                  </button>
                  <ErrorNote error={errorFor(backup)} />
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </main>
  );
}

/** What a recovery restore means for the shop, said once before the board opens. */
function RestoredNotice({ when, keptAside, onContinue }: { when: string; keptAside: string; onContinue: () => void }) {
  return (
    <main className="screen recovery">
      <h1 className="screen__title">{t('recovery.doneTitle')}</h1>
      <section className="panel recovery__done" aria-label={t('recovery.doneTitle')}>
        <p>{t('recovery.doneFrom', { when })}</p>
        <p>{t('recovery.doneLost', { when })}</p>
        {keptAside !== '' && <p>{t('recovery.doneKept', { file: keptAside })}</p>}
        <p className="recovery__drawer">{t('recovery.doneDrawer', { when })}</p>
        <div className="backup__actions">
          <button type="button" className="button button--primary recovery__main" onClick={onContinue} autoFocus>
            {t('recovery.continue')}
          </button>
        </div>
      </section>
    </main>
  );
}
