import { test, expect, _electron, type ElectronApplication, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findElectronBinary } from '../electron/native/electron-binary';
import { describeTarget, electronDriverStatus, installedElectronTarget } from '../electron/native/electron-driver';
import { makeElectronDriver } from '../electron/native/make-driver';
import { expectGoldenReceipt, walkGoldenPath } from './flows/golden-path';
import { BoardPage } from './pages/board-page';
import { BridgeClient } from './pages/bridge-client';
import { OWNER_NAME, OWNER_PIN } from './pages/commands';
import { ReceiptPage } from './pages/settle-page';
import { expectSignedInAs, signIn, SignInPage } from './pages/sign-in-page';
import { SlipPage } from './pages/slip-page';
import { TabPage } from './pages/tab-page';

const ROOT = path.join(__dirname, '..');
const MAIN_SCRIPT = path.join(ROOT, 'dist', 'electron', 'main.cjs');

const binary = findElectronBinary(ROOT);

test.skip(binary === null, 'Electron binary is not installed on this machine (its download host is unreachable); this spec runs where it is');

let app: ElectronApplication | undefined;
let dataDir = '';

/** Starts the app on the test's data folder; the spec closes it (or a test does, to restart). */
async function launch(): Promise<Page> {
  app = await _electron.launch({
    executablePath: binary ?? undefined,
    args: [MAIN_SCRIPT, `--data-dir=${dataDir}`],
    cwd: ROOT,
  });
  return app.firstWindow();
}

/** A new data folder starts at the owner's first PIN: set on the window's setup screen, which signs the owner in. */
async function setUpOwner(page: Page): Promise<void> {
  await new SignInPage(page).setUpOwner(OWNER_PIN);
  await expectSignedInAs(page, OWNER_NAME);
}

async function quit(): Promise<void> {
  const running = app;
  app = undefined;
  await running?.close();
}

test.beforeAll(async () => {
  if (!fs.existsSync(MAIN_SCRIPT)) throw new Error(`no ${MAIN_SCRIPT}; run "npm run build" first`);
  // Electron's build of the SQLite driver, made as npm start makes it (a download, or a compile of about a minute).
  test.setTimeout(300_000);
  const target = installedElectronTarget(ROOT);
  if (electronDriverStatus(ROOT, target).state === 'ready') return;
  const made = await makeElectronDriver({ appRoot: ROOT, target });
  if (!made.ok) throw new Error(`no SQLite driver for ${describeTarget(target)} could be made, so the desktop app cannot open a ledger: ${made.reason}`);
});

test.beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-electron-'));
});

test.afterEach(async () => {
  await quit();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('the desktop window shows the board through the preload bridge once its owner has signed in', async () => {
  const page = await launch();
  const board = new BoardPage(page);

  await expect(page).toHaveTitle(/Aftertab/);
  // Before anyone signs in on this window, the bridge answers the PIN pad's commands only.
  const before = await page.evaluate(async () => {
    const bridge = (
      globalThis as unknown as { aftertab?: { commands: Record<string, (input: unknown) => Promise<{ ok: boolean; error?: { code: string } }>> } }
    ).aftertab;
    const state = await bridge?.commands['session.state']?.({});
    const store = await bridge?.commands['store.get']?.({});
    return { state: state?.ok, store: store?.ok ? 'answered' : store?.error?.code };
  });
  expect(before).toEqual({ state: true, store: 'unauthorized' });
  await setUpOwner(page);
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
  expect(globals).toEqual({
    bridgeKeys: ['commands', 'onEvent', 'printToPdf'],
    storeGet: true,
    require: 'undefined',
    process: 'undefined',
    ipcRenderer: 'undefined',
  });
});

test('the window refuses to navigate away from the renderer', async () => {
  const page = await launch();
  await setUpOwner(page);
  await expect(new BoardPage(page).emptyState).toBeVisible();
  // Compared as URLs, so this holds whether the renderer is served from file:// or app://.
  const before = page.url();
  await page.evaluate(() => {
    (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/';
  });
  await page.waitForTimeout(300);
  expect(page.url()).toBe(before);
});

test('golden path on the desktop, and a restart on the same data folder keeps the ledger', async () => {
  // Two launches and two backups on quit: more than the default 30 s on a slow machine.
  test.setTimeout(90_000);
  let page = await launch();
  await setUpOwner(page);
  const board = new BoardPage(page);
  await expect(board.emptyState).toBeVisible();
  const settled = await walkGoldenPath(page, new BridgeClient(page), 'electron-');

  // A second tab, still open when the app quits: token 1 is free again, so it gets token 1.
  await board.openTabButton.click();
  await expect(new SlipPage(page).token).toHaveText('1');
  const tab = new TabPage(page);
  await tab.toBoard();
  await tab.openFromBoard(1);
  await tab.addItem('Latte');
  await expect(tab.line('Latte')).toBeVisible();
  await tab.addItem('Croissant');
  await expect(tab.line('Croissant')).toBeVisible();
  await expect(tab.total('Due')).toHaveText('€7.60');
  await tab.toBoard();
  await expect(board.tabCard(1)).toContainText('2 items');
  await expect(board.tabCard(1)).toContainText('€7.60');

  await quit();
  page = await launch();
  // A restart signs everyone out; the PIN set on the first launch is in the ledger now.
  await signIn(page, OWNER_NAME, OWNER_PIN);
  const after = new BoardPage(page);
  const door = new BridgeClient(page);

  // The open tab came back from the file with its lines, and token 1 is still taken.
  await expect(after.tabCards).toHaveCount(1);
  await expect(after.tabCard(1)).toContainText('2 items');
  await expect(after.tabCard(1)).toContainText('€7.60');
  expect(await door.call('token.next')).toBe(2);
  const reopened = new TabPage(page);
  await reopened.openFromBoard(1);
  await expect(reopened.line('Latte')).toBeVisible();
  await expect(reopened.line('Croissant')).toBeVisible();

  // The settled tab's payments, tip and rating were read back from the ledger, not from memory.
  await page.evaluate((hash) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
  }, `#/tab/${settled.tabId}/receipt`);
  await expectGoldenReceipt(new ReceiptPage(page));
  expect(await door.call('ledger.check')).toMatchObject({ balanced: true, problems: [] });
});
