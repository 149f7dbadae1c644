import type { CommandInput } from '../../../shared/contract';
import { TIP_CONFIRM_PERCENT_MAX, TIP_CONFIRM_PERCENT_MIN } from '../../../shared/domain/large-amounts';
import { rateLabel, type TaxMode } from '../../../shared/domain/tax';
import type { LoyaltySettings } from '../../../shared/loyalty-types';
import type { StoreSettings } from '../../../shared/types';
import { amountInputText } from '../../format/amount-text';
import { parseRate, RATE_PROBLEMS } from '../../format/rate-text';
import type { MoneyTools } from '../../hooks/use-money';
import type { MessageKey } from '../../i18n/t';
import { loyaltyDraft, parseLoyalty, type LoyaltyDraft } from '../loyalty/loyalty-draft';
import { formatBoundary, parseBoundary } from './day-boundary';
import { hoursDraft, parseHours, parsePolicy, policyDraft, type DayDraft, type PolicyDraft } from './salon-settings';
import { addressText, parseAddress } from './receipt-settings';
import type { Language } from '../../../shared/i18n/languages';

/** What the settings form holds: text exactly as typed, parsed only when saving. */
export type RateDraft = { label: string; rate: string };
export type SettingsForm = {
  name: string;
  currency: string;
  locale: string;
  taxMode: TaxMode;
  taxRates: RateDraft[];
  tokenFirst: string;
  tokenLast: string;
  cashRoundingMinor: string;
  amberMinutes: string;
  redMinutes: string;
  /** Whole percent of the bill above which a tip is confirmed at the counter. */
  tipConfirmPercent: string;
  /** Whole percent of the bill above which a tip needs a manager's or owner's PIN. */
  tipApprovalPercent: string;
  /** Minutes without a touch before the counter locks itself. */
  idleLockMinutes: string;
  /** A comp above this share (whole percent) or this amount (money text) needs a manager. */
  approvalCompPercent: string;
  approvalCompMinor: string;
  payAfterTerms: string;
  /** The business day's boundary as typed, "04:00". */
  dayBoundaryMinutes: string;
  timeZone: string;
  /** The salon's week, Monday first, and its deposit policy, as typed. */
  openingHours: DayDraft[];
  depositPolicy: PolicyDraft;
  /** The loyalty scheme and its figures, as typed; saved whole when any part changed. */
  loyalty: LoyaltyDraft;
  /** The receipt's head: legal name, the address one printed line per line, tax number, logo (a data URL or none). */
  legalName: string;
  address: string;
  taxNumber: string;
  logo: string | null;
  /** What receipts, token slips and the Z are printed in. */
  language: Language;
};
export type FormKey = keyof SettingsForm;
export type StoreUpdate = CommandInput<'store.update'>;

/**
 * A problem found before sending: where it goes (a form key or "taxRates.0.rate") and its words,
 * as a message key or as text already in words (what the money parser says about an amount).
 */
export type FieldProblem = { key: MessageKey; vars?: Record<string, string | number> } | { text: string };
export type BuildResult = { ok: true; update: StoreUpdate; changed: FormKey[] } | { ok: false; problems: Record<string, FieldProblem> };

/** The idle lock the ledger accepts, in minutes. */
const IDLE_LOCK_MIN = 1;
const IDLE_LOCK_MAX = 240;

const FORM_KEYS: FormKey[] = [
  'name',
  'currency',
  'locale',
  'taxMode',
  'taxRates',
  'tokenFirst',
  'tokenLast',
  'cashRoundingMinor',
  'amberMinutes',
  'redMinutes',
  'tipConfirmPercent',
  'tipApprovalPercent',
  'idleLockMinutes',
  'approvalCompPercent',
  'approvalCompMinor',
  'payAfterTerms',
  'dayBoundaryMinutes',
  'timeZone',
  'openingHours',
  'depositPolicy',
  'loyalty',
  'legalName',
  'address',
  'taxNumber',
  'logo',
  'language',
];

export function formOf(s: StoreSettings): SettingsForm {
  return {
    name: s.name,
    currency: s.currency,
    locale: s.locale,
    taxMode: s.taxMode,
    taxRates: s.taxRates.map((r) => ({ label: r.label, rate: rateLabel(r.rateMilli) })),
    tokenFirst: String(s.tokenFirst),
    tokenLast: String(s.tokenLast),
    cashRoundingMinor: String(s.cashRoundingMinor),
    amberMinutes: String(s.amberMinutes),
    redMinutes: String(s.redMinutes),
    tipConfirmPercent: String(s.tipConfirmPercent),
    tipApprovalPercent: String(s.tipApprovalPercent),
    idleLockMinutes: String(s.idleLockMinutes),
    approvalCompPercent: String(s.approvalCompPercent),
    approvalCompMinor: amountInputText(s.approvalCompMinor, s.exponent, s.locale),
    payAfterTerms: s.payAfterTerms,
    // The business day's rules the next day will use: a change waiting for the Z, else those in force.
    dayBoundaryMinutes: formatBoundary((s.pendingDay ?? s).dayBoundaryMinutes),
    timeZone: (s.pendingDay ?? s).timeZone,
    openingHours: hoursDraft(s.openingHours),
    depositPolicy: policyDraft(s.depositPolicy, s.exponent, s.locale),
    loyalty: loyaltyDraft(s.loyalty, s.exponent, s.locale),
    legalName: s.legalName,
    address: addressText(s.address),
    taxNumber: s.taxNumber,
    logo: s.logo,
    language: s.language,
  };
}

function same<K extends FormKey>(a: SettingsForm[K], b: SettingsForm[K]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields the person has changed from what the store holds. */
export function changedKeys(draft: SettingsForm, base: SettingsForm): FormKey[] {
  return FORM_KEYS.filter((k) => !same(draft[k], base[k]));
}

/**
 * The store changed underneath the form (another window, a save): take the new value for every
 * field the person has not touched, and leave what they are typing alone.
 */
export function rebase(draft: SettingsForm, oldBase: SettingsForm, newBase: SettingsForm): SettingsForm {
  const next = { ...draft };
  for (const k of FORM_KEYS) {
    if (same(draft[k], oldBase[k])) (next as Record<FormKey, unknown>)[k] = newBase[k];
  }
  return next;
}

function wholeNumber(text: string, min: number, max: number): number | FieldProblem {
  const clean = text.trim();
  if (!/^\d{1,9}$/.test(clean)) return { key: 'settings.error.wholeNumber', vars: { min, max } };
  const value = Number(clean);
  return value < min || value > max ? { key: 'settings.error.wholeNumber', vars: { min, max } } : value;
}

type WholeKey =
  'tokenFirst' | 'tokenLast' | 'amberMinutes' | 'redMinutes' | 'tipConfirmPercent' | 'tipApprovalPercent' | 'idleLockMinutes' | 'approvalCompPercent';

/** The comp approval amount in minor units of the currency being saved, or what to fix. */
function compAmount(text: string, money: MoneyTools): number | FieldProblem {
  if (text.trim() === '') return { key: 'errors.field.amountMissing' };
  const parsed = money.parse(text);
  if (!parsed.ok) return { text: parsed.message };
  return parsed.minor < 0 ? { key: 'errors.field.amountNegative' } : parsed.minor;
}

/**
 * The store.update input for the changed fields only, or the problems to show next to each
 * field. Checks here are the ones a person can fix by retyping; the rules that depend on the
 * ledger (a locked currency, open tabs) stay with the main process. `money` reads amounts in
 * the currency and locale the form is about to save; `held` is the loyalty setting the store holds,
 * kept for the figures a scheme does not use when what is typed there does not read.
 */
export function buildUpdate(draft: SettingsForm, base: SettingsForm, money: MoneyTools, held: LoyaltySettings): BuildResult {
  const changed = changedKeys(draft, base);
  const update: StoreUpdate = {};
  const problems: Record<string, FieldProblem> = {};
  const whole = (k: WholeKey, min: number, max: number): void => {
    const value = wholeNumber(draft[k], min, max);
    if (typeof value === 'number') update[k] = value;
    else problems[k] = value;
  };
  for (const k of changed) {
    switch (k) {
      case 'name': {
        const name = draft.name.trim();
        if (name) update.name = name;
        else problems.name = { key: 'settings.error.nameRequired' };
        break;
      }
      case 'currency': {
        const currency = draft.currency.trim().toUpperCase();
        if (/^[A-Z]{3}$/.test(currency)) update.currency = currency;
        else problems.currency = { key: 'settings.error.currencyCode' };
        break;
      }
      case 'locale':
        update.locale = draft.locale.trim();
        break;
      case 'taxMode':
        update.taxMode = draft.taxMode;
        break;
      case 'taxRates': {
        const rates = draft.taxRates.map((r, i) => {
          const label = r.label.trim();
          if (!label) problems[`taxRates.${i}.label`] = { key: 'settings.error.rateLabel' };
          const parsed = parseRate(r.rate);
          if (!parsed.ok) problems[`taxRates.${i}.rateMilli`] = { key: RATE_PROBLEMS[parsed.reason] };
          return { label, rateMilli: parsed.ok ? parsed.rateMilli : 0 };
        });
        if (rates.length === 0) problems.taxRates = { key: 'settings.error.rateNeeded' };
        update.taxRates = rates;
        break;
      }
      case 'tokenFirst':
        whole('tokenFirst', 0, 9999);
        break;
      case 'tokenLast':
        whole('tokenLast', 0, 9999);
        break;
      case 'amberMinutes':
        whole('amberMinutes', 1, 1440);
        break;
      case 'redMinutes':
        whole('redMinutes', 1, 1440);
        break;
      case 'tipConfirmPercent':
        whole('tipConfirmPercent', TIP_CONFIRM_PERCENT_MIN, TIP_CONFIRM_PERCENT_MAX);
        break;
      case 'tipApprovalPercent':
        whole('tipApprovalPercent', TIP_CONFIRM_PERCENT_MIN, TIP_CONFIRM_PERCENT_MAX);
        break;
      case 'idleLockMinutes':
        whole('idleLockMinutes', IDLE_LOCK_MIN, IDLE_LOCK_MAX);
        break;
      case 'approvalCompPercent':
        whole('approvalCompPercent', 0, 100);
        break;
      case 'approvalCompMinor':
        // Sent below, with the currency it is counted in.
        break;
      case 'cashRoundingMinor':
        update.cashRoundingMinor = Number(draft.cashRoundingMinor);
        break;
      case 'payAfterTerms':
        update.payAfterTerms = draft.payAfterTerms.trim();
        break;
      case 'dayBoundaryMinutes': {
        const minutes = parseBoundary(draft.dayBoundaryMinutes);
        if (minutes === null) problems.dayBoundaryMinutes = { key: 'day.error.boundary' };
        else update.dayBoundaryMinutes = minutes;
        break;
      }
      case 'timeZone':
        // Whether the zone exists is the ledger's call (it answers by this field).
        update.timeZone = draft.timeZone.trim();
        break;
      case 'openingHours':
        update.openingHours = parseHours(draft.openingHours, problems);
        break;
      case 'depositPolicy':
        update.depositPolicy = parsePolicy(draft.depositPolicy, base.depositPolicy, money, problems);
        break;
      case 'loyalty':
        update.loyalty = parseLoyalty(draft.loyalty, held, money, problems);
        break;
      case 'legalName':
        update.legalName = draft.legalName.trim();
        break;
      case 'address': {
        const lines = parseAddress(draft.address);
        if (Array.isArray(lines)) update.address = lines;
        else problems.address = lines;
        break;
      }
      case 'taxNumber':
        update.taxNumber = draft.taxNumber.trim();
        break;
      case 'logo':
        // Read and checked when it was picked (receipt-settings.ts); the ledger checks it again.
        update.logo = draft.logo;
        break;
      case 'language':
        update.language = draft.language;
        break;
    }
  }
  // A typed amount is read in the currency being saved with it. One left alone is not sent: the
  // ledger keeps its figure, shown in the new currency once saved.
  if (changed.includes('approvalCompMinor')) {
    const amount = compAmount(draft.approvalCompMinor, money);
    if (typeof amount === 'number') update.approvalCompMinor = amount;
    else problems.approvalCompMinor = amount;
  }
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, update, changed };
}

/**
 * Where a refusal from the main process belongs on the form: its own field when the form shows
 * one ("taxRates.1.label"), else the nearest section ("taxRates"), else null (by the Save button).
 */
export function placeServerError(field: string | undefined, shown: readonly string[]): string | null {
  if (!field) return null;
  let path = field;
  for (;;) {
    if (shown.includes(path)) return path;
    const cut = path.lastIndexOf('.');
    if (cut < 0) return null;
    path = path.slice(0, cut);
  }
}
