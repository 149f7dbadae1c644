import { DomainError } from '../../shared/errors';
import { currencyExponent, formatMoney } from '../../shared/money';
import type { ParsedInput } from '../../shared/contract';
import type { StoreSettings, TaxRate } from '../../shared/types';
import type { DepositMode, OpeningHours } from '../../shared/salon-types';
import { cashRoundingSteps, denominationsFor } from '../../shared/domain/denominations';
import type { TaxMode } from '../../shared/domain/tax';
import { forgetBusinessDay, writeAudit, writesAtCommandStart } from '../ledger/journal';
import { readKept } from '../ledger/table-watch';
import { statement } from '../ledger/statements';
import type { Db } from '../ledger/open';
import type { ServiceContext } from './context';
import { loyaltyFromRow, writeLoyaltySettings, type LoyaltyRow } from './loyalty-settings';
import type { Language } from '../../shared/i18n/languages';
import { checkLogoDataUrl, logoKindOf } from '../../shared/receipt-header';

type SettingsRow = LoyaltyRow & {
  name: string;
  currency: string;
  locale: string;
  tax_mode: TaxMode;
  tax_rates_json: string;
  token_first: number;
  token_last: number;
  cash_rounding_minor: number;
  amber_minutes: number;
  red_minutes: number;
  tip_confirm_percent: number;
  pay_after_terms: string;
  day_boundary_minutes: number;
  time_zone: string;
  idle_lock_minutes: number;
  approval_comp_percent: number;
  approval_comp_minor: number;
  tip_approval_percent: number;
  next_time_zone: string | null;
  next_day_boundary_minutes: number | null;
  opening_hours_json: string;
  deposit_mode: DepositMode;
  deposit_fixed_minor: number;
  deposit_percent: number;
  free_cancel_hours: number;
  forfeit_percent: number;
  legal_name: string;
  address_json: string;
  tax_number: string;
  logo: Buffer | null;
  language: Language;
};

type BusinessDay = { timeZone: string; dayBoundaryMinutes: number };

export const MAX_TOKENS = 1000;

export function readSettings(db: Db): StoreSettings {
  const row = statement<[], SettingsRow>(db, 'SELECT * FROM store_settings WHERE id = 1').get();
  if (!row) throw new Error('store settings are missing; the ledger was not bootstrapped');
  return {
    openingHours: JSON.parse(row.opening_hours_json) as OpeningHours,
    depositPolicy: {
      mode: row.deposit_mode,
      fixedMinor: row.deposit_fixed_minor,
      percent: row.deposit_percent,
      freeCancelHours: row.free_cancel_hours,
      forfeitPercent: row.forfeit_percent,
    },
    loyalty: loyaltyFromRow(row),
    name: row.name,
    currency: row.currency,
    exponent: currencyExponent(row.currency),
    locale: row.locale,
    taxMode: row.tax_mode,
    taxRates: JSON.parse(row.tax_rates_json) as TaxRate[],
    tokenFirst: row.token_first,
    tokenLast: row.token_last,
    cashRoundingMinor: row.cash_rounding_minor,
    amberMinutes: row.amber_minutes,
    redMinutes: row.red_minutes,
    tipConfirmPercent: row.tip_confirm_percent,
    payAfterTerms: row.pay_after_terms,
    dayBoundaryMinutes: row.day_boundary_minutes,
    timeZone: row.time_zone,
    idleLockMinutes: row.idle_lock_minutes,
    approvalCompPercent: row.approval_comp_percent,
    approvalCompMinor: row.approval_comp_minor,
    tipApprovalPercent: row.tip_approval_percent,
    legalName: row.legal_name,
    address: JSON.parse(row.address_json) as string[],
    taxNumber: row.tax_number,
    logo: logoDataUrl(row.logo),
    language: row.language,
    currencyLocked: statement(db, 'SELECT 1 FROM journal_entries LIMIT 1').get() !== undefined,
    businessDayLocked: hasZ(db),
    pendingDay:
      row.next_time_zone !== null && row.next_day_boundary_minutes !== null
        ? { timeZone: row.next_time_zone, dayBoundaryMinutes: row.next_day_boundary_minutes }
        : null,
  };
}

/** The few settings the counter's commands need (opening a tab, taking a payment), without the rest of the row and its logo. */
export type CounterSettings = Pick<StoreSettings, 'taxMode' | 'tokenFirst' | 'tokenLast' | 'currency' | 'locale' | 'tipConfirmPercent' | 'cashRoundingMinor'>;

export function readCounterSettings(db: Db): CounterSettings {
  // Read on every tab opened and payment taken: kept until the store's settings are written.
  return readKept(db, 'counter-settings', ['store_settings'], () => readCounterRow(db), writesAtCommandStart(db));
}

function readCounterRow(db: Db): CounterSettings {
  const row = statement<[], CounterSettings>(
    db,
    `SELECT tax_mode AS taxMode, token_first AS tokenFirst, token_last AS tokenLast, currency, locale, tip_confirm_percent AS tipConfirmPercent,
       cash_rounding_minor AS cashRoundingMinor FROM store_settings WHERE id = 1`,
  ).get();
  if (!row) throw new Error('store settings are missing; the ledger was not bootstrapped');
  return row;
}

/** Whether a Z has been printed: from then on the business day's rules change only at the next Z. */
export function hasZ(db: Db): boolean {
  return statement(db, 'SELECT 1 FROM z_reports LIMIT 1').get() !== undefined;
}

/**
 * The time zone and day boundary this update asks for, each taken from the input or else from
 * what is already waiting or in force. Null when the input names neither.
 */
export function askedBusinessDay(
  settings: Pick<StoreSettings, 'timeZone' | 'dayBoundaryMinutes' | 'pendingDay'>,
  input: Partial<BusinessDay>,
): BusinessDay | null {
  if (input.timeZone === undefined && input.dayBoundaryMinutes === undefined) return null;
  const waiting = settings.pendingDay ?? settings;
  return { timeZone: input.timeZone ?? waiting.timeZone, dayBoundaryMinutes: input.dayBoundaryMinutes ?? waiting.dayBoundaryMinutes };
}

/**
 * Called by the Z in its own transaction, after the report is frozen: a waiting time zone or day
 * boundary becomes the one in force, so the day just closed was counted by the rules it began with
 * and the next one by the new rules.
 */
export function applyPendingBusinessDay(ctx: ServiceContext): void {
  const { pendingDay } = readSettings(ctx.db);
  if (!pendingDay) return;
  statement(
    ctx.db,
    'UPDATE store_settings SET time_zone = ?, day_boundary_minutes = ?, next_time_zone = NULL, next_day_boundary_minutes = NULL, updated_at = ? WHERE id = 1',
  ).run(pendingDay.timeZone, pendingDay.dayBoundaryMinutes, ctx.now);
  forgetBusinessDay(ctx.db);
  writeAudit(ctx.db, { at: ctx.now, staffId: ctx.actor.id, command: 'store.businessDay', tabId: null, detail: JSON.stringify({ applied: pendingDay }) });
}

/** An amount in the store's currency and locale, for messages a person reads at the counter. */
export function moneyText(db: Db, amount: number): string {
  const { currency, locale } = readSettings(db);
  return formatMoney(amount, currency, locale);
}

export function getStore(ctx: ServiceContext): StoreSettings {
  return readSettings(ctx.db);
}

/** Changes store settings, refusing the ones that would rewrite money already on the books. */
export function updateStore(ctx: ServiceContext, input: ParsedInput<'store.update'>): StoreSettings {
  const { db } = ctx;
  const before = readSettings(db);
  const next: StoreSettings = { ...before, ...stripUndefined(input) };
  next.exponent = currencyExponent(next.currency);
  // After the first Z the day being traded keeps the rules it began with: a new time zone or day
  // boundary waits for the next Z (the same as the ones in force clears what was waiting).
  const asked = askedBusinessDay(before, input);
  let pending = before.pendingDay;
  if (asked && before.businessDayLocked) {
    pending = asked.timeZone === before.timeZone && asked.dayBoundaryMinutes === before.dayBoundaryMinutes ? null : asked;
    next.timeZone = before.timeZone;
    next.dayBoundaryMinutes = before.dayBoundaryMinutes;
  }

  if (next.currency !== before.currency && before.currencyLocked) {
    throw new DomainError('store_locked', 'errors.currencyLocked', {}, 'currency');
  }
  if (next.exponent !== before.exponent && statement(db, 'SELECT 1 FROM items WHERE archived = 0 LIMIT 1').get()) {
    throw new DomainError('store_locked', 'errors.currencyCatalog', { currency: before.currency }, 'currency');
  }
  if (input.cashRoundingMinor !== undefined || input.currency !== undefined) requireRoundingStep(next);
  const openTabs = statement<[], { token: number }>(db, "SELECT token FROM tabs WHERE status = 'open'").all();
  if (next.taxMode !== before.taxMode && openTabs.length > 0) {
    throw new DomainError('store_locked', 'errors.taxModeOpenTabs', {}, 'taxMode');
  }
  if (next.amberMinutes >= next.redMinutes) {
    throw new DomainError('invalid_input', 'errors.amberAfterRed', {}, 'amberMinutes');
  }
  if (next.tokenFirst > next.tokenLast) throw new DomainError('invalid_input', 'errors.tokenOrder', {}, 'tokenFirst');
  if (next.tokenLast - next.tokenFirst + 1 > MAX_TOKENS) {
    throw new DomainError('invalid_input', 'errors.tokenPoolSize', { max: MAX_TOKENS }, 'tokenLast');
  }
  const stranded = openTabs.filter((t) => t.token < next.tokenFirst || t.token > next.tokenLast);
  if (stranded.length > 0) {
    throw new DomainError('store_locked', 'errors.tokenStranded', { token: stranded[0]?.token ?? '' }, 'tokenLast');
  }
  const rates = new Set(next.taxRates.map((r) => r.rateMilli));
  if (rates.size !== next.taxRates.length) throw new DomainError('invalid_input', 'errors.rateTwice', {}, 'taxRates');
  const orphan = statement<[], { name: string; tax_rate_milli: number }>(db, 'SELECT name, tax_rate_milli FROM items WHERE archived = 0')
    .all()
    .find((item) => !rates.has(item.tax_rate_milli));
  if (orphan) throw new DomainError('store_locked', 'errors.rateInUse', { name: orphan.name }, 'taxRates');

  statement(
    db,
    `UPDATE store_settings SET name = ?, currency = ?, locale = ?, tax_mode = ?, tax_rates_json = ?, token_first = ?,
       token_last = ?, cash_rounding_minor = ?, amber_minutes = ?, red_minutes = ?, tip_confirm_percent = ?, pay_after_terms = ?,
       day_boundary_minutes = ?, time_zone = ?, idle_lock_minutes = ?, approval_comp_percent = ?, approval_comp_minor = ?,
       tip_approval_percent = ?, next_time_zone = ?, next_day_boundary_minutes = ?, opening_hours_json = ?, deposit_mode = ?,
       deposit_fixed_minor = ?, deposit_percent = ?, free_cancel_hours = ?, forfeit_percent = ?, legal_name = ?, address_json = ?,
       tax_number = ?, logo = ?, language = ?, updated_at = ? WHERE id = 1`,
  ).run(
    next.name,
    next.currency,
    next.locale,
    next.taxMode,
    JSON.stringify(next.taxRates),
    next.tokenFirst,
    next.tokenLast,
    next.cashRoundingMinor,
    next.amberMinutes,
    next.redMinutes,
    next.tipConfirmPercent,
    next.payAfterTerms,
    next.dayBoundaryMinutes,
    next.timeZone,
    next.idleLockMinutes,
    next.approvalCompPercent,
    next.approvalCompMinor,
    next.tipApprovalPercent,
    pending?.timeZone ?? null,
    pending?.dayBoundaryMinutes ?? null,
    // A new policy applies to bookings from now on: each appointment keeps the one it was booked under.
    JSON.stringify(next.openingHours),
    next.depositPolicy.mode,
    next.depositPolicy.fixedMinor,
    next.depositPolicy.percent,
    next.depositPolicy.freeCancelHours,
    next.depositPolicy.forfeitPercent,
    next.legalName,
    JSON.stringify(next.address),
    next.taxNumber,
    logoBytes(next.logo),
    next.language,
    ctx.now,
  );
  forgetBusinessDay(db);
  if (input.loyalty) writeLoyaltySettings(db, input.loyalty, ctx.now);
  // The audit says what was asked and, for the business day, when it applies.
  const appliesAt = !before.businessDayLocked ? 'now' : pending ? 'next Z' : 'already in force';
  const businessDay = asked ? { businessDay: { ...asked, appliesAt } } : {};
  writeAudit(db, {
    at: ctx.now,
    staffId: ctx.actor.id,
    command: 'store.update',
    tabId: null,
    detail: JSON.stringify({ ...auditedInput(input), ...businessDay }),
  });
  return readSettings(db);
}

/** Cash is rounded only to a step the currency's coins make (no ¥25), whichever of the two changed. */
function requireRoundingStep({ currency, locale, cashRoundingMinor }: StoreSettings): void {
  const steps = cashRoundingSteps(currency);
  if (steps.includes(cashRoundingMinor)) return;
  if (denominationsFor(currency).length === 0) throw new DomainError('invalid_input', 'errors.cashRoundingNoCoins', { currency }, 'cashRoundingMinor');
  const listed = steps.map((step) => formatMoney(step, currency, locale)).join(', ');
  throw new DomainError('invalid_input', 'errors.cashRoundingStep', { currency, steps: listed }, 'cashRoundingMinor');
}

/**
 * What the audit row keeps of an update: the receipt's header only by the fields that changed (a
 * sole trader's legal name, address and tax number are a person's), the logo as set or removed
 * (never its bytes, which would be most of the row); everything else as asked.
 */
function auditedInput(input: ParsedInput<'store.update'>): Record<string, unknown> {
  const { legalName, address, taxNumber, logo, ...rest } = input;
  const header = Object.entries({ legalName, address, taxNumber }).flatMap(([key, value]) => (value === undefined ? [] : [key]));
  return {
    ...rest,
    ...(header.length > 0 ? { receiptHeader: header } : {}),
    ...(logo === undefined ? {} : { logo: logo === null ? 'removed' : 'set' }),
  };
}

/** The logo as the screens get it: a data URL of its own type, read from its first bytes. */
function logoDataUrl(bytes: Buffer | null): string | null {
  if (!bytes) return null;
  const mime = logoKindOf(bytes);
  return mime ? `data:${mime};base64,${bytes.toString('base64')}` : null;
}

/** The logo's bytes for the ledger, from a data URL the contract already checked (type, size, first bytes). */
function logoBytes(dataUrl: string | null): Buffer | null {
  if (dataUrl === null) return null;
  const checked = checkLogoDataUrl(dataUrl);
  if (!checked.ok) throw new DomainError('invalid_input', checked.key, {}, 'logo');
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

export function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
