import { z } from 'zod';
import { DEFAULT_PRINTER_PORT, printerPapers, thermalPapers, type DevicePrinter } from '../shared/device-types';
import { printerHost, printerPort, printerQueue } from '../shared/printer-schemas';
import { uiLanguages, type UiLanguage } from '../shared/i18n/languages';

/**
 * What this PC prefers, beside its kiosk and zoom in the same device-settings.json: the language
 * its screens speak (null: the store's) and the printer it prints on. Neither is the store's: a
 * German-speaking barista's till and the owner's English one share one ledger, and a restore
 * must not move a printer from one PC to another.
 */
export type DevicePreferences = { language: UiLanguage | null; printer: DevicePrinter | null };

export type DevicePreferencesStore = {
  load(): DevicePreferences;
  /** Writes only the fields given (null clears one); throws on a value load() would refuse. */
  save(patch: Partial<DevicePreferences>): void;
};

/** The part of electron-store (and conf, which it wraps) these settings use. */
export type KeyValueFile = { get(key: string): unknown; set(key: string, value: unknown): void; delete(key: string): void };

export const DEFAULT_DEVICE_PREFERENCES: DevicePreferences = { language: null, printer: null };

const thermal = { paper: z.enum(thermalPapers), drawer: z.boolean().default(false), autoReceipt: z.boolean().default(false) };

/**
 * The printer as the file keeps it. A file written before thermal printers holds `{ paper, name }`
 * with no kind: that is the system's printing, read as it always was. Fields a later version adds
 * are left out rather than losing the whole printer.
 */
const storedPrinter = z.union([
  z
    .object({ kind: z.literal('system').optional(), paper: z.enum(printerPapers), name: z.string().trim().min(1).max(80).nullable() })
    .transform(({ paper, name }): DevicePrinter => ({ kind: 'system', paper, name })),
  z.object({ kind: z.literal('escpos-network'), ...thermal, host: printerHost, port: printerPort.default(DEFAULT_PRINTER_PORT) }),
  z.object({ kind: z.literal('escpos-queue'), ...thermal, queue: printerQueue }),
]);

const fields = {
  language: z.enum(uiLanguages).nullable(),
  printer: storedPrinter.nullable(),
};
const patchSchema = z.object(fields).partial().strict();

/** Preferences over a key-value file: read field by field, so one bad hand edit loses only itself. */
export function devicePreferencesOver(file: KeyValueFile): DevicePreferencesStore {
  return {
    load() {
      const language = fields.language.safeParse(file.get('language') ?? null);
      const printer = fields.printer.safeParse(file.get('printer') ?? null);
      return {
        language: language.success ? language.data : DEFAULT_DEVICE_PREFERENCES.language,
        printer: printer.success ? printer.data : DEFAULT_DEVICE_PREFERENCES.printer,
      };
    },
    save(patch) {
      const valid = patchSchema.parse(patch);
      for (const key of ['language', 'printer'] as const) {
        if (!(key in valid)) continue;
        const value = valid[key];
        if (value === null) file.delete(key);
        else if (value !== undefined) file.set(key, value);
      }
    },
  };
}

/** Preferences held in memory: for a host started without a settings file (tests, the bench). */
export function memoryDevicePreferences(initial: Partial<DevicePreferences> = {}): DevicePreferencesStore {
  const values = new Map<string, unknown>(Object.entries(initial).filter(([, value]) => value != null));
  return devicePreferencesOver({ get: (key) => values.get(key), set: (key, value) => void values.set(key, value), delete: (key) => void values.delete(key) });
}
