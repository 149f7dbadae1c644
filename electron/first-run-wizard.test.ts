import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROFILE_TEXT_MAX, type ImportPreview } from '../shared/first-run-types';
import { starterCatalog, starterWords } from '../shared/starter-catalogs';
import { parseStoreProfile, type StoreProfile } from '../shared/store-profile';
import { OWNER_PIN, testCores, webClient, windowClient, type TestCore } from './test-support/test-core';

const salonFile = path.join(__dirname, '..', 'stores', 'salon-example', 'profile.json');
const salonText = (): string => fs.readFileSync(salonFile, 'utf8');
function salon(): StoreProfile {
  const parsed = parseStoreProfile(salonText());
  if (!parsed.ok) throw new Error('the salon example must parse');
  return parsed.profile;
}

/** What the wizard sends for a café in Berlin: German receipts, 19 % and 7 %, the café starter, tokens 1 to 30. */
function berlinCafe(): Record<string, unknown> {
  return {
    format: 'aftertab.store-profile',
    version: 1,
    name: 'Kaffeehaus Kiez',
    legalName: 'Kaffeehaus Kiez GmbH',
    address: ['Oranienstraße 12', '10999 Berlin'],
    taxNumber: 'DE 123456789',
    currency: 'EUR',
    locale: 'de-DE',
    language: 'de',
    timeZone: 'Europe/Berlin',
    dayBoundaryMinutes: 240,
    taxMode: 'inclusive',
    taxRates: [
      { label: 'Normal', rateMilli: 19_000 },
      { label: 'Ermäßigt', rateMilli: 7_000 },
    ],
    tokenFirst: 1,
    tokenLast: 30,
    payAfterTerms: starterWords.de.payAfterTerms,
    amberMinutes: 45,
    redMinutes: 90,
    cashRoundingMinor: 1,
    catalog: starterCatalog('cafe', 'de', 2, 19_000),
    staff: [{ name: 'Anna', role: 'owner' }],
  };
}

/** The rows a first run may write, to prove a refusal wrote none. */
function snapshot(core: TestCore): unknown {
  const db = core.ledger()!.db;
  return {
    store: db.prepare('SELECT * FROM store_settings').all(),
    categories: db.prepare('SELECT * FROM categories').all(),
    items: db.prepare('SELECT * FROM items').all(),
    staff: db.prepare('SELECT * FROM staff').all(),
    audit: db.prepare('SELECT * FROM audit').all(),
  };
}

describe('firstRun.applyWizard', () => {
  const core = testCores('aftertab-wizard-');

  it('sets a fresh store up from the wizard’s profile in one go, then the owner’s PIN signs them in', async () => {
    const c = core();
    const pad = webClient(c);
    expect(await pad.call('session.state', {})).toMatchObject({ storeName: 'My café', needsSetup: true, firstRun: true });

    expect(await pad.call('firstRun.applyWizard', { profile: berlinCafe() })).toEqual({
      storeName: 'Kaffeehaus Kiez',
      categories: 3,
      items: 11,
      services: 0,
      staff: 1,
    });
    const state = await pad.call('session.state', {});
    // Set up, but nobody has a PIN yet: the owner's comes next, and the wizard is over.
    expect(state).toMatchObject({ storeName: 'Kaffeehaus Kiez', locale: 'de-DE', timeZone: 'Europe/Berlin', needsSetup: true, firstRun: false });
    expect(state.staff.map((person) => [person.name, person.role, person.hasPin])).toEqual([['Anna', 'owner', false]]);

    const signedIn = await pad.setup(OWNER_PIN);
    expect(signedIn.staff).toMatchObject({ name: 'Anna', role: 'owner' });
    const store = await pad.call('store.get', {});
    expect(store).toMatchObject({
      name: 'Kaffeehaus Kiez',
      currency: 'EUR',
      locale: 'de-DE',
      taxMode: 'inclusive',
      tokenFirst: 1,
      tokenLast: 30,
      payAfterTerms: starterWords.de.payAfterTerms,
    });
    expect(store.taxRates).toEqual([
      { label: 'Normal', rateMilli: 19_000 },
      { label: 'Ermäßigt', rateMilli: 7_000 },
    ]);
    const catalog = await pad.call('catalog.list', {});
    expect(catalog.categories.map((category) => category.name)).toEqual(['Kaffee', 'Tee & mehr', 'Essen']);
    expect(catalog.items.find((item) => item.name === 'Milchkaffee')).toMatchObject({ priceMinor: 440, rateMilli: 19_000, kind: 'product' });
    expect(await pad.call('token.pool', {})).toHaveLength(30);

    // Once is all: the store is in use now.
    expect(await pad.refuse('firstRun.applyWizard', { profile: berlinCafe() })).toMatchObject({ code: 'conflict', key: 'errors.profile.notFresh' });
    expect(await pad.refuse('firstRun.previewImport', { text: salonText() })).toMatchObject({ key: 'errors.profile.notFresh' });
  });

  it('refuses a second wizard once the first has set the store up, even before the PIN', async () => {
    const c = core();
    const first = windowClient(c, 1);
    await first.call('firstRun.applyWizard', { profile: berlinCafe() });
    const before = snapshot(c);
    const other = { ...berlinCafe(), name: 'Someone else' };
    expect(await windowClient(c, 2).refuse('firstRun.applyWizard', { profile: other })).toMatchObject({ key: 'errors.profile.notFresh' });
    expect(snapshot(c)).toEqual(before);
  });

  it('reads the page’s profile as a file is read: a broken one is refused whole, with every problem, and nothing changes', async () => {
    const c = core();
    const pad = webClient(c);
    const before = snapshot(c);
    const broken: [string, Record<string, unknown>, RegExp][] = [
      ['no owner', { ...berlinCafe(), staff: [{ name: 'Anna', role: 'manager' }] }, /staff: at least one owner/],
      ['a rate the items do not have', { ...berlinCafe(), taxRates: [{ label: 'Normal', rateMilli: 20_000 }] }, /catalog\.items\[0\]\.rateMilli: /],
      ['the tokens the wrong way round', { ...berlinCafe(), tokenFirst: 50, tokenLast: 10 }, /tokenFirst: the first token must not be after the last/],
      ['no tax number', { ...berlinCafe(), taxNumber: ' ' }, /taxNumber: /],
      ['a field no profile has', { ...berlinCafe(), pin: '1234' }, /pin: is not a field of a store profile/],
      [
        'a price in decimals',
        { ...berlinCafe(), catalog: { categories: [], items: [{ name: 'Tea', kind: 'product', priceMinor: 3.5, rateMilli: 19_000 }] } },
        /catalog\.items\[0\]\.priceMinor: must be a whole number of cents/,
      ],
    ];
    for (const [label, profile, problem] of broken) {
      const error = await pad.refuse('firstRun.applyWizard', { profile });
      expect([error.code, error.key], label).toEqual(['invalid_input', 'errors.profile.invalid']);
      expect(error.message, label).toMatch(problem);
    }
    // Not an object at all: refused where the command comes in.
    expect(await pad.refuse('firstRun.applyWizard', { profile: 'Kaffeehaus' })).toMatchObject({ code: 'invalid_input' });
    expect(await pad.refuse('firstRun.applyWizard', {})).toMatchObject({ code: 'invalid_input' });
    expect(snapshot(c)).toEqual(before);
    expect(await pad.call('session.state', {})).toMatchObject({ storeName: 'My café', firstRun: true });
  });

  it('takes no logo from a page (the file never comes with it)', async () => {
    const c = core();
    const pad = webClient(c);
    expect(await pad.call('firstRun.applyWizard', { profile: { ...berlinCafe(), logo: 'logo.png' } })).toMatchObject({ storeName: 'Kaffeehaus Kiez' });
  });

  it('is refused while the host holds a profile of its own, which stays on offer', async () => {
    const c = core({ profile: salon() });
    const pad = webClient(c);
    const before = snapshot(c);
    expect(await pad.refuse('firstRun.applyWizard', { profile: berlinCafe() })).toMatchObject({ code: 'conflict', key: 'errors.profile.given' });
    expect(await pad.refuse('firstRun.previewImport', { text: salonText() })).toMatchObject({ code: 'conflict', key: 'errors.profile.given' });
    expect(snapshot(c)).toEqual(before);
    expect(await pad.call('firstRun.profile', {})).toMatchObject({ name: 'Fern & Fringe' });
  });
});

describe('firstRun.previewImport', () => {
  const core = testCores('aftertab-import-');

  it('shows what a picked file sets up, holds it, and firstRun.applyProfile applies exactly that one', async () => {
    const c = core();
    const pad = webClient(c);
    const preview = (await pad.call('firstRun.previewImport', { text: salonText() })) as ImportPreview;
    if (!preview.ok) throw new Error('the salon example must be shown');
    expect(preview.preview).toMatchObject({
      name: 'Fern & Fringe',
      currency: 'GBP',
      categories: 3,
      services: 7,
      items: 2,
      staff: [{ name: 'Priya', role: 'owner' }, { name: 'Tom' }, { name: 'Aisling' }],
    });
    expect(preview.preview.logoLeftOut).toBeUndefined();
    // Held for this first run, but not the host's own: a reload of the page starts the wizard again.
    expect(await pad.call('firstRun.profile', {})).toBeNull();
    expect(await pad.call('session.state', {})).toMatchObject({ storeName: 'My café', firstRun: true });

    expect(await pad.call('firstRun.applyProfile', {})).toEqual({ storeName: 'Fern & Fringe', categories: 3, items: 2, services: 7, staff: 3 });
    expect(await pad.call('session.state', {})).toMatchObject({ storeName: 'Fern & Fringe', needsSetup: true, firstRun: false });
    expect((await pad.setup(OWNER_PIN)).staff.name).toBe('Priya');
    expect(c.backups.settings()).toMatchObject({ keep: 30, everyMinutes: 30 });
    expect(await pad.refuse('firstRun.applyProfile', {})).toMatchObject({ key: 'errors.profile.none' });
  });

  it('lists every problem of a bad file by path and holds nothing, so nothing can be applied', async () => {
    const c = core();
    const pad = webClient(c);
    const before = snapshot(c);
    const notJson = (await pad.call('firstRun.previewImport', { text: '{ "format": "aftertab.store-profile",\n  "version": 1,, }' })) as ImportPreview;
    expect(notJson).toEqual({
      ok: false,
      problems: [{ path: 'profile', message: expect.stringMatching(/^profile: not valid JSON at line 2, column/) as string }],
    });

    // A good file first, then a bad one: the bad one replaces it, and nothing is held.
    await pad.call('firstRun.previewImport', { text: salonText() });
    const bad = JSON.parse(salonText()) as Record<string, unknown>;
    bad.currency = 'POUNDS';
    bad.tokenFirst = 80;
    (bad.staff as Record<string, unknown>[])[1] = { name: 'Tom', role: 'manager', pin: '1234' };
    const result = (await pad.call('firstRun.previewImport', { text: JSON.stringify(bad, null, 2) })) as ImportPreview;
    if (result.ok) throw new Error('a bad profile must be refused');
    expect(result.problems.map((problem) => problem.path)).toEqual(expect.arrayContaining(['currency', 'tokenFirst', 'staff[1].pin']));
    expect(result.problems.find((problem) => problem.path === 'staff[1].pin')?.message).toMatch(/a profile holds no PINs/);
    expect(await pad.refuse('firstRun.applyProfile', {})).toMatchObject({ key: 'errors.profile.none' });
    expect(snapshot(c)).toEqual(before);
  });

  it('says the logo was left out when the file names one', async () => {
    const c = core();
    const withLogo = { ...(JSON.parse(salonText()) as Record<string, unknown>), logo: 'fern-logo.png' };
    const result = (await webClient(c).call('firstRun.previewImport', { text: JSON.stringify(withLogo) })) as ImportPreview;
    expect(result).toMatchObject({ ok: true, preview: { name: 'Fern & Fringe', logoLeftOut: 'fern-logo.png' } });
  });

  it('refuses a text past its limit where it comes in, and the wizard then applies its own store instead of a held file', async () => {
    const c = core();
    const pad = webClient(c);
    expect(await pad.refuse('firstRun.previewImport', { text: ' '.repeat(PROFILE_TEXT_MAX + 1) })).toMatchObject({
      code: 'invalid_input',
      key: 'errors.profile.tooLarge',
    });
    await pad.call('firstRun.previewImport', { text: salonText() });
    expect(await pad.call('firstRun.applyWizard', { profile: berlinCafe() })).toMatchObject({ storeName: 'Kaffeehaus Kiez' });
    // The file held before is gone with the fresh ledger.
    expect(await pad.refuse('firstRun.applyProfile', {})).toMatchObject({ key: 'errors.profile.none' });
    expect((await pad.call('session.state', {})).storeName).toBe('Kaffeehaus Kiez');
  });
});
