import type { ParsedInput } from '../../shared/contract';
import { DomainError } from '../../shared/errors';
import type { ProfileApplied } from '../../shared/first-run-types';
import type { StoreProfile } from '../../shared/store-profile';
import type { Staff } from '../../shared/types';
import { writeAudit } from '../ledger/journal';
import type { Db } from '../ledger/open';
import { createCategory, createItem } from './catalog';
import type { ServiceContext } from './context';
import { stripUndefined, updateStore } from './store';
import { statement } from '../ledger/statements';

export const PROFILE_APPLIED = 'store.profileApplied';

/**
 * A ledger a profile may still be applied to: nothing posted, no tab, no Z, no one with a PIN,
 * and no profile applied before. Anything more means someone has used this store, and a profile
 * would rewrite their settings under them.
 */
export function ledgerIsFresh(db: Db): boolean {
  const any = (sql: string): boolean => statement(db, sql).get() !== undefined;
  return !(
    any('SELECT 1 FROM journal_entries LIMIT 1') ||
    any('SELECT 1 FROM tabs LIMIT 1') ||
    any('SELECT 1 FROM z_reports LIMIT 1') ||
    any('SELECT 1 FROM staff WHERE pin_hash IS NOT NULL LIMIT 1') ||
    statement(db, 'SELECT 1 FROM audit WHERE command = ? LIMIT 1').get(PROFILE_APPLIED) !== undefined
  );
}

/** The settings part of a profile, as store.update takes it (loyalty follows the catalog, which it names). */
function storeInput(profile: StoreProfile, logo: string | null): ParsedInput<'store.update'> {
  return stripUndefined({
    name: profile.name,
    legalName: profile.legalName,
    address: profile.address,
    taxNumber: profile.taxNumber,
    // Checked again by store.update's own rule (a PNG or JPEG by its first bytes, within the limit).
    logo,
    language: profile.language,
    currency: profile.currency,
    locale: profile.locale,
    timeZone: profile.timeZone,
    dayBoundaryMinutes: profile.dayBoundaryMinutes,
    openingHours: profile.openingHours,
    taxMode: profile.taxMode,
    taxRates: profile.taxRates,
    tokenFirst: profile.tokenFirst,
    tokenLast: profile.tokenLast,
    payAfterTerms: profile.payAfterTerms,
    amberMinutes: profile.amberMinutes,
    redMinutes: profile.redMinutes,
    cashRoundingMinor: profile.cashRoundingMinor,
    depositPolicy: profile.depositPolicy,
    idleLockMinutes: profile.idleLockMinutes,
    approvalCompPercent: profile.approvalCompPercent,
    approvalCompMinor: profile.approvalCompMinor,
    tipConfirmPercent: profile.tipConfirmPercent,
    tipApprovalPercent: profile.tipApprovalPercent,
  }) as ParsedInput<'store.update'>;
}

/**
 * Applies a parsed profile to a freshly bootstrapped ledger in one transaction: the store's
 * settings through store.update's own code (so its checks hold), the catalog through the catalog
 * service, loyalty once its category exists, and the staff. The first owner in the profile is the
 * bootstrap owner renamed; everyone else is added without a PIN (each sets one at first sign-in:
 * the owner on the first-run screen, the others from an owner on the Staff screen). Refused, with
 * nothing changed, once the ledger is not fresh.
 */
export function applyStoreProfile(db: Db, profile: StoreProfile & { logoDataUrl?: string | null }, now: string): ProfileApplied {
  const logo = profile.logoDataUrl ?? null;
  // The logo is a file beside the profile, read with it (first-run-profile.ts readProfileFile): a
  // profile that names one it never read would set the store up without it, so it is refused.
  if (profile.logo !== undefined && logo === null)
    throw new Error(`the store profile names the logo ${profile.logo}, but it was not read from beside the profile`);
  return db.transaction(() => {
    if (!ledgerIsFresh(db)) throw new DomainError('conflict', 'errors.profile.notFresh');
    const owner = statement<[], Staff>(db, "SELECT id, name, role FROM staff WHERE role = 'owner' AND active = 1 ORDER BY id LIMIT 1").get();
    if (!owner) throw new Error('the ledger has no owner; it was not bootstrapped');
    const firstOwner = profile.staff.find((person) => person.role === 'owner');
    // The profile's parse guarantees an owner; the bootstrap one becomes them.
    if (!firstOwner) throw new Error('a store profile without an owner reached the ledger');
    statement(db, 'UPDATE staff SET name = ? WHERE id = ?').run(firstOwner.name, owner.id);
    const actor: Staff = { id: owner.id, name: firstOwner.name, role: 'owner' };
    const ctx: ServiceContext = { db, now, actor, commandId: null, approverId: null, prepared: {} };

    updateStore(ctx, storeInput(profile, logo));

    const categoryIds = new Map<string, number>();
    for (const name of profile.catalog.categories) categoryIds.set(name.toLowerCase(), createCategory(ctx, { name }).id);
    const categoryOf = (name: string | null | undefined): number | null => (name == null ? null : (categoryIds.get(name.toLowerCase()) ?? null));
    let services = 0;
    for (const entry of profile.catalog.items) {
      const service = entry.kind === 'service';
      if (service) services += 1;
      createItem(ctx, {
        categoryId: categoryOf(entry.category),
        name: entry.name,
        kind: entry.kind,
        priceMinor: entry.priceMinor,
        rateMilli: entry.rateMilli,
        durationMinutes: service ? entry.durationMinutes : null,
        expectText: service ? entry.expectText : '',
      });
    }
    if (profile.loyalty) {
      const { category, ...rest } = profile.loyalty;
      updateStore(ctx, { loyalty: { ...rest, categoryId: categoryOf(category) } } as ParsedInput<'store.update'>);
    }

    const staffIds = [owner.id];
    const taken = statement<[string, number], { id: number }>(db, 'SELECT id FROM staff WHERE active = 1 AND name = ? COLLATE NOCASE AND id <> ?');
    for (const person of profile.staff) {
      if (person === firstOwner) continue;
      if (taken.get(person.name, owner.id)) throw new DomainError('conflict', 'errors.staff.nameTaken', { name: person.name }, 'name');
      staffIds.push(Number(statement(db, 'INSERT INTO staff (name, role, created_at) VALUES (?, ?, ?)').run(person.name, person.role, now).lastInsertRowid));
    }

    const counts = { categories: profile.catalog.categories.length, items: profile.catalog.items.length - services, services, staff: staffIds.length };
    // Ids and counts only: the store's name is in the store.update row above, and no one's name is needed.
    writeAudit(db, {
      at: now,
      staffId: owner.id,
      command: PROFILE_APPLIED,
      tabId: null,
      detail: JSON.stringify({ ...counts, staffIds, format: profile.version }),
    });
    return { storeName: profile.name, ...counts };
  })();
}
