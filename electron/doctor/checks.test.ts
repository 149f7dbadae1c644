import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTINGS_FILE } from '../backup/backup-settings';
import { checkLedgerAtStart } from '../ledger/health';
import { ledgerPath, openLedger } from '../ledger/open';
import { builtAbiOf, electronDriverStatus, type DriverTarget } from '../native/electron-driver';
import { NODE_BUILD, placeElectronBuild, recordFor, REPO_ROOT } from '../native/native-fixture';
import { atLeast, minimumOf, runChecks, type CheckStatus } from './checks';
import { backupFolderOf, isExecutable, kindOf, loadDriverInNode, probeWrite, realDoctorDeps, type DoctorDeps } from './deps';
import { tempFolders } from '../test-support/temp-folders';
import { exitCodeOf } from './report';

const tempRoot = tempFolders('aftertab-doctor-');
const realRoot = tempFolders('aftertab-doctor-real-');

const GB = 1024 * 1024 * 1024;
const MB = 1024 * 1024;
const TARGET: DriverTarget = { electron: '45.4.1', abi: '150', platform: 'linux', arch: 'x64', betterSqlite3: '12.11.1' };

type Setup = { root: string; deps: DoctorDeps };

/**
 * A machine where everything is in place: the repo's own Node build of the driver (really
 * loaded), an Electron build in a temp app folder (its ABI read from the file), a real ledger,
 * real folders. Only what cannot run here is faked: Electron itself, Chromium, the disk's size.
 */
function healthy(): Setup {
  const root = tempRoot();
  const appRoot = path.join(root, 'app');
  fs.mkdirSync(appRoot);
  placeElectronBuild(appRoot, { content: `\0node_register_module_v${TARGET.abi}\0`, record: recordFor(TARGET) });
  const chromium = path.join(root, 'chromium');
  fs.writeFileSync(chromium, '#!/bin/sh\n', { mode: 0o755 });
  const dataDir = path.join(root, 'data');
  openLedger(ledgerPath(dataDir)).close();
  return {
    root,
    deps: {
      appRoot,
      nodeVersion: '20.20.2',
      nodeAbi: process.versions.modules,
      requiredNode: '>=20.19',
      nodeDriverFile: NODE_BUILD,
      kindOf,
      isExecutable,
      builtAbiOf,
      loadDriverInNode,
      electronTarget: () => TARGET,
      electronDriverStatus: (target) => electronDriverStatus(appRoot, target),
      findElectronBinary: () => path.join(appRoot, 'electron'),
      loadDriverInElectron: () => Promise.resolve('3.50.0'),
      chromiumPath: chromium,
      chromiumVersion: () => Promise.resolve('Chromium 140.0.1'),
      dataDir,
      probeWrite,
      freeBytes: () => 20 * GB,
      backupSettings: backupFolderOf,
      checkLedger: checkLedgerAtStart,
    },
  };
}

const NODE = 'Node';
const NODE_DRIVER = "Node's SQLite driver";
const ELECTRON_DRIVER = "Electron's SQLite driver";
const ELECTRON_BINARY = 'Electron binary';
const CHROMIUM = 'Chromium for the tests';
const DATA = 'Data folder';
const BACKUP = 'Backup folder';
const LEDGER = 'Ledger';

type Expected = { status: CheckStatus; detail: RegExp; fix?: RegExp };
type Turn = [label: string, breaks: (setup: Setup) => Partial<DoctorDeps>, expected: Record<string, Expected>, exitCode: number];

const refuse =
  (code: string, words = 'permission denied') =>
  (): never => {
    throw Object.assign(new Error(`${code}: ${words}`), { code });
  };

const turns: Turn[] = [
  [
    'Node older than engines.node',
    () => ({ nodeVersion: '20.18.3' }),
    { [NODE]: { status: 'fail', detail: /^20\.18\.3, but Aftertab needs >= 20\.19$/, fix: /nvm install 20/ } },
    1,
  ],
  ['an engines.node it cannot read', () => ({ requiredNode: '^20' }), { [NODE]: { status: 'warn', detail: /"\^20"/, fix: />=/ } }, 0],
  [
    'no Node build of the driver',
    ({ root }) => ({ nodeDriverFile: path.join(root, 'none', 'better_sqlite3.node') }),
    { [NODE_DRIVER]: { status: 'fail', detail: /better_sqlite3\.node is missing/, fix: /^`npm rebuild better-sqlite3`/ } },
    1,
  ],
  [
    'a Node build compiled for Electron',
    ({ root }) => {
      const file = path.join(root, 'electron-abi.node');
      fs.writeFileSync(file, '\0node_register_module_v150\0');
      return { nodeDriverFile: file };
    },
    {
      [NODE_DRIVER]: {
        status: 'fail',
        detail: new RegExp(`compiled for NODE_MODULE_VERSION 150, but Node 20\\.20\\.2 needs ${process.versions.modules}`),
        fix: /npm rebuild better-sqlite3/,
      },
    },
    1,
  ],
  [
    'a Node build that is no Node addon',
    ({ root }) => {
      const file = path.join(root, 'text.node');
      fs.writeFileSync(file, 'hello');
      return { nodeDriverFile: file };
    },
    { [NODE_DRIVER]: { status: 'fail', detail: /not a Node addon/, fix: /npm rebuild better-sqlite3/ } },
    1,
  ],
  [
    'a Node build that does not load (really loaded)',
    ({ root }) => {
      const file = path.join(root, 'broken.node');
      fs.writeFileSync(file, `\0node_register_module_v${process.versions.modules}\0`);
      return { nodeDriverFile: file };
    },
    { [NODE_DRIVER]: { status: 'fail', detail: /broken\.node does not load: \S/, fix: /npm rebuild better-sqlite3/ } },
    1,
  ],
  [
    'an unreadable electron package',
    () => ({ electronTarget: refuse('ENOENT', 'no such file or directory') }),
    {
      [ELECTRON_DRIVER]: { status: 'fail', detail: /electron package in node_modules cannot be read \(ENOENT/, fix: /^`npm install`$/ },
      [ELECTRON_BINARY]: { status: 'ok', detail: /^Electron at / },
    },
    1,
  ],
  [
    'no Electron build of the driver',
    ({ deps }) => {
      fs.rmSync(path.join(deps.appRoot, 'native'), { recursive: true });
      return {};
    },
    {
      [ELECTRON_DRIVER]: {
        status: 'fail',
        detail: /not made yet for Electron 45\.4\.1 \(no native\/electron\/better_sqlite3\.node\)/,
        fix: /^`npm run electron:driver` \(or `npm start`/,
      },
    },
    1,
  ],
  [
    'an Electron build made for another Electron',
    ({ deps }) => {
      placeElectronBuild(deps.appRoot, { content: '\0node_register_module_v140\0', record: recordFor(TARGET, { electron: '44.0.0', abi: '140' }) });
      return {};
    },
    {
      [ELECTRON_DRIVER]: { status: 'fail', detail: /does not fit: it was built for Electron 44\.0\.0 .*not Electron 45\.4\.1/, fix: /npm run electron:driver/ },
    },
    1,
  ],
  [
    'an Electron build whose file disagrees with its record',
    ({ deps }) => {
      placeElectronBuild(deps.appRoot, { content: `\0node_register_module_v${process.versions.modules}\0`, record: recordFor(TARGET) });
      return {};
    },
    {
      [ELECTRON_DRIVER]: {
        status: 'fail',
        detail: new RegExp(`compiled for NODE_MODULE_VERSION ${process.versions.modules}, but Electron 45\\.4\\.1 needs 150`),
        fix: /npm run electron:driver/,
      },
    },
    1,
  ],
  [
    'an Electron build that Electron refuses',
    () => ({
      loadDriverInElectron: () =>
        Promise.reject(
          new Error(
            'The module was compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of Node.js requires\nNODE_MODULE_VERSION 150. Please try re-compiling or re-installing the module (for instance, using `npm rebuild` or `npm install`).',
          ),
        ),
    }),
    {
      [ELECTRON_DRIVER]: {
        status: 'fail',
        detail: /does not load in Electron 45\.4\.1: it was compiled for NODE_MODULE_VERSION 115, and this program needs NODE_MODULE_VERSION 150$/,
        fix: /^`npm run electron:driver`/,
      },
    },
    1,
  ],
  [
    'no Electron binary',
    () => ({ findElectronBinary: () => null }),
    {
      [ELECTRON_BINARY]: {
        status: 'fail',
        detail: /^not installed \(Electron 45\.4\.1 was never downloaded/,
        fix: /`npx install-electron` or `npm start` downloads it; .*`npm run start:web`/,
      },
      [ELECTRON_DRIVER]: {
        status: 'warn',
        detail: /NODE_MODULE_VERSION 150 as Electron 45\.4\.1 needs; whether it loads cannot be checked here: .*Electron binary is not installed/,
        fix: /Electron binary/,
      },
    },
    1,
  ],
  [
    'no Chromium',
    ({ root }) => ({ chromiumPath: path.join(root, 'no-chromium') }),
    {
      [CHROMIUM]: {
        status: 'warn',
        detail: /^not found at .*no-chromium; only the end-to-end tests need it$/,
        fix: /apt-get install -y chromium.*CHROMIUM_PATH/,
      },
    },
    0,
  ],
  [
    'a Chromium that is not executable',
    ({ deps }) => {
      fs.chmodSync(deps.chromiumPath, 0o644);
      return {};
    },
    { [CHROMIUM]: { status: 'warn', detail: /is not an executable file/, fix: /CHROMIUM_PATH/ } },
    0,
  ],
  [
    'a Chromium that does not answer',
    () => ({ chromiumVersion: () => Promise.resolve(null) }),
    { [CHROMIUM]: { status: 'warn', detail: /did not answer `--version`/, fix: /apt-get/ } },
    0,
  ],
  [
    'a data folder it may not write to',
    ({ deps }) => ({
      probeWrite: (dir) => {
        if (dir === deps.dataDir) refuse('EACCES')();
      },
    }),
    {
      [DATA]: { status: 'fail', detail: /data is not writable: EACCES: permission denied$/, fix: /--data-dir=<folder>` or AFTERTAB_DATA_DIR/ },
      // The backups go into the data folder, so they cannot be made either.
      [BACKUP]: { status: 'fail', detail: /backups cannot be created: .*data is not writable \(EACCES/, fix: /Backups screen/ },
    },
    1,
  ],
  [
    'a disk nearly full',
    () => ({ freeBytes: () => 20 * MB }),
    {
      [DATA]: { status: 'fail', detail: /only 20 MB free$/, fix: /at the very least/ },
      [BACKUP]: { status: 'fail', detail: /only 20 MB free$/, fix: /free some space/ },
    },
    1,
  ],
  [
    'a disk getting full',
    () => ({ freeBytes: () => 300 * MB }),
    {
      [DATA]: { status: 'warn', detail: /300 MB free \(less than 500 MB\)/, fix: /free some space/ },
      [BACKUP]: { status: 'warn', detail: /300 MB free/, fix: /free some space/ },
    },
    0,
  ],
  [
    'a backup folder on a drive that is not there',
    ({ root, deps }) => {
      const blocker = path.join(root, 'media');
      fs.writeFileSync(blocker, 'a file where the mount point should be');
      fs.writeFileSync(path.join(deps.dataDir, SETTINGS_FILE), JSON.stringify({ folder: path.join(blocker, 'usb', 'aftertab') }));
      return {};
    },
    { [BACKUP]: { status: 'fail', detail: /usb\/aftertab cannot be created: .*media is a file, not a folder/, fix: /plug in or mount the drive/ } },
    1,
  ],
  [
    'a broken backup settings file',
    ({ deps }) => {
      fs.writeFileSync(path.join(deps.dataDir, SETTINGS_FILE), '{"folder": ');
      return {};
    },
    { [BACKUP]: { status: 'warn', detail: /backup-settings\.json is not valid JSON; .*data\/backups/, fix: /Backups screen/ } },
    0,
  ],
  [
    'a damaged ledger',
    ({ deps }) => {
      fs.writeFileSync(ledgerPath(deps.dataDir), Buffer.alloc(8192, 0x5a));
      return {};
    },
    { [LEDGER]: { status: 'fail', detail: /aftertab\.sqlite is damaged: \S/, fix: /^start Aftertab: its recovery screen offers the newest good backup$/ } },
    1,
  ],
  [
    'a ledger it cannot read',
    () => ({ checkLedger: refuse('EACCES') }),
    { [LEDGER]: { status: 'fail', detail: /could not be checked: EACCES/, fix: /readable by this user/ } },
    1,
  ],
];

describe('the doctor’s checks', () => {
  it('all pass on a machine where everything is in place', async () => {
    const results = await runChecks(healthy().deps);
    expect(results.map((result) => [result.name, result.status])).toEqual(
      [NODE, NODE_DRIVER, ELECTRON_DRIVER, ELECTRON_BINARY, CHROMIUM, DATA, BACKUP, LEDGER].map((name) => [name, 'ok']),
    );
    expect(results.find((result) => result.name === NODE_DRIVER)?.detail).toMatch(
      new RegExp(`NODE_MODULE_VERSION ${process.versions.modules} as Node 20\\.20\\.2 needs, loads \\(SQLite 3\\.`),
    );
    expect(results.find((result) => result.name === LEDGER)?.detail).toMatch(/passes SQLite's quick_check$/);
    expect(exitCodeOf(results)).toBe(0);
  });

  it.each(turns)('catch %s, with its fix, and nothing else', async (_label, breaks, expected, exitCode) => {
    const setup = healthy();
    const results = await runChecks({ ...setup.deps, ...breaks(setup) });
    for (const result of results) {
      const wanted = expected[result.name];
      if (!wanted) {
        expect(result.status, `${result.name}: ${result.detail}`).toBe('ok');
        continue;
      }
      expect(result.status, result.detail).toBe(wanted.status);
      expect(result.detail).toMatch(wanted.detail);
      if (wanted.fix) expect(result.fix).toMatch(wanted.fix);
    }
    expect(Object.keys(expected).every((name) => results.some((result) => result.name === name))).toBe(true);
    expect(exitCodeOf(results)).toBe(exitCode);
  });

  it('reads a damaged ledger without changing a byte of it', async () => {
    const { deps } = healthy();
    const file = ledgerPath(deps.dataDir);
    const damaged = Buffer.alloc(8192, 0x5a);
    fs.writeFileSync(file, damaged);
    await runChecks(deps);
    expect(fs.readFileSync(file).equals(damaged)).toBe(true);
  });

  it('says a missing ledger and data folder will be made at the first start, and makes neither', async () => {
    const { root, deps } = healthy();
    const dataDir = path.join(root, 'fresh', 'data');
    const results = await runChecks({ ...deps, dataDir });
    const byName = new Map(results.map((result) => [result.name, result]));
    expect(byName.get(DATA)).toMatchObject({
      status: 'ok',
      detail: expect.stringMatching(/fresh\/data \(not there yet; a first start creates it under .*doctor-\w+, which is writable\), 20 GB free$/),
    });
    expect(byName.get(BACKUP)).toMatchObject({ status: 'ok', detail: expect.stringMatching(/backups \(not there yet; the first backup creates it under/) });
    expect(byName.get(LEDGER)).toMatchObject({ status: 'ok', detail: expect.stringMatching(/^no ledger yet: a first start creates one/) });
    expect(fs.existsSync(path.join(root, 'fresh'))).toBe(false);
    expect(fs.readdirSync(root).sort()).toEqual(['app', 'chromium', 'data']);
  });
});

describe('the Node version rule', () => {
  it('reads only >= ranges and compares versions part by part', () => {
    expect(minimumOf('>=20.19')).toBe('20.19');
    expect(minimumOf('>= 22.12.0')).toBe('22.12.0');
    expect(minimumOf('^20.19')).toBeNull();
    expect(atLeast('20.19.0', '20.19')).toBe(true);
    expect(atLeast('v20.20.2', '20.19')).toBe(true);
    expect(atLeast('22.1.0', '20.19')).toBe(true);
    expect(atLeast('20.9.0', '20.19')).toBe(false);
    expect(atLeast('19.99.99', '20.19')).toBe(false);
  });
});

describe('the real checks on this checkout', () => {
  it('find Node’s driver loading with this Node’s ABI, and a fresh data folder usable', async () => {
    const root = realRoot();
    const dataDir = path.join(root, 'data');
    const deps = realDoctorDeps({ appRoot: REPO_ROOT, argv: [`--data-dir=${dataDir}`], env: { ...process.env, AFTERTAB_DATA_DIR: undefined }, home: root });
    expect(deps.dataDir).toBe(dataDir);
    // Never a real Electron in the unit tests, even where one is installed.
    const results = await runChecks({ ...deps, loadDriverInElectron: () => Promise.reject(new Error('not run in the unit tests')) });
    const byName = new Map(results.map((result) => [result.name, result]));
    expect(byName.get(NODE)?.status).toBe('ok');
    expect(byName.get(NODE_DRIVER)).toMatchObject({
      status: 'ok',
      detail: expect.stringContaining(`NODE_MODULE_VERSION ${process.versions.modules} as Node ${process.versions.node} needs, loads`),
    });
    expect(builtAbiOf(deps.nodeDriverFile)).toBe(process.versions.modules);
    for (const name of [DATA, BACKUP, LEDGER]) expect(byName.get(name)?.status, byName.get(name)?.detail).toBe('ok');
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});
