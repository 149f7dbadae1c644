import type { RateDraft } from '../settings/settings-form';
import type { z } from 'zod';
import { cashRoundingSteps } from '../../../shared/domain/denominations';
import { rateLabel, type TaxMode } from '../../../shared/domain/tax';
import { languages, type Language } from '../../../shared/i18n/languages';
import { currencyExponent, isKnownCurrency } from '../../../shared/money';
import * as s from '../../../shared/schemas';
import { starterCatalog, starterWords, type StarterChoice } from '../../../shared/starter-catalogs';
import { PROFILE_MAX_TOKENS, STORE_PROFILE_FORMAT, STORE_PROFILE_VERSION, type storeProfileV1 } from '../../../shared/store-profile';
import { parseRate, RATE_PROBLEMS } from '../../format/rate-text';
import { hasMessage, t, type MessageKey } from '../../i18n/t';

/**
 * The first-run wizard's state and rules, apart from its screens: what each step holds (text as
 * typed), the defaults a locale suggests, each step's problems by field, and the store profile
 * the whole draft makes. The host reads that profile again as a file is read; these checks only
 * let the owner fix a field on the step it belongs to.
 */

export const wizardSteps = ['store', 'money', 'tax', 'tokens', 'catalog', 'review'] as const;
export type WizardStep = (typeof wizardSteps)[number];

/** A tax rate as typed: the settings form's own draft of one. */
export type { RateDraft };

export type WizardDraft = {
  name: string;
  legalName: string;
  /** The address as typed, one printed line per line. */
  address: string;
  taxNumber: string;
  currency: string;
  locale: string;
  timeZone: string;
  language: Language;
  taxMode: TaxMode;
  rates: RateDraft[];
  tokenFirst: string;
  tokenLast: string;
  starter: StarterChoice;
  ownerName: string;
  pin: string;
  pinAgain: string;
};

/** The fields a locale fills in until the owner changes them by hand. */
export type Suggested = 'currency' | 'language' | 'taxMode' | 'rates';

/** Problems by field: "name", "address", "rates.1.rate", "pin"… in the screen's words. */
export type WizardProblems = Record<string, string>;

/** The locales offered first; any other BCP 47 tag can be typed. */
export const wizardLocales = ['en-IE', 'en-GB', 'en-US', 'de-DE', 'de-AT', 'de-CH', 'es-ES', 'es-MX', 'fr-FR', 'it-IT', 'nl-NL'] as const;
/** The currencies offered first; every other ISO 4217 code follows them. */
export const commonCurrencies = ['EUR', 'GBP', 'USD', 'CHF'] as const;

export const MAX_RATES = 8;
export const ADDRESS_LINES = 4;
const DEFAULT_LOCALE = 'en-IE';
/** The ledger's own defaults for what the wizard does not ask (Settings changes them). */
const DAY_BOUNDARY_MINUTES = 4 * 60;
const AMBER_MINUTES = 45;
const RED_MINUTES = 90;

type CountryDefaults = { currency: string; taxMode?: TaxMode; rates?: readonly [number, number] };

/**
 * What a country's café or salon usually starts with: the currency, and the standard and reduced
 * VAT rates (thousandths of a percent) where they are plain to pick. Where they are not (US sales
 * tax differs by state), the rates stay as they are for the owner to type.
 */
const countries: Record<string, CountryDefaults> = {
  IE: { currency: 'EUR', rates: [23_000, 13_500] },
  GB: { currency: 'GBP', rates: [20_000, 0] },
  US: { currency: 'USD', taxMode: 'exclusive' },
  DE: { currency: 'EUR', rates: [19_000, 7_000] },
  AT: { currency: 'EUR', rates: [20_000, 10_000] },
  CH: { currency: 'CHF', rates: [8_100, 2_600] },
  ES: { currency: 'EUR', rates: [21_000, 10_000] },
  MX: { currency: 'MXN', rates: [16_000, 0] },
  FR: { currency: 'EUR', rates: [20_000, 10_000] },
  IT: { currency: 'EUR', rates: [22_000, 10_000] },
  NL: { currency: 'EUR', rates: [21_000, 9_000] },
};

export function isKnownLocale(locale: string): boolean {
  return s.locale.safeParse(locale).success;
}

function countryOf(locale: string): string | null {
  try {
    return new Intl.Locale(locale).maximize().region ?? null;
  } catch {
    return null;
  }
}

/** The receipt language a locale suggests: its own when Aftertab prints in it, else English. */
export function languageFor(locale: string): Language {
  const base = locale.split('-')[0]?.toLowerCase() ?? '';
  return (languages as readonly string[]).includes(base) ? (base as Language) : 'en';
}

/** Rates for a locale's country in a language: standard first (the starter items take it), then reduced. */
export function ratesFor(locale: string, language: Language): RateDraft[] {
  const words = starterWords[language];
  const preset = countries[countryOf(locale) ?? '']?.rates;
  const [standard, reduced] = preset ?? [10_000, 0];
  return [
    { label: words.standardRate, rate: rateLabel(standard) },
    { label: reduced === 0 ? words.zeroRate : words.reducedRate, rate: rateLabel(reduced) },
  ];
}

/** The locale this browser suggests, as one of the offered ones where it is close enough. */
export function suggestedLocale(browser: string | undefined): string {
  if (!browser || !isKnownLocale(browser)) return DEFAULT_LOCALE;
  const exact = wizardLocales.find((locale) => locale.toLowerCase() === browser.toLowerCase());
  if (exact) return exact;
  const language = browser.split('-')[0]?.toLowerCase();
  return wizardLocales.find((locale) => locale.startsWith(`${language}-`)) ?? DEFAULT_LOCALE;
}

export function initialDraft(env: { locale?: string; timeZone?: string }): WizardDraft {
  const locale = suggestedLocale(env.locale);
  const language = languageFor(locale);
  const country = countries[countryOf(locale) ?? ''];
  return {
    name: '',
    legalName: '',
    address: '',
    taxNumber: '',
    currency: country?.currency ?? 'EUR',
    locale,
    timeZone: env.timeZone && s.timeZone.safeParse(env.timeZone).success ? env.timeZone : 'UTC',
    language,
    taxMode: country?.taxMode ?? 'inclusive',
    rates: ratesFor(locale, language),
    tokenFirst: '1',
    tokenLast: '40',
    starter: 'cafe',
    ownerName: '',
    pin: '',
    pinAgain: '',
  };
}

/**
 * A new locale: the fields it suggests follow it, unless the owner has set them by hand. A new
 * receipt language renames the suggested rates in it.
 */
export function withLocale(draft: WizardDraft, locale: string, chosen: ReadonlySet<Suggested>): WizardDraft {
  const next = { ...draft, locale };
  if (!isKnownLocale(locale)) return next;
  const country = countries[countryOf(locale) ?? ''];
  if (!chosen.has('language')) next.language = languageFor(locale);
  if (!chosen.has('currency') && country) next.currency = country.currency;
  if (!chosen.has('taxMode')) next.taxMode = country?.taxMode ?? 'inclusive';
  if (!chosen.has('rates')) next.rates = ratesFor(locale, next.language);
  return next;
}

export function withLanguage(draft: WizardDraft, language: Language, chosen: ReadonlySet<Suggested>): WizardDraft {
  return { ...draft, language, rates: chosen.has('rates') ? draft.rates : ratesFor(draft.locale, language) };
}

export function addressLines(address: string): string[] {
  return address
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** A zod check's refusal in the screen's words: its own message where the catalogue has it. */
function problemOf(schema: z.ZodType, value: unknown, fallback: MessageKey, vars: Record<string, string | number> = {}): string | null {
  const result = schema.safeParse(value);
  if (result.success) return null;
  const issue = result.error.issues[0];
  if (issue?.code === 'too_big' && issue.origin === 'string') return t('firstRun.wizard.tooLong', { max: Number(issue.maximum) });
  const message = issue?.message ?? '';
  return hasMessage(message) ? t(message) : t(fallback, vars);
}

/** A token number as typed: a whole number the pool may hold, or null. */
function tokenOf(text: string): number | null {
  if (!/^\d{1,4}$/.test(text.trim())) return null;
  return Number(text.trim());
}

/** The problems of one step's fields; none means the step may be left forward. */
export function stepProblems(step: WizardStep, draft: WizardDraft): WizardProblems {
  const problems: WizardProblems = {};
  const check = (field: string, problem: string | null): void => {
    if (problem) problems[field] = problem;
  };
  switch (step) {
    case 'store': {
      check('name', problemOf(s.requiredName(80), draft.name, 'errors.field.nameRequired'));
      check('legalName', problemOf(s.readableText(120).min(1, 'firstRun.wizard.legalNameRequired'), draft.legalName, 'firstRun.wizard.legalNameRequired'));
      const lines = addressLines(draft.address);
      if (lines.length === 0 || lines.length > ADDRESS_LINES) check('address', t('firstRun.wizard.addressLines', { max: ADDRESS_LINES }));
      else
        check(
          'address',
          lines.map((line) => problemOf(s.readableText(80), line, 'firstRun.wizard.addressLines', { max: ADDRESS_LINES })).find(Boolean) ?? null,
        );
      check('taxNumber', problemOf(s.readableText(40).min(1, 'firstRun.wizard.taxNumberRequired'), draft.taxNumber, 'firstRun.wizard.taxNumberRequired'));
      break;
    }
    case 'money':
      check('currency', problemOf(s.currency, draft.currency.trim().toUpperCase(), 'errors.field.currency'));
      check('locale', problemOf(s.locale, draft.locale.trim(), 'errors.field.locale'));
      check('timeZone', problemOf(s.timeZone, draft.timeZone, 'errors.field.timeZone'));
      break;
    case 'tax': {
      const seen = new Set<number>();
      if (draft.rates.length === 0) check('rates', t('settings.error.rateNeeded'));
      draft.rates.forEach((rate, i) => {
        check(`rates.${i}.label`, problemOf(s.readableText(40).min(1, 'settings.error.rateLabel'), rate.label, 'settings.error.rateLabel'));
        const parsed = parseRate(rate.rate);
        if (!parsed.ok) check(`rates.${i}.rate`, t(RATE_PROBLEMS[parsed.reason]));
        else if (seen.has(parsed.rateMilli)) check(`rates.${i}.rate`, t('errors.rateTwice'));
        else seen.add(parsed.rateMilli);
      });
      break;
    }
    case 'tokens': {
      const first = tokenOf(draft.tokenFirst);
      const last = tokenOf(draft.tokenLast);
      if (first === null) check('tokenFirst', t('firstRun.wizard.tokenNumber'));
      if (last === null) check('tokenLast', t('firstRun.wizard.tokenNumber'));
      if (first !== null && last !== null) {
        if (first > last) check('tokenFirst', t('errors.tokenOrder'));
        else if (last - first + 1 > PROFILE_MAX_TOKENS) check('tokenLast', t('errors.tokenPoolSize', { max: PROFILE_MAX_TOKENS }));
      }
      break;
    }
    case 'catalog':
      break;
    case 'review':
      check('ownerName', problemOf(s.requiredName(40), draft.ownerName, 'errors.field.nameRequired'));
      check('pin', problemOf(s.pin, draft.pin, 'errors.field.pin'));
      if (!problems.pin && draft.pin !== draft.pinAgain) check('pinAgain', t('errors.field.pinAgain'));
      break;
  }
  return problems;
}

/** The first step with a problem, and its problems; null when the whole draft is ready. */
export function firstProblemStep(draft: WizardDraft): { step: WizardStep; problems: WizardProblems } | null {
  for (const step of wizardSteps) {
    const problems = stepProblems(step, draft);
    if (Object.keys(problems).length > 0) return { step, problems };
  }
  return null;
}

export type ProfileInput = z.input<typeof storeProfileV1>;

/** The currency as typed, read as a code: upper case, and EUR until it is one. */
export function currencyOf(draft: WizardDraft): string {
  const code = draft.currency.trim().toUpperCase();
  return isKnownCurrency(code) ? code : 'EUR';
}

/** The standard rate (the first one, which the starter items take), in thousandths of a percent. */
export function standardRate(draft: WizardDraft): number {
  const first = draft.rates[0];
  const parsed = first ? parseRate(first.rate) : null;
  return parsed?.ok ? parsed.rateMilli : 0;
}

/**
 * The store profile the draft makes (docs/STORE-PROFILE.md): the wizard's answers, the ledger's
 * defaults for what it does not ask, the starter catalog in the receipt language with every item
 * at the standard rate, and the owner as the only person. Call once every step is free of problems.
 */
export function wizardProfile(draft: WizardDraft): ProfileInput {
  const currency = currencyOf(draft);
  const rateMilli = standardRate(draft);
  return {
    format: STORE_PROFILE_FORMAT,
    version: STORE_PROFILE_VERSION,
    name: draft.name.trim(),
    legalName: draft.legalName.trim(),
    address: addressLines(draft.address),
    taxNumber: draft.taxNumber.trim(),
    currency,
    locale: draft.locale.trim(),
    language: draft.language,
    timeZone: draft.timeZone,
    dayBoundaryMinutes: DAY_BOUNDARY_MINUTES,
    taxMode: draft.taxMode,
    taxRates: draft.rates.map((rate) => {
      const parsed = parseRate(rate.rate);
      return { label: rate.label.trim(), rateMilli: parsed.ok ? parsed.rateMilli : 0 };
    }),
    tokenFirst: tokenOf(draft.tokenFirst) ?? 1,
    tokenLast: tokenOf(draft.tokenLast) ?? 40,
    payAfterTerms: starterWords[draft.language].payAfterTerms,
    amberMinutes: AMBER_MINUTES,
    redMinutes: RED_MINUTES,
    // No rounding where the currency has a coin of one minor unit; else its smallest coin (CHF 0.05).
    cashRoundingMinor: cashRoundingSteps(currency)[0] ?? 1,
    catalog: starterCatalog(draft.starter, draft.language, currencyExponent(currency), rateMilli),
    staff: [{ name: draft.ownerName.trim(), role: 'owner' }],
  };
}

/** How a step changes the draft: a field or more, and which suggested ones the owner set by hand. */
export type WizardEdit = {
  set(patch: Partial<WizardDraft>, chosen?: Suggested): void;
  setLocale(locale: string): void;
  setLanguage(language: Language): void;
};

export type StepProps = { draft: WizardDraft; problems: WizardProblems; edit: WizardEdit };
