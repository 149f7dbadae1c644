import type { BackupStatus } from '../../../shared/closing-types';
import type { Result } from '../../../shared/errors';
import { api } from '../../api';
import { useLiveQuery, type LiveQuery } from '../../hooks/use-live-query';

const loadStatus = (): Promise<Result<BackupStatus>> => api['backup.status']({});

/** The backup settings, the last backup and the list, refetched whenever a backup or restore happens anywhere. */
export function useBackupStatus(): LiveQuery<BackupStatus> {
  return useLiveQuery(loadStatus, 'backup.changed');
}
