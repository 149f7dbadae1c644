import type { MenuItemConstructorOptions, MessageBoxOptions, MessageBoxReturnValue } from 'electron';
import { allCatalogues } from '../shared/i18n/all-catalogues';
import { createTranslator, type MessageKey, type Translator } from '../shared/i18n/translator';
import type { UiLanguage } from '../shared/i18n/languages';
import { english } from '../shared/i18n/english';
import { applyDeviceSettings, clampZoom, DEFAULT_DEVICE_SETTINGS, stepZoom, type DeviceSettingsStore, type DeviceWindow } from './device-settings';

/** What Help › About shows; read at the moment it opens, since the backup folder can change. */
export type AboutInfo = { version: string; dataDir: string; ledgerFile: string; backupDir: string; logsDir: string };

export type MenuActions = {
  zoomIn(): void;
  zoomOut(): void;
  resetZoom(): void;
  toggleFullScreen(): void;
  toggleKiosk(): void;
  about(): void;
  openLogsFolder(): void;
  openDataFolder(): void;
};

/** The menu's words in this PC's language (English unless a translator is given). */
export type MenuWords = (key: Extract<MessageKey, `menu.${string}`>, params?: Record<string, string | number>) => string;
const englishWords: MenuWords = (key, params) => english(key, params);

// One translator per language, kept: it compiles each message once however often the menu is built.
const menuTranslators = new Map<UiLanguage, Translator>();

/** The menu's words in a language; the pseudo-locale's menu stays English (native menus are not tested in it). */
export function menuWords(language: UiLanguage): MenuWords {
  if (language === 'pseudo' || language === 'en') return englishWords;
  let translator = menuTranslators.get(language);
  if (!translator) {
    translator = createTranslator(language, allCatalogues);
    menuTranslators.set(language, translator);
  }
  const words = translator;
  return (key, params) => words.t(key, params);
}

export type MenuTemplateDeps = {
  platform: NodeJS.Platform;
  words?: MenuWords;
  isPackaged: boolean;
  /** Whether the kiosk item starts checked: the remembered choice for this PC. */
  kiosk: boolean;
  actions: MenuActions;
};

type KeyInput = { type: string; key: string; control: boolean; meta: boolean; shift: boolean; alt: boolean };

/** The part of a BrowserWindow the menu drives; a real BrowserWindow fits it. */
export type MenuWindow = DeviceWindow & {
  isDestroyed(): boolean;
  isKiosk(): boolean;
  isFullScreen(): boolean;
  setFullScreen(flag: boolean): void;
  webContents: DeviceWindow['webContents'] & {
    getZoomFactor(): number;
    on(event: 'before-input-event', listener: (event: { preventDefault(): void }, input: KeyInput) => void): unknown;
  };
};

export type MessageBoxDialog<W> = {
  showMessageBox(window: W, options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
  showMessageBox(options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
};

type MenuLike = { getMenuItemById(id: string): { checked?: boolean } | null };

export type AppMenuDeps<W extends MenuWindow, M extends MenuLike> = {
  Menu: { buildFromTemplate(template: MenuItemConstructorOptions[]): M; setApplicationMenu(menu: M | null): void };
  dialog: MessageBoxDialog<W>;
  shell: { openPath(path: string): Promise<string> };
  getFocusedWindow: () => W | null;
  platform: NodeJS.Platform;
  isPackaged: boolean;
  about: () => AboutInfo;
  settings: DeviceSettingsStore;
  /** The menu's and its dialogs' words in this PC's language, asked each time the menu is built. */
  words?: () => MenuWords;
  /** Creates a folder before it is opened (the logs folder may not exist yet). */
  ensureDir?: (dir: string) => void;
  /** Where a failed dialog is reported; console.error unless a test says otherwise. */
  log?: (message: string, error: unknown) => void;
};

export type AppMenu<M> = {
  menu: M;
  /** Builds the menu again in this PC's language, after it changed. */
  relabel(): void;
  /** Applies this PC's kiosk and zoom to a new window and lets the kiosk keys leave kiosk there. */
  attachWindow(window: MenuWindow): void;
};

export const MENU_IDS = {
  about: 'about',
  zoomIn: 'zoom-in',
  zoomOut: 'zoom-out',
  resetZoom: 'zoom-reset',
  fullScreen: 'full-screen',
  kiosk: 'kiosk',
  devTools: 'dev-tools',
  openLogs: 'open-logs',
  openData: 'open-data',
} as const;

// Modified, so it never reaches the board, whose keys are all bare (N, digits, /, Enter, Esc).
export const KIOSK_ACCELERATOR = 'CmdOrCtrl+Shift+K';

const separator: MenuItemConstructorOptions = { type: 'separator' };

function kioskKeysLabel(platform: NodeJS.Platform): string {
  return platform === 'darwin' ? 'Cmd+Shift+K' : 'Ctrl+Shift+K';
}

/** The about box's text, one line per place on disk, so support can be told where things are. */
export function aboutDetail(info: AboutInfo, words: MenuWords = englishWords): string {
  return [
    words('menu.about.version', { version: info.version }),
    words('menu.about.dataFolder', { folder: info.dataDir }),
    words('menu.about.ledgerFile', { file: info.ledgerFile }),
    words('menu.about.backupFolder', { folder: info.backupDir }),
    words('menu.about.logsFolder', { folder: info.logsDir }),
  ].join('\n');
}

export function buildMenuTemplate(deps: MenuTemplateDeps): MenuItemConstructorOptions[] {
  const { actions } = deps;
  const w = deps.words ?? englishWords;
  const mac = deps.platform === 'darwin';
  const about: MenuItemConstructorOptions = { id: MENU_IDS.about, label: w('menu.about'), click: () => actions.about() };
  // Hidden twins give zoom the keys people also reach for (Plus with Shift, the number pad).
  const hiddenTwin = (accelerator: string, click: () => void): MenuItemConstructorOptions => ({
    label: w('menu.zoom'),
    accelerator,
    visible: false,
    acceleratorWorksWhenHidden: true,
    click,
  });

  const appMenu: MenuItemConstructorOptions = mac
    ? {
        label: 'Aftertab',
        submenu: [
          about,
          separator,
          { role: 'hide', accelerator: 'Command+H' },
          { role: 'hideOthers', accelerator: 'Command+Alt+H' },
          { role: 'unhide' },
          separator,
          { role: 'quit', label: w('menu.quitApp'), accelerator: 'Command+Q' },
        ],
      }
    : // Windows closes with Alt+F4 and has no quit chord of its own; Linux desktops use Ctrl+Q.
      { label: w('menu.file'), submenu: [{ role: 'quit', label: w('menu.quit'), ...(deps.platform === 'win32' ? {} : { accelerator: 'CmdOrCtrl+Q' }) }] };

  const edit: MenuItemConstructorOptions = {
    label: w('menu.edit'),
    submenu: [
      { role: 'undo', accelerator: 'CmdOrCtrl+Z' },
      { role: 'redo', accelerator: deps.platform === 'win32' ? 'Control+Y' : 'Shift+CmdOrCtrl+Z' },
      separator,
      { role: 'cut', accelerator: 'CmdOrCtrl+X' },
      { role: 'copy', accelerator: 'CmdOrCtrl+C' },
      { role: 'paste', accelerator: 'CmdOrCtrl+V' },
      separator,
      { role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: w('menu.view'),
    submenu: [
      { id: MENU_IDS.zoomIn, label: w('menu.zoomIn'), accelerator: 'CmdOrCtrl+=', click: () => actions.zoomIn() },
      hiddenTwin('CmdOrCtrl+Plus', () => actions.zoomIn()),
      hiddenTwin('CmdOrCtrl+numadd', () => actions.zoomIn()),
      { id: MENU_IDS.zoomOut, label: w('menu.zoomOut'), accelerator: 'CmdOrCtrl+-', click: () => actions.zoomOut() },
      hiddenTwin('CmdOrCtrl+numsub', () => actions.zoomOut()),
      { id: MENU_IDS.resetZoom, label: w('menu.actualSize'), accelerator: 'CmdOrCtrl+0', click: () => actions.resetZoom() },
      hiddenTwin('CmdOrCtrl+num0', () => actions.resetZoom()),
      separator,
      {
        id: MENU_IDS.fullScreen,
        label: w('menu.fullScreen'),
        accelerator: mac ? 'Ctrl+Command+F' : 'F11',
        click: () => actions.toggleFullScreen(),
      },
      {
        id: MENU_IDS.kiosk,
        label: w('menu.kiosk'),
        type: 'checkbox',
        checked: deps.kiosk,
        accelerator: KIOSK_ACCELERATOR,
        click: () => actions.toggleKiosk(),
      },
      // A packaged till offers no way into its own internals or a reload that drops a half-typed tab.
      ...(deps.isPackaged
        ? []
        : [
            separator,
            { id: MENU_IDS.devTools, role: 'toggleDevTools', accelerator: mac ? 'Alt+Command+I' : 'Ctrl+Shift+I' } satisfies MenuItemConstructorOptions,
          ]),
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: w('menu.help'),
    submenu: [
      // macOS keeps About in the app menu.
      ...(mac ? [] : [about, separator]),
      { id: MENU_IDS.openLogs, label: w('menu.openLogs'), click: () => actions.openLogsFolder() },
      { id: MENU_IDS.openData, label: w('menu.openData'), click: () => actions.openDataFolder() },
    ],
  };

  return [appMenu, edit, view, help];
}

function isKioskChord(input: KeyInput, platform: NodeJS.Platform): boolean {
  const command = platform === 'darwin' ? input.meta && !input.control : input.control && !input.meta;
  return input.type === 'keyDown' && command && input.shift && !input.alt && input.key.toLowerCase() === 'k';
}

/** Sets the application menu and wires its actions to the focused window, the dialogs and this PC's settings. */
export function installAppMenu<W extends MenuWindow, M extends MenuLike>(deps: AppMenuDeps<W, M>): AppMenu<M> {
  const log = deps.log ?? ((message, error) => console.error(`[aftertab] ${message}`, error));
  // The words of the language the menu was last built in (each change of language builds it again),
  // asked for once per build rather than once per label.
  let w: MenuWords = englishWords;
  let menu: M | null = null;
  let askingForKiosk = false;

  const focused = (): W | null => {
    const window = deps.getFocusedWindow();
    return window && !window.isDestroyed() ? window : null;
  };
  const showMessageBox = (options: MessageBoxOptions): Promise<MessageBoxReturnValue> => {
    const parent = focused();
    return parent ? deps.dialog.showMessageBox(parent, options) : deps.dialog.showMessageBox(options);
  };
  // Electron flips a checkbox before its click runs; the item must show the window's real state.
  const showKiosk = (on: boolean): void => {
    const item = menu?.getMenuItemById(MENU_IDS.kiosk);
    if (item) item.checked = on;
  };
  const setKiosk = (window: MenuWindow, on: boolean): void => {
    window.setKiosk(on);
    deps.settings.save({ kiosk: on });
    showKiosk(on);
  };
  const zoom = (next: (current: number) => number): void => {
    const window = focused();
    if (!window) return;
    const factor = clampZoom(next(window.webContents.getZoomFactor()));
    window.webContents.setZoomFactor(factor);
    deps.settings.save({ zoomFactor: factor });
  };

  const askToEnterKiosk = async (window: W): Promise<void> => {
    const keys = kioskKeysLabel(deps.platform);
    const { response } = await deps.dialog.showMessageBox(window, {
      type: 'question',
      title: w('menu.kiosk.title'),
      message: w('menu.kiosk.question'),
      detail: w('menu.kiosk.detail', { keys }),
      buttons: [w('menu.kiosk.enter'), w('menu.cancel')],
      // Cancel by default: an Enter meant for the till must not lock the screen.
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    if (response === 0 && !window.isDestroyed()) setKiosk(window, true);
    else showKiosk(window.isDestroyed() ? deps.settings.load().kiosk : window.isKiosk());
  };

  const openFolder = async (dir: string): Promise<void> => {
    try {
      deps.ensureDir?.(dir);
      const failure = await deps.shell.openPath(dir);
      if (failure) throw new Error(failure);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await showMessageBox({
        type: 'error',
        title: 'Aftertab',
        message: w('menu.openFailed', { folder: dir }),
        detail: reason,
        buttons: [w('menu.ok')],
        noLink: true,
      });
    }
  };
  const run = (what: string, task: Promise<unknown>): void => {
    task.catch((error: unknown) => log(`${what} failed:`, error));
  };

  const actions: MenuActions = {
    zoomIn: () => zoom((current) => stepZoom(current, 1)),
    zoomOut: () => zoom((current) => stepZoom(current, -1)),
    resetZoom: () => zoom(() => DEFAULT_DEVICE_SETTINGS.zoomFactor),
    toggleFullScreen: () => {
      const window = focused();
      // Kiosk is already full screen; a stray F11 must not leave half of it behind.
      if (window && !window.isKiosk()) window.setFullScreen(!window.isFullScreen());
    },
    toggleKiosk: () => {
      const window = focused();
      if (!window) return showKiosk(deps.settings.load().kiosk);
      if (window.isKiosk()) return setKiosk(window, false);
      if (askingForKiosk) return showKiosk(false);
      askingForKiosk = true;
      run(
        'Asking for kiosk mode',
        askToEnterKiosk(window).finally(() => (askingForKiosk = false)),
      );
    },
    about: () => {
      const info = deps.about();
      run(
        'The about box',
        showMessageBox({
          type: 'info',
          title: w('menu.about'),
          message: `Aftertab ${info.version}`,
          detail: aboutDetail(info, w),
          buttons: [w('menu.ok')],
          noLink: true,
        }),
      );
    },
    openLogsFolder: () => run('Opening the logs folder', openFolder(deps.about().logsDir)),
    openDataFolder: () => run('Opening the data folder', openFolder(deps.about().dataDir)),
  };

  const build = (): M => {
    w = deps.words?.() ?? englishWords;
    const made = deps.Menu.buildFromTemplate(
      buildMenuTemplate({ platform: deps.platform, isPackaged: deps.isPackaged, kiosk: deps.settings.load().kiosk, actions, words: w }),
    );
    menu = made;
    deps.Menu.setApplicationMenu(made);
    return made;
  };
  const built = build();

  return {
    menu: built,
    relabel: () => void build(),
    attachWindow(window) {
      applyDeviceSettings(window, deps.settings.load());
      // In kiosk the menu bar is hidden and, on some desktops, its accelerators go with it; the
      // window itself listens for the kiosk keys so there is always a way out. preventDefault
      // keeps the menu's own accelerator from toggling a second time.
      window.webContents.on('before-input-event', (event, input) => {
        if (!isKioskChord(input, deps.platform) || window.isDestroyed() || !window.isKiosk()) return;
        event.preventDefault();
        setKiosk(window, false);
      });
    },
  };
}
