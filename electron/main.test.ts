import type { ProfileFile } from './first-run-profile';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { commandNames } from '../shared/contract';
import { commandChannel, PRINT_PDF_CHANNEL } from '../shared/ipc-channels';
import type { Result } from '../shared/errors';
import type { AppCore } from './app-core';
import type { CommandRouter } from './ipc/host-commands';
import type { InvokeEvent } from './ipc/electron-binding';
import type { AboutInfo, MenuWords } from './menu';
import type { AppEvent } from '../shared/types';
import type { DriverProblem } from './native/load-driver';

// Importing main.ts runs it against this fake app, whose single-instance lock is refused.
const electronFake = vi.hoisted(() => {
  // The import below reads the real process.env; the fallback folder is what is under test.
  delete process.env.AFTERTAB_DATA_DIR;
  const calls: string[] = [];
  const app = {
    enableSandbox: vi.fn(() => calls.push('enableSandbox')),
    getPath: vi.fn((name: string) => `/home/till/.config/${name}`),
    setPath: vi.fn((name: string) => calls.push(`setPath:${name}`)),
    requestSingleInstanceLock: vi.fn(() => (calls.push('requestSingleInstanceLock'), false)),
    quit: vi.fn(() => calls.push('quit')),
    on: vi.fn(),
    whenReady: vi.fn(() => new Promise(() => {})),
  };
  return { app, calls };
});

vi.mock('electron', () => ({
  app: electronFake.app,
  dialog: { showErrorBox: vi.fn() },
  ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
  protocol: { registerSchemesAsPrivileged: vi.fn(() => electronFake.calls.push('registerSchemesAsPrivileged')), handle: vi.fn(), unhandle: vi.fn() },
  Menu: { buildFromTemplate: vi.fn(), setApplicationMenu: vi.fn() },
  shell: { openPath: vi.fn() },
  BrowserWindow: { getAllWindows: () => [], getFocusedWindow: () => null },
  screen: { getAllDisplays: () => [] },
}));
vi.mock('electron-store', () => ({ default: class {} }));
// The real wiring creates the data folder; it must not touch this machine's disk.
vi.mock('node:fs', async (importOriginal) => {
  const real = (await importOriginal<{ default: typeof import('node:fs') }>()).default;
  return { default: { ...real, mkdirSync: vi.fn((dir: string) => electronFake.calls.push(`mkdir:${dir}`)) } };
});
vi.mock('./app-core', () => ({
  startAppCore: vi.fn(() => {
    throw new Error('main.ts must not open a ledger when it does not hold the lock');
  }),
}));

const { embeddedProfileFile, runMain } = await import('./main');
type MainDeps = Parameters<typeof runMain>[0];

describe('main.ts as loaded by Electron', () => {
  it('quits without waiting for ready when the single-instance lock is refused', () => {
    // Under Node, the driver chosen at import is Node's own build, which loads: the start goes on.
    expect(electronFake.calls).toEqual([
      'enableSandbox',
      'registerSchemesAsPrivileged',
      'mkdir:/home/till/.config/appData/Aftertab',
      'setPath:userData',
      'requestSingleInstanceLock',
      'quit',
    ]);
    expect(electronFake.app.whenReady).not.toHaveBeenCalled();
    expect(electronFake.app.setPath).toHaveBeenCalledWith('userData', '/home/till/.config/appData/Aftertab');
  });
});

type FakeWindow = {
  isDestroyed: () => boolean;
  isMinimized: () => boolean;
  restore: ReturnType<typeof vi.fn>;
  focus: ReturnType<typeof vi.fn>;
  loadURL: ReturnType<typeof vi.fn>;
  webContents: { id: number; send: ReturnType<typeof vi.fn>; once: (event: string, listener: () => void) => void; emit: (event: string) => void };
};

type QuitEvent = { preventDefault: ReturnType<typeof vi.fn> };

let nextWebContentsId = 100;

function harness(
  options: {
    lock?: boolean;
    platform?: NodeJS.Platform;
    core?: () => AppCore;
    /** The core opens (or fails) only when the test says so: the window is up meanwhile. */
    deferCore?: boolean;
    problem?: string;
    ensureDir?: (dir: string) => void;
    backupIfChanged?: () => Promise<unknown>;
    quitBackupLimitMs?: number;
    driverProblem?: DriverProblem;
    loadURL?: () => Promise<void>;
    storeProfile?: () => ProfileFile | null;
  } = {},
) {
  const events = new Map<string, (event?: QuitEvent) => void>();
  const handlers = new Map<string, (event: InvokeEvent, envelope: unknown) => unknown>();
  const windows: FakeWindow[] = [];
  let ready: () => void = () => {};
  const app = {
    enableSandbox: vi.fn(),
    getPath: vi.fn(() => '/appdata'),
    setPath: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => options.lock ?? true),
    quit: vi.fn(),
    on: vi.fn((event: string, listener: (event?: QuitEvent) => void) => events.set(event, listener)),
    whenReady: vi.fn(() => new Promise<void>((resolve) => (ready = resolve))),
    getVersion: vi.fn(() => '0.1.0'),
  };
  const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn(), unhandle: vi.fn() };
  const startDriver = vi.fn(() => options.driverProblem ?? null);
  const log = { dir: '/data/logs', file: '/data/logs/aftertab.log', info: vi.fn(), warn: vi.fn(), error: vi.fn(), redact: vi.fn(), close: vi.fn() };
  const createLog = vi.fn(() => log);
  const attachWindow = vi.fn();
  const relabel = vi.fn();
  const installMenu = vi.fn((_options: { dataDir: string; about: () => AboutInfo; words: () => MenuWords }) => ({ attachWindow, relabel }));
  const close = vi.fn();
  const dispatch = vi.fn(async (): Promise<Result<unknown>> => ({ ok: true, value: 'ok' }));
  const forget = vi.fn();
  const eventListeners: ((event: AppEvent) => void)[] = [];
  const commands: CommandRouter = { dispatch, forget, subscribe: (listener) => (eventListeners.push(listener), () => {}) };
  // Only what main.ts touches; the rest of the core is tested in app-core.test.ts.
  const backupIfChanged = vi.fn(options.backupIfChanged ?? (async () => null));
  const core = {
    commands,
    host: { file: '/data/aftertab.sqlite', problem: () => options.problem ?? null },
    backups: { backupIfChanged, settings: () => ({ folder: '/media/usb/aftertab', keep: 14, everyMinutes: 30 }) },
    device: () => ({ language: 'de', screenLanguage: 'de', storeLanguage: 'en', printer: null }),
    close,
  } as unknown as AppCore;
  const dialog = { showErrorBox: vi.fn() };
  let openCore: () => void = () => {};
  let failCore: (error: Error) => void = () => {};
  const deferred = (): Promise<AppCore> =>
    new Promise<AppCore>((resolve, reject) => {
      openCore = () => resolve(core);
      failCore = reject;
    });
  const startAppCore = vi.fn<() => AppCore | Promise<AppCore>>(options.core ?? (options.deferCore ? deferred : () => core));
  const createWindow = vi.fn(() => {
    // Like a webContents: its own id, and 'destroyed' once when its window is gone.
    const listeners = new Map<string, () => void>();
    const window: FakeWindow = {
      isDestroyed: () => false,
      isMinimized: () => true,
      restore: vi.fn(),
      focus: vi.fn(),
      loadURL: vi.fn(options.loadURL ?? (async () => {})),
      webContents: {
        id: (nextWebContentsId += 1),
        send: vi.fn(),
        once: (event, listener) => listeners.set(event, listener),
        emit: (event) => {
          listeners.get(event)?.();
          listeners.delete(event);
        },
      },
    };
    windows.push(window);
    return window;
  });
  const deps = {
    app,
    dialog,
    ipcMain: {
      handle: (channel: string, listener: (event: InvokeEvent, envelope: unknown) => unknown) => handlers.set(channel, listener),
      removeHandler: (channel: string) => handlers.delete(channel),
    },
    protocol,
    startDriver,
    createLog,
    installMenu,
    argv: ['/usr/bin/electron', 'dist/electron/main.cjs', '--data-dir=/data'],
    env: {},
    platform: options.platform ?? 'linux',
    preloadPath: '/app/dist/electron/preload.cjs',
    rendererIndex: '/app/dist/renderer/index.html',
    ensureDir: options.ensureDir ?? vi.fn(),
    startAppCore,
    createWindow,
    getWindows: () => windows,
    quitBackupLimitMs: options.quitBackupLimitMs,
    storeProfile: options.storeProfile,
  } as unknown as MainDeps;
  runMain(deps);
  const becomeReady = async () => {
    ready();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  /** What Electron does on app.quit(): before-quit, and will-quit unless it was prevented. */
  const quit = (): QuitEvent => {
    const event = { preventDefault: vi.fn() };
    events.get('before-quit')?.(event);
    if (event.preventDefault.mock.calls.length === 0) events.get('will-quit')?.();
    return event;
  };
  app.quit.mockImplementation(() => void quit());
  return {
    openCore: () => openCore(),
    failCore: (error: Error) => failCore(error),
    app,
    events,
    handlers,
    windows,
    dialog,
    startAppCore,
    createWindow,
    close,
    dispatch,
    forget,
    becomeReady,
    backupIfChanged,
    quit,
    protocol,
    startDriver,
    log,
    createLog,
    installMenu,
    attachWindow,
    relabel,
    eventListeners,
    ensureDir: deps.ensureDir,
  };
}

/** A command from the harness's first window, as its page would send it. */
function ask(t: ReturnType<typeof harness>, name: string): Promise<Result<unknown>> {
  const frame = { url: 'app://aftertab/index.html', parent: null };
  return t.handlers.get(commandChannel(name as never))?.({ sender: t.windows[0]!.webContents, senderFrame: frame }, { input: {} }) as Promise<Result<unknown>>;
}

describe('runMain', () => {
  beforeEach(() => vi.spyOn(console, 'error').mockImplementation(() => {}));

  it('uses --data-dir as the data folder and as userData, before taking the lock', () => {
    const { app } = harness();
    expect(app.setPath).toHaveBeenCalledWith('userData', '/data');
    expect(app.setPath.mock.invocationCallOrder[0]).toBeLessThan(app.requestSingleInstanceLock.mock.invocationCallOrder[0] ?? 0);
    expect(app.enableSandbox).toHaveBeenCalled();
  });

  it('creates the data folder before making it userData, and stops with a message if it cannot', () => {
    const ensureDir = vi.fn();
    const { app } = harness({ ensureDir });
    expect(ensureDir).toHaveBeenCalledWith('/data');
    expect(ensureDir.mock.invocationCallOrder[0]).toBeLessThan(app.setPath.mock.invocationCallOrder[0] ?? 0);

    const refused = harness({
      ensureDir: () => {
        throw new Error('EACCES: permission denied');
      },
    });
    expect(refused.dialog.showErrorBox).toHaveBeenCalledWith('Aftertab could not use its data folder', expect.stringContaining('EACCES'));
    expect(refused.app.quit).toHaveBeenCalled();
    expect(refused.app.requestSingleInstanceLock).not.toHaveBeenCalled();
    expect(refused.app.whenReady).not.toHaveBeenCalled();
  });

  it('opens the ledger, binds every command, and loads the renderer once ready', async () => {
    const { startAppCore, createWindow, windows, handlers, becomeReady } = harness();
    expect(startAppCore).not.toHaveBeenCalled();
    await becomeReady();
    expect(startAppCore).toHaveBeenCalledWith({
      dataDir: '/data',
      logger: expect.objectContaining({ file: '/data/logs/aftertab.log' }) as unknown,
      onDeviceChange: expect.any(Function) as unknown,
    });
    for (const name of commandNames) expect(handlers.has(commandChannel(name)), name).toBe(true);
    expect(handlers.has(PRINT_PDF_CHANNEL)).toBe(true);
    expect(handlers.size).toBe(commandNames.length + 1);
    expect(createWindow).toHaveBeenCalledWith({
      preloadPath: '/app/dist/electron/preload.cjs',
      rendererUrl: 'app://aftertab/index.html',
      dataDir: '/data',
      title: 'Aftertab',
    });
    expect(windows[0]?.loadURL).toHaveBeenCalledWith('app://aftertab/index.html');
  });

  it('answers only the window it created', async () => {
    const { handlers, windows, dispatch, becomeReady } = harness();
    await becomeReady();
    const channel = 'aftertab:cmd:store.get';
    const frame = { url: 'app://aftertab/index.html#/board', parent: null };
    expect(await handlers.get(channel)?.({ sender: windows[0]!.webContents, senderFrame: frame }, {})).toEqual({ ok: true, value: 'ok' });
    expect(await handlers.get(channel)?.({ sender: { id: 999 }, senderFrame: frame }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).toHaveBeenCalledTimes(1);
  });

  it('ends a window’s session when its webContents is destroyed, and no other', async () => {
    const { events, windows, forget, becomeReady } = harness();
    await becomeReady();
    const first = windows[0];
    // macOS: the window was closed, the app stayed; activating it opens a new one.
    windows.splice(0);
    events.get('activate')?.();
    const second = windows[0];
    if (!first || !second) throw new Error('expected two windows');
    expect(second.webContents.id).not.toBe(first.webContents.id);
    second.webContents.emit('destroyed');
    expect(forget).toHaveBeenCalledTimes(1);
    expect(forget).toHaveBeenCalledWith({ kind: 'window', windowId: second.webContents.id });
    first.webContents.emit('destroyed');
    expect(forget).toHaveBeenLastCalledWith({ kind: 'window', windowId: first.webContents.id });
  });

  it('shows the error and quits when the ledger cannot be opened, refusing what the window asked meanwhile', async () => {
    const t = harness({ deferCore: true });
    await t.becomeReady();
    // The window was already up, showing its starting state, and asked for this PC's language.
    expect(t.createWindow).toHaveBeenCalledTimes(1);
    const asked = ask(t, 'device.get');
    t.failCore(new Error('the ledger was written by a newer Aftertab'));
    expect(await asked).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(t.dispatch).not.toHaveBeenCalled();
    expect(t.dialog.showErrorBox).toHaveBeenCalledWith('Aftertab could not open its ledger', expect.stringContaining('newer Aftertab'));
    expect(t.app.quit).toHaveBeenCalled();
    // Quitting ran: the handlers are gone.
    expect(t.handlers.size).toBe(0);
  });

  it('opens the window before the ledger, and holds its commands until the ledger has answered', async () => {
    const t = harness({ deferCore: true });
    await t.becomeReady();
    expect(t.startAppCore).toHaveBeenCalledTimes(1);
    expect(t.windows[0]?.loadURL).toHaveBeenCalledWith('app://aftertab/index.html');
    expect(t.createWindow.mock.invocationCallOrder[0]).toBeLessThan(t.startAppCore.mock.invocationCallOrder[0] ?? 0);
    expect(t.handlers.size).toBe(commandNames.length + 1);
    // Until the ledger answers, the menu speaks English and the About box reads the folders from disk.
    const menuOptions = t.installMenu.mock.calls[0]?.[0];
    expect(menuOptions?.words()('menu.view')).toBe('View');
    expect(menuOptions?.about()).toMatchObject({ ledgerFile: '/data/aftertab.sqlite', backupDir: expect.any(String) as unknown });

    const first = ask(t, 'recovery.status');
    const second = ask(t, 'device.get');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(t.dispatch).not.toHaveBeenCalled();

    // Then the core's own router takes them, in the order they came, and the menu follows its language.
    t.openCore();
    expect(await first).toEqual({ ok: true, value: 'ok' });
    expect(await second).toEqual({ ok: true, value: 'ok' });
    expect(t.dispatch.mock.calls.map((call) => (call as unknown[])[0])).toEqual(['recovery.status', 'device.get']);
    expect(menuOptions?.words()('menu.view')).toBe('Ansicht');
    expect(t.relabel).toHaveBeenCalledTimes(1);
    expect(menuOptions?.about()).toMatchObject({ backupDir: '/media/usb/aftertab' });
  });

  it('closes a ledger that finished opening after quitting began', async () => {
    const t = harness({ deferCore: true });
    await t.becomeReady();
    expect(t.quit().preventDefault).not.toHaveBeenCalled();
    t.openCore();
    await vi.waitFor(() => expect(t.close).toHaveBeenCalledTimes(1));
    expect(t.backupIfChanged).not.toHaveBeenCalled();
  });

  it('opens the window on a damaged ledger (recovery mode) instead of quitting, with every command bound', async () => {
    const { app, dialog, createWindow, handlers, becomeReady } = harness({ problem: 'file is not a database' });
    await becomeReady();
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
    expect(app.quit).not.toHaveBeenCalled();
    expect(createWindow).toHaveBeenCalledTimes(1);
    expect(handlers.has(commandChannel('recovery.restore'))).toBe(true);
    expect(handlers.size).toBe(commandNames.length + 1);
  });

  it('closes the ledger and removes the handlers on will-quit', async () => {
    const { events, close, handlers, becomeReady } = harness();
    await becomeReady();
    events.get('will-quit')?.();
    expect(close).toHaveBeenCalledTimes(1);
    expect(handlers.size).toBe(0);
  });

  it('holds quitting for one last backup, then quits and closes the ledger', async () => {
    let finish: (value: unknown) => void = () => {};
    const t = harness({ backupIfChanged: () => new Promise((resolve) => (finish = resolve)) });
    await t.becomeReady();
    const first = t.quit();
    expect(first.preventDefault).toHaveBeenCalledTimes(1);
    expect(t.backupIfChanged).toHaveBeenCalledWith('scheduled');
    // Asked again while it runs (a second Cmd+Q): still held, no second backup.
    expect(t.quit().preventDefault).toHaveBeenCalledTimes(1);
    expect(t.backupIfChanged).toHaveBeenCalledTimes(1);
    expect(t.app.quit).not.toHaveBeenCalled();
    expect(t.close).not.toHaveBeenCalled();

    finish({ name: 'aftertab-20261124T220000000Z-scheduled.sqlite' });
    await vi.waitFor(() => expect(t.app.quit).toHaveBeenCalledTimes(1));
    expect(t.close).toHaveBeenCalledTimes(1);
    expect(t.handlers.size).toBe(0);
  });

  it('quits anyway, and logs it, when the last backup fails or takes longer than the limit', async () => {
    const failed = harness({ backupIfChanged: () => Promise.reject(new Error('the stick is full')) });
    await failed.becomeReady();
    failed.quit();
    await vi.waitFor(() => expect(failed.close).toHaveBeenCalledTimes(1));
    expect(failed.log.error).toHaveBeenCalledWith(
      'the backup before quitting did not complete',
      expect.objectContaining({ message: 'the stick is full' }),
      undefined,
    );

    const stuck = harness({ backupIfChanged: () => new Promise(() => undefined), quitBackupLimitMs: 20 });
    await stuck.becomeReady();
    expect(stuck.quit().preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(stuck.close).toHaveBeenCalledTimes(1));
    expect(stuck.log.error).toHaveBeenCalledWith(
      'the backup before quitting did not complete',
      expect.objectContaining({ message: expect.stringContaining('longer than 20 ms') }),
      undefined,
    );
  });

  it('does not hold quitting when no ledger was opened', async () => {
    const t = harness({
      core: () => {
        throw new Error('the ledger was written by a newer Aftertab');
      },
    });
    await t.becomeReady();
    expect(t.quit().preventDefault).not.toHaveBeenCalled();
    expect(t.backupIfChanged).not.toHaveBeenCalled();
  });

  it('focuses the existing window when a second instance starts', async () => {
    const { events, windows, becomeReady } = harness();
    await becomeReady();
    events.get('second-instance')?.();
    expect(windows[0]?.restore).toHaveBeenCalled();
    expect(windows[0]?.focus).toHaveBeenCalled();
  });

  it('quits when the last window closes, except on macOS', () => {
    const linux = harness();
    linux.events.get('window-all-closed')?.();
    expect(linux.app.quit).toHaveBeenCalled();
    const mac = harness({ platform: 'darwin' });
    mac.events.get('window-all-closed')?.();
    expect(mac.app.quit).not.toHaveBeenCalled();
  });
});

describe('runMain: the driver, the app:// renderer, the menu and the log', () => {
  beforeEach(() => vi.spyOn(console, 'error').mockImplementation(() => {}));

  const missing: DriverProblem = {
    kind: 'missing',
    file: '/app/native/electron/better_sqlite3.node',
    target: { electron: '45.4.1', abi: '150', platform: 'linux', arch: 'x64', betterSqlite3: '12.11.1' },
  };

  it('loads the SQLite driver before anything else touches the data folder', () => {
    const t = harness();
    expect(t.startDriver).toHaveBeenCalledTimes(1);
    expect(t.startDriver.mock.invocationCallOrder[0]).toBeLessThan((t.ensureDir as ReturnType<typeof vi.fn>).mock.invocationCallOrder[0] ?? 0);
    expect(t.startDriver.mock.invocationCallOrder[0]).toBeLessThan(t.app.setPath.mock.invocationCallOrder[0] ?? 0);
  });

  it('explains a missing driver in a dialog and the log, and quits without opening the ledger', async () => {
    const t = harness({ driverProblem: missing });
    expect(t.dialog.showErrorBox).toHaveBeenCalledTimes(1);
    const [title, message] = t.dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toBe('Aftertab cannot start: its SQLite driver for Electron is not ready');
    expect(message).toContain('no SQLite driver built for Electron 45.4.1');
    expect(message).toContain('    npm run electron:driver');
    expect(message).toContain('Your data was not touched: the ledger in /data was not opened.');
    expect(message).not.toMatch(/\n\s+at /);
    expect(t.log.error).toHaveBeenCalledWith(expect.stringContaining('npm run electron:driver'));
    expect(t.log.close).toHaveBeenCalled();
    expect(t.app.quit).toHaveBeenCalled();
    expect(t.app.setPath).not.toHaveBeenCalled();
    expect(t.app.requestSingleInstanceLock).not.toHaveBeenCalled();
    expect(t.app.whenReady).not.toHaveBeenCalled();
    expect(t.startAppCore).not.toHaveBeenCalled();
  });

  it('still shows the dialog when the data folder cannot even hold a log', () => {
    const t = harness({
      driverProblem: missing,
      ensureDir: () => {
        throw new Error('EACCES');
      },
    });
    expect(t.dialog.showErrorBox).toHaveBeenCalledWith('Aftertab cannot start: its SQLite driver for Electron is not ready', expect.any(String));
    expect(t.createLog).not.toHaveBeenCalled();
    expect(t.app.quit).toHaveBeenCalled();
  });

  it('declares the app:// scheme before ready, serves the renderer folder once ready, and stops serving on quit', async () => {
    const t = harness();
    expect(t.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) as unknown },
    ]);
    expect(t.protocol.handle).not.toHaveBeenCalled();
    await t.becomeReady();
    expect(t.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(t.protocol.handle.mock.invocationCallOrder[0]).toBeLessThan(t.windows[0]?.loadURL.mock.invocationCallOrder[0] ?? 0);
    t.events.get('will-quit')?.();
    expect(t.protocol.unhandle).toHaveBeenCalledWith('app');
  });

  it('installs the menu with an About that reads the current folders, and attaches every window to it', async () => {
    const t = harness();
    await t.becomeReady();
    expect(t.installMenu).toHaveBeenCalledTimes(1);
    expect(t.attachWindow).toHaveBeenCalledWith(t.windows[0]);
    const about = t.installMenu.mock.calls[0]?.[0].about;
    expect(about?.()).toEqual({
      version: '0.1.0',
      dataDir: '/data',
      ledgerFile: '/data/aftertab.sqlite',
      backupDir: '/media/usb/aftertab',
      logsDir: '/data/logs',
    });
  });

  it("words the menu in this PC's language and builds it again when the PC's or the store's language changes", async () => {
    const t = harness();
    await t.becomeReady();
    const words = t.installMenu.mock.calls[0]?.[0].words;
    expect(words?.()('menu.view')).toBe('Ansicht');
    // Built once more when the ledger opened (the store's language is in it), then on each change.
    expect(t.relabel).toHaveBeenCalledTimes(1);
    const { onDeviceChange } = (t.startAppCore.mock.calls as unknown as [{ onDeviceChange: () => void }][])[0]![0];
    onDeviceChange();
    expect(t.relabel).toHaveBeenCalledTimes(2);
    for (const listener of t.eventListeners) listener({ type: 'store.changed' });
    expect(t.relabel).toHaveBeenCalledTimes(3);
    for (const listener of t.eventListeners) listener({ type: 'tabs.changed', tabIds: [1] });
    expect(t.relabel).toHaveBeenCalledTimes(3);
  });

  it('logs a window that cannot load the renderer, the backup before quitting, and closes the log last', async () => {
    const t = harness({ loadURL: () => Promise.reject(new Error('ERR_FILE_NOT_FOUND')) });
    await t.becomeReady();
    await vi.waitFor(() =>
      expect(t.log.error).toHaveBeenCalledWith('the window could not load the renderer', expect.objectContaining({ message: 'ERR_FILE_NOT_FOUND' }), {
        url: 'app://aftertab/index.html',
      }),
    );
    t.quit();
    await vi.waitFor(() => expect(t.log.close).toHaveBeenCalledTimes(1));
    expect(t.log.info).toHaveBeenCalledWith('the backup before quitting', { outcome: 'unchanged', name: null });
    expect(t.log.close.mock.invocationCallOrder[0]).toBeGreaterThan(t.close.mock.invocationCallOrder[0] ?? 0);
  });

  it('logs a ledger that cannot be opened', async () => {
    const t = harness({
      core: () => {
        throw new Error('the ledger was written by a newer Aftertab');
      },
    });
    await t.becomeReady();
    expect(t.log.error).toHaveBeenCalledWith(
      'Aftertab could not open its ledger',
      expect.objectContaining({ message: 'the ledger was written by a newer Aftertab' }),
      { dataDir: '/data' },
    );
  });

  it("finds a per-store build's profile beside the app's resources, and none elsewhere", () => {
    const seen: string[] = [];
    const exists = (file: string): boolean => (seen.push(file), file === '/opt/Aftertab/resources/store-profile.json');
    expect(embeddedProfileFile('/opt/Aftertab/resources', exists)).toBe('/opt/Aftertab/resources/store-profile.json');
    expect(embeddedProfileFile('/opt/Other/resources', exists)).toBeNull();
    expect(embeddedProfileFile(undefined, exists)).toBeNull();
    expect(seen).toEqual(['/opt/Aftertab/resources/store-profile.json', '/opt/Other/resources/store-profile.json']);
  });

  it('hands a good embedded profile to the core, and refuses to start on a bad one with every problem shown', async () => {
    const profile = { name: 'Fern & Fringe' } as unknown as Extract<ProfileFile, { ok: true }>['profile'];
    const good = harness({ storeProfile: () => ({ ok: true, file: '/res/store-profile.json', profile }) });
    await good.becomeReady();
    expect(good.startAppCore).toHaveBeenCalledWith({
      dataDir: '/data',
      logger: expect.anything() as unknown,
      onDeviceChange: expect.any(Function) as unknown,
      profile,
    });
    // The store's build names its window after the store.
    expect(good.createWindow).toHaveBeenCalledWith(expect.objectContaining({ title: 'Aftertab – Fern & Fringe' }));

    const bad = harness({
      storeProfile: () => ({
        ok: false,
        file: '/res/store-profile.json',
        problems: [
          { path: 'currency', message: 'currency: use a three-letter ISO 4217 code such as EUR' },
          { path: 'staff', message: 'staff: needs at least 1 entry' },
        ],
      }),
    });
    await bad.becomeReady();
    expect(bad.startAppCore).not.toHaveBeenCalled();
    expect(bad.createWindow).not.toHaveBeenCalled();
    expect(bad.dialog.showErrorBox).toHaveBeenCalledWith(
      'Aftertab cannot use its store profile',
      expect.stringContaining(
        'The store profile /res/store-profile.json cannot be used:\n  - currency: use a three-letter ISO 4217 code such as EUR\n  - staff: needs at least 1 entry',
      ),
    );
    expect(bad.app.quit).toHaveBeenCalled();
  });
});
