import { useState, type ReactNode } from 'react';
import type { BackupInfo, RecoveryStatus, RestoreResult } from '../../../shared/closing-types';
import { ErrorNote } from '../../components/ErrorNote';
import { useCommand } from '../../hooks/use-command';
import { t } from '../../i18n/t';
import { chainHeadText, formatEntry, formatRecoveryWhen, formatSize, newestGood, reasonText, sealCauseText } from './backup-format';
import { ContinueKnowingly, type ContinueChoice } from './ContinueKnowingly';
import './backup.css';

type Props = {
  status: RecoveryStatus;
  /** Called once a backup is in place and the owner has read what that means: the app starts on it. */
  onRestored: () => void;
  /** Asks again (after a backup was copied into the folder by hand). */
  onRecheck: () => void;
};

/** What the screen says once the owner's choice is made, before the board opens. */
type Done = { kind: 'restored'; backup: BackupInfo; result: RestoreResult } | { kind: 'continued'; empty: boolean };

/**
 * Shown instead of the app when the ledger failed its start-up check. It offers the newest
 * checked backup (never a before-restore copy, see newestGood), any other, and never an empty
 * ledger: that is left to the owner, by hand. After a restore it says what was restored and what
 * that means before the app starts. Times use the system's language and a 24-hour clock: the
 * store's locale is in the damaged ledger.
 *
 * When the ledger is readable but does not reach its seal (status.seal), it says in words how far
 * the ledger reaches against the seal, offers first the newest backup that reaches the seal, marks
 * each backup with how far it reaches, and lets an owner continue knowingly (PIN and reason) with
 * the ledger as it is or with a backup that falls short of the seal.
 */
export function RecoveryScreen({ status, onRestored, onRecheck }: Props) {
  const restore = useCommand('recovery.restore');
  const [showAll, setShowAll] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  // The refusal goes beside the button that was pressed.
  const [tried, setTried] = useState<string | null>(null);
  const seal = status.seal;
  const [knowinglyOpen, setKnowinglyOpen] = useState(false);
  const [choice, setChoice] = useState<ContinueChoice>({ kind: 'asIs' });
  const [focusRequest, setFocusRequest] = useState(0);
  const good = newestGood(status.backups);
  const others = status.backups.filter((backup) => backup.name !== good?.name);
  // Backups that fall short of the seal: a plain restore refuses them, continuing knowingly may put one back.
  const behind = status.backups.filter((backup) => backup.reachesSeal === false);
  const run = async (backup: BackupInfo): Promise<void> => {
    setTried(backup.name);
    const result = await restore.run({ name: backup.name });
    if (result) setDone({ kind: 'restored', backup, result });
  };
  const continueFrom = (backup: BackupInfo): void => {
    setChoice({ kind: 'backup', name: backup.name });
    setKnowinglyOpen(true);
    setFocusRequest((n) => n + 1);
  };
  const toBoard = (): void => {
    // The app starts where the address says (a hash route, e.g. #/backups from before the
    // reload); the button promises the board. The router is not mounted yet, so no history entry.
    history.replaceState(history.state, '', `${location.pathname}${location.search}#/`);
    onRestored();
  };
  if (done?.kind === 'restored') return <RestoredNotice when={formatRecoveryWhen(done.backup.at)} keptAside={done.result.keptAside} onContinue={toBoard} />;
  if (done?.kind === 'continued') return <ContinuedNotice empty={done.empty} onContinue={toBoard} />;
  const errorFor = (backup: BackupInfo) => (tried === backup.name ? restore.error : null);
  const title = seal ? t('recovery.seal.title') : t('recovery.title');
  const whatHappens = seal ? t('recovery.seal.whatHappens') : t('recovery.whatHappens');
  const sealReached = seal !== null && seal.sealedSeq !== null;

  return (
    <main className="screen recovery">
      <h1 className="screen__title">{title}</h1>
      {seal ? (
        <section className="panel recovery__problem" aria-label={title}>
          <p>{t('recovery.seal.intro')}</p>
          <p className="recovery__cause">{sealCauseText(seal, status.problem)}</p>
          <p className="recovery__path">{t('recovery.seal.file', { file: status.ledgerFile })}</p>
        </section>
      ) : (
        <section className="panel recovery__problem" aria-label={title}>
          <p>{t('recovery.intro')}</p>
          <p>{t('recovery.problem', { problem: status.problem ?? '' })}</p>
          <p className="recovery__path">{t('recovery.file', { file: status.ledgerFile })}</p>
        </section>
      )}

      {good ? (
        <section className="panel" aria-labelledby="recovery-newest-heading">
          <h2 id="recovery-newest-heading" className="panel__heading">
            {sealReached ? t('recovery.seal.newestHeading') : t('recovery.newestHeading')}
          </h2>
          <p>{t('recovery.newest', { when: formatRecoveryWhen(good.at), reason: reasonText(good.reason), size: formatSize(good.sizeBytes) })}</p>
          {sealReached && good.reachesSeal === true && <p>{t('recovery.seal.newestReaches', { seq: formatEntry(seal.sealedSeq ?? 0, navigator.language) })}</p>}
          <p className="backup__muted">{whatHappens}</p>
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
              : behind.length > 0
                ? t('recovery.seal.noneReaches', { folder: status.backupFolder })
                : status.backups.some((backup) => backup.verified)
                  ? t('recovery.onlyBeforeRestore', { folder: status.backupFolder })
                  : t('recovery.noGood', { folder: status.backupFolder })}
          </h2>
          {behind.length > 0 && <p>{t('recovery.seal.noneReachesHint')}</p>}
          {status.backups.some((backup) => !backup.verified) && <p>{t('recovery.uncheckedHint')}</p>}
          {/* With a seal problem the owner has a way on here (Continue knowingly); by hand is for damage. */}
          {!seal && <p>{t('recovery.byHand')}</p>}
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
          <p className="backup__muted">{whatHappens}</p>
          <ul className="recovery__list">
            {others.map((backup) => {
              const when = formatRecoveryWhen(backup.at);
              const reach = reachText(backup);
              return (
                <li key={backup.name} className="recovery__item">
                  <span>
                    {when} · {reasonText(backup.reason)} · {formatSize(backup.sizeBytes)} · {backup.verified ? t('backup.checked') : t('backup.unchecked')}
                    {reach && (
                      <>
                        {' · '}
                        <span className={backup.reachesSeal === false ? 'backup__warn' : backup.reachesSeal === true ? 'backup__ok' : undefined}>{reach}</span>
                      </>
                    )}
                  </span>
                  {backup.reachesSeal === false ? (
                    <button
                      type="button"
                      className="button button--ghost"
                      aria-label={t('recovery.fromThisBackupLabel', { when })}
                      onClick={() => continueFrom(backup)}
                    >
                      {t('recovery.fromThisBackup')}
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="button button--ghost"
                      disabled={restore.pending}
                      aria-label={t('backup.restoreLabel', { when })}
                      onClick={() => void run(backup)}
                    >
                      {restore.pending && tried === backup.name ? t('recovery.restoring') : t('recovery.restoreNewest')}
                    </button>
                  )}
                  <ErrorNote error={errorFor(backup)} />
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {seal && (
        <section className="panel recovery__knowingly" aria-labelledby="recovery-knowingly-heading">
          <h2 id="recovery-knowingly-heading" className="panel__heading">
            {t('recovery.knowingly.heading')}
          </h2>
          <p>{t('recovery.knowingly.intro')}</p>
          <div className="backup__actions">
            <button
              type="button"
              className="button button--ghost recovery__toggle"
              aria-expanded={knowinglyOpen}
              onClick={() => setKnowinglyOpen((open) => !open)}
            >
              {knowinglyOpen ? t('recovery.knowingly.close') : t('recovery.knowingly.open')}
            </button>
          </div>
          {knowinglyOpen && (
            <ContinueKnowingly
              seal={seal}
              behind={behind}
              choice={choice}
              onChoose={setChoice}
              focusRequest={focusRequest}
              onDone={(result, backup) =>
                setDone(backup ? { kind: 'restored', backup, result } : { kind: 'continued', empty: seal.cause === 'ledger_missing' })
              }
            />
          )}
        </section>
      )}
    </main>
  );
}

/** How far a backup reaches against the seal; with no seal to compare, its chain head. */
function reachText(backup: BackupInfo): string | null {
  if (backup.reachesSeal === true) return t('recovery.reaches');
  if (backup.reachesSeal === false)
    return backup.chain ? t('recovery.endsAt', { seq: formatEntry(backup.chain.seq, navigator.language) }) : t('backup.chainNone');
  return backup.chain ? chainHeadText(backup.chain, navigator.language) : null;
}

/** What a recovery restore means for the shop, said once before the board opens. */
function RestoredNotice({ when, keptAside, onContinue }: { when: string; keptAside: string; onContinue: () => void }) {
  return (
    <NoticeFrame title={t('recovery.doneTitle')} onContinue={onContinue}>
      <p>{t('recovery.doneFrom', { when })}</p>
      <p>{t('recovery.doneLost', { when })}</p>
      {keptAside !== '' && <p>{t('recovery.doneKept', { file: keptAside })}</p>}
      <p className="recovery__drawer">{t('recovery.doneDrawer', { when })}</p>
    </NoticeFrame>
  );
}

/** After continuing knowingly with the ledger as it was found (or a new one): what that means. */
function ContinuedNotice({ empty, onContinue }: { empty: boolean; onContinue: () => void }) {
  return (
    <NoticeFrame title={t('recovery.continuedTitle')} onContinue={onContinue}>
      <p>{empty ? t('recovery.continuedEmpty') : t('recovery.continuedAsIs')}</p>
      <p>{t('recovery.continuedRecorded')}</p>
      <p className="recovery__drawer">{t('recovery.continuedDrawer')}</p>
    </NoticeFrame>
  );
}

/** What recovery did, in words, and the one way on: to the board. */
function NoticeFrame({ title, onContinue, children }: { title: string; onContinue: () => void; children: ReactNode }) {
  return (
    <main className="screen recovery">
      <h1 className="screen__title">{title}</h1>
      <section className="panel recovery__done" aria-label={title}>
        {children}
        <div className="backup__actions">
          <button type="button" className="button button--primary recovery__main" onClick={onContinue} autoFocus>
            {t('recovery.continue')}
          </button>
        </div>
      </section>
    </main>
  );
}
