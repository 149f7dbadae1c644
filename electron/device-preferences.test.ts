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
    fileStore(dir).save({ language: 'de', printer: { kind: 'system', paper: '80mm', name: 'TM-T20' } });
    expect(fileStore(dir).load()).toEqual({ language: 'de', printer: { kind: 'system', paper: '80mm', name: 'TM-T20' } });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'device-settings.json'), 'utf8'))).toEqual({
      kiosk: true,
      zoomFactor: 1.25,
      language: 'de',
      printer: { kind: 'system', paper: '80mm', name: 'TM-T20' },
    });
    fileStore(dir).save({ language: null });
    expect(fileStore(dir).load()).toEqual({ language: null, printer: { kind: 'system', paper: '80mm', name: 'TM-T20' } });
  });

  it('drop only a hand-edited field that makes no sense', () => {
    const dir = tempFolder();
    fs.writeFileSync(path.join(dir, 'device-settings.json'), JSON.stringify({ language: 'klingon', printer: { paper: '80mm', name: null } }));
    expect(fileStore(dir).load()).toEqual({ language: null, printer: { kind: 'system', paper: '80mm', name: null } });
    fs.writeFileSync(
      path.join(dir, 'device-settings.json'),
      JSON.stringify({ language: 'es', printer: { kind: 'escpos-network', paper: '80mm', host: 'not a host', port: 9100 } }),
    );
    expect(fileStore(dir).load()).toEqual({ language: 'es', printer: null });
  });

  it('read a file written before receipt printers (paper and name) as the system printing it always was', () => {
    const dir = tempFolder();
    const before = { kiosk: false, zoomFactor: 1, language: 'de', printer: { paper: '58mm', name: 'Star' } };
    fs.writeFileSync(path.join(dir, 'device-settings.json'), JSON.stringify(before));
    expect(fileStore(dir).load()).toEqual({ language: 'de', printer: { kind: 'system', paper: '58mm', name: 'Star' } });
    // Reading changes nothing on disk; only a save writes the kind.
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'device-settings.json'), 'utf8'))).toEqual(before);
  });

  it('keep a thermal printer on the network or in a print queue, with its drawer and receipt choices', () => {
    const dir = tempFolder();
    const network = { kind: 'escpos-network', paper: '80mm', host: '192.168.1.50', port: 9100, drawer: true, autoReceipt: false } as const;
    fileStore(dir).save({ printer: network });
    expect(fileStore(dir).load().printer).toEqual(network);
    const queue = { kind: 'escpos-queue', paper: '58mm', queue: 'EPSON TM-T20II Receipt', drawer: false, autoReceipt: true } as const;
    fileStore(dir).save({ printer: queue });
    expect(fileStore(dir).load().printer).toEqual(queue);
    // A field a later version adds is left out rather than losing the printer.
    fs.writeFileSync(path.join(dir, 'device-settings.json'), JSON.stringify({ printer: { ...network, cutter: 'full' } }));
    expect(fileStore(dir).load().printer).toEqual(network);
  });

  it('refuse to save a value they would not load, and keep what was there', () => {
    const prefs = memoryDevicePreferences({ language: 'es' });
    expect(() => prefs.save({ language: 'fr' as never })).toThrow();
    expect(() => prefs.save({ printer: { kind: 'system', paper: '76mm' as never, name: null } })).toThrow();
    expect(() =>
      prefs.save({ printer: { kind: 'escpos-network', paper: 'a4' as never, host: '10.0.0.9', port: 9100, drawer: false, autoReceipt: false } }),
    ).toThrow();
    expect(() => prefs.save({ printer: { kind: 'escpos-queue', paper: '80mm', queue: '-oraw', drawer: false, autoReceipt: false } })).toThrow();
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
    expect(handlers['device.update']({ printer: { paper: '80mm', name: 'TM-T20' } }).printer).toEqual({ kind: 'system', paper: '80mm', name: 'TM-T20' });
    expect(handlers['device.update']({ printer: { kind: 'system', paper: '58mm', name: '' } }).printer).toEqual({ kind: 'system', paper: '58mm', name: null });
    expect(handlers['device.update']({ language: 'de' }).printer).toEqual({ kind: 'system', paper: '58mm', name: null });
    expect(handlers['device.update']({ printer: { paper: 'none', name: '' } }).printer).toBeNull();
  });

  it('keep a network or queue receipt printer as sent', () => {
    const handlers = deviceHandlers(memoryDevicePreferences(), () => 'en');
    const network = { kind: 'escpos-network', paper: '58mm', host: 'till-printer.local', port: 9101, drawer: true, autoReceipt: true } as const;
    expect(handlers['device.update']({ printer: network }).printer).toEqual(network);
    const queue = { kind: 'escpos-queue', paper: '80mm', queue: 'TM-T20', drawer: false, autoReceipt: false } as const;
    expect(handlers['device.update']({ printer: queue }).printer).toEqual(queue);
  });
});
