import { app, BrowserWindow, dialog, ipcMain, type App, type Dialog } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startAppCore, type AppCore } from './app-core';
import { backupBeforeExit, SHUTDOWN_BACKUP_LIMIT_MS } from './backup/shutdown-backup';
import { APP_DIR_NAME, resolveDataDir } from './data-dir';
import { bindIpc, createTrustedSenderCheck, forwardEvents, type IpcMainLike } from './ipc/electron-binding';
import { bindPrintToPdf } from './print-pdf';
import { createMainWindow } from './window';
import { createWindowStateStore } from './window-state';

type MainWindow = Pick<BrowserWindow, 'isDestroyed' | 'isMinimized' | 'restore' | 'focus' | 'loadFile' | 'webContents'>;

export type MainDeps = {
  app: Pick<App, 'enableSandbox' | 'getPath' | 'setPath' | 'requestSingleInstanceLock' | 'quit' | 'on' | 'whenReady'>;
  dialog: Pick<Dialog, 'showErrorBox'>;
  ipcMain: IpcMainLike;
  argv: readonly string[];
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  /** dist/electron/preload.cjs and dist/renderer/index.html, absolute. */
  preloadPath: string;
  rendererIndex: string;
  /** Creates the data folder: app.setPath throws for a folder that does not exist yet. */
  ensureDir: (dir: string) => void;
  startAppCore: (options: { dataDir: string }) => AppCore;
  createWindow: (options: { preloadPath: string; rendererUrl: string; dataDir: string }) => MainWindow;
  getWindows: () => MainWindow[];
  /** How long quitting waits for the last backup; SHUTDOWN_BACKUP_LIMIT_MS unless a test says otherwise. */
  quitBackupLimitMs?: number;
};

/** Lifecycle and wiring only; everything it calls is passed in so a test can drive it. */
export function runMain(deps: MainDeps): void {
  const { app } = deps;
  // showErrorBox is safe before ready, so every start-up failure is told the same way.
  const fail = (title: string, error: unknown, dataDir: string): void => {
    const message = error instanceof Error ? error.message : String(error);
    deps.dialog.showErrorBox(title, `${message}\n\nData folder: ${dataDir}`);
    app.quit();
  };
  app.enableSandbox();
  // The data folder doubles as userData: the single-instance lock is scoped to it, so one
  // ledger gets one process while separate test folders can run side by side.
  const dataDir = resolveDataDir(deps.argv, deps.env, path.join(app.getPath('appData'), APP_DIR_NAME));
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

  const rendererUrl = pathToFileURL(deps.rendererIndex).href;
  let core: AppCore | null = null;
  const disposers: (() => void)[] = [];

  const openWindow = (): void => {
    const window = deps.createWindow({ preloadPath: deps.preloadPath, rendererUrl, dataDir });
    window.loadFile(deps.rendererIndex).catch((error: unknown) => {
      console.error('[aftertab] the window could not load the renderer:', error);
    });
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
    if (core && deps.getWindows().length === 0) openWindow();
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
    const log = (error: unknown): void => console.error('[aftertab] the backup before quitting failed:', error);
    void backupBeforeExit(core.backups, { limitMs: deps.quitBackupLimitMs ?? SHUTDOWN_BACKUP_LIMIT_MS, log }).finally(() => {
      lastBackup = 'done';
      app.quit();
    });
  });
  app.on('will-quit', () => {
    for (const dispose of disposers.splice(0)) dispose();
    core?.close();
    core = null;
  });

  void app.whenReady().then(() => {
    try {
      core = deps.startAppCore({ dataDir });
    } catch (error) {
      // Never fall back to a fresh ledger: an empty till would hide every open tab.
      fail('Aftertab could not open its ledger', error, dataDir);
      return;
    }
    // A ledger that failed its start-up check leaves the core in recovery mode: the window
    // opens on the recovery screen, which offers the newest good backup.
    const problem = core.host.problem();
    if (problem !== null) console.error(`[aftertab] ${core.host.file} failed its start-up check (${problem}); starting in recovery mode`);
    const isTrustedSender = createTrustedSenderCheck({ rendererUrl, getWindows: deps.getWindows });
    disposers.push(bindIpc({ ipcMain: deps.ipcMain, commands: core.commands, isTrustedSender }));
    disposers.push(bindPrintToPdf({ ipcMain: deps.ipcMain, isTrustedSender }));
    disposers.push(forwardEvents(core.commands, deps.getWindows));
    openWindow();
  });
}

runMain({
  app,
  dialog,
  ipcMain,
  argv: process.argv,
  env: process.env,
  platform: process.platform,
  // Bundled to dist/electron/main.cjs, so __dirname is dist/electron (inside the asar when packaged).
  preloadPath: path.join(__dirname, 'preload.cjs'),
  rendererIndex: path.join(__dirname, '..', 'renderer', 'index.html'),
  ensureDir: (dir) => fs.mkdirSync(dir, { recursive: true }),
  startAppCore,
  createWindow: ({ preloadPath, rendererUrl, dataDir }) =>
    createMainWindow({ preloadPath, rendererUrl, state: createWindowStateStore({ cwd: dataDir }) }),
  getWindows: () => BrowserWindow.getAllWindows(),
});
