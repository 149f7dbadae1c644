import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadBackupSettings } from '../backup/backup-settings';
import { checkLedgerAtStart, type StartCheck } from '../ledger/health';
import { defaultDataDir, resolveDataDir } from '../data-dir';
import { findElectronBinary } from '../native/electron-binary';
import { runCaptured } from '../native/run-process';
import {
  builtAbiOf,
  DRIVER_FILE_NAME,
  electronDriverStatus,
  installedElectronTarget,
  type DriverTarget,
  type ElectronDriverStatus,
} from '../native/electron-driver';

export type PathKind = 'folder' | 'file' | 'missing';

/**
 * Everything the doctor's checks read or touch, passed in so a test can make each check fail
 * in turn. The real ones are below; none of them writes to the ledger.
 */
export type DoctorDeps = {
  appRoot: string;
  nodeVersion: string;
  /** process.versions.modules: the NODE_MODULE_VERSION this Node loads. */
  nodeAbi: string;
  /** package.json's engines.node, e.g. `>=20.19`. */
  requiredNode: string;
  /** better-sqlite3's build for Node, as `npm install` made it. */
  nodeDriverFile: string;
  /** Throws for anything but "there is nothing here" (a folder it may not look into, say). */
  kindOf: (file: string) => PathKind;
  isExecutable: (file: string) => boolean;
  builtAbiOf: (file: string) => string | null;
  /** Opens ':memory:' with this build in this process and runs a query: SQLite's version, or a throw. */
  loadDriverInNode: (file: string) => string;
  /** Throws when the electron package in node_modules cannot be read. */
  electronTarget: () => DriverTarget;
  electronDriverStatus: (target: DriverTarget) => ElectronDriverStatus;
  findElectronBinary: () => string | null;
  /** The same as loadDriverInNode, inside Electron run as Node: SQLite's version, or a rejection. */
  loadDriverInElectron: (binary: string, file: string) => Promise<string>;
  chromiumPath: string;
  /** The first line `--version` prints, or null when it does not answer in time. */
  chromiumVersion: (file: string) => Promise<string | null>;
  dataDir: string;
  /** Writes a file in dir and removes it again; throws when dir is not writable. */
  probeWrite: (dir: string) => void;
  freeBytes: (dir: string) => number;
  backupSettings: (dataDir: string) => { folder: string; problem: string | null };
  /** The app's read-only start-up check of the ledger. */
  checkLedger: (file: string) => StartCheck;
};

const CHROMIUM_DEFAULT = '/usr/bin/chromium';
const CHROMIUM_TIMEOUT_MS = 5000;
// Electron's first start on a cold disk can take a while; a hung one must not hang the doctor.
const ELECTRON_TIMEOUT_MS = 30_000;
const LOADED = 'aftertab-doctor-loaded ';
const REFUSED = 'aftertab-doctor-refused ';

export function kindOf(file: string): PathKind {
  try {
    return fs.statSync(file).isDirectory() ? 'folder' : 'file';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    throw error;
  }
}

export function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export function loadDriverInNode(file: string): string {
  const db = new Database(':memory:', { nativeBinding: file });
  try {
    return db.prepare<[], { v: string }>('SELECT sqlite_version() AS v').get()?.v ?? 'unknown';
  } finally {
    db.close();
  }
}

/**
 * Loads a driver build in another process: `binary` is Electron, run as plain Node through
 * ELECTRON_RUN_AS_NODE, because only Electron's own ABI can load Electron's build. The child
 * reports the loader's message itself, since an uncaught error prints a source excerpt first.
 */
export async function loadDriverInElectron(appRoot: string, binary: string, file: string): Promise<string> {
  const betterSqlite3 = path.join(appRoot, 'node_modules', 'better-sqlite3');
  const script = [
    'try {',
    `  const db = new (require(${JSON.stringify(betterSqlite3)}))(':memory:', { nativeBinding: ${JSON.stringify(file)} });`,
    `  console.log(${JSON.stringify(LOADED)} + db.prepare('SELECT sqlite_version() AS v').get().v);`,
    '  db.close();',
    '} catch (error) {',
    `  console.log(${JSON.stringify(REFUSED)} + JSON.stringify(String(error && error.message || error)));`,
    '  process.exitCode = 1;',
    '}',
  ].join('\n');
  const ran = await runCaptured(binary, ['-e', script], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, timeoutMs: ELECTRON_TIMEOUT_MS });
  const lines = ran.stdout.split('\n');
  const loaded = lines.find((line) => line.startsWith(LOADED));
  if (loaded) return loaded.slice(LOADED.length).trim();
  const refused = lines.find((line) => line.startsWith(REFUSED));
  if (refused) throw new Error(JSON.parse(refused.slice(REFUSED.length)) as string);
  const said = ran.error ?? ran.stderr.trim().split('\n').at(-1) ?? '';
  // A signal here is almost always the timeout: spawn's `timeout` ends the child with SIGTERM.
  const ended = ran.code === null ? `stopped by ${String(ran.signal)} after at most ${ELECTRON_TIMEOUT_MS / 1000} s` : `exit code ${ran.code}`;
  throw new Error(`Electron ended without an answer (${ended})${said ? `: ${said}` : ''}`);
}

export async function chromiumVersion(file: string): Promise<string | null> {
  const ran = await runCaptured(file, ['--version'], { timeoutMs: CHROMIUM_TIMEOUT_MS });
  const first = ran.stdout.trim().split('\n')[0]?.trim() ?? '';
  return ran.code === 0 && first ? first : null;
}

export function probeWrite(dir: string): void {
  const probe = path.join(dir, `.aftertab-doctor-${process.pid}-${randomUUID()}.probe`);
  try {
    fs.writeFileSync(probe, 'probe', { flag: 'wx' });
  } finally {
    // A write that fails half way (a full disk) still leaves the file behind.
    fs.rmSync(probe, { force: true });
  }
}

export function freeBytes(dir: string): number {
  const stats = fs.statfsSync(dir);
  return stats.bavail * stats.bsize;
}

/** The backup folder the app would use: the saved one, or the default when none (or a broken file) is saved. */
export function backupFolderOf(dataDir: string): { folder: string; problem: string | null } {
  const { settings, problem } = loadBackupSettings(dataDir);
  return { folder: settings.folder, problem };
}

function requiredNodeOf(appRoot: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as { engines?: { node?: string } };
  return manifest.engines?.node ?? '';
}

/** The real thing, for this checkout: the data folder is chosen exactly as the app chooses it. */
export function realDoctorDeps(options: { appRoot: string; argv: readonly string[]; env: NodeJS.ProcessEnv; home: string }): DoctorDeps {
  const { appRoot, env } = options;
  return {
    appRoot,
    nodeVersion: process.versions.node,
    nodeAbi: process.versions.modules,
    requiredNode: requiredNodeOf(appRoot),
    nodeDriverFile: path.join(appRoot, 'node_modules', 'better-sqlite3', 'build', 'Release', DRIVER_FILE_NAME),
    kindOf,
    isExecutable,
    builtAbiOf,
    loadDriverInNode,
    electronTarget: () => installedElectronTarget(appRoot),
    electronDriverStatus: (target) => electronDriverStatus(appRoot, target),
    findElectronBinary: () => findElectronBinary(appRoot, env),
    loadDriverInElectron: (binary, file) => loadDriverInElectron(appRoot, binary, file),
    // The same choice playwright.config.ts makes.
    chromiumPath: env.CHROMIUM_PATH ?? CHROMIUM_DEFAULT,
    chromiumVersion,
    dataDir: resolveDataDir(options.argv, env, defaultDataDir(process.platform, env, options.home)),
    probeWrite,
    freeBytes,
    backupSettings: backupFolderOf,
    checkLedger: checkLedgerAtStart,
  };
}
