import type { Role } from './permissions';
import type { DepositPolicy, OpeningHours } from './salon-types';
import type { TaxMode } from './domain/tax';
import type { TaxRate } from './types';

/**
 * What a store profile will set up, as the first-run screen shows it before anything is applied.
 * The host reads its own profile file; this summary is all a page gets of it.
 */
export type FirstRunPreview = {
  name: string;
  currency: string;
  locale: string;
  timeZone: string;
  taxMode: TaxMode;
  taxRates: TaxRate[];
  /** Monday first; null on a closed day. Null when the profile leaves the hours out. */
  openingHours: OpeningHours | null;
  depositPolicy: DepositPolicy | null;
  /** The loyalty scheme, with its stamp card's category by name. */
  loyalty: { scheme: 'off' | 'stamps' | 'points'; category: string | null; stampsEvery: number; pointsSpendMinor: number; pointValueMinor: number } | null;
  categories: number;
  items: number;
  services: number;
  staff: { name: string; role: Role }[];
  /**
   * The logo file an imported profile names: a page sends the profile's text only, never the file
   * beside it, so the logo is left out and added later in Settings.
   */
  logoLeftOut?: string;
};

/**
 * The most text a store profile imported from a page may have. A profile of a few hundred items
 * is well under it; the web host takes at most 256 KiB a request (MAX_BODY_BYTES), and the text
 * travels inside JSON, so it must leave room for its escaping.
 */
export const PROFILE_TEXT_MAX = 200_000;

/** What an imported profile would set up, or every problem in it by path (nothing is held then). */
export type ImportPreview = { ok: true; preview: FirstRunPreview } | { ok: false; problems: { path: string; message: string }[] };

/** What applying a profile set up, counted: the first-run screen and the audit row say no more. */
export type ProfileApplied = { storeName: string; categories: number; items: number; services: number; staff: number };
