import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../shared/errors';
import type { FirstRunPreview, ProfileApplied } from '../shared/first-run-types';
import { LOGO_MAX_BYTES, logoKindOf } from '../shared/receipt-header';
import { parseStoreProfile, type ProfileProblem, type StoreProfile } from '../shared/store-profile';
import type { BackupService } from './backup/backup-service';
import type { HostHandlers } from './ipc/host-commands';
import type { LedgerApp } from './ledger-host/ledger-app';
import type { LedgerHost } from './ledger-host/ledger-host';
import type { Logger } from './logger';
import type { Clock } from './services/context';
import { applyStoreProfile, ledgerIsFresh } from './services/store-profile-apply';
import type { DevicePreferencesStore } from './device-preferences';

/** Where a per-store build ships its profile: an extra resource beside the app. */
export const EMBEDDED_PROFILE_NAME = 'store-profile.json';

/**
 * A profile as read from its folder: the profile, and the logo it names read from beside it, as
 * the data URL store.update takes (null when it names none). It travels as the profile does, to
 * applyStoreProfile, which refuses a profile naming a logo that was never read.
 */
export type ReadProfile = StoreProfile & { logoDataUrl: string | null };

export type ProfileFile = { ok: true; file: string; profile: ReadProfile } | { ok: false; file: string; problems: ProfileProblem[] };

/**
 * The logo a profile names, from the profile's own folder: a PNG or JPEG (by its first bytes) of
 * at most LOGO_MAX_BYTES, as a data URL; else the problem, by its path like every other.
 */
function readLogo(file: string, name: string): { ok: true; dataUrl: string } | { ok: false; problem: ProfileProblem } {
  const where = path.join(path.dirname(file), name);
  const problem = (words: string) => ({ ok: false as const, problem: { path: 'logo', message: `logo: ${words}` } });
  let bytes: Buffer;
  try {
    if (fs.statSync(where).size > LOGO_MAX_BYTES)
      return problem(`${where} is larger than ${LOGO_MAX_BYTES / 1024} KB, the most a receipt logo may be; make it smaller`);
    bytes = fs.readFileSync(where);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file beside the profile' : error instanceof Error ? error.message : String(error);
    return problem(`cannot be read from ${where}: ${reason}`);
  }
  const mime = logoKindOf(bytes);
  return mime ? { ok: true, dataUrl: `data:${mime};base64,${bytes.toString('base64')}` } : problem(`${where} is not a PNG or JPEG picture`);
}

/** Reads and checks a profile file and the logo it names: the whole profile, or every problem in it (an unreadable file is one). */
export function readProfileFile(file: string): ProfileFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : error instanceof Error ? error.message : String(error);
    return { ok: false, file, problems: [{ path: 'profile', message: `profile: cannot be read from ${file}: ${reason}` }] };
  }
  const parsed = parseStoreProfile(text);
  if (!parsed.ok) return { ok: false, file, problems: parsed.problems };
  if (parsed.profile.logo === undefined) return { ok: true, file, profile: { ...parsed.profile, logoDataUrl: null } };
  const logo = readLogo(file, parsed.profile.logo);
  return logo.ok ? { ok: true, file, profile: { ...parsed.profile, logoDataUrl: logo.dataUrl } } : { ok: false, file, problems: [logo.problem] };
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
      ? {
          scheme: loyalty.scheme,
          category: loyalty.category,
          stampsEvery: loyalty.stampsEvery,
          pointsSpendMinor: loyalty.pointsSpendMinor,
          pointValueMinor: loyalty.pointValueMinor,
        }
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

/** A profile from a page: the logo file it may name never came with it (Settings adds one later). */
function withoutLogo(profile: StoreProfile): StoreProfile {
  const copy = { ...profile };
  delete copy.logo;
  return copy;
}

/** Where the profile being applied came from, for the log. */
type ProfileSource = 'host' | 'import' | 'wizard';

/**
 * The first run's host commands. The profile given to this host (--profile, or the one a
 * per-store build ships) comes first: a ledger already in use ignores it (and says so in the log
 * once), since a profile is for setting a new store up, never for changing one. Without one, the
 * page may set the store up: by a profile file the owner picked (its text, checked here and held
 * until applied) or by the setup wizard's profile, checked here as a file would be. Every way
 * applies in one transaction, and only while the ledger is fresh.
 */
export function firstRunHandlers(options: {
  host: LedgerHost;
  backups: BackupService;
  profile: StoreProfile | null;
  clock: Clock;
  logger: Logger;
  /** This PC's preferences: a profile's printer hints become its printer unless it has one already. */
  device?: DevicePreferencesStore;
}): Pick<HostHandlers, 'firstRun.profile' | 'firstRun.applyProfile' | 'firstRun.previewImport' | 'firstRun.applyWizard'> {
  const { host, backups, profile, clock, logger } = options;
  // The profile file a page imported last, held for firstRun.applyProfile; a bad one clears it.
  let imported: StoreProfile | null = null;
  const pending = (): FirstRunPreview | null => {
    const app = host.current();
    return profile && app && ledgerIsFresh(app.db) ? profilePreview(profile) : null;
  };
  if (profile) {
    const app = host.current();
    if (app && !ledgerIsFresh(app.db)) logger.info('the store profile is ignored: this ledger is already in use', { store: profile.name });
  }
  /** The ledger, while a page may still set the store up: fresh, and with no profile of the host's own. */
  const openToPage = (): LedgerApp => {
    const app = host.current();
    if (!app || !ledgerIsFresh(app.db)) throw new DomainError('conflict', 'errors.profile.notFresh');
    if (profile) throw new DomainError('conflict', 'errors.profile.given');
    return app;
  };
  const apply = (app: LedgerApp, chosen: StoreProfile, source: ProfileSource): ProfileApplied => {
    // The backup settings live beside the ledger, in a file: set first (a folder this PC cannot
    // use refuses the whole profile), and put back if the ledger then refuses it.
    const before = backups.settings();
    if (chosen.backup) backups.configure({ folder: chosen.backup.folder, keep: chosen.backup.keep, everyMinutes: chosen.backup.everyMinutes });
    try {
      const applied = applyStoreProfile(app.db, chosen, clock().toISOString());
      logger.info('store profile applied', { source, categories: applied.categories, items: applied.items, services: applied.services, staff: applied.staff });
      for (const type of ['store.changed', 'catalog.changed', 'staff.changed'] as const) host.emit({ type });
      // Hints only: the PC's own choice, once made in Settings, always wins.
      if (chosen.printer && options.device && options.device.load().printer === null) {
        options.device.save({ printer: { kind: 'system', paper: chosen.printer.paper, name: chosen.printer.name ?? null } });
      }
      imported = null;
      return applied;
    } catch (error) {
      if (chosen.backup) backups.configure(before);
      throw error;
    }
  };
  return {
    'firstRun.profile': () => pending(),
    'firstRun.applyProfile': () => {
      const app = host.current();
      const chosen = profile ?? imported;
      if (!chosen || !app) throw new DomainError('conflict', 'errors.profile.none');
      if (!ledgerIsFresh(app.db)) throw new DomainError('conflict', 'errors.profile.notFresh');
      return apply(app, chosen, profile ? 'host' : 'import');
    },
    'firstRun.previewImport': ({ text }) => {
      openToPage();
      const parsed = parseStoreProfile(text);
      if (!parsed.ok) {
        imported = null;
        return { ok: false, problems: parsed.problems };
      }
      imported = withoutLogo(parsed.profile);
      const preview = profilePreview(imported);
      return { ok: true, preview: parsed.profile.logo ? { ...preview, logoLeftOut: parsed.profile.logo } : preview };
    },
    'firstRun.applyWizard': ({ profile: sent }) => {
      const app = openToPage();
      // Read exactly as a profile file is: every field, and the rules between them (an owner, the
      // rates the items use, the categories they name, the token pool).
      const parsed = parseStoreProfile(JSON.stringify(sent));
      if (!parsed.ok)
        throw new DomainError('invalid_input', 'errors.profile.invalid', { problems: parsed.problems.map((problem) => problem.message).join('; ') });
      return apply(app, withoutLogo(parsed.profile), 'wizard');
    },
  };
}
