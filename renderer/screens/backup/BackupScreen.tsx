import { useState } from 'react';
import type { BackupInfo, BackupStatus } from '../../../shared/closing-types';
import { ErrorNote } from '../../components/ErrorNote';
import { Screen } from '../../components/Screen';
import { useCurrentStaff } from '../../hooks/current-staff';
import { useCommand } from '../../hooks/use-command';
import { useStore } from '../../hooks/use-live-data';
import { formatWhen, type WhenPlace } from '../../hooks/use-when';
import { t } from '../../i18n/t';
import { roleAllows } from '../../../shared/permissions';
import { BackupList } from './BackupList';
import { BackupSettingsForm } from './BackupSettingsForm';
import { reasonText } from './backup-format';
import { LedgerCheckPanel } from './LedgerCheckPanel';
import { useBackupStatus } from './use-backup-status';
import './backup.css';

/** Where backups go, how many are kept, the last one, the list, restoring one, and the ledger check. */
export function BackupScreen() {
  const status = useBackupStatus();
  const store = useStore();
  return (
    <Screen title={t('backup.title')} back="/" className="backup">
      {status.error && <ErrorNote error={t('backup.loadFailed', { message: status.error })} />}
      {status.data ? (
        <BackupView status={status.data} place={{ locale: store.data?.locale, timeZone: store.data?.timeZone }} />
      ) : (
        !status.error && <p>{t('backup.loading')}</p>
      )}
    </Screen>
  );
}

/** `place`: the store's locale and time zone (this computer's until the store has loaded). */
export function BackupView({ status, place }: { status: BackupStatus; place: WhenPlace }) {
  const staff = useCurrentStaff();
  return (
    <div className="backup__columns">
      <div className="backup__stack">
        <LastBackup status={status} place={place} />
        {/* The check reads the whole ledger: for those who may read it (owners and managers). */}
        {staff && roleAllows(staff.role, 'ledger.read') && <LedgerCheckPanel locale={place.locale} />}
        <BackupSettingsForm status={status} />
      </div>
      <BackupList backups={status.backups} place={place} />
    </div>
  );
}

function LastBackup({ status, place }: { status: BackupStatus; place: WhenPlace }) {
  const now = useCommand('backup.now');
  const [made, setMade] = useState<BackupInfo | null>(null);
  const last = status.lastBackup;
  return (
    <section className="panel" aria-labelledby="backup-last-heading">
      <h2 id="backup-last-heading" className="panel__heading">
        {t('backup.statusHeading')}
      </h2>
      <p>{last ? t('backup.last', { when: formatWhen(last.at, place), reason: reasonText(last.reason) }) : t('backup.none')}</p>
      {status.lastError && (
        <p className="error-note" role="alert">
          {t('backup.lastError', { message: status.lastError })}
        </p>
      )}
      {status.lastShutdownFailure && (
        <p className="error-note" role="alert">
          {t('backup.shutdownFailed', { when: formatWhen(status.lastShutdownFailure.at, place), problem: status.lastShutdownFailure.problem })}
        </p>
      )}
      <p className="backup__muted">{t('backup.schedule', { minutes: status.everyMinutes })}</p>
      <div className="backup__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={now.pending}
          onClick={() => {
            setMade(null);
            void now.run({}).then(setMade);
          }}
        >
          {now.pending ? t('backup.nowPending') : t('backup.now')}
        </button>
        <p role="status" className="backup__done">
          {made && t('backup.nowDone', { when: formatWhen(made.at, place) })}
        </p>
      </div>
      <ErrorNote error={now.error} />
    </section>
  );
}
