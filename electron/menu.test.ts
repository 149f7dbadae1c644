import type { BrowserWindow, Dialog, Menu, MenuItemConstructorOptions, Shell } from 'electron';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { DeviceSettings, DeviceSettingsStore } from './device-settings';

// menu.ts reaches electron-store only through device-settings.ts, whose store is not used here.
vi.mock('electron-store', () => ({ default: class {} }));

const { aboutDetail, buildMenuTemplate, installAppMenu, KIOSK_ACCELERATOR, MENU_IDS, menuWords } = await import('./menu');
type MenuWords = import('./menu').MenuWords;
type MenuWindow = import('./menu').MenuWindow;
type MenuActions = import('./menu').MenuActions;
type MessageBoxDialog<W> = import('./menu').MessageBoxDialog<W>;
type AppMenuDeps<W extends MenuWindow> = import('./menu').AppMenuDeps<W, FakeMenu>;

type Item = MenuItemConstructorOptions;
type KeyInput = { type: string; key: string; control: boolean; meta: boolean; shift: boolean; alt: boolean };

const PLATFORMS: NodeJS.Platform[] = ['darwin', 'win32', 'linux'];

function noActions(): MenuActions {
  return {
    zoomIn: vi.fn(),
    zoomOut: vi.fn(),
    resetZoom: vi.fn(),
    toggleFullScreen: vi.fn(),
    toggleKiosk: vi.fn(),
    about: vi.fn(),
    openLogsFolder: vi.fn(),
    openDataFolder: vi.fn(),
  };
}

function template(platform: NodeJS.Platform, isPackaged = true, kiosk = false): Item[] {
  return buildMenuTemplate({ platform, isPackaged, kiosk, actions: noActions() });
}

function submenu(item: Item | undefined): Item[] {
  if (!item || !Array.isArray(item.submenu)) throw new Error(`${item?.label ?? 'a menu'} has no submenu`);
  return item.submenu as Item[];
}

function allItems(items: readonly Item[]): Item[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu as Item[]) : [])]);
}

function topMenu(items: readonly Item[], label: string): Item[] {
  return submenu(items.find((item) => item.label === label));
}

/** What an item shows: its role or its id, its label, its accelerator. */
function describeItems(items: readonly Item[]) {
  return items
    .filter((item) => item.type !== 'separator' && item.visible !== false)
    .map((item) => ({ what: item.role ?? item.id, ...(item.label ? { label: item.label } : {}), accelerator: item.accelerator }));
}

// The board reacts to these keys with no modifier, and to them with Shift (the renderer only
// skips Ctrl, Alt and Meta), so an accelerator needs a modifier other than Shift to stay clear.
const BOARD_KEYS = ['N', ...'0123456789', '/', 'Enter', 'Return', 'Esc', 'Escape'];
const CLEARING_MODIFIERS = new Set(['cmd', 'command', 'ctrl', 'control', 'cmdorctrl', 'commandorcontrol', 'alt', 'option', 'altgr', 'super', 'meta']);

function takesKeyFromBoard(accelerator: string): boolean {
  const parts = accelerator.split('+').map((part) => part.trim());
  // "CmdOrCtrl+Plus" ends in a key named Plus; "Ctrl++" would end in two empty parts.
  const key = parts.at(-1) === '' ? '+' : (parts.at(-1) ?? '');
  const modifiers = parts.slice(0, -1).filter((part) => part !== '');
  if (modifiers.some((modifier) => CLEARING_MODIFIERS.has(modifier.toLowerCase()))) return false;
  // A function key is not on the board, and F11 is full screen everywhere.
  if (/^F([1-9]|1\d|2[0-4])$/.test(key)) return false;
  return true;
}

describe('buildMenuTemplate', () => {
  it('on Windows and Linux: File, Edit, View, Help, with Quit in File', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const items = template(platform);
      expect(items.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Help']);
      expect(describeItems(topMenu(items, 'File'))).toEqual([{ what: 'quit', label: 'Quit', accelerator: platform === 'win32' ? undefined : 'CmdOrCtrl+Q' }]);
      expect(describeItems(topMenu(items, 'Help'))).toEqual([
        { what: MENU_IDS.about, label: 'About Aftertab', accelerator: undefined },
        { what: MENU_IDS.openLogs, label: 'Open Logs Folder', accelerator: undefined },
        { what: MENU_IDS.openData, label: 'Open Data Folder', accelerator: undefined },
      ]);
    }
  });

  it('on macOS: the app menu first with about, hide and quit; About is not repeated in Help', () => {
    const items = template('darwin');
    expect(items.map((item) => item.label)).toEqual(['Aftertab', 'Edit', 'View', 'Help']);
    expect(describeItems(topMenu(items, 'Aftertab'))).toEqual([
      { what: MENU_IDS.about, label: 'About Aftertab', accelerator: undefined },
      { what: 'hide', accelerator: 'Command+H' },
      { what: 'hideOthers', accelerator: 'Command+Alt+H' },
      { what: 'unhide', accelerator: undefined },
      { what: 'quit', label: 'Quit Aftertab', accelerator: 'Command+Q' },
    ]);
    expect(describeItems(topMenu(items, 'Help')).map((item) => item.what)).toEqual([MENU_IDS.openLogs, MENU_IDS.openData]);
  });

  it('Edit is the text roles, so copy and paste work in every field', () => {
    expect(describeItems(topMenu(template('win32'), 'Edit'))).toEqual([
      { what: 'undo', accelerator: 'CmdOrCtrl+Z' },
      { what: 'redo', accelerator: 'Control+Y' },
      { what: 'cut', accelerator: 'CmdOrCtrl+X' },
      { what: 'copy', accelerator: 'CmdOrCtrl+C' },
      { what: 'paste', accelerator: 'CmdOrCtrl+V' },
      { what: 'selectAll', accelerator: 'CmdOrCtrl+A' },
    ]);
    const redo = topMenu(template('darwin'), 'Edit').find((item) => item.role === 'redo');
    expect(redo?.accelerator).toBe('Shift+CmdOrCtrl+Z');
  });

  it('View has zoom, full screen and kiosk with their keys; zoom also answers Plus and the number pad', () => {
    for (const platform of PLATFORMS) {
      const view = topMenu(template(platform), 'View');
      expect(describeItems(view)).toEqual([
        { what: MENU_IDS.zoomIn, label: 'Zoom In', accelerator: 'CmdOrCtrl+=' },
        { what: MENU_IDS.zoomOut, label: 'Zoom Out', accelerator: 'CmdOrCtrl+-' },
        { what: MENU_IDS.resetZoom, label: 'Actual Size', accelerator: 'CmdOrCtrl+0' },
        { what: MENU_IDS.fullScreen, label: 'Toggle Full Screen', accelerator: platform === 'darwin' ? 'Ctrl+Command+F' : 'F11' },
        { what: MENU_IDS.kiosk, label: 'Kiosk Mode', accelerator: KIOSK_ACCELERATOR },
      ]);
      const hidden = view.filter((item) => item.visible === false);
      expect(hidden.map((item) => item.accelerator)).toEqual(['CmdOrCtrl+Plus', 'CmdOrCtrl+numadd', 'CmdOrCtrl+numsub', 'CmdOrCtrl+num0']);
      expect(hidden.every((item) => item.acceleratorWorksWhenHidden === true)).toBe(true);
    }
  });

  it('the kiosk item is a checkbox showing the remembered choice', () => {
    const kioskItem = (kiosk: boolean) => allItems(template('linux', true, kiosk)).find((item) => item.id === MENU_IDS.kiosk);
    expect(kioskItem(false)).toMatchObject({ type: 'checkbox', checked: false });
    expect(kioskItem(true)).toMatchObject({ type: 'checkbox', checked: true });
  });

  it('each item calls its own action', () => {
    const actions = noActions();
    const items = allItems(buildMenuTemplate({ platform: 'win32', isPackaged: true, kiosk: false, actions }));
    const click = (id: string) => items.find((item) => item.id === id)?.click?.({} as never, undefined, {} as never);
    const expected: [string, keyof MenuActions][] = [
      [MENU_IDS.zoomIn, 'zoomIn'],
      [MENU_IDS.zoomOut, 'zoomOut'],
      [MENU_IDS.resetZoom, 'resetZoom'],
      [MENU_IDS.fullScreen, 'toggleFullScreen'],
      [MENU_IDS.kiosk, 'toggleKiosk'],
      [MENU_IDS.about, 'about'],
      [MENU_IDS.openLogs, 'openLogsFolder'],
      [MENU_IDS.openData, 'openDataFolder'],
    ];
    for (const [id, action] of expected) {
      click(id);
      expect(actions[action], id).toHaveBeenCalledTimes(1);
    }
    const hiddenZoom = items.filter((item) => item.visible === false);
    for (const item of hiddenZoom) item.click?.({} as never, undefined, {} as never);
    expect(actions.zoomIn).toHaveBeenCalledTimes(3);
    expect(actions.zoomOut).toHaveBeenCalledTimes(2);
    expect(actions.resetZoom).toHaveBeenCalledTimes(2);
  });

  it('no accelerator on any platform is a bare key the board uses', () => {
    expect(BOARD_KEYS.filter((key) => !takesKeyFromBoard(key))).toEqual([]);
    expect(['Shift+N', 'Shift+/', 'Enter', 'F11', 'CmdOrCtrl+0', 'Alt+N'].map(takesKeyFromBoard)).toEqual([true, true, true, false, false, false]);
    let checked = 0;
    for (const platform of PLATFORMS) {
      for (const isPackaged of [true, false]) {
        for (const item of allItems(template(platform, isPackaged))) {
          if (item.accelerator === undefined) continue;
          checked += 1;
          expect(takesKeyFromBoard(item.accelerator), `${platform}: ${item.label ?? item.role} (${item.accelerator})`).toBe(false);
        }
      }
    }
    expect(checked).toBeGreaterThan(80);
  });

  it('a packaged app has no developer tools and no reload; development has the devtools toggle', () => {
    const internals = new Set(['toggleDevTools', 'reload', 'forceReload']);
    for (const platform of PLATFORMS) {
      const packaged = allItems(template(platform, true));
      expect(packaged.filter((item) => internals.has(item.role ?? '') || item.id === MENU_IDS.devTools)).toEqual([]);
      const development = allItems(template(platform, false));
      expect(development.filter((item) => internals.has(item.role ?? '')).map((item) => item.role)).toEqual(['toggleDevTools']);
    }
  });
});

describe('aboutDetail', () => {
  it('names the version and every folder on its own line', () => {
    expect(aboutDetail({ version: '1.4.0', dataDir: '/d', ledgerFile: '/d/aftertab.sqlite', backupDir: '/usb', logsDir: '/d/logs' }).split('\n')).toEqual([
      'Version: 1.4.0',
      'Data folder: /d',
      'Ledger file: /d/aftertab.sqlite',
      'Backup folder: /usb',
      'Logs folder: /d/logs',
    ]);
  });
});

// The fakes below stand in for electron's Menu, dialog, shell and a BrowserWindow.

type FakeMenu = { template: Item[]; getMenuItemById(id: string): Item | null };

class FakeWindow {
  kiosk = false;
  fullScreen = false;
  destroyed = false;
  zoomFactor = 1;
  readonly loaded: (() => void)[] = [];
  readonly inputListeners: ((event: { preventDefault(): void }, input: KeyInput) => void)[] = [];
  readonly setKiosk = vi.fn((flag: boolean) => (this.kiosk = flag));
  readonly setFullScreen = vi.fn((flag: boolean) => (this.fullScreen = flag));
  readonly webContents = {
    getZoomFactor: () => this.zoomFactor,
    setZoomFactor: vi.fn((factor: number) => (this.zoomFactor = factor)),
    once: (_event: 'did-finish-load', listener: () => void) => this.loaded.push(listener),
    on: (_event: 'before-input-event', listener: (event: { preventDefault(): void }, input: KeyInput) => void) => this.inputListeners.push(listener),
  };
  isKiosk = () => this.kiosk;
  isFullScreen = () => this.fullScreen;
  isDestroyed = () => this.destroyed;
  /** A key press as Electron reports it to before-input-event; true when it was kept from the page and the menu. */
  press(input: Partial<KeyInput> & { key: string }): boolean {
    const event = { preventDefault: vi.fn() };
    for (const listener of this.inputListeners) listener(event, { type: 'keyDown', control: false, meta: false, shift: false, alt: false, ...input });
    return event.preventDefault.mock.calls.length > 0;
  }
}

function memorySettings(initial: Partial<DeviceSettings> = {}): DeviceSettingsStore & { saved: DeviceSettings } {
  const saved: DeviceSettings = { kiosk: false, zoomFactor: 1, ...initial };
  return { saved, load: () => ({ ...saved }), save: (patch) => Object.assign(saved, patch) };
}

const ABOUT = {
  version: '1.4.0',
  dataDir: '/home/till/.config/Aftertab',
  ledgerFile: '/home/till/.config/Aftertab/aftertab.sqlite',
  backupDir: '/media/usb/aftertab',
  logsDir: '/home/till/.config/Aftertab/logs',
};

function install(
  options: { platform?: NodeJS.Platform; settings?: Partial<DeviceSettings>; answer?: number; openPathError?: string; focused?: FakeWindow | null } = {},
) {
  const window = new FakeWindow();
  const settings = memorySettings(options.settings);
  let about = { ...ABOUT };
  const Menu = {
    buildFromTemplate: vi.fn((template: Item[]): FakeMenu => ({
      template,
      getMenuItemById: (id) => allItems(template).find((item) => item.id === id) ?? null,
    })),
    setApplicationMenu: vi.fn(),
  };
  const showMessageBox = vi.fn((..._args: unknown[]) => Promise.resolve({ response: options.answer ?? 1, checkboxChecked: false }));
  const dialog: MessageBoxDialog<FakeWindow> = { showMessageBox };
  const shell = { openPath: vi.fn((_path: string) => Promise.resolve(options.openPathError ?? '')) };
  const ensureDir = vi.fn();
  const log = vi.fn();
  const focused = options.focused === undefined ? window : options.focused;
  const deps: AppMenuDeps<FakeWindow> = {
    Menu,
    dialog,
    shell,
    getFocusedWindow: () => focused,
    platform: options.platform ?? 'linux',
    isPackaged: true,
    about: () => about,
    settings,
    ensureDir,
    log,
  };
  const appMenu = installAppMenu(deps);
  const item = (id: string): Item => {
    const found = appMenu.menu.getMenuItemById(id);
    if (!found) throw new Error(`no menu item ${id}`);
    return found;
  };
  /** A click as Electron does it: a checkbox flips before its handler runs. */
  const click = (id: string): void => {
    const target = item(id);
    if (target.type === 'checkbox') target.checked = !target.checked;
    target.click?.(target as never, undefined, {} as never);
  };
  const setAbout = (next: Partial<typeof ABOUT>) => (about = { ...about, ...next });
  return { appMenu, window, settings, Menu, showMessageBox, shell, ensureDir, log, item, click, setAbout };
}

/** Lets the message box promises and what follows them settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('installAppMenu', () => {
  it('sets the built menu as the application menu', () => {
    const { Menu, appMenu } = install();
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(appMenu.menu);
  });

  it('zooms the focused window in steps, stops at 300 % and 50 %, and remembers the factor', () => {
    const { window, settings, click } = install();
    click(MENU_IDS.zoomIn);
    expect(window.zoomFactor).toBe(1.1);
    expect(settings.saved.zoomFactor).toBe(1.1);
    for (let press = 0; press < 20; press += 1) click(MENU_IDS.zoomIn);
    expect(window.zoomFactor).toBe(3);
    expect(settings.saved.zoomFactor).toBe(3);
    for (let press = 0; press < 20; press += 1) click(MENU_IDS.zoomOut);
    expect(window.zoomFactor).toBe(0.5);
    expect(settings.saved.zoomFactor).toBe(0.5);
    click(MENU_IDS.resetZoom);
    expect(window.zoomFactor).toBe(1);
    expect(settings.saved.zoomFactor).toBe(1);
  });

  it('does nothing to zoom when no window has the focus', () => {
    const { settings, click } = install({ focused: null, settings: { zoomFactor: 1.5 } });
    click(MENU_IDS.zoomIn);
    expect(settings.saved.zoomFactor).toBe(1.5);
  });

  it('asks before entering kiosk and explains how to leave; Cancel changes nothing', async () => {
    const { window, settings, showMessageBox, click, item } = install({ answer: 1 });
    click(MENU_IDS.kiosk);
    await settle();
    expect(showMessageBox).toHaveBeenCalledTimes(1);
    const [parent, options] = showMessageBox.mock.calls[0] ?? [];
    expect(parent).toBe(window);
    expect(options).toMatchObject({ type: 'question', buttons: ['Enter Kiosk Mode', 'Cancel'], cancelId: 1, defaultId: 1 });
    expect(String((options as { detail?: string }).detail)).toContain('press Ctrl+Shift+K again');
    expect(window.setKiosk).not.toHaveBeenCalled();
    expect(settings.saved.kiosk).toBe(false);
    expect(item(MENU_IDS.kiosk).checked).toBe(false);
  });

  it('entering and leaving kiosk from the menu sets it on the window and remembers it', async () => {
    const { window, settings, showMessageBox, click, item } = install({ answer: 0, platform: 'darwin' });
    click(MENU_IDS.kiosk);
    await settle();
    expect(String((showMessageBox.mock.calls[0]?.[1] as { detail?: string }).detail)).toContain('Cmd+Shift+K');
    expect(window.setKiosk).toHaveBeenLastCalledWith(true);
    expect(settings.saved.kiosk).toBe(true);
    expect(item(MENU_IDS.kiosk).checked).toBe(true);

    click(MENU_IDS.kiosk);
    await settle();
    expect(showMessageBox).toHaveBeenCalledTimes(1);
    expect(window.setKiosk).toHaveBeenLastCalledWith(false);
    expect(settings.saved.kiosk).toBe(false);
    expect(item(MENU_IDS.kiosk).checked).toBe(false);
  });

  it('asks only once when the kiosk keys are pressed again while the question is open', async () => {
    const { showMessageBox, click } = install({ answer: 1 });
    click(MENU_IDS.kiosk);
    click(MENU_IDS.kiosk);
    await settle();
    expect(showMessageBox).toHaveBeenCalledTimes(1);
  });

  it('the window leaves kiosk on the kiosk keys even when the hidden menu does not hear them', () => {
    const { appMenu, window, settings, item } = install({ settings: { kiosk: true } });
    appMenu.attachWindow(window);
    window.kiosk = true;
    expect(window.press({ key: 'k', shift: true })).toBe(false);
    expect(window.press({ key: 'K', control: true, alt: true, shift: true })).toBe(false);
    expect(window.setKiosk).not.toHaveBeenCalled();
    expect(window.press({ key: 'K', control: true, shift: true })).toBe(true);
    expect(window.setKiosk).toHaveBeenCalledWith(false);
    expect(settings.saved.kiosk).toBe(false);
    expect(item(MENU_IDS.kiosk).checked).toBe(false);
    // Out of kiosk the keys go on to the menu, which asks before entering again.
    expect(window.press({ key: 'K', control: true, shift: true })).toBe(false);
  });

  it('on macOS the kiosk keys are Cmd+Shift+K', () => {
    const { appMenu, window } = install({ platform: 'darwin' });
    appMenu.attachWindow(window);
    window.kiosk = true;
    expect(window.press({ key: 'K', control: true, shift: true })).toBe(false);
    expect(window.press({ key: 'K', meta: true, shift: true })).toBe(true);
    expect(window.kiosk).toBe(false);
  });

  it('a new window gets this PC’s kiosk and zoom once loaded, and the menu shows kiosk checked', () => {
    const { appMenu, window, item } = install({ settings: { kiosk: true, zoomFactor: 1.75 } });
    expect(item(MENU_IDS.kiosk).checked).toBe(true);
    appMenu.attachWindow(window);
    expect(window.setKiosk).not.toHaveBeenCalled();
    for (const listener of window.loaded) listener();
    expect(window.setKiosk).toHaveBeenCalledWith(true);
    expect(window.zoomFactor).toBe(1.75);
  });

  it('full screen toggles on the focused window but never undoes kiosk', () => {
    const { window, click } = install();
    click(MENU_IDS.fullScreen);
    expect(window.fullScreen).toBe(true);
    click(MENU_IDS.fullScreen);
    expect(window.fullScreen).toBe(false);
    window.kiosk = true;
    click(MENU_IDS.fullScreen);
    expect(window.setFullScreen).toHaveBeenCalledTimes(2);
  });

  it('About shows the version, data folder, ledger file and the backup folder as it is now', async () => {
    const { showMessageBox, click, setAbout } = install();
    click(MENU_IDS.about);
    await settle();
    const first = showMessageBox.mock.calls[0]?.[1] as { message: string; detail: string; type: string };
    expect(first.type).toBe('info');
    expect(first.message).toContain('1.4.0');
    for (const text of [ABOUT.version, ABOUT.dataDir, ABOUT.ledgerFile, ABOUT.backupDir]) expect(first.detail).toContain(text);
    setAbout({ backupDir: '/media/other-stick' });
    click(MENU_IDS.about);
    await settle();
    expect((showMessageBox.mock.calls[1]?.[1] as { detail: string }).detail).toContain('Backup folder: /media/other-stick');
  });

  it('About opens without a parent when no window has the focus', async () => {
    const { showMessageBox, click } = install({ focused: null, platform: 'darwin' });
    click(MENU_IDS.about);
    await settle();
    expect(showMessageBox).toHaveBeenCalledTimes(1);
    expect(showMessageBox.mock.calls[0]?.[0]).toMatchObject({ title: 'About Aftertab' });
  });

  it('Open Logs Folder creates and opens the logs folder; Open Data Folder opens the data folder', async () => {
    const { shell, ensureDir, showMessageBox, click } = install();
    click(MENU_IDS.openLogs);
    await settle();
    expect(ensureDir).toHaveBeenCalledWith(ABOUT.logsDir);
    expect(shell.openPath).toHaveBeenLastCalledWith(ABOUT.logsDir);
    click(MENU_IDS.openData);
    await settle();
    expect(shell.openPath).toHaveBeenLastCalledWith(ABOUT.dataDir);
    expect(showMessageBox).not.toHaveBeenCalled();
  });

  it('says so when a folder cannot be opened', async () => {
    const { showMessageBox, click, log } = install({ openPathError: 'No application is associated' });
    click(MENU_IDS.openLogs);
    await settle();
    expect(showMessageBox.mock.calls[0]?.[1]).toMatchObject({
      type: 'error',
      message: `Aftertab could not open ${ABOUT.logsDir}`,
      detail: 'No application is associated',
    });
    expect(log).not.toHaveBeenCalled();
  });
});

describe('the real Electron objects fit what installAppMenu asks for', () => {
  it('type-checks BrowserWindow, dialog, shell and Menu against the deps', () => {
    expectTypeOf<BrowserWindow>().toExtend<MenuWindow>();
    expectTypeOf<Dialog>().toExtend<MessageBoxDialog<BrowserWindow>>();
    expectTypeOf<Shell>().toExtend<AppMenuDeps<BrowserWindow>['shell']>();
    expectTypeOf<typeof Menu>().toExtend<{ buildFromTemplate(template: Item[]): Menu; setApplicationMenu(menu: Menu | null): void }>();
    expectTypeOf<ReturnType<Menu['getMenuItemById']>>().toExtend<{ checked?: boolean } | null>();
  });
});

describe("the menu in this PC's language", () => {
  it('labels every item from the catalogue: German and Spanish, English by default', () => {
    const labels = (words?: MenuWords) =>
      buildMenuTemplate({ platform: 'linux', isPackaged: true, kiosk: false, actions: noActions(), ...(words ? { words } : {}) }).map((menu) => menu.label);
    expect(labels()).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(labels(menuWords('de'))).toEqual(['Datei', 'Bearbeiten', 'Ansicht', 'Hilfe']);
    expect(labels(menuWords('es'))).toEqual(['Archivo', 'Edición', 'Ver', 'Ayuda']);
    expect(
      aboutDetail({ version: '0.1.0', dataDir: '/d', ledgerFile: '/d/a.sqlite', backupDir: '/b', logsDir: '/d/logs' }, menuWords('de')).split('\n')[1],
    ).toBe('Datenordner: /d');
  });
});
