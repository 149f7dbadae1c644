import type { StoreProfile } from './store-profile';

/** The logo file beside profile.json, named by its type (the profile names it by this name). */
export type ExportedLogo = { fileName: 'logo.png' | 'logo.jpg'; dataUrl: string };

/**
 * What store.exportProfile answers: the store's setup as a store profile (docs/STORE-PROFILE.md,
 * version 1), and the receipt logo as the file the profile names, or null when the store has none.
 * The page saves both: profile.json and the logo beside it.
 */
export type ProfileExport = { profile: StoreProfile; logo: ExportedLogo | null };

/** The name the profile file is saved under: what a per-store build and --profile read. */
export const PROFILE_FILE_NAME = 'profile.json';
