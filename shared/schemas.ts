import { z } from 'zod';
import { isKnownCurrency } from './money';
import { MAX_RATE_MILLI } from './domain/tax';
import { isTimeZone, isValidDate } from './domain/business-day';

/**
 * Largest amount any single input may carry (a trillion minor units), and the largest quantity:
 * a line is at most 10^15, so sums of lines fail loudly (MoneyError) long before 2^53.
 */
export const MAX_AMOUNT = 1_000_000_000_000;
export const MAX_QTY = 999;
/** A tab may come to at most this much; past it the till refuses the change. */
export const MAX_TAB_TOTAL = 10_000_000_000_000;
export const MAX_TOKEN = 9999;

// Messages are plain words a person at the counter can act on; the field travels separately.
export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
// Custom messages are keys of shared/i18n/errors-en.ts; the dispatcher words them.
export const amount = z
  .number({ error: 'errors.field.amountMissing' })
  .int('errors.field.amountDecimals')
  .nonnegative('errors.field.amountNegative')
  .max(MAX_AMOUNT, 'errors.amountTooLarge');
export const positiveAmount = amount.min(1, 'errors.field.amountZero');
export const qty = z.number({ error: 'errors.field.qty' }).int('errors.field.qty').min(1, 'errors.field.qty').max(MAX_QTY, 'errors.field.qty');
export const token = z.number().int().min(0).max(MAX_TOKEN);
export const rateMilli = z.number().int().min(0).max(MAX_RATE_MILLI);

/**
 * One character that shows something: not white space, a control, a format character
 * (zero-width space and joiners, word joiner, BOM, direction marks) or one of Unicode's default
 * ignorables (Hangul fillers, variation selectors). A text without one counts as empty, exactly
 * as one made of spaces always has, so a lone U+200B is no reason at all.
 */
const visible = /[^\p{White_Space}\p{Cc}\p{Cf}\p{Z}\p{Default_Ignorable_Code_Point}]/u;

/**
 * Refused anywhere in a text: control characters other than tab and line breaks (NUL cuts a
 * string short in C code, the CSV and the log), and the bidi embeddings, overrides and isolates,
 * which reorder what follows them so a name or reason can read as something it is not.
 */
const hiddenCharacter = /(?![\t\n\r])\p{Cc}|[\u202A-\u202E\u2066-\u2069]/u;

/**
 * Zero-width characters at either end are dropped as spaces are: there they change nothing a
 * person sees, yet would make "Cakes" and "Cakes" + U+200B two different category names. Inside
 * a text nothing is dropped (a joiner inside an emoji or a Persian word means something), and
 * direction marks at the ends stay, since right-to-left text may need them.
 */
const blankAtEdge = /[\s\u200B-\u200D\u2060\uFEFF]/;

// A loop, not /\s+$/: that regex is quadratic on a long run of inner spaces.
function tidy(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && blankAtEdge.test(value.charAt(start))) start += 1;
  while (end > start && blankAtEdge.test(value.charAt(end - 1))) end -= 1;
  const trimmed = value.slice(start, end);
  return visible.test(trimmed) ? trimmed : '';
}

/**
 * Free text a person types (names, labels, notes, reasons): trimmed, at most `max` characters,
 * empty when nothing in it can be seen, never hiding controls. Line breaks stay allowed, so
 * notes keep theirs. Callers add `.min(1, key)` where a value is required, and may name the key
 * that refuses a text longer than `max`.
 */
export function readableText(max: number, tooLong?: string) {
  return z
    .string()
    .refine((value) => !hiddenCharacter.test(value), 'errors.field.hiddenCharacters')
    .overwrite(tidy)
    .max(max, tooLong);
}
export const reason = readableText(200).min(1, 'errors.field.reason');
export const requiredName = (max: number) => readableText(max).min(1, 'errors.field.nameRequired');

export const currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'errors.field.currency')
  .refine(isKnownCurrency, 'errors.field.currencyUnknown');

export const locale = z
  .string()
  .max(35)
  .refine((value) => {
    try {
      return Intl.NumberFormat.supportedLocalesOf([value]).length === 1;
    } catch {
      return false;
    }
  }, 'errors.field.locale');

/** A command id chosen by the caller: a repeat returns the first result and posts nothing. */
export const commandId = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'command ids use letters, digits, - and _');

export const empty = z.object({}).strict();

/** A staff member's PIN: 4 to 8 digits, nothing else. */
export const pin = z.string({ error: 'errors.field.pin' }).regex(/^[0-9]{4,8}$/, 'errors.field.pin');

/** A business day, YYYY-MM-DD. */
export const businessDate = z.string().refine(isValidDate, 'errors.field.businessDate');

export const timeZone = z.string().min(1).max(64).refine(isTimeZone, 'errors.field.timeZone');

/** Cash counted as a total, or note by note and coin by coin. */
export const cashCount = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('total'), totalMinor: amount }).strict(),
  z
    .object({
      kind: z.literal('denominations'),
      counts: z
        .array(
          z
            .object({
              denominationMinor: positiveAmount,
              qty: z
                .number({ error: 'errors.field.countQty' })
                .int('errors.field.countQty')
                .min(0, 'errors.field.countQty')
                .max(100_000, 'errors.field.countQty'),
            })
            .strict(),
        )
        .max(40),
    })
    .strict(),
]);

/** A file in the backup folder, by name only: no folders, no way out of it. */
export const backupName = z
  .string()
  .regex(/^aftertab-[0-9A-Za-z_.-]+\.sqlite$/, 'errors.field.backupName')
  .max(120);
