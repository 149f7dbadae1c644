import { z } from 'zod';
import { isKnownCurrency } from './money';
import { MAX_RATE_MILLI } from './domain/tax';

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
export const amount = z
  .number({ error: 'enter an amount' })
  .int('an amount cannot have more decimals than the currency')
  .nonnegative('an amount cannot be negative')
  .max(MAX_AMOUNT, 'that amount is too large');
export const positiveAmount = amount.min(1, 'the amount must be more than zero');
export const qty = z
  .number({ error: `the quantity must be a whole number from 1 to ${MAX_QTY}` })
  .int(`the quantity must be a whole number from 1 to ${MAX_QTY}`)
  .min(1, `the quantity must be a whole number from 1 to ${MAX_QTY}`)
  .max(MAX_QTY, `the quantity must be a whole number from 1 to ${MAX_QTY}`);
export const token = z.number().int().min(0).max(MAX_TOKEN);
export const rateMilli = z.number().int().min(0).max(MAX_RATE_MILLI);
export const reason = z.string().trim().min(1, 'a reason is required').max(200);

export function text(max: number) {
  return z.string().trim().max(max);
}
export const optionalText = (max: number) => text(max).optional();

export const currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'use a three-letter ISO 4217 code such as EUR')
  .refine(isKnownCurrency, 'unknown ISO 4217 currency code');

export const locale = z
  .string()
  .max(35)
  .refine((value) => {
    try {
      return Intl.NumberFormat.supportedLocalesOf([value]).length === 1;
    } catch {
      return false;
    }
  }, 'unknown locale');

/** A command id chosen by the caller: a repeat returns the first result and posts nothing. */
export const commandId = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'command ids use letters, digits, - and _');

export const empty = z.object({}).strict();
