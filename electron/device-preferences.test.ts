import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { deviceHandlers, deviceView } from './device-commands';
import { devicePreferencesOver, memoryDevicePreferences } from './device-preferences';
import { tempFolders } from './test-support/temp-folders';

const tempFolder = tempFolders('aftertab-device-prefs-');
const fileStore = (cwd: string) => devicePreferencesOver(new Conf<Record<string, unknown>>({ configName: 'device-settings', cwd, clearInvalidConfig: true }));

describe('device preferences', () => {
  it("start with the store's language and no printer", () => {
    expect(memoryDevicePreferences().load()).toEqual({ language: null, printer: null });
  });

  it('are kept in device-settings.json beside the kiosk and zoom, which they leave alone', () => {
    const dir = tempFolder();
    fs.writeFileSync(path.join(dir, 'device-settings.json'), JSON.stringify({ kiosk: true, zoomFactor: 1.25 }));
    fileStore(dir).save({ language: 'de', printer: { paper: '80mm', name: 'TM-T20' } });
    expect(fileStore(dir).load()).toEqual({ language: 'de', printer: { paper: '80mm', name: 'TM-T20' } });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'device-settings.json'), 'utf8'))).toEqual({ kiosk: true, zoomFactor: 1.25, language: 'de', printer: { paper: '80mm', name: 'TM-T20' } });
    fileStore(dir).save({ language: null });
    expect(fileStore(dir).load()).toEqual({ language: null, printer: { paper: '80mm', name: 'TM-T20' } });
  });

  it('drop only a hand-edited field that makes no sense', () => {
    const dir = tempFolder();
    fs.writeFileSync(path.join(dir, 'device-settings.json'), JSON.stringify({ language: 'klingon', printer: { paper: '80mm', name: null } }));
    expect(fileStore(dir).load()).toEqual({ language: null, printer: { paper: '80mm', name: null } });
  });

  it('refuse to save a value they would not load, and keep what was there', () => {
    const prefs = memoryDevicePreferences({ language: 'es' });
    expect(() => prefs.save({ language: 'fr' as never })).toThrow();
    expect(() => prefs.save({ printer: { paper: '76mm' as never, name: null } })).toThrow();
    expect(prefs.load()).toEqual({ language: 'es', printer: null });
  });
});

describe('device commands', () => {
  it("speak the store's language until this PC chooses its own", () => {
    const prefs = memoryDevicePreferences();
    let store: 'en' | 'de' | 'es' = 'de';
    const handlers = deviceHandlers(prefs, () => store);
    expect(handlers['device.get']()).toEqual({ language: null, screenLanguage: 'de', storeLanguage: 'de', printer: null });
    store = 'es';
    expect(handlers['device.get']().screenLanguage).toBe('es');
    expect(handlers['device.update']({ language: 'en' })).toEqual({ language: 'en', screenLanguage: 'en', storeLanguage: 'es', printer: null });
    expect(deviceView(prefs, () => 'de')).toMatchObject({ screenLanguage: 'en', storeLanguage: 'de' });
    expect(handlers['device.update']({ language: 'store' }).screenLanguage).toBe('es');
  });

  it('keep a printer by its paper and name; an empty name is the default printer, paper none clears it', () => {
    const handlers = deviceHandlers(memoryDevicePreferences(), () => 'en');
    expect(handlers['device.update']({ printer: { paper: '80mm', name: 'TM-T20' } }).printer).toEqual({ paper: '80mm', name: 'TM-T20' });
    expect(handlers['device.update']({ printer: { paper: '58mm', name: '' } }).printer).toEqual({ paper: '58mm', name: null });
    expect(handlers['device.update']({ language: 'de' }).printer).toEqual({ paper: '58mm', name: null });
    expect(handlers['device.update']({ printer: { paper: 'none', name: '' } }).printer).toBeNull();
  });
});
