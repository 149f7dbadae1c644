import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseStoreProfile, type StoreProfile } from '../../shared/store-profile';
import { assertInvariants } from '../test-support/invariants';
import { makeLedger, snapshot, type TestLedger } from '../test-support/ledger-fixture';
import { applyStoreProfile, ledgerIsFresh, PROFILE_APPLIED } from './store-profile-apply';
import { readSettings } from './store';

function storeProfile(slug: string): StoreProfile {
  const parsed = parseStoreProfile(fs.readFileSync(path.join(__dirname, '..', '..', 'stores', slug, 'profile.json'), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
  return parsed.profile;
}

const NOW = '2026-11-24T09:00:00.000Z';
/** A real 1×1 PNG, as first-run-profile.ts reads a logo file into a data URL. */
const PNG_DATA_URL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const ledgers: TestLedger[] = [];
function fresh(): TestLedger {
  const ledger = makeLedger(NOW, { drawer: false });
  ledgers.push(ledger);
  return ledger;
}
afterEach(() => {
  for (const ledger of ledgers.splice(0)) ledger.cleanup();
});

describe('applyStoreProfile', () => {
  it('sets a fresh ledger up as the salon example: settings, hours, policies, catalog and staff', () => {
    const l = fresh();
    const profile = storeProfile('salon-example');
    const applied = applyStoreProfile(l.db, profile, NOW);
    expect(applied).toEqual({ storeName: 'Fern & Fringe', categories: 3, items: 2, services: 7, staff: 3 });
    assertInvariants(l.db);

    const settings = readSettings(l.db);
    expect(settings).toMatchObject({
      name: 'Fern & Fringe',
      currency: 'GBP',
      locale: 'en-GB',
      timeZone: 'Europe/London',
      dayBoundaryMinutes: 240,
      taxMode: 'inclusive',
      taxRates: profile.taxRates,
      tokenFirst: 1,
      tokenLast: 20,
      amberMinutes: 120,
      redMinutes: 180,
      payAfterTerms: profile.payAfterTerms,
      depositPolicy: { mode: 'percent', fixedMinor: 0, percent: 20, freeCancelHours: 24, forfeitPercent: 100 },
      loyalty: { scheme: 'off', categoryId: null },
    });
    expect(settings.openingHours).toEqual(profile.openingHours);

    const catalog = l.call('catalog.list', {});
    expect(catalog.categories.map((c) => c.name)).toEqual(['Cuts', 'Colour', 'Retail']);
    const services = catalog.items.filter((item) => item.kind === 'service');
    expect(services).toHaveLength(7);
    const cut = services.find((item) => item.name === 'Men’s cut');
    expect(cut).toMatchObject({ priceMinor: 3200, rateMilli: 20000, durationMinutes: 30, categoryId: catalog.categories[0]?.id });
    expect(cut?.expectText).toMatch(/^Washed, cut and styled/);
    expect(catalog.items.filter((item) => item.kind === 'product').map((item) => item.name)).toEqual(['Shampoo 250 ml', 'Styling cream']);

    const staff = l.db
      .prepare<[], { id: number; name: string; role: string; pin_hash: string | null }>('SELECT id, name, role, pin_hash FROM staff ORDER BY id')
      .all();
    // The bootstrap owner is the profile's owner now (the session's id still points at them).
    expect(staff).toEqual([
      { id: l.session.staffId, name: 'Priya', role: 'owner', pin_hash: null },
      { id: expect.any(Number) as number, name: 'Tom', role: 'manager', pin_hash: null },
      { id: expect.any(Number) as number, name: 'Aisling', role: 'staff', pin_hash: null },
    ]);

    const audit = l.db.prepare<[string], { staff_id: number; detail: string }>('SELECT staff_id, detail FROM audit WHERE command = ?').all(PROFILE_APPLIED);
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toEqual({ categories: 3, items: 2, services: 7, staff: 3, staffIds: staff.map((s) => s.id), format: 1 });
    // Staff names stay out of the profile's own row.
    expect(audit[0]?.detail).not.toMatch(/Priya|Tom|Aisling/);
    expect(ledgerIsFresh(l.db)).toBe(false);
  });

  it('sets the receipt header, the paper language and the logo read from beside the profile', () => {
    const l = fresh();
    const profile = { ...storeProfile('cafe-example'), language: 'de' as const, logo: 'logo.png', logoDataUrl: PNG_DATA_URL };
    applyStoreProfile(l.db, profile, NOW);
    assertInvariants(l.db);
    expect(readSettings(l.db)).toMatchObject({
      legalName: 'Harbour Bean Coffee Ltd',
      address: ['3 Quay Street', 'Galway H91 X2K7', 'Ireland'],
      taxNumber: 'IE 3456789KH',
      language: 'de',
      logo: PNG_DATA_URL,
    });
  });

  it('refuses, applying nothing, a profile whose logo was not read or is not a picture', () => {
    const l = fresh();
    const before = snapshot(l);
    const cafe = storeProfile('cafe-example');
    expect(() => applyStoreProfile(l.db, { ...cafe, logo: 'logo.png' }, NOW)).toThrow(/names the logo logo\.png, but it was not read/);
    expect(() => applyStoreProfile(l.db, { ...cafe, logo: 'logo.png', logoDataUrl: 'data:image/png;base64,R0lGODlh' }, NOW)).toThrow(
      expect.objectContaining({ key: 'errors.field.logoFormat', field: 'logo' }) as Error,
    );
    expect(snapshot(l)).toEqual(before);
    expect(ledgerIsFresh(l.db)).toBe(true);
  });

  it('sets a stamp card up on the category the café profile names', () => {
    const l = fresh();
    const profile = storeProfile('cafe-example');
    applyStoreProfile(l.db, profile, NOW);
    assertInvariants(l.db);
    const settings = readSettings(l.db);
    const catalog = l.call('catalog.list', {});
    expect(settings.name).toBe(profile.name);
    expect(profile.loyalty).toMatchObject({ scheme: 'stamps', category: 'Coffee' });
    const coffee = catalog.categories.find((c) => c.name === 'Coffee');
    expect(coffee).toBeDefined();
    expect(settings.loyalty).toMatchObject({ scheme: 'stamps', categoryId: coffee?.id, stampsEvery: 10 });
    expect(catalog.items).toHaveLength(profile.catalog.items.length);
  });

  it('refuses, writing nothing, once the ledger has a tab, a posting, a PIN, or a profile applied', () => {
    const profile = storeProfile('salon-example');
    const refusals: [string, (l: TestLedger) => void][] = [
      ['a tab', (l) => l.call('tab.open', {})],
      ['a PIN', (l) => l.db.prepare("UPDATE staff SET pin_hash = 'x' WHERE id = ?").run(l.session.staffId)],
      ['a profile applied before', (l) => applyStoreProfile(l.db, profile, NOW)],
    ];
    for (const [label, use] of refusals) {
      const l = fresh();
      use(l);
      const before = snapshot(l);
      expect(() => applyStoreProfile(l.db, profile, NOW), label).toThrow(expect.objectContaining({ key: 'errors.profile.notFresh' }) as Error);
      expect(snapshot(l), label).toEqual(before);
    }
  });

  it('rolls everything back when one step is refused half-way', () => {
    const l = fresh();
    // Someone without a PIN already called Tom: the staff step is refused after the catalog was written.
    l.db.prepare("INSERT INTO staff (name, role, created_at) VALUES ('Tom', 'staff', ?)").run(NOW);
    const before = snapshot(l);
    expect(() => applyStoreProfile(l.db, storeProfile('salon-example'), NOW)).toThrow(expect.objectContaining({ key: 'errors.staff.nameTaken' }) as Error);
    expect(snapshot(l)).toEqual(before);
    expect(readSettings(l.db).name).toBe('My café');
  });
});
