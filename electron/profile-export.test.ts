import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseStoreProfile } from '../shared/store-profile';
import type { Catalog, StaffMember, StoreSettings } from '../shared/types';
import { defaultBackupSettings } from './backup/backup-settings';
import { profileBackup } from './profile-export';
import { applyStoreProfile } from './services/store-profile-apply';
import { assertInvariants } from './test-support/invariants';
import { makeLedger, type TestLedger } from './test-support/ledger-fixture';
import { addPerson, testCores, windowClient, type Client } from './test-support/test-core';

const startCore = testCores('aftertab-export-');
const NOW = '2026-11-24T09:00:00.000Z';
/** A real 1×1 PNG. */
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
/** The start of a JPEG (FF D8 FF …): what store.update checks a JPEG logo by. */
const JPEG = 'data:image/jpeg;base64,/9j/4AAQSkZJRg==';
const HEADER = { legalName: 'Fern & Fringe Hair Studio Ltd', address: ['14 Oldham Street', 'Manchester M1 1JQ'], taxNumber: 'GB 284 7716 93' };

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function freshLedger(): TestLedger {
  const ledger = makeLedger(NOW, { drawer: false });
  cleanups.push(() => ledger.cleanup());
  return ledger;
}

function tempFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-export-backups-'));
  cleanups.push(() => fs.rmSync(folder, { recursive: true, force: true }));
  return folder;
}

async function ownerOfNewStore(): Promise<{ core: ReturnType<typeof startCore>; owner: Client }> {
  const core = startCore();
  const owner = windowClient(core, 1);
  await owner.setup();
  return { core, owner };
}

/** A catalog as the profile sees it: categories by name in order, items by name with their category's name (archived ones are none). */
function catalogByName(catalog: Catalog) {
  const names = new Map(catalog.categories.filter((c) => !c.archived).map((c) => [c.id, c.name]));
  return {
    categories: catalog.categories.filter((c) => !c.archived).map((c) => c.name),
    items: catalog.items
      .filter((item) => !item.archived)
      .map((item) => ({
        name: item.name,
        category: item.categoryId === null ? null : (names.get(item.categoryId) ?? null),
        kind: item.kind,
        priceMinor: item.priceMinor,
        rateMilli: item.rateMilli,
        durationMinutes: item.durationMinutes,
        expectText: item.expectText,
      })),
  };
}

/** The settings with loyalty's category by name, since ids differ between two ledgers. */
function settingsByName(settings: StoreSettings, catalog: Catalog) {
  const { categoryId, ...loyalty } = settings.loyalty;
  return { ...settings, loyalty: { ...loyalty, category: catalog.categories.find((c) => c.id === categoryId)?.name ?? null } };
}

const people = (staff: StaffMember[]) => staff.map((person) => ({ name: person.name, role: person.role, active: person.active }));

describe('store.exportProfile', () => {
  it('exports a store that a fresh ledger takes back field for field, leaving archived items and staff and every PIN out', async () => {
    const { owner } = await ownerOfNewStore();
    const me = await owner.call('session.current', {});
    await owner.call('staff.update', { staffId: me.id, name: 'Priya' });
    await owner.call('store.update', {
      name: 'Fern & Fringe',
      ...HEADER,
      logo: PNG,
      language: 'de',
      currency: 'EUR',
      locale: 'en-IE',
      timeZone: 'Europe/Dublin',
      dayBoundaryMinutes: 300,
      openingHours: [
        null,
        { open: 570, close: 1080 },
        { open: 570, close: 1080 },
        { open: 570, close: 1230 },
        { open: 570, close: 1080 },
        { open: 540, close: 1020 },
        null,
      ],
      taxMode: 'exclusive',
      taxRates: [
        { rateMilli: 23_000, label: 'Standard' },
        { rateMilli: 13_500, label: 'Reduced' },
      ],
      tokenFirst: 5,
      tokenLast: 40,
      payAfterTerms: 'Pay at the desk when you are done.',
      amberMinutes: 90,
      redMinutes: 150,
      cashRoundingMinor: 5,
      depositPolicy: { mode: 'fixed', fixedMinor: 1500, percent: 0, freeCancelHours: 48, forfeitPercent: 50 },
      idleLockMinutes: 12,
      approvalCompPercent: 25,
      approvalCompMinor: 800,
      tipConfirmPercent: 40,
      tipApprovalPercent: 150,
    });
    const cuts = await owner.call('catalog.createCategory', { name: 'Cuts' });
    const retail = await owner.call('catalog.createCategory', { name: 'Retail' });
    const old = await owner.call('catalog.createCategory', { name: 'Old menu' });
    await owner.call('catalog.createItem', {
      categoryId: cuts.id,
      name: 'Men’s cut',
      kind: 'service',
      priceMinor: 3200,
      rateMilli: 23_000,
      durationMinutes: 30,
      expectText: 'Washed, cut and styled to the length we agree.',
    });
    await owner.call('catalog.createItem', {
      categoryId: cuts.id,
      name: 'Fringe trim',
      kind: 'service',
      priceMinor: 800,
      rateMilli: 13_500,
      durationMinutes: 10,
      expectText: '',
    });
    await owner.call('catalog.createItem', {
      categoryId: retail.id,
      name: 'Shampoo 250 ml',
      kind: 'product',
      priceMinor: 1800,
      rateMilli: 23_000,
      expectText: '',
    });
    await owner.call('catalog.createItem', { categoryId: null, name: 'Gift wrap', kind: 'product', priceMinor: 200, rateMilli: 13_500, expectText: '' });
    await owner.call('catalog.createItem', {
      categoryId: old.id,
      name: 'Head massage',
      kind: 'service',
      priceMinor: 1500,
      rateMilli: 23_000,
      durationMinutes: 15,
      expectText: 'Ten calm minutes.',
    });
    const retired = await owner.call('catalog.createItem', {
      categoryId: retail.id,
      name: 'Retired wax',
      kind: 'product',
      priceMinor: 900,
      rateMilli: 23_000,
      expectText: '',
    });
    await owner.call('catalog.archiveItem', { itemId: retired.id });
    await owner.call('catalog.updateCategory', { categoryId: old.id, archived: true });
    await owner.call('store.update', {
      loyalty: { scheme: 'stamps', categoryId: cuts.id, stampsEvery: 8, pointsSpendMinor: 200, pointValueMinor: 2, pointsMin: 50 },
    });
    await addPerson(owner, 'Tom', 'manager', '2222');
    await addPerson(owner, 'Aisling', 'staff', '1111');
    const gone = await addPerson(owner, 'Ghost', 'staff', '3333');
    await owner.call('staff.archive', { staffId: gone.id });
    const folder = tempFolder();
    await owner.call('backup.configure', { folder, keep: 21, everyMinutes: 45 });
    await owner.call('device.update', { printer: { paper: '58mm', name: 'TM-T20' } });

    const exported = await owner.call('store.exportProfile', {});
    const { profile } = exported;

    // It reads back exactly as a profile file is read, and names its logo file.
    const parsed = parseStoreProfile(`${JSON.stringify(profile, null, 2)}\n`);
    expect(parsed).toEqual({ ok: true, profile });
    expect(exported.logo).toEqual({ fileName: 'logo.png', dataUrl: PNG });
    expect(profile.logo).toBe('logo.png');
    expect(profile).toMatchObject({
      format: 'aftertab.store-profile',
      version: 1,
      name: 'Fern & Fringe',
      language: 'de',
      timeZone: 'Europe/Dublin',
      dayBoundaryMinutes: 300,
    });
    expect(profile.backup).toEqual({ folder, keep: 21, everyMinutes: 45 });
    expect(profile.printer).toEqual({ paper: '58mm', name: 'TM-T20' });
    expect(profile.loyalty).toEqual({ scheme: 'stamps', category: 'Cuts', stampsEvery: 8, pointsSpendMinor: 200, pointValueMinor: 2, pointsMin: 50 });
    // Owners first; names and roles only.
    expect(profile.staff).toEqual([
      { name: 'Priya', role: 'owner' },
      { name: 'Tom', role: 'manager' },
      { name: 'Aisling', role: 'staff' },
    ]);
    expect(profile.catalog.categories).toEqual(['Cuts', 'Retail']);
    expect(profile.catalog.items.map((item) => item.name)).toEqual(['Fringe trim', 'Men’s cut', 'Shampoo 250 ml', 'Gift wrap', 'Head massage']);
    // The item of an archived category stays on sale, uncategorised, as the till shows it.
    expect(profile.catalog.items.find((item) => item.name === 'Head massage')).toEqual({
      name: 'Head massage',
      kind: 'service',
      priceMinor: 1500,
      rateMilli: 23_000,
      durationMinutes: 15,
      expectText: 'Ten calm minutes.',
    });
    const text = JSON.stringify(exported);
    expect(text).not.toMatch(/Ghost|Retired wax|Old menu|pin/i);

    // A fresh ledger set up from it holds the same store, ids aside.
    const fresh = freshLedger();
    const logoDataUrl = exported.logo?.dataUrl ?? null;
    expect(applyStoreProfile(fresh.db, { ...profile, logoDataUrl }, NOW)).toEqual({
      storeName: 'Fern & Fringe',
      categories: 2,
      items: 2,
      services: 3,
      staff: 3,
    });
    assertInvariants(fresh.db);

    const originalCatalog = await owner.call('catalog.list', { includeArchived: true });
    const copyCatalog = fresh.call('catalog.list', { includeArchived: true });
    expect(catalogByName(copyCatalog)).toEqual(catalogByName(originalCatalog));
    expect(copyCatalog.items.some((item) => item.archived) || copyCatalog.categories.some((c) => c.archived)).toBe(false);

    const original = settingsByName(await owner.call('store.get', {}), originalCatalog);
    expect(settingsByName(fresh.call('store.get', {}), copyCatalog)).toEqual(original);
    expect(original.loyalty.category).toBe('Cuts');

    expect(people(fresh.call('staff.list', { includeArchived: true }))).toEqual(people(await owner.call('staff.list', { includeArchived: false })));
  });

  it('names a JPEG logo logo.jpg, and leaves out the default backup folder and a PC without a printer', async () => {
    const { core, owner } = await ownerOfNewStore();
    await owner.call('store.update', { ...HEADER, logo: JPEG });
    const { profile, logo } = await owner.call('store.exportProfile', {});
    expect(logo).toEqual({ fileName: 'logo.jpg', dataUrl: JPEG });
    expect(profile.logo).toBe('logo.jpg');
    expect(profile.backup).toEqual({ keep: 14, everyMinutes: 30 });
    expect(profile).not.toHaveProperty('printer');
    expect(profileBackup(defaultBackupSettings(core.dir), core.dir)).toEqual({ keep: 14, everyMinutes: 30 });
  });

  it('exports no logo when the store has none, and the first owner first', async () => {
    const { owner } = await ownerOfNewStore();
    await owner.call('store.update', HEADER);
    await addPerson(owner, 'Aaron', 'staff', '1111');
    await addPerson(owner, 'Bea', 'owner', '2222');
    const exported = await owner.call('store.exportProfile', {});
    expect(exported.logo).toBeNull();
    expect(exported.profile).not.toHaveProperty('logo');
    expect(exported.profile.staff.map((person) => person.role)).toEqual(['owner', 'owner', 'staff']);
  });

  it('is refused, in words, while the store has no receipt header: a profile needs one', async () => {
    const { owner } = await ownerOfNewStore();
    expect(await owner.refuse('store.exportProfile', {})).toMatchObject({ code: 'conflict', key: 'errors.profile.exportHeader' });
    await owner.call('store.update', { legalName: HEADER.legalName, address: HEADER.address });
    expect((await owner.refuse('store.exportProfile', {})).key).toBe('errors.profile.exportHeader');
  });

  it('is refused with the profile’s problems when the setup cannot be read back as one', async () => {
    const { owner } = await ownerOfNewStore();
    await owner.call('store.update', HEADER);
    const coffee = await owner.call('catalog.createCategory', { name: 'Coffee' });
    await owner.call('store.update', {
      loyalty: { scheme: 'stamps', categoryId: coffee.id, stampsEvery: 10, pointsSpendMinor: 100, pointValueMinor: 1, pointsMin: 100 },
    });
    // The stamp card's category archived under it: a profile would name no category for the card.
    await owner.call('catalog.updateCategory', { categoryId: coffee.id, archived: true });
    const error = await owner.refuse('store.exportProfile', {});
    expect(error).toMatchObject({ code: 'conflict', key: 'errors.profile.exportInvalid' });
    expect(error.message).toMatch(/loyalty\.category/);
  });
});
