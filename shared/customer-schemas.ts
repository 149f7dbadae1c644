import { z } from 'zod';
import * as s from './schemas';

/** Characters a phone number may be typed with: digits and the usual separators. */
const PHONE_CHARACTERS = /^[0-9 +\-().]+$/;
const MIN_PHONE_DIGITS = 5;
/** One @ with text on both sides and a dot somewhere after it: loose on purpose, since a shop types what it is told. */
const EMAIL_SHAPE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function phoneDigits(phone: string): string {
  return phone.replace(/[^0-9]/g, '');
}

/** A phone as typed, or empty for none; refused when it cannot be a number anyone could call. */
export const phone = s
  .readableText(40)
  .refine((value) => value === '' || (PHONE_CHARACTERS.test(value) && phoneDigits(value).length >= MIN_PHONE_DIGITS), 'errors.field.phone');

/** An e-mail as typed, or empty for none. */
export const email = s.readableText(120).refine((value) => value === '' || EMAIL_SHAPE.test(value), 'errors.field.email');

export const customerFields = {
  name: s.requiredName(80),
  phone: phone.default(''),
  email: email.default(''),
  /** Preferences, allergies: what the next person serving them should know. */
  notes: s.readableText(1000).default(''),
  contactOk: z.boolean().default(false),
};
