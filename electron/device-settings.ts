import Store from 'electron-store';
import { z } from 'zod';

/**
 * How this PC shows the till: a counter screen read from a metre away wants a bigger zoom, and
 * a dedicated counter PC may run in kiosk mode. Neither belongs to the store's ledger, which a
 * restore or a second PC may share.
 */
export type DeviceSettings = { kiosk: boolean; zoomFactor: number };

export type DeviceSettingsStore = {
  load(): DeviceSettings;
  /** Writes only the fields given; throws on a value load() would refuse. */
  save(patch: Partial<DeviceSettings>): void;
};

/** The part of a BrowserWindow that device settings touch. */
export type DeviceWindow = {
  setKiosk(flag: boolean): void;
  webContents: {
    setZoomFactor(factor: number): void;
    once(event: 'did-finish-load', listener: () => void): unknown;
  };
};

export const ZOOM_MIN = 0.5;
export const ZOOM_MAX = 3;
export const DEFAULT_DEVICE_SETTINGS: DeviceSettings = { kiosk: false, zoomFactor: 1 };

// Chromium's own zoom ladder, so the steps feel like any browser's.
const ZOOM_STEPS = [0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3] as const;
// Zoom factors come back from Chromium as floats; anything this close counts as the step.
const EPSILON = 0.001;

const fields = {
  kiosk: z.boolean(),
  zoomFactor: z.number().finite().min(ZOOM_MIN).max(ZOOM_MAX),
};
const patchSchema = z.object(fields).partial().strict();

export function clampZoom(factor: number): number {
  if (!Number.isFinite(factor)) return DEFAULT_DEVICE_SETTINGS.zoomFactor;
  return Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, factor));
}

/** The next step up or down from any factor (a hand-set 1.05 goes to 1.1 or 1), never past the ends. */
export function stepZoom(current: number, direction: 1 | -1): number {
  const from = clampZoom(current);
  const next = direction === 1 ? ZOOM_STEPS.find((step) => step > from + EPSILON) : ZOOM_STEPS.findLast((step) => step < from - EPSILON);
  return next ?? (direction === 1 ? ZOOM_MAX : ZOOM_MIN);
}

/** Device settings in `<cwd>/device-settings.json`, beside the ledger but not in it. */
export function createDeviceSettingsStore(options: { cwd: string }): DeviceSettingsStore {
  // A file broken by a crash or a hand edit is read as empty instead of stopping the start.
  const store = new Store<Record<string, unknown>>({ name: 'device-settings', cwd: options.cwd, clearInvalidConfig: true });
  return {
    load() {
      // Field by field, so a bad zoom in the file does not also lose the kiosk choice.
      const kiosk = fields.kiosk.safeParse(store.get('kiosk'));
      const zoomFactor = fields.zoomFactor.safeParse(store.get('zoomFactor'));
      return {
        kiosk: kiosk.success ? kiosk.data : DEFAULT_DEVICE_SETTINGS.kiosk,
        zoomFactor: zoomFactor.success ? zoomFactor.data : DEFAULT_DEVICE_SETTINGS.zoomFactor,
      };
    },
    save(patch) {
      const valid = patchSchema.parse(patch);
      if (valid.kiosk !== undefined) store.set('kiosk', valid.kiosk);
      if (valid.zoomFactor !== undefined) store.set('zoomFactor', valid.zoomFactor);
    },
  };
}

/**
 * Kiosk and zoom for a freshly created window. Both wait for the first load: Chromium resets a
 * zoom set before the page commits, and a window created hidden should not go full screen
 * before it has anything to show.
 */
export function applyDeviceSettings(window: DeviceWindow, settings: DeviceSettings): void {
  window.webContents.once('did-finish-load', () => {
    window.webContents.setZoomFactor(clampZoom(settings.zoomFactor));
    if (settings.kiosk) window.setKiosk(true);
  });
}
