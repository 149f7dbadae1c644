import { z } from 'zod';
import { contract } from './contract';
import * as s from './schemas';
import { depositPolicy, openingHours } from './salon-schemas';
import { loyaltySettings } from './loyalty-schemas';
import { currencyExponent, formatMoney } from './money';
import { cashRoundingSteps, denominationsFor } from './domain/denominations';
import { rateLabel } from './domain/tax';
import { errorEnglish, isErrorKey, type ErrorKey } from './i18n/errors-en';
import type { Params } from './i18n/format-message';
import { languages } from './i18n/languages';
import * as receipt from './receipt-header';
import { printerPapers } from './device-types';

/**
 * A store profile: one JSON file holding everything a store is (its name and receipt header,
 * money and time rules, tax, tokens, policies, a starter catalog, staff, backups, printer), so
 * an installer can ship a store set up once. docs/STORE-PROFILE.md documents every field.
 *
 * The field schemas are the ones the commands use (store.update, catalog.createItem,
 * staff.create, backup.configure), taken from the contract, so a profile can never hold a value
 * the app itself would refuse. What the commands check against the ledger (a category that
 * exists, a rate the store has) is checked here against the rest of the file.
 */

export const STORE_PROFILE_FORMAT = 'aftertab.store-profile';
export const STORE_PROFILE_VERSION = 1;

/** The same limit store.update applies to the token pool (electron/services/store.ts). */
export const PROFILE_MAX_TOKENS = 1000;

/** The languages a store's receipts, slips and Z can be printed in. */
export const profileLanguages = languages;

/** Receipt paper the printer takes: a 58 or 80 mm roll, or A4 sheets. */
export const profilePapers = printerPapers;

const store = contract['store.update'].input.shape;
const item = contract['catalog.createItem'].input.shape;
const category = contract['catalog.createCategory'].input.shape;
const staff = contract['staff.create'].input.shape;
const backup = contract['backup.configure'].input.shape;

/**
 * This file's own refusals, in plain words. They are keys (not text) in the schema so that the
 * wording step below can tell them from zod's built-in messages.
 */
const profileWords = {
  'profile.address': 'give the address as a list of 1 to 4 lines, as it is printed on the receipt',
  'profile.addressLine': 'an address line cannot be empty',
  'profile.taxNumber': 'the tax number printed on every receipt is required',
  'profile.logo': 'the logo is the file name of a PNG or JPEG beside profile.json, such as "logo.png" (letters, digits, - _ . only; no folders)',
  'profile.categoryName': 'a category name is required',
} as const;
type ProfileWord = keyof typeof profileWords;

function isProfileWord(value: string): value is ProfileWord {
  return Object.hasOwn(profileWords, value);
}

/**
 * The logo: a file beside profile.json, by name. Not a data URL: the profile is a file people
 * read and review by hand, and a logo as base64 would be one line of many kilobytes. The
 * installer ships the store's folder, so the file travels with the profile. No SVG: it can carry
 * scripts, and a receipt needs only a picture.
 */
const logo = z
  .string()
  .max(100, 'profile.logo')
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*\.(png|jpe?g)$/i, 'profile.logo')
  .refine((name) => !name.includes('..'), 'profile.logo');

const categoryName = category.name;

/** Fields every catalog entry has. The category is named, as listed in catalog.categories; none leaves it uncategorised. */
const entryFields = {
  name: item.name,
  category: categoryName.nullable().optional(),
  priceMinor: item.priceMinor,
  rateMilli: item.rateMilli,
};

/** A product takes no time and has no "what to expect" text, as in catalog.createItem. */
const productEntry = z
  .object({
    ...entryFields,
    kind: z.literal('product'),
    durationMinutes: z.null({ error: 'errors.productMinutes' }).optional(),
    expectText: z.literal('', { error: 'errors.productExpect' }).optional(),
  })
  .strict();

/** A service says how long it takes (required) and may tell the customer what to expect. */
const serviceEntry = z
  .object({
    ...entryFields,
    kind: z.literal('service'),
    durationMinutes: item.durationMinutes.unwrap().unwrap(),
    expectText: item.expectText.default(''),
  })
  .strict();

const catalogEntry = z.discriminatedUnion('kind', [productEntry, serviceEntry]);

const catalog = z
  .object({
    categories: z.array(categoryName).max(60),
    items: z.array(catalogEntry).max(1000),
  })
  .strict();

/** A person on the PIN pad: a name and a role. No PIN: each sets theirs at first sign-in. */
const staffMember = z.object({ name: staff.name, role: staff.role }).strict();

/** A full path (POSIX, a Windows drive or a network share): the profile is read on another computer. */
const absoluteFolder = backup.folder.unwrap().refine((folder) => /^(\/|[A-Za-z]:[\\/]|\\\\[^\\])/.test(folder), 'errors.backup.folderRelative');

const backupSettings = z
  .object({
    /** Left out: the backups folder inside the data folder. */
    folder: absoluteFolder.optional(),
    keep: backup.keep.unwrap(),
    everyMinutes: backup.everyMinutes,
  })
  .strict();

/** Hints for this PC's printer settings at first run; the PC's own settings win afterwards. */
const printerHints = z
  .object({
    paper: z.enum(profilePapers),
    /** Part of the system printer's name to pick, e.g. "TM-T20"; left out: the system's default printer. */
    name: s.readableText(120).min(1, 'errors.field.nameRequired').optional(),
  })
  .strict();

/**
 * How a per-store installer is built from this profile (scripts/store-build.ts); the app itself
 * never reads it. Branded: the build has its own app id and package name, so it installs beside
 * Aftertab and beside other stores' builds instead of replacing them.
 */
const buildOptions = z.object({ branded: z.boolean() }).strict();

/** The loyalty setting as store.update takes it, with the stamp card's category named instead of numbered. */
const profileLoyalty = loyaltySettings.omit({ categoryId: true }).extend({ category: categoryName.nullable() }).strict();

export const storeProfileV1 = z
  .object({
    format: z.literal(STORE_PROFILE_FORMAT),
    version: z.literal(STORE_PROFILE_VERSION),

    name: store.name.unwrap(),
    // The receipt header as store.update takes it (shared/receipt-header.ts), here required.
    legalName: receipt.legalName.min(1, 'errors.field.nameRequired'),
    address: z.array(receipt.addressLine.min(1, 'profile.addressLine')).min(1, 'profile.address').max(receipt.ADDRESS_LINES_MAX, 'profile.address'),
    taxNumber: receipt.taxNumber.min(1, 'profile.taxNumber'),
    logo: logo.optional(),

    currency: store.currency.unwrap(),
    locale: store.locale.unwrap(),
    language: z.enum(profileLanguages),
    timeZone: store.timeZone.unwrap(),
    dayBoundaryMinutes: store.dayBoundaryMinutes.unwrap(),
    openingHours: openingHours.optional(),

    taxMode: store.taxMode.unwrap(),
    taxRates: store.taxRates.unwrap(),
    tokenFirst: store.tokenFirst.unwrap(),
    tokenLast: store.tokenLast.unwrap(),
    payAfterTerms: store.payAfterTerms.unwrap(),
    amberMinutes: store.amberMinutes.unwrap(),
    redMinutes: store.redMinutes.unwrap(),
    cashRoundingMinor: store.cashRoundingMinor.unwrap(),

    depositPolicy: depositPolicy.optional(),
    loyalty: profileLoyalty.optional(),

    idleLockMinutes: store.idleLockMinutes,
    approvalCompPercent: store.approvalCompPercent,
    approvalCompMinor: store.approvalCompMinor,
    tipConfirmPercent: store.tipConfirmPercent,
    tipApprovalPercent: store.tipApprovalPercent,

    catalog,
    staff: z.array(staffMember).min(1).max(100),
    backup: backupSettings.optional(),
    printer: printerHints.optional(),
    build: buildOptions.optional(),
  })
  .strict();

export type StoreProfile = z.output<typeof storeProfileV1>;

/** One problem: where (catalog.items[3].priceMinor) and the whole sentence, which starts with that path. */
export type ProfileProblem = { path: string; message: string };

export type ProfileParse = { ok: true; profile: StoreProfile } | { ok: false; problems: ProfileProblem[] };

type PathKey = PropertyKey;

/** catalog.items[3].priceMinor; the file as a whole is "profile". */
export function profilePath(path: readonly PathKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) text += text ? `.${key}` : key;
    else text += `[${JSON.stringify(String(key))}]`;
  }
  return text || 'profile';
}

class Problems {
  readonly list: ProfileProblem[] = [];
  private readonly seen = new Set<string>();

  add(path: readonly PathKey[], words: string): void {
    const where = profilePath(path);
    // One problem per field: a second one for the same value only repeats the first.
    if (this.seen.has(where)) return;
    this.seen.add(where);
    this.list.push({ path: where, message: `${where}: ${words}` });
  }
}

function keyText(key: ErrorKey, params: Params = {}): string {
  return errorEnglish(key, params);
}

const minorUnitNames: Record<string, string> = { JPY: 'yen', KRW: 'won', GBP: 'pence', KWD: 'fils', BHD: 'fils', JOD: 'fils' };

/**
 * Why an amount with decimals is refused, in the currency's own terms: amounts are counted in
 * its smallest unit, so EUR 4.40 is 440 and ¥440 is 440.
 */
function minorUnitWords(currency: string, locale: string): string {
  const exponent = currencyExponent(currency);
  const unit =
    minorUnitNames[currency] ??
    (exponent === 0 ? `whole ${currency}` : exponent === 2 ? 'cents' : exponent === 3 ? `thousandths of a ${currency}` : `minor units of ${currency}`);
  const example = 440 * 10 ** Math.max(0, exponent - 2);
  return `must be a whole number of ${unit}: amounts are written in the currency's smallest unit, so ${formatMoney(example, currency, locale)} is written ${example}`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

const typeWords: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text in quotes',
  object: 'an object { … }',
  array: 'a list [ … ]',
  boolean: 'true or false',
  null: 'null',
};

type MoneyContext = { currency: string; locale: string } | null;

/** One zod issue in plain words (the path is added by the caller). */
function issueWords(issue: z.core.$ZodIssue, money: MoneyContext): string {
  const message = issue.message;
  if (isProfileWord(message)) return profileWords[message];
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return isErrorKey(message) ? `is required: ${keyText(message)}` : 'is required';
  }
  const last = issue.path.at(-1);
  if (money && typeof last === 'string' && last.endsWith('Minor') && issue.code === 'invalid_type' && issue.expected === 'int') {
    return minorUnitWords(money.currency, money.locale);
  }
  if (isErrorKey(message)) return keyText(message);
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${typeWords[issue.expected] ?? issue.expected}`;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? 'cannot be empty' : `must be at least ${plural(min, 'character', 'characters')}`;
      if (issue.origin === 'array') return `needs at least ${plural(min, 'entry', 'entries')}`;
      return issue.inclusive === false ? `must be more than ${min}` : `must be at least ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `must be at most ${plural(max, 'character', 'characters')}`;
      if (issue.origin === 'array') return `holds at most ${plural(max, 'entry', 'entries')}`;
      return issue.inclusive === false ? `must be less than ${max}` : `must be at most ${max}`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      return options ? `must be one of ${options.map((v) => JSON.stringify(v)).join(', ')}` : 'does not match any allowed form';
    }
    case 'not_multiple_of':
      return `must be a multiple of ${Number(issue.divisor)}`;
    case 'invalid_format':
      return 'is not in the expected format';
    default:
      return message;
  }
}

function addIssues(problems: Problems, error: z.ZodError, money: MoneyContext): void {
  // A number past 2^53 also fails the amount's own "too large"; that one says it better.
  const tooLarge = new Set(error.issues.filter((i) => i.code === 'too_big' && i.origin === 'number').map((i) => profilePath(i.path)));
  for (const issue of error.issues) {
    if (issue.code === 'too_big' && issue.origin === 'int' && tooLarge.has(profilePath(issue.path))) continue;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const inStaff = issue.path[0] === 'staff' && issue.path.length === 2;
        problems.add(
          [...issue.path, key],
          inStaff && key.toLowerCase().includes('pin')
            ? 'a profile holds no PINs: each person sets theirs at first sign-in'
            : 'is not a field of a store profile here; check its spelling and where it sits (docs/STORE-PROFILE.md)',
        );
      }
      continue;
    }
    problems.add(issue.path, issueWords(issue, money));
  }
}

/** The value if this piece of the file is valid on its own, else undefined (its problem is already listed). */
function valid<T extends z.ZodType>(schema: T, value: unknown): z.output<T> | undefined {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}

function field(raw: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(raw, key) ? raw[key] : undefined;
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * The rules that tie one field to another, as the commands check them against the ledger: the
 * token pool, the board's colours, the rates, cash rounding, the catalog's references, loyalty's
 * category, the owners. Each runs on the pieces that are valid on their own, so every problem is
 * listed at once.
 */
function crossCheck(raw: Record<string, unknown>, problems: Problems, money: MoneyContext): void {
  const tokenFirst = valid(storeProfileV1.shape.tokenFirst, field(raw, 'tokenFirst'));
  const tokenLast = valid(storeProfileV1.shape.tokenLast, field(raw, 'tokenLast'));
  if (tokenFirst !== undefined && tokenLast !== undefined) {
    if (tokenFirst > tokenLast) problems.add(['tokenFirst'], keyText('errors.tokenOrder'));
    else if (tokenLast - tokenFirst + 1 > PROFILE_MAX_TOKENS) problems.add(['tokenLast'], keyText('errors.tokenPoolSize', { max: PROFILE_MAX_TOKENS }));
  }

  const amber = valid(storeProfileV1.shape.amberMinutes, field(raw, 'amberMinutes'));
  const red = valid(storeProfileV1.shape.redMinutes, field(raw, 'redMinutes'));
  if (amber !== undefined && red !== undefined && amber >= red) problems.add(['amberMinutes'], keyText('errors.amberAfterRed'));

  const rates = new Set<number>();
  const rawRates = listOf(field(raw, 'taxRates'));
  rawRates.forEach((rate, index) => {
    const rateMilli = valid(s.rateMilli, (rate as { rateMilli?: unknown } | null)?.rateMilli);
    if (rateMilli === undefined) return;
    if (rates.has(rateMilli)) problems.add(['taxRates', index, 'rateMilli'], keyText('errors.rateTwice'));
    rates.add(rateMilli);
  });
  const ratesKnown = valid(storeProfileV1.shape.taxRates, rawRates) !== undefined;

  const rounding = valid(storeProfileV1.shape.cashRoundingMinor, field(raw, 'cashRoundingMinor'));
  if (money && rounding !== undefined) {
    const steps = cashRoundingSteps(money.currency);
    if (!steps.includes(rounding)) {
      if (denominationsFor(money.currency).length === 0)
        problems.add(['cashRoundingMinor'], keyText('errors.cashRoundingNoCoins', { currency: money.currency }));
      else {
        const listed = steps.map((step) => `${step} (${formatMoney(step, money.currency, money.locale)})`).join(', ');
        problems.add(['cashRoundingMinor'], keyText('errors.cashRoundingStep', { currency: money.currency, steps: listed }));
      }
    }
  }

  const rawCatalog = field(raw, 'catalog');
  const catalogObject = rawCatalog !== null && typeof rawCatalog === 'object' ? (rawCatalog as Record<string, unknown>) : {};
  // Category names are compared as the catalog does: one "Coffee" and one "coffee" are the same.
  const categories = new Set<string>();
  listOf(field(catalogObject, 'categories')).forEach((rawName, index) => {
    const name = valid(categoryName, rawName);
    if (name === undefined) return;
    if (categories.has(name.toLowerCase())) problems.add(['catalog', 'categories', index], keyText('errors.categoryExists', { name }));
    categories.add(name.toLowerCase());
  });
  const categoriesKnown = valid(catalog.shape.categories, field(catalogObject, 'categories')) !== undefined;
  const rateList = [...rates].map((rate) => `${rateLabel(rate)} % (${rate})`).join(', ');
  listOf(field(catalogObject, 'items')).forEach((rawItem, index) => {
    const entry = valid(catalogEntry, rawItem);
    if (!entry) return;
    if (entry.category != null && categoriesKnown && !categories.has(entry.category.toLowerCase())) {
      problems.add(['catalog', 'items', index, 'category'], `"${entry.category}" is not one of catalog.categories`);
    }
    if (ratesKnown && !rates.has(entry.rateMilli)) {
      problems.add(['catalog', 'items', index, 'rateMilli'], `${keyText('errors.rateUnknown')}; taxRates has ${rateList}`);
    }
  });

  const loyalty = valid(profileLoyalty, field(raw, 'loyalty'));
  if (loyalty) {
    if (loyalty.scheme === 'stamps' && loyalty.category === null) problems.add(['loyalty', 'category'], keyText('errors.loyalty.categoryNeeded'));
    else if (loyalty.category !== null && categoriesKnown && !categories.has(loyalty.category.toLowerCase())) {
      problems.add(['loyalty', 'category'], `"${loyalty.category}" is not one of catalog.categories`);
    }
  }

  const people = listOf(field(raw, 'staff'));
  const names = new Set<string>();
  let owners = 0;
  let allValid = true;
  people.forEach((rawPerson, index) => {
    const person = valid(staffMember, rawPerson);
    if (!person) {
      allValid = false;
      return;
    }
    if (person.role === 'owner') owners += 1;
    if (names.has(person.name.toLowerCase())) problems.add(['staff', index, 'name'], keyText('errors.staff.nameTaken', { name: person.name }));
    names.add(person.name.toLowerCase());
  });
  // Only when every person's role could be read: an owner with a misspelt role is listed by path already.
  if (allValid && people.length > 0 && owners === 0) problems.add(['staff'], 'at least one owner: someone must be able to change the settings and add staff');
}

/** A JSON syntax error with its line and column, counted from 1. */
function syntaxProblem(text: string, error: unknown): ProfileProblem {
  const raw = error instanceof Error ? error.message : String(error);
  const at = /at position (\d+)/.exec(raw);
  const position = at ? Number(at[1]) : text.length;
  const before = text.slice(0, position).split(/\r\n|\r|\n/);
  const line = before.length;
  const column = (before.at(-1)?.length ?? 0) + 1;
  const reason = raw
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/\s*(in JSON )?at position \d+/, '')
    .replace(/^SyntaxError:\s*/, '');
  const words = reason ? `${reason.charAt(0).toLowerCase()}${reason.slice(1)}` : 'unreadable';
  return { path: 'profile', message: `profile: not valid JSON at line ${line}, column ${column}: ${words}` };
}

/**
 * Reads a profile file's text: the whole profile, or every problem in it by path, never a part.
 * A profile of a newer version is refused with a message of its own and nothing else, since its
 * fields may mean what this version cannot know.
 */
export function parseStoreProfile(text: string): ProfileParse {
  // Editors on Windows may save a byte-order mark, which JSON.parse does not accept.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (error) {
    return { ok: false, problems: [syntaxProblem(body, error)] };
  }
  const problems = new Problems();
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.add([], 'must be a JSON object { … } with "format": "aftertab.store-profile"');
    return { ok: false, problems: problems.list };
  }
  const top = raw as Record<string, unknown>;
  if (field(top, 'format') !== STORE_PROFILE_FORMAT) {
    problems.add(['format'], `must be "${STORE_PROFILE_FORMAT}"; this file is not an Aftertab store profile`);
    return { ok: false, problems: problems.list };
  }
  const version = field(top, 'version');
  if (typeof version === 'number' && Number.isSafeInteger(version) && version > STORE_PROFILE_VERSION) {
    problems.add(
      ['version'],
      `this profile is version ${version}, made by a newer Aftertab; this one reads version ${STORE_PROFILE_VERSION}. Install the newer Aftertab to use it`,
    );
    return { ok: false, problems: problems.list };
  }
  if (version !== STORE_PROFILE_VERSION) {
    problems.add(['version'], `must be ${STORE_PROFILE_VERSION}, the version this Aftertab reads`);
    return { ok: false, problems: problems.list };
  }

  const currency = valid(storeProfileV1.shape.currency, field(top, 'currency'));
  const locale = valid(storeProfileV1.shape.locale, field(top, 'locale')) ?? 'en';
  const money = currency ? { currency, locale } : null;

  const result = storeProfileV1.safeParse(top, { reportInput: true });
  if (!result.success) addIssues(problems, result.error, money);
  crossCheck(top, problems, money);
  if (problems.list.length > 0 || !result.success) return { ok: false, problems: problems.list };
  return { ok: true, profile: result.data };
}
