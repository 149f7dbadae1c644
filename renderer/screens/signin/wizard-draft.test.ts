import { describe, expect, it } from 'vitest';
import { parseStoreProfile, storeProfileV1 } from '../../../shared/store-profile';
import {
  addressLines,
  firstProblemStep,
  initialDraft,
  stepProblems,
  withLanguage,
  withLocale,
  wizardProfile,
  type Suggested,
  type WizardDraft,
} from './wizard-draft';

const none: ReadonlySet<Suggested> = new Set();

/** A draft every step accepts: a café in Dublin. */
function filled(overrides: Partial<WizardDraft> = {}): WizardDraft {
  return {
    ...initialDraft({ locale: 'en-IE', timeZone: 'Europe/Dublin' }),
    name: 'Harbour Bean',
    legalName: 'Harbour Bean Coffee Ltd',
    address: '3 Quay Street\n\n  Galway H91 X2K7  \nIreland',
    taxNumber: 'IE 3456789KH',
    ownerName: 'Maeve',
    pin: '5827',
    pinAgain: '5827',
    ...overrides,
  };
}

describe('the wizard’s defaults', () => {
  it('follow the browser’s locale and time zone: currency, receipt language, tax mode and the country’s rates', () => {
    expect(initialDraft({ locale: 'de-DE', timeZone: 'Europe/Berlin' })).toMatchObject({
      locale: 'de-DE',
      currency: 'EUR',
      language: 'de',
      timeZone: 'Europe/Berlin',
      taxMode: 'inclusive',
      rates: [
        { label: 'Normal', rate: '19' },
        { label: 'Ermäßigt', rate: '7' },
      ],
      tokenFirst: '1',
      tokenLast: '40',
      starter: 'cafe',
    });
    // US sales tax is added at the till and differs by state: no rates are guessed.
    expect(initialDraft({ locale: 'en-US', timeZone: 'America/New_York' })).toMatchObject({
      currency: 'USD',
      language: 'en',
      taxMode: 'exclusive',
      rates: [{ rate: '10' }, { rate: '0' }],
    });
    // A browser language close to one offered takes it; anything else starts in Ireland, in UTC when the zone is unknown.
    expect(initialDraft({ locale: 'es', timeZone: 'Europe/Madrid' })).toMatchObject({
      locale: 'es-ES',
      language: 'es',
      rates: [
        { label: 'General', rate: '21' },
        { label: 'Reducido', rate: '10' },
      ],
    });
    expect(initialDraft({ locale: 'not a locale', timeZone: 'Mars/Olympus' })).toMatchObject({
      locale: 'en-IE',
      currency: 'EUR',
      timeZone: 'UTC',
      rates: [{ rate: '23' }, { rate: '13.5' }],
    });
  });

  it('change with the locale until the owner sets a field by hand', () => {
    const draft = initialDraft({ locale: 'en-IE', timeZone: 'UTC' });
    expect(withLocale(draft, 'en-GB', none)).toMatchObject({
      currency: 'GBP',
      rates: [
        { label: 'Standard', rate: '20' },
        { label: 'Zero', rate: '0' },
      ],
    });
    expect(withLocale(draft, 'de-CH', none)).toMatchObject({ currency: 'CHF', language: 'de', rates: [{ rate: '8.1' }, { rate: '2.6' }] });
    const chosen = new Set<Suggested>(['currency', 'rates']);
    const mine = { ...draft, currency: 'USD', rates: [{ label: 'House', rate: '5' }] };
    expect(withLocale(mine, 'de-AT', chosen)).toMatchObject({ locale: 'de-AT', currency: 'USD', language: 'de', rates: [{ label: 'House', rate: '5' }] });
    // A locale half typed changes nothing else yet.
    expect(withLocale(draft, 'fr-', none)).toEqual({ ...draft, locale: 'fr-' });
    expect(withLanguage(draft, 'es', none).rates.map((rate) => rate.label)).toEqual(['General', 'Reducido']);
    expect(withLanguage(mine, 'es', chosen).rates).toEqual(mine.rates);
  });
});

describe('each step’s problems', () => {
  it('the store: every field is printed on the receipt and so required; the address takes 1 to 4 lines', () => {
    const empty = initialDraft({});
    expect(stepProblems('store', empty)).toEqual({
      name: 'a name is required',
      legalName: 'the legal name is printed on every receipt; it is required',
      address: 'give the address in 1 to 4 lines of at most 80 characters',
      taxNumber: 'the tax number is printed on every receipt; it is required',
    });
    expect(stepProblems('store', filled())).toEqual({});
    expect(addressLines(filled().address)).toEqual(['3 Quay Street', 'Galway H91 X2K7', 'Ireland']);
    expect(stepProblems('store', filled({ address: 'a\nb\nc\nd\ne' }))).toHaveProperty('address');
    expect(stepProblems('store', filled({ address: `${'x'.repeat(81)}\nDublin` })).address).toBe('at most 80 characters');
    expect(stepProblems('store', filled({ name: 'x'.repeat(81) }))).toEqual({ name: 'at most 80 characters' });
  });

  it('money and place: a currency, a locale and a time zone the computer knows', () => {
    expect(stepProblems('money', filled())).toEqual({});
    expect(stepProblems('money', filled({ currency: 'EURO', locale: 'xx-!!', timeZone: 'Mars/Olympus' }))).toEqual({
      currency: 'use a three-letter ISO 4217 code such as EUR',
      locale: 'unknown locale',
      timeZone: 'that is not a time zone this computer knows (use a name like Europe/Dublin)',
    });
  });

  it('tax: each rate named, a percentage with at most three decimals, no rate twice', () => {
    expect(stepProblems('tax', filled())).toEqual({});
    const rates = [
      { label: '', rate: '20' },
      { label: 'Reduced', rate: '8.8755' },
      { label: 'Food', rate: '20 %' },
      { label: 'Odd', rate: 'ten' },
    ];
    expect(stepProblems('tax', filled({ rates }))).toEqual({
      'rates.0.label': 'give the rate a name',
      'rates.1.rate': 'a rate has at most three decimals',
      'rates.2.rate': 'each tax rate may appear only once',
      'rates.3.rate': 'a rate is a number such as 10 or 8.875',
    });
    expect(stepProblems('tax', filled({ rates: [] }))).toEqual({ rates: 'the store needs at least one tax rate' });
  });

  it('tokens: whole numbers, the first not after the last, at most 1000 of them', () => {
    expect(stepProblems('tokens', filled())).toEqual({});
    expect(stepProblems('tokens', filled({ tokenFirst: '1.5', tokenLast: '' }))).toEqual({
      tokenFirst: 'a token is a whole number from 0 to 9999',
      tokenLast: 'a token is a whole number from 0 to 9999',
    });
    expect(stepProblems('tokens', filled({ tokenFirst: '50', tokenLast: '10' }))).toEqual({ tokenFirst: 'the first token must not be after the last' });
    expect(stepProblems('tokens', filled({ tokenFirst: '0', tokenLast: '1000' }))).toEqual({ tokenLast: 'a token pool holds at most 1000 tokens' });
  });

  it('the review: the owner’s name, a PIN of 4 to 8 digits, typed the same twice', () => {
    expect(stepProblems('review', filled())).toEqual({});
    expect(stepProblems('review', filled({ ownerName: ' ', pin: '12', pinAgain: '12' }))).toEqual({
      ownerName: 'a name is required',
      pin: 'a PIN is 4 to 8 digits',
    });
    expect(stepProblems('review', filled({ pinAgain: '5828' }))).toEqual({ pinAgain: 'the two PINs are not the same' });
    expect(firstProblemStep(filled({ tokenLast: '0', ownerName: '' }))?.step).toBe('tokens');
    expect(firstProblemStep(filled())).toBeNull();
  });
});

describe('the profile the wizard builds', () => {
  it('is a store profile the host will accept, for every starter, language and a few currencies', () => {
    for (const starter of ['cafe', 'salon', 'empty'] as const) {
      for (const locale of ['en-IE', 'de-DE', 'es-ES', 'de-CH', 'en-US', 'en-GB']) {
        const draft = withLocale(filled({ starter }), locale, none);
        const profile = wizardProfile(draft);
        expect(storeProfileV1.safeParse(profile).success, `${starter} ${locale}`).toBe(true);
        const parsed = parseStoreProfile(JSON.stringify(profile));
        expect(parsed.ok ? [] : parsed.problems, `${starter} ${locale}`).toEqual([]);
      }
    }
  });

  it('holds the answers, the owner alone, and the starter in the receipt language at the standard rate', () => {
    const draft = withLocale(filled({ starter: 'cafe', tokenFirst: ' 5 ', tokenLast: '24' }), 'es-ES', none);
    const profile = wizardProfile(draft);
    expect(profile).toMatchObject({
      format: 'aftertab.store-profile',
      version: 1,
      name: 'Harbour Bean',
      address: ['3 Quay Street', 'Galway H91 X2K7', 'Ireland'],
      currency: 'EUR',
      locale: 'es-ES',
      language: 'es',
      timeZone: 'Europe/Dublin',
      taxMode: 'inclusive',
      taxRates: [
        { label: 'General', rateMilli: 21_000 },
        { label: 'Reducido', rateMilli: 10_000 },
      ],
      tokenFirst: 5,
      tokenLast: 24,
      cashRoundingMinor: 1,
      staff: [{ name: 'Maeve', role: 'owner' }],
    });
    expect(profile.catalog.items.find((item) => item.name === 'Café con leche')).toEqual({
      name: 'Café con leche',
      category: 'Café',
      kind: 'product',
      priceMinor: 440,
      rateMilli: 21_000,
    });
    // Francs have no 1-centime coin: cash rounds to 0.05.
    expect(wizardProfile(withLocale(filled(), 'de-CH', none)).cashRoundingMinor).toBe(5);
    const salon = wizardProfile(filled({ starter: 'salon' }));
    expect(
      salon.catalog.items.filter((item) => item.kind === 'service').every((item) => (item.durationMinutes ?? 0) > 0 && (item.expectText ?? '').length > 0),
    ).toBe(true);
    expect(wizardProfile(filled({ starter: 'empty' })).catalog).toEqual({ categories: [], items: [] });
  });
});
