import type { Language, UiLanguage } from './i18n/languages';

/** Receipt paper a PC's printer takes: a 58 or 80 mm roll, or A4 sheets. */
export const printerPapers = ['58mm', '80mm', 'a4'] as const;
export type PrinterPaper = (typeof printerPapers)[number];

/** The rolls a thermal (ESC/POS) printer takes. */
export const thermalPapers = ['58mm', '80mm'] as const;
export type ThermalPaper = (typeof thermalPapers)[number];

/**
 * Characters across a roll in the printer's standard font (12 dots wide): 384 dots on a 58 mm
 * roll, 576 on an 80 mm one. The encoder library's own default is 42, which fits neither.
 */
export const paperColumns: Record<ThermalPaper, number> = { '58mm': 32, '80mm': 48 };

/**
 * How this PC prints: the system's print dialog (A4, PDF, any driver), or raw ESC/POS bytes to a
 * thermal printer on the network (its raw port, 9100) or in the system's print queue (CUPS `lp -o
 * raw`, the Windows spooler in RAW mode).
 */
export const printerKinds = ['system', 'escpos-network', 'escpos-queue'] as const;
export type PrinterKind = (typeof printerKinds)[number];

/** The raw printing port nearly every network receipt printer listens on. */
export const DEFAULT_PRINTER_PORT = 9100;

/** The system's printing: the paper, and part of the system printer's name (null: the default printer). */
export type SystemPrinter = { kind: 'system'; paper: PrinterPaper; name: string | null };

/** What a thermal printer adds: its roll, whether it drives the cash drawer, and whether a settled tab prints its receipt by itself. */
export type ThermalOptions = { paper: ThermalPaper; drawer: boolean; autoReceipt: boolean };
export type NetworkPrinter = ThermalOptions & { kind: 'escpos-network'; host: string; port: number };
export type QueuePrinter = ThermalOptions & { kind: 'escpos-queue'; queue: string };
export type ThermalPrinter = NetworkPrinter | QueuePrinter;

/** This PC's printer. */
export type DevicePrinter = SystemPrinter | ThermalPrinter;

export function isThermal(printer: DevicePrinter | null | undefined): printer is ThermalPrinter {
  return printer?.kind === 'escpos-network' || printer?.kind === 'escpos-queue';
}

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
