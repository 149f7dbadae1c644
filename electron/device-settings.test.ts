import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempFolders } from './test-support/temp-folders';

vi.mock('electron-store', async () => ({ default: (await import('./test-support/conf-store')).ConfStore }));

const { applyDeviceSettings, clampZoom, createDeviceSettingsStore, stepZoom } = await import('./device-settings');

const tempFolder = tempFolders('aftertab-device-');
const settingsFile = (dir: string): string => path.join(dir, 'device-settings.json');

describe('createDeviceSettingsStore', () => {
  it('starts at 100 % zoom and out of kiosk when nothing was saved', () => {
    expect(createDeviceSettingsStore({ cwd: tempFolder() }).load()).toEqual({ kiosk: false, zoomFactor: 1 });
  });

  it('keeps the settings in device-settings.json in the given folder, field by field', () => {
    const dir = tempFolder();
    const store = createDeviceSettingsStore({ cwd: dir });
    store.save({ zoomFactor: 1.5 });
    store.save({ kiosk: true });
    expect(createDeviceSettingsStore({ cwd: dir }).load()).toEqual({ kiosk: true, zoomFactor: 1.5 });
    expect(JSON.parse(fs.readFileSync(settingsFile(dir), 'utf8'))).toEqual({ kiosk: true, zoomFactor: 1.5 });
    expect(createDeviceSettingsStore({ cwd: tempFolder() }).load()).toEqual({ kiosk: false, zoomFactor: 1 });
  });

  it('starts on the defaults from a file that is not JSON, and can save over it', () => {
    const dir = tempFolder();
    fs.writeFileSync(settingsFile(dir), '{"kiosk": tru');
    const store = createDeviceSettingsStore({ cwd: dir });
    expect(store.load()).toEqual({ kiosk: false, zoomFactor: 1 });
    store.save({ zoomFactor: 2 });
    expect(createDeviceSettingsStore({ cwd: dir }).load()).toEqual({ kiosk: false, zoomFactor: 2 });
  });

  it('drops only the hand-edited field that makes no sense', () => {
    const dir = tempFolder();
    fs.writeFileSync(settingsFile(dir), JSON.stringify({ kiosk: true, zoomFactor: 9 }));
    expect(createDeviceSettingsStore({ cwd: dir }).load()).toEqual({ kiosk: true, zoomFactor: 1 });
    fs.writeFileSync(settingsFile(dir), JSON.stringify({ kiosk: 'yes', zoomFactor: 0.75 }));
    expect(createDeviceSettingsStore({ cwd: dir }).load()).toEqual({ kiosk: false, zoomFactor: 0.75 });
  });

  it('refuses to save what it would not read back, and writes nothing then', () => {
    const dir = tempFolder();
    const store = createDeviceSettingsStore({ cwd: dir });
    store.save({ zoomFactor: 1.25 });
    expect(() => store.save({ zoomFactor: 10 })).toThrow();
    expect(() => store.save({ zoomFactor: Number.NaN })).toThrow();
    expect(() => store.save({ kiosk: true, bounds: {} } as never)).toThrow();
    expect(store.load()).toEqual({ kiosk: false, zoomFactor: 1.25 });
  });
});

describe('zoom steps', () => {
  it('walks the ladder up and down from 100 %', () => {
    expect(stepZoom(1, 1)).toBe(1.1);
    expect(stepZoom(1.1, 1)).toBe(1.25);
    expect(stepZoom(1, -1)).toBe(0.9);
    expect(stepZoom(0.9, -1)).toBe(0.8);
  });

  it('stops at 50 % and 300 %', () => {
    expect(stepZoom(3, 1)).toBe(3);
    expect(stepZoom(2.5, 1)).toBe(3);
    expect(stepZoom(0.5, -1)).toBe(0.5);
    expect(stepZoom(12, -1)).toBe(2.5);
  });

  it('moves to the next step from a factor between steps or a float just off one', () => {
    expect(stepZoom(1.05, 1)).toBe(1.1);
    expect(stepZoom(1.05, -1)).toBe(1);
    expect(stepZoom(1.0999999, 1)).toBe(1.25);
  });

  it('clamps to 0.5–3 and treats a non-number as 100 %', () => {
    expect(clampZoom(0.1)).toBe(0.5);
    expect(clampZoom(7)).toBe(3);
    expect(clampZoom(1.75)).toBe(1.75);
    expect(clampZoom(Number.NaN)).toBe(1);
  });
});

describe('applyDeviceSettings', () => {
  function fakeWindow() {
    const loaded: (() => void)[] = [];
    return {
      loaded,
      setKiosk: vi.fn(),
      webContents: {
        setZoomFactor: vi.fn(),
        once: vi.fn((_event: 'did-finish-load', listener: () => void) => loaded.push(listener)),
      },
    };
  }

  it('sets zoom and kiosk only once the page has loaded', () => {
    const window = fakeWindow();
    applyDeviceSettings(window, { kiosk: true, zoomFactor: 1.5 });
    expect(window.webContents.once).toHaveBeenCalledWith('did-finish-load', expect.any(Function));
    expect(window.webContents.setZoomFactor).not.toHaveBeenCalled();
    expect(window.setKiosk).not.toHaveBeenCalled();
    for (const listener of window.loaded) listener();
    expect(window.webContents.setZoomFactor).toHaveBeenCalledWith(1.5);
    expect(window.setKiosk).toHaveBeenCalledWith(true);
  });

  it('leaves a window out of kiosk and clamps a zoom it was handed', () => {
    const window = fakeWindow();
    applyDeviceSettings(window, { kiosk: false, zoomFactor: 8 });
    for (const listener of window.loaded) listener();
    expect(window.webContents.setZoomFactor).toHaveBeenCalledWith(3);
    expect(window.setKiosk).not.toHaveBeenCalled();
  });
});
