import { z } from 'zod';
import { languages } from './i18n/languages';
import { readableText } from './schemas';

/**
 * What every receipt is headed with: the store's legal name, its address, its tax number and a
 * logo, and the language receipts, token slips and the Z are printed in. store.update takes these
 * pieces and the store profile requires them (shared/store-profile.ts), with the same limits.
 */

export const LEGAL_NAME_MAX = 120;
export const ADDRESS_LINE_MAX = 80;
export const ADDRESS_LINES_MAX = 4;
export const TAX_NUMBER_MAX = 40;

/**
 * The largest logo, in bytes of the picture. A receipt printer prints a few hundred dots across,
 * so a logo needs far less; the cap keeps a store.update carrying one (as base64, a third larger)
 * inside the web host's 256 KB request limit (MAX_BODY_BYTES) with the rest of the settings.
 * errors.field.logoTooLarge says this figure in words.
 */
export const LOGO_MAX_BYTES = 128 * 1024;

export const logoMimes = ['image/png', 'image/jpeg'] as const;
export type LogoMime = (typeof logoMimes)[number];

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_MAGIC = [0xff, 0xd8, 0xff];

/** What a picture's first bytes say it is: PNG, JPEG or neither (the name or the label it came with is not trusted). */
export function logoKindOf(bytes: ArrayLike<number>): LogoMime | null {
  const starts = (magic: number[]) => bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
  if (starts(PNG_MAGIC)) return 'image/png';
  if (starts(JPEG_MAGIC)) return 'image/jpeg';
  return null;
}

const DATA_URL = /^data:(image\/png|image\/jpeg);base64,/;
const BASE64_BODY = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The longest data URL a logo of LOGO_MAX_BYTES makes. */
export const LOGO_DATA_URL_MAX = 'data:image/jpeg;base64,'.length + Math.ceil(LOGO_MAX_BYTES / 3) * 4;

/** The first bytes of a base64 text (a whole number of 4-digit groups), without the platform's decoder. */
function leadingBytes(body: string, groups: number): number[] {
  const out: number[] = [];
  for (let g = 0; g < groups && g * 4 + 4 <= body.length; g += 1) {
    const digits = [...body.slice(g * 4, g * 4 + 4)].map((c) => (c === '=' ? 0 : BASE64_DIGITS.indexOf(c)));
    const n = ((digits[0] ?? 0) << 18) | ((digits[1] ?? 0) << 12) | ((digits[2] ?? 0) << 6) | (digits[3] ?? 0);
    out.push((n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
  }
  return out;
}

export type LogoCheck = { ok: true; mime: LogoMime; bytes: number } | { ok: false; key: 'errors.field.logoFormat' | 'errors.field.logoTooLarge' };

/**
 * A logo as the screens send it: `data:image/png;base64,…` or `data:image/jpeg;base64,…`, at most
 * LOGO_MAX_BYTES, whose bytes really begin as a PNG or JPEG of the type it is labelled with.
 */
export function checkLogoDataUrl(value: string): LogoCheck {
  if (value.length > LOGO_DATA_URL_MAX) return { ok: false, key: 'errors.field.logoTooLarge' };
  const head = DATA_URL.exec(value);
  if (!head) return { ok: false, key: 'errors.field.logoFormat' };
  const body = value.slice(head[0].length);
  if (body.length === 0 || body.length % 4 !== 0 || !BASE64_BODY.test(body)) return { ok: false, key: 'errors.field.logoFormat' };
  const padding = body.endsWith('==') ? 2 : body.endsWith('=') ? 1 : 0;
  const bytes = (body.length / 4) * 3 - padding;
  if (bytes > LOGO_MAX_BYTES) return { ok: false, key: 'errors.field.logoTooLarge' };
  const mime = head[1] as LogoMime;
  if (logoKindOf(leadingBytes(body, 3)) !== mime) return { ok: false, key: 'errors.field.logoFormat' };
  return { ok: true, mime, bytes };
}

export const legalName = readableText(LEGAL_NAME_MAX, 'errors.field.legalNameLength');
/** One line of the address as printed; an empty one is left out, not sent. */
export const addressLine = readableText(ADDRESS_LINE_MAX, 'errors.field.addressLineLength');
export const taxNumber = readableText(TAX_NUMBER_MAX, 'errors.field.taxNumberLength');
export const language = z.enum(languages, { error: 'errors.field.language' });

/** The logo as a data URL; null takes it off. */
export const logo = z
  .string({ error: 'errors.field.logoFormat' })
  .superRefine((value, ctx) => {
    const checked = checkLogoDataUrl(value);
    if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.key });
  })
  .nullable();

/** store.update's receipt fields, each optional like the rest of the settings. */
export const receiptHeaderUpdate = {
  legalName: legalName.optional(),
  address: z.array(addressLine.min(1, 'errors.field.addressLine')).max(ADDRESS_LINES_MAX, 'errors.field.addressLines').optional(),
  taxNumber: taxNumber.optional(),
  logo: logo.optional(),
  language: language.optional(),
};
