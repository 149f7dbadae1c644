import path from 'node:path';
import type { StoreProfile } from '../shared/store-profile';
import type { DevicePrinter } from '../shared/device-types';
import { defaultBackupSettings, type BackupSettings } from './backup/backup-settings';
import type { BackupService } from './backup/backup-service';
import type { DevicePreferencesStore } from './device-preferences';
import { ledgerDamaged, type HostHandlers } from './ipc/host-commands';
import type { LedgerHost } from './ledger-host/ledger-host';
import type { Logger } from './logger';
import { exportStoreProfile } from './services/store-profile-export';

/**
 * This PC's backup settings as a profile takes them. The backups folder inside the data folder
 * (the default) is left out, as the profile says: the other PC has its own data folder.
 */
export function profileBackup(settings: BackupSettings, dataDir: string): NonNullable<StoreProfile['backup']> {
  const inDataFolder = path.normalize(settings.folder) === path.normalize(defaultBackupSettings(dataDir).folder);
  return { ...(inDataFolder ? {} : { folder: settings.folder }), keep: settings.keep, everyMinutes: settings.everyMinutes };
}

/**
 * This PC's printer as the profile's hints: the paper, and the name when one is set (else the
 * system's default). A receipt printer in a print queue is named by its queue; a network one has
 * no system name, and its address belongs to this shop's network, so only its paper goes.
 */
export function profilePrinter(printer: DevicePrinter | null): StoreProfile['printer'] {
  if (!printer) return undefined;
  const name = printer.kind === 'system' ? printer.name : printer.kind === 'escpos-queue' ? printer.queue : null;
  return name === null ? { paper: printer.paper } : { paper: printer.paper, name };
}

/**
 * store.exportProfile: a host command, since where backups go and this PC's printer live beside
 * the ledger, not in it. The ledger's part is read in one transaction (services/store-profile-export.ts).
 */
export function profileExportHandlers(options: {
  host: LedgerHost;
  backups: BackupService;
  device: DevicePreferencesStore;
  logger: Logger;
}): Pick<HostHandlers, 'store.exportProfile'> {
  const { host, backups, device, logger } = options;
  return {
    'store.exportProfile': () => {
      const app = host.current();
      if (!app) throw ledgerDamaged(host.problem() ?? '');
      const exported = exportStoreProfile(app.db, { backup: profileBackup(backups.settings(), host.dataDir), printer: profilePrinter(device.load().printer) });
      const { catalog, staff } = exported.profile;
      // Counts only: the file itself holds the names.
      logger.info('store profile exported', {
        categories: catalog.categories.length,
        items: catalog.items.length,
        staff: staff.length,
        logo: exported.logo !== null,
      });
      return exported;
    },
  };
}
