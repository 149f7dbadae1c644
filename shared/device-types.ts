import type { Language, UiLanguage } from './i18n/languages';

/** Receipt paper a PC's printer takes: a 58 or 80 mm roll, or A4 sheets. */
export const printerPapers = ['58mm', '80mm', 'a4'] as const;
export type PrinterPaper = (typeof printerPapers)[number];

/** This PC's printer: the paper, and part of the system printer's name (null: the default printer). */
export type DevicePrinter = { paper: PrinterPaper; name: string | null };

/**
 * This PC's own settings as a screen sees them. They live in a settings file on the PC, never in
 * the ledger: a restore or a second till sharing the store's data keeps its own.
 */
export type DeviceView = {
  /** The language this PC chose for its screens; null: the store's language. */
  language: UiLanguage | null;
  /** What the screens speak: the PC's choice, else the store's language. */
  screenLanguage: UiLanguage;
  /** What receipts, slips and the Z are printed in (a store setting, shown for reference). */
  storeLanguage: Language;
  printer: DevicePrinter | null;
};
