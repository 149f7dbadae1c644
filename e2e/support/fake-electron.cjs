// Loaded with `node -r` before dist/electron/main.cjs: answers require('electron') with a fake
// that records what the bundled main process does, then drives one short session through it
// (the app:// handler, IPC commands from the window before and after its owner signs in and one
// from a stranger, quitting) and prints what it saw as one JSON line. Lets the bundle be run
// where no Electron binary exists.
'use strict';
const Module = require('node:module');
const path = require('node:path');

const mode = process.env.FAKE_ELECTRON_MODE ?? 'session';
if (mode === 'electron-runtime') {
  // Pose as Electron run from a checkout, whose own build of the driver is not there for this ABI.
  Object.defineProperty(process.versions, 'electron', { value: '45.4.1', enumerable: true });
}

const seen = { dialogs: [], loadedUrls: [], menuLabels: [], schemes: [], ipcChannels: 0 };
const listeners = new Map();
const ipcHandlers = new Map();
const protocolHandlers = new Map();
const windows = [];
// Electron numbers every webContents; the main process keys a window's session by that number.
let nextWebContentsId = 1;

const noop = () => undefined;
/** An object whose every method is a no-op, except the ones given. */
function fake(own) {
  return new Proxy(own, {
    get(target, key) {
      if (key in target) return target[key];
      if (key === 'then') return undefined;
      return noop;
    },
  });
}

function emit(name, event) {
  for (const listener of listeners.get(name) ?? []) listener(event);
}

let quitting = false;
const app = fake({
  isPackaged: false,
  getPath: (name) => path.join(process.env.FAKE_ELECTRON_HOME, name),
  getVersion: () => '0.1.0',
  requestSingleInstanceLock: () => true,
  on(name, listener) {
    listeners.set(name, [...(listeners.get(name) ?? []), listener]);
    return app;
  },
  whenReady: () => Promise.resolve(),
  quit() {
    if (quitting) return;
    let prevented = false;
    emit('before-quit', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    quitting = true;
    emit('will-quit', {});
    setTimeout(() => process.exit(0), 50);
  },
});

class BrowserWindow {
  constructor(options) {
    this.options = options;
    this.webContents = fake({
      id: nextWebContentsId++,
      session: fake({ webRequest: fake({}) }),
      getZoomFactor: () => 1,
      send: noop,
    });
    windows.push(this);
    return fake(this);
  }
  static getAllWindows() {
    return windows;
  }
  static getFocusedWindow() {
    return windows[0] ?? null;
  }
  isDestroyed() {
    return false;
  }
  loadURL(url) {
    seen.loadedUrls.push(url);
    return Promise.resolve();
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1280, height: 800 };
  }
}

const electron = {
  app,
  BrowserWindow,
  dialog: fake({ showErrorBox: (title, message) => seen.dialogs.push({ title, message }) }),
  ipcMain: fake({
    handle: (channel, listener) => ipcHandlers.set(channel, listener),
    removeHandler: (channel) => ipcHandlers.delete(channel),
  }),
  protocol: fake({
    registerSchemesAsPrivileged: (schemes) => seen.schemes.push(...schemes),
    handle: (scheme, handler) => protocolHandlers.set(scheme, handler),
    unhandle: (scheme) => protocolHandlers.delete(scheme),
  }),
  Menu: fake({
    buildFromTemplate(template) {
      seen.menuLabels = template.map((item) => item.label ?? item.role);
      return fake({ getMenuItemById: () => null });
    },
  }),
  // No OS secret store here: the PIN key goes to its 0600 file in the data folder.
  safeStorage: fake({ isEncryptionAvailable: () => false }),
  screen: fake({ getAllDisplays: () => [] }),
  shell: fake({}),
};

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? 'electron' : resolve.call(this, request, ...rest);
};
require.cache.electron = { id: 'electron', filename: 'electron', loaded: true, exports: electron };

async function session() {
  const started = Date.now();
  while (windows.length === 0 || !protocolHandlers.has('app')) {
    if (Date.now() - started > 10_000) throw new Error('the main process opened no window');
    await new Promise((done) => setTimeout(done, 20));
  }
  const serve = protocolHandlers.get('app');
  const index = await serve(new Request('app://aftertab/index.html'));
  const escape = await serve(new Request('app://aftertab/..%2f..%2fpackage.json'));
  const call = (name, event, envelope) => ipcHandlers.get(`aftertab:cmd:${name}`)(event, envelope);
  const frame = { url: 'app://aftertab/index.html#/board', parent: null };
  const fromOwnWindow = { sender: windows[0].webContents, senderFrame: frame };
  // Nobody has signed in on the window yet: only the PIN pad's commands answer.
  const beforeSignIn = await call('store.get', fromOwnWindow, { input: {} });
  const state = await call('session.state', fromOwnWindow, { input: {} });
  const setup = await call('session.setup', fromOwnWindow, { input: { pin: '2468', pinAgain: '2468' } });
  const fromWindow = await call('store.get', fromOwnWindow, { input: {} });
  const fromStranger = await call('store.get', { sender: { id: 999 }, senderFrame: frame }, { input: {} });
  seen.ipcChannels = ipcHandlers.size;
  const result = {
    ...seen,
    index: { status: index.status, csp: index.headers.get('content-security-policy'), html: (await index.text()).includes('<div id="root">') },
    escape: escape.status,
    beforeSignIn: beforeSignIn.ok ? 'answered' : beforeSignIn.error.code,
    state: state.ok ? { needsSetup: state.value.needsSetup, staff: state.value.staff.map((tile) => tile.name) } : state.error.code,
    // A window gets no token: its session is keyed by its webContents in the main process.
    setup: setup.ok ? { name: setup.value.staff.name, token: setup.value.token ?? null } : setup.error.code,
    fromWindow: fromWindow.ok ? { ok: true, name: fromWindow.value.name } : fromWindow,
    fromStranger: fromStranger.ok ? 'answered' : fromStranger.error.code,
    preload: windows[0].options.webPreferences,
  };
  process.stdout.write(`FAKE-ELECTRON-RESULT ${JSON.stringify(result)}\n`);
  app.quit();
}

if (mode === 'session') {
  setTimeout(
    () =>
      session().catch((error) => {
        process.stdout.write(`FAKE-ELECTRON-ERROR ${error.stack}\n`);
        process.exit(3);
      }),
    0,
  );
} else {
  process.on('exit', () => process.stdout.write(`FAKE-ELECTRON-RESULT ${JSON.stringify(seen)}\n`));
}
