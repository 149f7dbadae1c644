import fs from 'node:fs';
import { DomainError } from '../shared/errors';
import type { FirstRunPreview } from '../shared/first-run-types';
import { parseStoreProfile, type ProfileProblem, type StoreProfile } from '../shared/store-profile';
import type { BackupService } from './backup/backup-service';
import type { HostHandlers } from './ipc/host-commands';
import type { LedgerHost } from './ledger-host/ledger-host';
import type { Logger } from './logger';
import type { Clock } from './services/context';
import { applyStoreProfile, ledgerIsFresh } from './services/store-profile-apply';

/** Where a per-store build ships its profile: an extra resource beside the app. */
export const EMBEDDED_PROFILE_NAME = 'store-profile.json';

export type ProfileFile = { ok: true; file: string; profile: StoreProfile } | { ok: false; file: string; problems: ProfileProblem[] };

/** Reads and checks a profile file: the whole profile, or every problem in it (an unreadable file is one). */
export function readProfileFile(file: string): ProfileFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : error instanceof Error ? error.message : String(error);
    return { ok: false, file, problems: [{ path: 'profile', message: `profile: cannot be read from ${file}: ${reason}` }] };
  }
  const parsed = parseStoreProfile(text);
  return parsed.ok ? { ok: true, file, profile: parsed.profile } : { ok: false, file, problems: parsed.problems };
}

/** The summary the first-run screen shows: what will be set up, never the file itself. */
export function profilePreview(profile: StoreProfile): FirstRunPreview {
  const services = profile.catalog.items.filter((entry) => entry.kind === 'service').length;
  const loyalty = profile.loyalty;
  return {
    name: profile.name,
    currency: profile.currency,
    locale: profile.locale,
    timeZone: profile.timeZone,
    taxMode: profile.taxMode,
    taxRates: profile.taxRates,
    openingHours: profile.openingHours ?? null,
    depositPolicy: profile.depositPolicy ?? null,
    loyalty: loyalty
      ? { scheme: loyalty.scheme, category: loyalty.category, stampsEvery: loyalty.stampsEvery, pointsSpendMinor: loyalty.pointsSpendMinor, pointValueMinor: loyalty.pointValueMinor }
      : null,
    categories: profile.catalog.categories.length,
    items: profile.catalog.items.length - services,
    services,
    staff: profile.staff.map((person) => ({ name: person.name, role: person.role })),
  };
}

/** The refusal to print when a host is given a bad profile: the file, then one problem a line. */
export function profileProblemsText(result: Extract<ProfileFile, { ok: false }>): string {
  return [`The store profile ${result.file} cannot be used:`, ...result.problems.map((problem) => `  - ${problem.message}`)].join('\n');
}

/**
 * The profile given to this host, held for the first run. A ledger already in use ignores it (and
 * says so in the log once): a profile is for setting a new store up, never for changing one.
 */
export function firstRunHandlers(options: {
  host: LedgerHost;
  backups: BackupService;
  profile: StoreProfile | null;
  clock: Clock;
  logger: Logger;
}): Pick<HostHandlers, 'firstRun.profile' | 'firstRun.applyProfile'> {
  const { host, backups, profile, clock, logger } = options;
  const pending = (): FirstRunPreview | null => {
    const app = host.current();
    return profile && app && ledgerIsFresh(app.db) ? profilePreview(profile) : null;
  };
  if (profile) {
    const app = host.current();
    if (app && !ledgerIsFresh(app.db)) logger.info('the store profile is ignored: this ledger is already in use', { store: profile.name });
  }
  return {
    'firstRun.profile': () => pending(),
    'firstRun.applyProfile': () => {
      const app = host.current();
      if (!profile || !app) throw new DomainError('conflict', 'errors.profile.none');
      if (!ledgerIsFresh(app.db)) throw new DomainError('conflict', 'errors.profile.notFresh');
      // The backup settings live beside the ledger, in a file: set first (a folder this PC cannot
      // use refuses the whole profile), and put back if the ledger then refuses it.
      const before = backups.settings();
      if (profile.backup) backups.configure({ folder: profile.backup.folder, keep: profile.backup.keep, everyMinutes: profile.backup.everyMinutes });
      try {
        const applied = applyStoreProfile(app.db, profile, clock().toISOString());
        logger.info('store profile applied', { categories: applied.categories, items: applied.items, services: applied.services, staff: applied.staff });
        for (const type of ['store.changed', 'catalog.changed', 'staff.changed'] as const) host.emit({ type });
        return applied;
      } catch (error) {
        if (profile.backup) backups.configure(before);
        throw error;
      }
    },
  };
}
