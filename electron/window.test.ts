import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './security';
import type { WindowBounds, WindowStateStore } from './window-state';

type Handler = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const created: FakeWindow[] = [];
  class FakeSession {
    permissionRequest: Handler | null = null;
    permissionCheck: Handler | null = null;
    headersReceived: Handler | null = null;
    setPermissionRequestHandler = (handler: Handler) => (this.permissionRequest = handler);
    setPermissionCheckHandler = (handler: Handler) => (this.permissionCheck = handler);
    webRequest = { onHeadersReceived: (handler: Handler) => (this.headersReceived = handler) };
  }
  class FakeWindow {
    readonly listeners = new Map<string, Handler>();
    readonly contentsListeners = new Map<string, Handler>();
    windowOpenHandler: Handler | null = null;
    maximized = false;
    readonly webContents = {
      session: new FakeSession(),
      on: (event: string, handler: Handler) => this.contentsListeners.set(event, handler),
      setWindowOpenHandler: (handler: Handler) => (this.windowOpenHandler = handler),
    };
    constructor(readonly options: Record<string, unknown>) {
      created.push(this);
    }
    on(event: string, handler: Handler) {
      this.listeners.set(event, handler);
    }
    once(event: string, handler: Handler) {
      this.listeners.set(event, handler);
    }
    show = vi.fn();
    maximize = vi.fn(() => (this.maximized = true));
    isMaximized = () => this.maximized;
    getNormalBounds = () => ({ x: 40, y: 30, width: 1300, height: 820 });
  }
  const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };
  return { created, FakeWindow, screen };
});

vi.mock('electron', () => ({ BrowserWindow: fake.FakeWindow, screen: fake.screen }));
// electron-store is a node_modules dependency that imports the real electron package itself.
vi.mock('electron-store', () => ({ default: class {} }));

const { createMainWindow, windowTitle } = await import('./window');

const RENDERER_URL = 'file:///opt/aftertab/dist/renderer/index.html';

function memoryState(saved?: WindowBounds): WindowStateStore & { saved: WindowBounds | undefined } {
  return {
    saved,
    load() {
      return this.saved;
    },
    save(bounds) {
      this.saved = bounds;
    },
  };
}

function open(saved?: WindowBounds, title = 'Aftertab') {
  const state = memoryState(saved);
  createMainWindow({ preloadPath: '/opt/aftertab/dist/electron/preload.cjs', rendererUrl: RENDERER_URL, state, title });
  const window = fake.created.at(-1);
  if (!window) throw new Error('no window was created');
  return { window, state };
}

function navigate(window: InstanceType<typeof fake.FakeWindow>, url: string): boolean {
  const event = { url, preventDefault: vi.fn() };
  window.contentsListeners.get('will-navigate')?.(event, url);
  return event.preventDefault.mock.calls.length > 0;
}

beforeEach(() => {
  fake.created.length = 0;
});

describe('createMainWindow', () => {
  it('uses exactly the secure webPreferences with the bundled preload', () => {
    const { window } = open();
    expect(window.options.webPreferences).toStrictEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: '/opt/aftertab/dist/electron/preload.cjs',
    });
  });

  it('opens at 1280×800 with a 1024×700 minimum when nothing was saved', () => {
    const { window } = open();
    expect(window.options).toMatchObject({ width: 1280, height: 800, minWidth: 1024, minHeight: 700 });
    expect(window.options).not.toHaveProperty('x');
  });

  it('restores saved bounds and saves the normal bounds on close', () => {
    const { window, state } = open({ x: 100, y: 50, width: 1400, height: 900, maximized: true });
    expect(window.options).toMatchObject({ x: 100, y: 50, width: 1400, height: 900 });
    window.listeners.get('ready-to-show')?.();
    expect(window.maximize).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
    window.listeners.get('close')?.();
    expect(state.saved).toEqual({ x: 40, y: 30, width: 1300, height: 820, maximized: true });
  });

  it('prevents navigation to any other URL but lets the renderer route within itself', () => {
    const { window } = open();
    expect(navigate(window, 'https://evil.example/')).toBe(true);
    expect(navigate(window, 'file:///etc/passwd')).toBe(true);
    expect(navigate(window, `${RENDERER_URL}#/tab/4`)).toBe(false);
  });

  it('denies window.open', () => {
    const { window } = open();
    expect(window.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('prevents attaching a webview', () => {
    const { window } = open();
    const event = { preventDefault: vi.fn() };
    window.contentsListeners.get('will-attach-webview')?.(event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies every permission request and check', () => {
    const { session } = open().window.webContents;
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation']) {
      const callback = vi.fn();
      session.permissionRequest?.({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.permissionCheck?.({}, permission, RENDERER_URL, {})).toBe(false);
    }
  });

  it('puts the strict CSP on every response, replacing any other policy', () => {
    const { session } = open().window.webContents;
    const callback = vi.fn();
    const responseHeaders = { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] };
    session.headersReceived?.({ url: RENDERER_URL, responseHeaders }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });

  it('shows the title it is given, and keeps it when the page loads with its own <title>', () => {
    const { window } = open(undefined, 'Aftertab – Fern & Fringe');
    expect(window.options.title).toBe('Aftertab – Fern & Fringe');
    const event = { preventDefault: vi.fn() };
    window.listeners.get('page-title-updated')?.(event, 'Aftertab', true);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('windowTitle', () => {
  it("is the app's name, followed by the store's in a per-store build", () => {
    expect(windowTitle(null)).toBe('Aftertab');
    expect(windowTitle('Fern & Fringe')).toBe('Aftertab – Fern & Fringe');
  });
});
