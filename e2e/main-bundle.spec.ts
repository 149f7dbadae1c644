import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The bundled main process (dist/electron/main.cjs) run under Node with a recording stand-in
// for the electron module (e2e/support/fake-electron.cjs): what can be checked of the desktop
// wiring where no Electron binary exists. The real window runs in electron.spec.ts where it does.
const ROOT = path.join(__dirname, '..');
const MAIN = path.join(ROOT, 'dist', 'electron', 'main.cjs');
const FAKE = path.join(__dirname, 'support', 'fake-electron.cjs');

type Seen = {
  dialogs: { title: string; message: string }[];
  loadedUrls: string[];
  menuLabels: string[];
  schemes: { scheme: string; privileges: Record<string, boolean> }[];
  ipcChannels: number;
  index?: { status: number; csp: string | null; html: boolean };
  escape?: number;
  beforeSignIn?: unknown;
  state?: unknown;
  setup?: unknown;
  fromWindow?: unknown;
  fromStranger?: unknown;
  preload?: Record<string, unknown>;
};

function runMain(mode: 'session' | 'electron-runtime'): { seen: Seen; status: number | null; home: string; dataDir: string } {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-bundle-'));
  const dataDir = path.join(home, 'data');
  const run = spawnSync(process.execPath, ['-r', FAKE, MAIN, `--data-dir=${dataDir}`], {
    cwd: ROOT,
    env: { ...process.env, FAKE_ELECTRON_MODE: mode, FAKE_ELECTRON_HOME: home, AFTERTAB_DATA_DIR: '' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  const line = run.stdout.split('\n').find((text) => text.startsWith('FAKE-ELECTRON-RESULT '));
  if (!line) throw new Error(`the bundle printed no result (exit ${String(run.status)}):\n${run.stdout}\n${run.stderr}`);
  return { seen: JSON.parse(line.slice('FAKE-ELECTRON-RESULT '.length)) as Seen, status: run.status, home, dataDir };
}

test.beforeAll(() => {
  if (!fs.existsSync(MAIN)) throw new Error(`no ${MAIN}; run "npm run build" first`);
});

test('the bundled main process serves app://, answers its own window only once someone signs in on it, and quits after a backup', () => {
  const { seen, status, home, dataDir } = runMain('session');
  try {
    expect(status).toBe(0);
    expect(seen.dialogs).toEqual([]);
    expect(seen.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(seen.loadedUrls).toEqual(['app://aftertab/index.html']);
    expect(seen.index).toEqual({ status: 200, csp: expect.stringContaining("default-src 'self'") as unknown, html: true });
    expect(seen.escape).toBe(404);
    expect(seen.beforeSignIn).toBe('unauthorized');
    expect(seen.state).toEqual({ needsSetup: true, staff: ['Owner'] });
    expect(seen.setup).toEqual({ name: 'Owner', token: null });
    expect(seen.fromWindow).toEqual({ ok: true, name: 'My café' });
    expect(seen.fromStranger).toBe('forbidden');
    expect(seen.preload).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      preload: path.join(ROOT, 'dist', 'electron', 'preload.cjs'),
    });
    expect(seen.menuLabels).toEqual(process.platform === 'darwin' ? ['Aftertab', 'Edit', 'View', 'Help'] : ['File', 'Edit', 'View', 'Help']);
    const log = fs.readFileSync(path.join(dataDir, 'logs', 'aftertab.log'), 'utf8');
    expect(log).toMatch(/\[info\]\s+start dataDir=/);
    expect(log).toMatch(/start-up check passed/);
    expect(log).toMatch(/the backup before quitting outcome=backed-up/);
    expect(log).toMatch(/\[info\]\s+stop dataDir=/);
    expect(fs.readdirSync(path.join(dataDir, 'backups')).filter((name) => name.endsWith('.sqlite'))).toHaveLength(1);
    // Without an OS secret store the PIN key is a file only its owner may read, beside the ledger.
    expect(fs.statSync(path.join(dataDir, 'pin-key')).mode & 0o777).toBe(0o600);
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
});

test('under Electron without its own SQLite build, the bundle explains itself and never opens the ledger', () => {
  const { seen, home, dataDir } = runMain('electron-runtime');
  try {
    expect(seen.dialogs).toHaveLength(1);
    expect(seen.dialogs[0]?.title).toBe('Aftertab cannot start: its SQLite driver for Electron is not ready');
    expect(seen.dialogs[0]?.message).toContain('    npm run electron:driver');
    expect(seen.dialogs[0]?.message).not.toMatch(/NODE_MODULE_VERSION \d+\. This version|npm rebuild|\n\s+at /);
    expect(seen.loadedUrls).toEqual([]);
    expect(seen.ipcChannels).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'aftertab.sqlite'))).toBe(false);
    expect(fs.readFileSync(path.join(dataDir, 'logs', 'aftertab.log'), 'utf8')).toContain('Fix: run `npm run electron:driver`');
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
});

test('the bundled preload carries the command names only: a few KB, no zod and no schema', () => {
  // The preload runs in every window before the page: the contract's schemas are checked in the
  // main process, so here they would only be weight (the whole contract with zod was ~800 KB).
  const preload = fs.readFileSync(path.join(ROOT, 'dist', 'electron', 'preload.cjs'), 'utf8');
  expect(Buffer.byteLength(preload)).toBeLessThan(20_000);
  expect(preload).toContain('"recovery.continue"');
  expect(preload).not.toMatch(/node_modules[\\/]zod|ZodError|shared\/contract\.ts/);
});
