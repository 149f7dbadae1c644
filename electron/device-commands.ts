import type { ParsedInput } from '../shared/contract';
import type { DevicePrinter, DeviceView } from '../shared/device-types';
import { isLanguage, type Language } from '../shared/i18n/languages';
import type { DevicePreferences, DevicePreferencesStore } from './device-preferences';
import type { Db } from './ledger/open';
import { statement } from './ledger/statements';

/** The store's language from the ledger in use; English while there is none (recovery). */
export type StoreLanguage = () => Language;

export function deviceView(preferences: DevicePreferencesStore, storeLanguage: StoreLanguage): DeviceView {
  const own = preferences.load();
  const store = storeLanguage();
  return { language: own.language, screenLanguage: own.language ?? store, storeLanguage: store, printer: own.printer };
}

/** device.get (before sign-in too: the PIN pad speaks this PC's language) and device.update. */
export function deviceHandlers(preferences: DevicePreferencesStore, storeLanguage: StoreLanguage, changed?: () => void) {
  return {
    'device.get': (): DeviceView => deviceView(preferences, storeLanguage),
    'device.update': (input: ParsedInput<'device.update'>): DeviceView => {
      const patch: Partial<DevicePreferences> = {};
      if (input.language !== undefined) patch.language = input.language === 'store' ? null : input.language;
      if (input.printer !== undefined) patch.printer = printerOf(input.printer);
      preferences.save(patch);
      changed?.();
      return deviceView(preferences, storeLanguage);
    },
  };
}

/** device.update's printer as this PC keeps it: the system's (paper 'none' clears it), or a thermal one. */
function printerOf(input: NonNullable<ParsedInput<'device.update'>['printer']>): DevicePrinter | null {
  switch (input.kind) {
    case 'escpos-network':
      return { kind: 'escpos-network', paper: input.paper, host: input.host, port: input.port, drawer: input.drawer, autoReceipt: input.autoReceipt };
    case 'escpos-queue':
      return { kind: 'escpos-queue', paper: input.paper, queue: input.queue, drawer: input.drawer, autoReceipt: input.autoReceipt };
    default:
      return input.paper === 'none' ? null : { kind: 'system', paper: input.paper, name: input.name === '' ? null : input.name };
  }
}

/** The store's language as its ledger keeps it; English with no ledger open (recovery). */
export function storeLanguageOf(app: { db: Db } | null): Language {
  if (!app) return 'en';
  const row = statement<[], { language: unknown }>(app.db, 'SELECT language FROM store_settings WHERE id = 1').get();
  return isLanguage(row?.language) ? row.language : 'en';
}
