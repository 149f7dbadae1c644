import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, shell, type App, type Dialog, type Protocol } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { openAppCore, type AppCore } from './app-core';
import { createAppLog, type AppLog } from './app-log';
import { handleAppProtocol, registerAppScheme, RENDERER_URL } from './app-protocol';
import { loadBackupSettings } from './backup/backup-settings';
import { backupBeforeExit, SHUTDOWN_BACKUP_LIMIT_MS } from './backup/shutdown-backup';
import { dataDirName, resolveDataDir } from './data-dir';
import { createDeviceSettingsStore } from './device-settings';
import { createDevicePreferences } from './device-preferences-electron';
import { bindIpc, createTrustedSenderCheck, forwardEvents, type IpcMainLike } from './ipc/electron-binding';
import { createPendingRouter } from './ipc/pending-router';
import { ledgerPath } from './ledger/open';
import { logErrorsTo, type Logger } from './logger';
import { installAppMenu, menuWords, type AboutInfo, type MenuWords } from './menu';
import { EMBEDDED_PROFILE_NAME, profileProblemsText, readProfileFile, type ProfileFile } from './first-run-profile';
import { driverProblemWords, installedBetterSqlite3Version, startDriver, type DriverProblem } from './native/load-driver';
import { bindPrintToPdf } from './print-pdf';
import { createMainWindow, windowTitle } from './window';
import { createWindowStateStore } from './window-state';

type MainWindow = Pick<BrowserWindow, 'isDestroyed' | 'isMinimized' | 'restore' | 'focus' | 'loadURL' | 'webContents'>;

export type MainDeps<W extends MainWindow = MainWindow> = {
  app: Pick<App, 'enableSandbox' | 'getPath' | 'setPath' | 'requestSingleInstanceLock' | 'quit' | 'on' | 'whenReady' | 'getVersion'>;
  dialog: Pick<Dialog, 'showErrorBox'>;
  ipcMain: IpcMainLike;
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle' | 'unhandle'>;
  argv: readonly string[];
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  /** dist/electron/preload.cjs and dist/renderer/index.html, absolute. */
  preloadPath: string;
  rendererIndex: string;
  /** Loads the SQLite build this process needs (native/load-driver.ts); null when it works. */
  startDriver: () => DriverProblem | null;
  /** Creates the data folder: app.setPath throws for a folder that does not exist yet. */
  ensureDir: (dir: string) => void;
  createLog: (options: { dataDir: string }) => AppLog;
  /** Opens the ledger (its check off the main thread, see openAppCore); the window is up meanwhile. */
  startAppCore: (options: { dataDir: string; logger: Logger; onDeviceChange?: () => void }) => AppCore | Promise<AppCore>;
  /** title: windowTitle(), with the store's name when a per-store build carries its profile. */
  createWindow: (options: { preloadPath: string; rendererUrl: string; dataDir: string; title: string }) => W;
  /** The application menu; attachWindow applies this PC's zoom and kiosk to a new window. */
  installMenu: (options: { dataDir: string; about: () => AboutInfo; words: () => MenuWords }) => { attachWindow: (window: W) => void; relabel: () => void };
  getWindows: () => W[];
  /** The store profile a per-store build ships, checked; null for the generic build. */
  storeProfile?: () => ProfileFile | null;
  /** The packaged app's package name ("aftertab", or "aftertab-<slug>" for a branded store build). */
  packageName?: () => string | undefined;
  /** How long quitting waits for the last backup; SHUTDOWN_BACKUP_LIMIT_MS unless a test says otherwise. */
  quitBackupLimitMs?: number;
};

/** Lifecycle and wiring only; everything it calls is passed in so a test can drive it. */
export function runMain<W extends MainWindow>(deps: MainDeps<W>): void {
  const { app } = deps;
  // showErrorBox is safe before ready, so every start-up failure is told the same way.
  const fail = (title: string, error: unknown, dataDir: string): void => {
    const message = error instanceof Error ? error.message : String(error);
    deps.dialog.showErrorBox(title, `${message}\n\nData folder: ${dataDir}`);
    app.quit();
  };
  app.enableSandbox();
  // A scheme's privileges can only be declared before ready.
  registerAppScheme(deps.protocol);
  // The data folder doubles as userData: the single-instance lock is scoped to it, so one
  // ledger gets one process while separate test folders can run side by side.
  // A branded store build (its own package name) keeps its ledger in a folder of its own.
  const dataDir = resolveDataDir(deps.argv, deps.env, path.join(app.getPath('appData'), dataDirName(deps.packageName?.())));

  // Before anything else: without a SQLite build for this Electron nothing can work, and
  // better-sqlite3's own error (a stack about NODE_MODULE_VERSION) helps nobody at a counter.
  const driverProblem = deps.startDriver();
  if (driverProblem !== null) {
    const words = driverProblemWords(driverProblem, dataDir);
    try {
      deps.ensureDir(dataDir);
      const log = deps.createLog({ dataDir });
      log.error(words.logLine);
      log.close();
    } catch {
      // No folder to log into: the dialog and stderr still say it.
      console.error(`[aftertab] ${words.logLine}`);
    }
    deps.dialog.showErrorBox(words.title, words.message);
    app.quit();
    return;
  }

  try {
    deps.ensureDir(dataDir);
    app.setPath('userData', dataDir);
  } catch (error) {
    fail('Aftertab could not use its data folder', error, dataDir);
    return;
  }
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  const log = deps.createLog({ dataDir });
  let core: AppCore | null = null;
  // Windows can open once the commands are bound (the core comes later, beside the first window);
  // a core that finishes opening after will-quit is closed at once.
  let wired = false;
  let stopped = false;
  let menu: { attachWindow: (window: W) => void; relabel: () => void } | null = null;
  const disposers: (() => void)[] = [];
  let title = windowTitle(null);

  const openWindow = (): void => {
    const window = deps.createWindow({ preloadPath: deps.preloadPath, rendererUrl: RENDERER_URL, dataDir, title });
    menu?.attachWindow(window);
    // The window's session is its own (keyed by its webContents); closing it signs its person out.
    const windowId = window.webContents.id;
    window.webContents.once('destroyed', () => core?.commands.forget({ kind: 'window', windowId }));
    window.loadURL(RENDERER_URL).catch((error: unknown) => log.error('the window could not load the renderer', error, { url: RENDERER_URL }));
  };

  app.on('second-instance', () => {
    const window = deps.getWindows().find((candidate) => !candidate.isDestroyed());
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    if (deps.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (wired && deps.getWindows().length === 0) openWindow();
  });
  // Before quitting, one last backup of whatever changed since the previous one, so work done
  // since the last scheduled copy survives damage to the file later. Quitting is held (never
  // for more than the limit) and then asked for again, which this handler lets through.
  let lastBackup: 'not-yet' | 'running' | 'done' = 'not-yet';
  app.on('before-quit', (event) => {
    if (lastBackup === 'done' || !core) return;
    event.preventDefault();
    if (lastBackup === 'running') return;
    lastBackup = 'running';
    void backupBeforeExit(core.backups, {
      limitMs: deps.quitBackupLimitMs ?? SHUTDOWN_BACKUP_LIMIT_MS,
      log: logErrorsTo(log, 'the backup before quitting did not complete'),
    })
      .then((result) => log.info('the backup before quitting', { outcome: result.outcome, name: result.outcome === 'backed-up' ? result.backup.name : null }))
      .finally(() => {
        lastBackup = 'done';
        app.quit();
      });
  });
  app.on('will-quit', () => {
    stopped = true;
    for (const dispose of disposers.splice(0)) dispose();
    core?.close();
    core = null;
    log.close();
  });

  void app.whenReady().then(() => {
    // A per-store build whose profile is broken must not start as a generic store: every problem is shown.
    const profile = deps.storeProfile?.() ?? null;
    if (profile && !profile.ok) {
      log.error('the store profile cannot be used', undefined, { file: profile.file, problems: profile.problems.length });
      fail('Aftertab cannot use its store profile', new Error(profileProblemsText(profile)), dataDir);
      return;
    }
    if (profile) title = windowTitle(profile.profile.name);
    disposers.push(handleAppProtocol(deps.protocol, path.dirname(deps.rendererIndex)));
    // Before the window, so it never shows without the menu (or kiosk and zoom); until the ledger
    // answers, the menu speaks English and the About box reads the folders from their files.
    menu = deps.installMenu({
      dataDir,
      about: () => ({
        version: app.getVersion(),
        dataDir,
        ledgerFile: core?.host.file ?? ledgerPath(dataDir),
        backupDir: core?.backups.settings().folder ?? loadBackupSettings(dataDir).settings.folder,
        logsDir: log.dir,
      }),
      // The menu speaks this PC's language, and follows the store's when the PC has none of its own.
      words: () => menuWords(core?.device().screenLanguage ?? 'en'),
    });
    // Commands from the window wait here until the ledger has passed (or failed) its start-up check.
    const commands = createPendingRouter();
    const relabelOnStoreChange = commands.subscribe((event) => {
      if (event.type === 'store.changed') menu?.relabel();
    });
    disposers.push(relabelOnStoreChange);
    const isTrustedSender = createTrustedSenderCheck({ rendererUrl: RENDERER_URL, getWindows: deps.getWindows });
    disposers.push(bindIpc({ ipcMain: deps.ipcMain, commands, isTrustedSender }));
    disposers.push(bindPrintToPdf({ ipcMain: deps.ipcMain, isTrustedSender }));
    disposers.push(forwardEvents(commands, deps.getWindows));
    wired = true;
    // The window first: it loads and paints its starting state while the ledger is checked off
    // the main thread. A ledger that failed its check leaves the core in recovery mode (the core
    // logs it): the window then moves on to the recovery screen, which offers the newest good backup.
    openWindow();
    void Promise.resolve()
      .then(() => deps.startAppCore({ dataDir, logger: log, onDeviceChange: () => menu?.relabel(), ...(profile ? { profile: profile.profile } : {}) }))
      .then(
        (started) => {
          if (stopped) {
            started.close();
            return;
          }
          core = started;
          commands.ready(started.commands);
          menu?.relabel();
        },
        (error: unknown) => {
          if (stopped) return;
          // Never fall back to a fresh ledger: an empty till would hide every open tab.
          log.error('Aftertab could not open its ledger', error, { dataDir });
          commands.failed({ code: 'internal', message: 'Aftertab could not open its ledger.' });
          fail('Aftertab could not open its ledger', error, dataDir);
        },
      );
  });
}

/** The profile a per-store build carries as an extra resource, when there is one. */
export function embeddedProfileFile(resourcesPath: string | undefined, exists: (file: string) => boolean): string | null {
  if (!resourcesPath) return null;
  const file = path.join(resourcesPath, EMBEDDED_PROFILE_NAME);
  return exists(file) ? file : null;
}

// Bundled to dist/electron/main.cjs, so __dirname is dist/electron (inside the asar when packaged)
// and the checkout's root, where native/electron lives, is two folders up.
const appRoot = path.join(__dirname, '..', '..');

runMain<BrowserWindow>({
  app,
  dialog,
  ipcMain,
  protocol,
  argv: process.argv,
  env: process.env,
  platform: process.platform,
  preloadPath: path.join(__dirname, 'preload.cjs'),
  rendererIndex: path.join(__dirname, '..', 'renderer', 'index.html'),
  startDriver: () =>
    startDriver({
      appRoot,
      runtime: {
        electron: process.versions.electron,
        abi: process.versions.modules,
        platform: process.platform,
        arch: process.arch,
        isPackaged: app.isPackaged,
      },
      betterSqlite3: installedBetterSqlite3Version(),
    }),
  ensureDir: (dir) => fs.mkdirSync(dir, { recursive: true }),
  createLog: ({ dataDir }) => createAppLog({ dataDir, console: !app.isPackaged }),
  // The PIN key is sealed by the OS secret store where there is a real one; Linux's "basic_text"
  // fallback uses a fixed key, so there the 0600 file is as good and says what it is.
  startAppCore: (options) =>
    openAppCore({
      ...options,
      device: createDevicePreferences({ cwd: options.dataDir }),
      secretBox:
        safeStorage.isEncryptionAvailable() && !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') ? safeStorage : null,
    }),
  createWindow: ({ preloadPath, rendererUrl, dataDir, title }) =>
    createMainWindow({ preloadPath, rendererUrl, title, state: createWindowStateStore({ cwd: dataDir }) }),
  installMenu: ({ dataDir, about, words }) =>
    installAppMenu<BrowserWindow, Menu>({
      Menu,
      dialog,
      shell,
      getFocusedWindow: () => BrowserWindow.getFocusedWindow(),
      platform: process.platform,
      isPackaged: app.isPackaged,
      settings: createDeviceSettingsStore({ cwd: dataDir }),
      words,
      ensureDir: (dir) => fs.mkdirSync(dir, { recursive: true }),
      about,
    }),
  getWindows: () => BrowserWindow.getAllWindows(),
  packageName: () => {
    try {
      return (JSON.parse(fs.readFileSync(path.join(app.getAppPath(), 'package.json'), 'utf8')) as { name?: string }).name;
    } catch {
      return undefined;
    }
  },
  storeProfile: () => {
    // process.resourcesPath is Electron's; absent when this file runs under plain Node in tests.
    const file = embeddedProfileFile((process as { resourcesPath?: string }).resourcesPath, fs.existsSync);
    return file ? readProfileFile(file) : null;
  },
});
