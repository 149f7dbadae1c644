import Store from 'electron-store';
import { devicePreferencesOver, type DevicePreferencesStore } from './device-preferences';

/**
 * In Electron: this PC's language and printer in `<cwd>/device-settings.json` through
 * electron-store, as kiosk and zoom are kept. Apart from device-preferences.ts so the app core
 * (which the web host and the tests run under plain Node) never loads electron-store.
 */
export function createDevicePreferences(options: { cwd: string }): DevicePreferencesStore {
  return devicePreferencesOver(new Store<Record<string, unknown>>({ name: 'device-settings', cwd: options.cwd, clearInvalidConfig: true }));
}
