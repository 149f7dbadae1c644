import { test, expect, _electron, type ElectronApplication } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BoardPage } from './pages/board-page';

const ROOT = path.join(__dirname, '..');
const MAIN_SCRIPT = path.join(ROOT, 'dist', 'electron', 'main.cjs');

/**
 * The Electron executable, or null when its binary was never downloaded. This reads the same
 * path.txt the electron package's index.js reads, without requiring it: when the binary is
 * missing, require('electron') starts a download attempt that blocks on an unreachable host.
 */
function electronBinary(): string | null {
  const packageDir = path.join(ROOT, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const relative = fs.readFileSync(pathFile, 'utf8').trim();
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? path.join(override, relative || 'electron') : path.join(packageDir, 'dist', relative);
  return fs.existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const hasElectron = binary !== null;

test.skip(!hasElectron, 'Electron binary is not installed on this machine (its download host is unreachable); this spec runs where it is');

let app: ElectronApplication | undefined;
let dataDir = '';

test.beforeEach(async () => {
  if (!fs.existsSync(MAIN_SCRIPT)) throw new Error(`no ${MAIN_SCRIPT}; run "npm run build" first`);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-electron-'));
  app = await _electron.launch({
    executablePath: binary ?? undefined,
    args: [MAIN_SCRIPT, `--data-dir=${dataDir}`],
    cwd: ROOT,
  });
});

test.afterEach(async () => {
  await app?.close();
  app = undefined;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('the desktop window shows the board through the preload bridge', async () => {
  if (!app) throw new Error('the app did not start');
  const page = await app.firstWindow();
  const board = new BoardPage(page);

  await expect(page).toHaveTitle(/Aftertab/);
  await expect(board.heading()).toHaveText('My café');
  // The empty board only appears after store.get and tab.listOpen came back over IPC.
  await expect(board.emptyState).toBeVisible();
  expect(fs.existsSync(path.join(dataDir, 'aftertab.sqlite'))).toBe(true);

  const globals = await page.evaluate(async () => {
    const scope = globalThis as unknown as Record<string, unknown>;
    const bridge = scope.aftertab as { commands: Record<string, (input: unknown) => Promise<{ ok: boolean }>> } | undefined;
    return {
      bridgeKeys: bridge ? Object.keys(bridge).sort() : null,
      storeGet: bridge ? (await bridge.commands['store.get']?.({}))?.ok : null,
      require: typeof scope.require,
      process: typeof scope.process,
      ipcRenderer: typeof scope.ipcRenderer,
    };
  });
  expect(globals).toEqual({ bridgeKeys: ['commands', 'onEvent'], storeGet: true, require: 'undefined', process: 'undefined', ipcRenderer: 'undefined' });
});

test('the window refuses to navigate away from the renderer', async () => {
  if (!app) throw new Error('the app did not start');
  const page = await app.firstWindow();
  await expect(new BoardPage(page).emptyState).toBeVisible();
  const before = page.url();
  await page.evaluate(() => {
    (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/';
  });
  await page.waitForTimeout(300);
  expect(page.url()).toBe(before);
});
