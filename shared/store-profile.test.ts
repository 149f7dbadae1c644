import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStoreProfile, profilePath, type ProfileProblem } from './store-profile';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Profile = Record<string, Json>;

/** A small salon that is valid: every test below changes one thing in a fresh copy of it. */
function salon(): Profile {
  return {
    format: 'aftertab.store-profile',
    version: 1,
    name: 'Studio Nord',
    legalName: 'Studio Nord GmbH',
    address: ['Lindenstraße 4', '20095 Hamburg'],
    taxNumber: 'DE 123456789',
    logo: 'logo.png',
    currency: 'EUR',
    locale: 'de-DE',
    language: 'de',
    timeZone: 'Europe/Berlin',
    dayBoundaryMinutes: 240,
    openingHours: [
      null,
      { open: 540, close: 1080 },
      { open: 540, close: 1080 },
      { open: 540, close: 1200 },
      { open: 540, close: 1080 },
      { open: 540, close: 960 },
      null,
    ],
    taxMode: 'inclusive',
    taxRates: [
      { rateMilli: 19_000, label: 'Standard' },
      { rateMilli: 7000, label: 'Reduced' },
    ],
    tokenFirst: 1,
    tokenLast: 20,
    payAfterTerms: 'Pay at the desk when you are done.',
    amberMinutes: 90,
    redMinutes: 150,
    cashRoundingMinor: 1,
    depositPolicy: { mode: 'fixed', fixedMinor: 2000, percent: 0, freeCancelHours: 24, forfeitPercent: 50 },
    loyalty: { scheme: 'stamps', category: 'Cuts', stampsEvery: 8, pointsSpendMinor: 100, pointValueMinor: 1, pointsMin: 100 },
    catalog: {
      categories: ['Cuts', 'Retail'],
      items: [
        {
          name: 'Cut & blow-dry',
          category: 'Cuts',
          kind: 'service',
          priceMinor: 5500,
          rateMilli: 19_000,
          durationMinutes: 60,
          expectText: 'Washed, cut and dried.',
        },
        { name: 'Fringe trim', category: 'Cuts', kind: 'service', priceMinor: 900, rateMilli: 19_000, durationMinutes: 15 },
        { name: 'Shampoo', category: 'Retail', kind: 'product', priceMinor: 1800, rateMilli: 19_000 },
        { name: 'Gift card', category: null, kind: 'product', priceMinor: 2500, rateMilli: 7000 },
      ],
    },
    staff: [
      { name: 'Jana', role: 'owner' },
      { name: 'Lukas', role: 'manager' },
      { name: 'Mia', role: 'staff' },
    ],
    backup: { folder: 'D:\\Aftertab\\Backups', keep: 30 },
    printer: { paper: '80mm', name: 'TM-T20' },
  };
}

function cafe(): Profile {
  const profile = salon();
  delete profile.openingHours;
  delete profile.depositPolicy;
  delete profile.loyalty;
  delete profile.logo;
  delete profile.backup;
  delete profile.printer;
  return {
    ...profile,
    name: 'Kaffee Eck',
    currency: 'JPY',
    locale: 'ja-JP',
    language: 'en',
    timeZone: 'Asia/Tokyo',
    taxRates: [{ rateMilli: 10_000, label: '標準' }],
    catalog: { categories: ['コーヒー'], items: [{ name: 'ブレンド', category: 'コーヒー', kind: 'product', priceMinor: 480, rateMilli: 10_000 }] },
    staff: [{ name: 'Sato', role: 'owner' }],
  };
}

function problemsOf(profile: unknown): ProfileProblem[] {
  const result = parseStoreProfile(JSON.stringify(profile, null, 2));
  if (result.ok) throw new Error('expected the profile to be refused');
  return result.problems;
}

/** Messages with Intl's no-break spaces (in "4,40 €") written as plain ones, to compare. */
function messages(profile: unknown): string[] {
  return problemsOf(profile).map((p) => p.message.replace(/[\u00a0\u202f]/g, ' '));
}

function items(profile: Profile): Record<string, Json>[] {
  return (profile.catalog as { items: Record<string, Json>[] }).items;
}

describe('a valid store profile', () => {
  it('is read whole, with the defaults a service leaves out filled in', () => {
    const result = parseStoreProfile(JSON.stringify(salon()));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.profile.name).toBe('Studio Nord');
    expect(result.profile.catalog.items[1]).toMatchObject({ kind: 'service', durationMinutes: 15, expectText: '' });
    expect(result.profile.loyalty?.category).toBe('Cuts');
    expect(result.profile.staff.map((p) => p.role)).toEqual(['owner', 'manager', 'staff']);
  });

  it('may leave out the salon, loyalty, logo, backup and printer parts (a café in yen)', () => {
    const result = parseStoreProfile(JSON.stringify(cafe()));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.profile.openingHours).toBeUndefined();
  });

  it('accepts a byte-order mark and trims text as the commands do', () => {
    const profile = salon();
    profile.name = '  Studio Nord \u200b';
    const result = parseStoreProfile(`\uFEFF${JSON.stringify(profile)}`);
    expect(result.ok && result.profile.name).toBe('Studio Nord');
  });
});

describe('a refused store profile', () => {
  it('names a price with decimals in the currency’s own unit', () => {
    const profile = salon();
    items(profile)[2]!.priceMinor = 18.5;
    expect(messages(profile)).toEqual([
      "catalog.items[2].priceMinor: must be a whole number of cents: amounts are written in the currency's smallest unit, so 4,40 € is written 440",
    ]);
    const yen = cafe();
    items(yen)[0]!.priceMinor = 480.5;
    expect(messages(yen)[0]).toMatch(/^catalog\.items\[0\]\.priceMinor: must be a whole number of yen: .* is written 440$/);
  });

  it('refuses a price past the largest amount or past a safe integer as too large, once', () => {
    const profile = salon();
    items(profile)[0]!.priceMinor = 2 ** 60;
    items(profile)[1]!.priceMinor = 1_000_000_000_001;
    items(profile)[2]!.priceMinor = -1;
    expect(messages(profile)).toEqual([
      'catalog.items[0].priceMinor: that amount is too large',
      'catalog.items[1].priceMinor: that amount is too large',
      'catalog.items[2].priceMinor: an amount cannot be negative',
    ]);
  });

  it('lists every problem at once, each by its path, and returns no profile', () => {
    const profile = salon();
    profile.name = '';
    delete profile.legalName;
    profile.tokenFirst = 30;
    profile.amberMinutes = 200;
    profile.currency = 'EURO';
    items(profile)[0]!.durationMinutes = 7;
    items(profile)[3]!.category = 'Gifts';
    const result = parseStoreProfile(JSON.stringify(profile));
    expect(result).not.toHaveProperty('profile');
    expect(result.ok).toBe(false);
    expect(problemsOf(profile).map((p) => p.path)).toEqual([
      'name',
      'legalName',
      'currency',
      'catalog.items[0].durationMinutes',
      'tokenFirst',
      'amberMinutes',
      'catalog.items[3].category',
    ]);
    expect(messages(profile)).toContain('catalog.items[0].durationMinutes: a service takes 5 to 600 minutes, in steps of 5');
    expect(messages(profile)).toContain('legalName: is required');
  });

  it('refuses unknown keys by their path, and a PIN in words of its own', () => {
    const profile = salon();
    profile.storeName = 'Studio Nord';
    (profile.printer as Record<string, Json>).width = 80;
    items(profile)[0]!.colour = 'red';
    (profile.staff as Record<string, Json>[])[1]!.pin = '1234';
    expect(messages(profile)).toEqual([
      'catalog.items[0].colour: is not a field of a store profile here; check its spelling and where it sits (docs/STORE-PROFILE.md)',
      'staff[1].pin: a profile holds no PINs: each person sets theirs at first sign-in',
      'printer.width: is not a field of a store profile here; check its spelling and where it sits (docs/STORE-PROFILE.md)',
      'storeName: is not a field of a store profile here; check its spelling and where it sits (docs/STORE-PROFILE.md)',
    ]);
  });

  it('applies the catalog commands’ rules: a product has no duration or text, a service needs a duration', () => {
    const profile = salon();
    items(profile)[2]!.durationMinutes = 10;
    items(profile)[3]!.expectText = 'Lovely';
    delete items(profile)[1]!.durationMinutes;
    items(profile)[0]!.kind = 'treatment';
    expect(messages(profile)).toEqual([
      'catalog.items[0].kind: must be one of "product", "service"',
      'catalog.items[1].durationMinutes: is required: a service takes 5 to 600 minutes, in steps of 5',
      'catalog.items[2].durationMinutes: a product takes no time; only a service has a duration',
      'catalog.items[3].expectText: a product has no "what to expect" text; only a service has one',
    ]);
  });

  it('checks references inside the file: categories, tax rates, loyalty’s category', () => {
    const profile = salon();
    (profile.catalog as { categories: string[] }).categories.push('cuts');
    items(profile)[2]!.rateMilli = 16_000;
    (profile.loyalty as Record<string, Json>).category = 'Colour';
    (profile.taxRates as Json[]).push({ rateMilli: 7000, label: 'Again' });
    expect(messages(profile)).toEqual([
      'taxRates[2].rateMilli: each tax rate may appear only once',
      'catalog.categories[2]: a category called "cuts" already exists',
      'catalog.items[2].rateMilli: that tax rate is not one of the store’s rates; taxRates has 19 % (19000), 7 % (7000)',
      'loyalty.category: "Colour" is not one of catalog.categories',
    ]);
    const card = salon();
    (card.loyalty as Record<string, Json>).category = null;
    expect(messages(card)).toEqual(['loyalty.category: choose the category the stamp card collects']);
  });

  it('needs an owner, and names people once each', () => {
    const profile = salon();
    profile.staff = [
      { name: 'Jana', role: 'manager' },
      { name: 'jana', role: 'staff' },
    ];
    expect(messages(profile)).toEqual([
      'staff[1].name: someone active is already called jana',
      'staff: at least one owner: someone must be able to change the settings and add staff',
    ]);
    const noOne = salon();
    noOne.staff = [];
    expect(messages(noOne)).toEqual(['staff: needs at least 1 entry']);
    const misspelt = salon();
    misspelt.staff = [{ name: 'Jana', role: 'Owner' }];
    expect(messages(misspelt)).toEqual(['staff[0].role: must be one of "owner", "manager", "staff"']);
  });

  it('checks cash rounding against the currency’s coins, opening hours, deposits and the token pool', () => {
    const profile = salon();
    profile.cashRoundingMinor = 2;
    (profile.openingHours as Json[])[1] = { open: 1080, close: 540 };
    (profile.depositPolicy as Record<string, Json>).fixedMinor = 0;
    profile.tokenLast = 1500;
    expect(messages(profile)).toEqual([
      'openingHours[1].close: a day closes after it opens',
      'depositPolicy.fixedMinor: a fixed deposit must be more than zero',
      'tokenLast: a token pool holds at most 1000 tokens',
      'cashRoundingMinor: cash in EUR can be rounded only to a step its coins make: 1 (0,01 €), 5 (0,05 €), 10 (0,10 €)',
    ]);
  });

  it('refuses a relative backup folder, a logo that is not a file beside the profile, and a language it does not ship', () => {
    const profile = salon();
    (profile.backup as Record<string, Json>).folder = 'backups';
    profile.logo = '../images/logo.svg';
    profile.language = 'fr';
    expect(problemsOf(profile).map((p) => p.path)).toEqual(['logo', 'language', 'backup.folder']);
    for (const good of ['/media/usb/backups', 'E:\\Aftertab', 'C:/Aftertab', '\\\\nas\\backups']) {
      const ok = salon();
      (ok.backup as Record<string, Json>).folder = good;
      expect(parseStoreProfile(JSON.stringify(ok)).ok).toBe(true);
    }
  });

  it('takes an optional build part for per-store installers: branded true or false, and nothing else', () => {
    for (const branded of [true, false]) {
      const result = parseStoreProfile(JSON.stringify({ ...salon(), build: { branded } }));
      expect(result.ok && result.profile.build).toEqual({ branded });
    }
    expect(messages({ ...salon(), build: { branded: 'yes' } })).toEqual(['build.branded: must be true or false']);
    expect(messages({ ...salon(), build: { branded: true, appId: 'com.example' } })).toEqual([
      'build.appId: is not a field of a store profile here; check its spelling and where it sits (docs/STORE-PROFILE.md)',
    ]);
    expect(messages({ ...salon(), build: {} }).map((m) => m.split(':')[0])).toEqual(['build.branded']);
  });

  it('reports a JSON syntax error with its line and column', () => {
    const text = '{\n  "format": "aftertab.store-profile",\n  "version" 1\n}';
    expect(problemsOf(JSON.parse('null'))[0]?.path).toBe('profile');
    const result = parseStoreProfile(text);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toEqual([{ path: 'profile', message: expect.stringMatching(/^profile: not valid JSON at line 3, column 13: /) as string }]);
    const empty = parseStoreProfile('');
    expect(!empty.ok && empty.problems[0]?.message).toMatch(/^profile: not valid JSON at line 1, column 1: /);
  });

  it('refuses a newer version with a message of its own, and nothing else', () => {
    const profile = { ...salon(), version: 2, unknownNewField: true, name: '' };
    expect(messages(profile)).toEqual([
      'version: this profile is version 2, made by a newer Aftertab; this one reads version 1. Install the newer Aftertab to use it',
    ]);
    expect(messages({ ...salon(), version: 0 })).toEqual(['version: must be 1, the version this Aftertab reads']);
    expect(messages({ ...salon(), version: '1' })).toEqual(['version: must be 1, the version this Aftertab reads']);
  });

  it('refuses a file that is not a store profile without going through its fields', () => {
    expect(messages({ ...salon(), format: 'something-else' })).toEqual([
      'format: must be "aftertab.store-profile"; this file is not an Aftertab store profile',
    ]);
    expect(messages([salon()])).toEqual(['profile: must be a JSON object { … } with "format": "aftertab.store-profile"']);
  });
});

describe('every problem message', () => {
  const paths: (string | number)[][] = [];
  (function walk(value: Json, path: (string | number)[]) {
    paths.push(path);
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  })(salon(), []);
  const settable = paths.filter((p) => p.length > 0 && p[0] !== 'format' && p[0] !== 'version');
  const junk = fc.constantFrom<Json | undefined>(undefined, null, '', ' ', 'x', -1, 0, 1.5, 2 ** 60, 99_999, true, [], {}, [1], { a: 1 }, 'owner', 'service');

  function set(root: Profile, path: (string | number)[], value: Json | undefined): void {
    let node: Json = root;
    for (const key of path.slice(0, -1)) node = (node as Record<string | number, Json>)[key]!;
    const last = path.at(-1)!;
    if (value === undefined) {
      if (Array.isArray(node)) node.splice(Number(last), 1);
      else delete (node as Record<string, Json>)[last];
    } else (node as Record<string | number, Json>)[last] = value;
  }

  it('starts with its path, and a refusal never carries a profile', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...settable), junk), { minLength: 1, maxLength: 6 }),
        fc.option(fc.string({ minLength: 1, maxLength: 8 })),
        (changes, extraKey) => {
          const profile = salon();
          for (const [path, value] of changes) {
            try {
              // A copy each time: the same generated value set at two paths must not make the profile refer to itself.
              set(profile, path, structuredClone(value));
            } catch {
              // An earlier change removed the parent of this path; the rest still apply.
            }
          }
          if (extraKey !== null && !(extraKey in profile)) profile[extraKey] = 1;
          const result = parseStoreProfile(JSON.stringify(profile));
          if (result.ok) return;
          expect(result).not.toHaveProperty('profile');
          expect(result.problems.length).toBeGreaterThan(0);
          for (const problem of result.problems) {
            expect(problem.message.startsWith(`${problem.path}: `)).toBe(true);
            expect(problem.message.length).toBeGreaterThan(problem.path.length + 4);
            expect(problem.path).toMatch(/^(profile|[A-Za-z_$][\w$]*|\["(?:[^"\\]|\\.)*"\])(\.[A-Za-z_$][\w$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])*$/);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('writes paths as they are read: dots for fields, brackets for positions', () => {
    expect(profilePath(['catalog', 'items', 3, 'priceMinor'])).toBe('catalog.items[3].priceMinor');
    expect(profilePath([])).toBe('profile');
    expect(profilePath(['tax rate'])).toBe('["tax rate"]');
  });
});
