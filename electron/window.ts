import { BrowserWindow, screen, type Session } from 'electron';
import { isRendererUrl, withContentSecurityPolicy } from './security';
import { fitBounds, MIN_SIZE, type WindowStateStore } from './window-state';

export type MainWindowDeps = {
  /** Absolute path of dist/electron/preload.cjs. */
  preloadPath: string;
  /** RENDERER_URL (app://aftertab/index.html, see app-protocol.ts): the only document the window may show. */
  rendererUrl: string;
  state: WindowStateStore;
  /** windowTitle(): the store's name in a per-store build. */
  title: string;
};

/** "Aftertab", or "Aftertab – Harbour Bean" in a build that carries that store's profile. */
export function windowTitle(storeName: string | null): string {
  return storeName ? `Aftertab – ${storeName}` : 'Aftertab';
}

/**
 * The renderer needs no device, no notification and no clipboard permission, and it must not
 * be able to load a looser policy than ours; this holds for every page in the session.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}

export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const bounds = fitBounds(
    deps.state.load(),
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: deps.title,
    // Shown once painted, so the till never flashes an empty white window.
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: deps.preloadPath,
    },
  });
  // The page's <title> is the same for every store; the window keeps the one it was given.
  window.on('page-title-updated', (event) => event.preventDefault());
  const { webContents } = window;
  hardenSession(webContents.session);

  // The renderer is a single document that routes with the hash; any real navigation is
  // either a bug or an injected link, and a POS has no business browsing.
  webContents.on('will-navigate', (event) => {
    if (!isRendererUrl(event.url, deps.rendererUrl)) event.preventDefault();
  });
  webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  webContents.on('will-attach-webview', (event) => event.preventDefault());

  window.once('ready-to-show', () => {
    if (bounds.maximized) window.maximize();
    window.show();
  });
  // Normal bounds, so a maximized window still remembers the size to restore to.
  window.on('close', () => {
    deps.state.save({ ...window.getNormalBounds(), maximized: window.isMaximized() });
  });
  return window;
}
