import type { ParsedInput } from '../shared/contract';
import type { DeviceView } from '../shared/device-types';
import { isLanguage, type Language } from '../shared/i18n/languages';
import type { DevicePreferences, DevicePreferencesStore } from './device-preferences';
import type { Db } from './ledger/open';

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
      if (input.printer !== undefined) patch.printer = input.printer.paper === 'none' ? null : { paper: input.printer.paper, name: input.printer.name === '' ? null : input.printer.name };
      preferences.save(patch);
      changed?.();
      return deviceView(preferences, storeLanguage);
    },
  };
}

/** The store's language as its ledger keeps it; English with no ledger open (recovery). */
export function storeLanguageOf(app: { db: Db } | null): Language {
  if (!app) return 'en';
  const row = app.db.prepare<[], { language: unknown }>('SELECT language FROM store_settings WHERE id = 1').get();
  return isLanguage(row?.language) ? row.language : 'en';
}
