import { useState } from 'react';
import type { BackupInfo, RecoveryStatus } from '../../../shared/closing-types';
import { ErrorNote } from '../../components/ErrorNote';
import { useCommand } from '../../hooks/use-command';
import { t } from '../../i18n/t';
import { formatSize, formatWhen, newestGood, reasonText } from './backup-format';
import './backup.css';

type Props = {
  status: RecoveryStatus;
  /** Called once a backup is in place: the app starts on it. */
  onRestored: () => void;
  /** Asks again (after a backup was copied into the folder by hand). */
  onRecheck: () => void;
};

/**
 * Shown instead of the app when the ledger failed its start-up check. It offers the newest
 * checked backup, any other, and never an empty ledger: that is left to the owner, by hand.
 */
export function RecoveryScreen({ status, onRestored, onRecheck }: Props) {
  const restore = useCommand('recovery.restore');
  const [showAll, setShowAll] = useState(false);
  // The refusal goes beside the button that was pressed.
  const [tried, setTried] = useState<string | null>(null);
  const good = newestGood(status.backups);
  const others = status.backups.filter((backup) => backup.name !== good?.name);
  const run = async (backup: BackupInfo): Promise<void> => {
    setTried(backup.name);
    if (await restore.run({ name: backup.name })) onRestored();
  };
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
          <p>{t('recovery.newest', { when: formatWhen(good.at), reason: reasonText(good.reason), size: formatSize(good.sizeBytes) })}</p>
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
            {status.backups.length > 0 ? t('recovery.noGood', { folder: status.backupFolder }) : t('recovery.noBackups', { folder: status.backupFolder })}
          </h2>
          {status.backups.length > 0 && <p>{t('recovery.uncheckedHint')}</p>}
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
              const when = formatWhen(backup.at);
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
