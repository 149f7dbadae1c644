import { DomainError } from '../../shared/errors';
import type { Role } from '../../shared/permissions';
import type { ExportedLogo, ProfileExport } from '../../shared/profile-export-types';
import { checkLogoDataUrl } from '../../shared/receipt-header';
import { parseStoreProfile, STORE_PROFILE_FORMAT, STORE_PROFILE_VERSION, type StoreProfile } from '../../shared/store-profile';
import type { ItemKind, StoreSettings } from '../../shared/types';
import type { Db } from '../ledger/open';
import { readSettings } from './store';
import { statement } from '../ledger/statements';

/** What the host adds from outside the ledger: this PC's backup settings and printer, as the profile takes them. */
export type HostSetup = { backup?: StoreProfile['backup']; printer?: StoreProfile['printer'] };

type CategoryRow = { id: number; name: string };
type ItemRow = {
  name: string;
  kind: ItemKind;
  price_minor: number;
  tax_rate_milli: number;
  duration_minutes: number | null;
  expect_text: string;
  category: string | null;
};
type StaffRow = { name: string; role: Role };

type LedgerSetup = { settings: StoreSettings; categories: CategoryRow[]; items: ItemRow[]; staff: StaffRow[] };

/**
 * The store's setup as the ledger holds it, read in one transaction so settings, catalog and
 * staff are of one moment. Only what is in use: archived categories, items and staff stay out. An
 * item whose category was archived is exported uncategorised, as the till shows it (under All only).
 * Items come category by category in the till's order, then the uncategorised; owners come first
 * (applying a profile makes its first owner the one who sets the first PIN).
 */
function readSetup(db: Db): LedgerSetup {
  return db.transaction(() => ({
    settings: readSettings(db),
    categories: statement<[], CategoryRow>(db, 'SELECT id, name FROM categories WHERE archived = 0 ORDER BY position, name').all(),
    items: statement<[], ItemRow>(
      db,
      `SELECT i.name, i.kind, i.price_minor, i.tax_rate_milli, i.duration_minutes, i.expect_text, c.name AS category
         FROM items i LEFT JOIN categories c ON c.id = i.category_id AND c.archived = 0
         WHERE i.archived = 0
         ORDER BY c.id IS NULL, c.position, c.name, i.name, i.id`,
    ).all(),
    staff: statement<[], StaffRow>(
      db,
      "SELECT name, role FROM staff WHERE active = 1 ORDER BY CASE role WHEN 'owner' THEN 0 WHEN 'manager' THEN 1 ELSE 2 END, name COLLATE NOCASE, id",
    ).all(),
  }))();
}

/** The receipt logo as the file beside profile.json, named by what its bytes are. */
function logoFile(dataUrl: string | null): ExportedLogo | null {
  if (dataUrl === null) return null;
  const checked = checkLogoDataUrl(dataUrl);
  // The ledger stores only a logo store.update checked; one that no longer reads as a picture stays out.
  if (!checked.ok) return null;
  return { fileName: checked.mime === 'image/png' ? 'logo.png' : 'logo.jpg', dataUrl };
}

function catalogOf(setup: LedgerSetup): StoreProfile['catalog'] {
  return {
    categories: setup.categories.map((category) => category.name),
    items: setup.items.map((row) => {
      const common = {
        name: row.name,
        ...(row.category === null ? {} : { category: row.category }),
        priceMinor: row.price_minor,
        rateMilli: row.tax_rate_milli,
      };
      // A product has no duration nor "what to expect" (catalog.ts refuses them): left out, as in the examples.
      if (row.kind === 'product') return { ...common, kind: 'product' as const };
      // The items table's triggers give every service a duration (migration 013).
      if (row.duration_minutes === null) throw new Error(`the service item "${row.name}" has no duration`);
      return { ...common, kind: 'service' as const, durationMinutes: row.duration_minutes, expectText: row.expect_text };
    }),
  };
}

/**
 * The store's setup as a store profile (version 1) and its logo file, for store.exportProfile:
 * the settings every field of the profile has, the catalog and staff in use (names and roles,
 * never PINs), and the host's backup and printer settings. A store without a receipt header is
 * refused (the profile requires one); anything else the profile would refuse is refused with its
 * problems, so every exported profile reads back with parseStoreProfile.
 */
export function exportStoreProfile(db: Db, hostSetup: HostSetup): ProfileExport {
  const setup = readSetup(db);
  const { settings } = setup;
  if (settings.legalName === '' || settings.address.length === 0 || settings.taxNumber === '') throw new DomainError('conflict', 'errors.profile.exportHeader');
  const logo = logoFile(settings.logo);
  const { categoryId, ...loyalty } = settings.loyalty;
  // A time zone or day boundary waiting for the next Z is what the owner chose last; a new ledger has no Z to wait for.
  const day = settings.pendingDay ?? settings;
  const profile: StoreProfile = {
    format: STORE_PROFILE_FORMAT,
    version: STORE_PROFILE_VERSION,
    name: settings.name,
    legalName: settings.legalName,
    address: settings.address,
    taxNumber: settings.taxNumber,
    ...(logo ? { logo: logo.fileName } : {}),
    currency: settings.currency,
    locale: settings.locale,
    language: settings.language,
    timeZone: day.timeZone,
    dayBoundaryMinutes: day.dayBoundaryMinutes,
    openingHours: settings.openingHours,
    taxMode: settings.taxMode,
    taxRates: settings.taxRates,
    tokenFirst: settings.tokenFirst,
    tokenLast: settings.tokenLast,
    payAfterTerms: settings.payAfterTerms,
    amberMinutes: settings.amberMinutes,
    redMinutes: settings.redMinutes,
    cashRoundingMinor: settings.cashRoundingMinor,
    depositPolicy: settings.depositPolicy,
    // The stamp card's category by name; one no longer in use is none.
    loyalty: { ...loyalty, category: setup.categories.find((category) => category.id === categoryId)?.name ?? null },
    idleLockMinutes: settings.idleLockMinutes,
    approvalCompPercent: settings.approvalCompPercent,
    approvalCompMinor: settings.approvalCompMinor,
    tipConfirmPercent: settings.tipConfirmPercent,
    tipApprovalPercent: settings.tipApprovalPercent,
    catalog: catalogOf(setup),
    staff: setup.staff.map((person) => ({ name: person.name, role: person.role })),
    ...(hostSetup.backup ? { backup: hostSetup.backup } : {}),
    ...(hostSetup.printer ? { printer: hostSetup.printer } : {}),
  };
  // Read back exactly as an installer will read the file: a profile that would not install is never handed out.
  const checked = parseStoreProfile(JSON.stringify(profile));
  if (!checked.ok)
    throw new DomainError('conflict', 'errors.profile.exportInvalid', { problems: checked.problems.map((problem) => problem.message).join('; ') });
  return { profile: checked.profile, logo };
}
