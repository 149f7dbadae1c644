import fs from 'node:fs';
import { createRequire } from 'node:module';
import { openDatabase, useNativeBinding } from '../ledger/sqlite-driver';
import { ELECTRON_DRIVER_DIR, electronDriverStatus, type DriverTarget } from './electron-driver';

/** What the running process is, as far as choosing a SQLite build goes. */
export type Runtime = {
  /** process.versions.electron; undefined under plain Node. */
  electron: string | undefined;
  /** process.versions.modules: the NODE_MODULE_VERSION this process loads. */
  abi: string;
  platform: string;
  arch: string;
  /** app.isPackaged; false under plain Node. */
  isPackaged: boolean;
};

export type DriverChoice = { ok: true; nativeBinding: string | undefined; source: 'node' | 'electron-dev' | 'package' } | { ok: false; problem: DriverProblem };

export type DriverProblem =
  | { kind: 'missing'; file: string; target: DriverTarget }
  | { kind: 'stale'; file: string; target: DriverTarget; reason: string }
  | { kind: 'load-failed'; file: string | null; target: DriverTarget | null; packaged: boolean; detail: string };

/**
 * Which build this process must load. Plain Node (tests, the web host, the bench) and a
 * packaged app (electron-builder rebuilt the driver inside it) load better-sqlite3's default
 * build; Electron run from a checkout loads the build in native/electron/, and only when its
 * record says it was made for exactly this Electron.
 */
export function chooseDriver(options: { appRoot: string; runtime: Runtime; betterSqlite3: string }): DriverChoice {
  const { runtime } = options;
  if (runtime.electron === undefined) return { ok: true, nativeBinding: undefined, source: 'node' };
  if (runtime.isPackaged) return { ok: true, nativeBinding: undefined, source: 'package' };
  const target: DriverTarget = { electron: runtime.electron, abi: runtime.abi, platform: runtime.platform, arch: runtime.arch, betterSqlite3: options.betterSqlite3 };
  const status = electronDriverStatus(options.appRoot, target);
  if (status.state === 'missing') return { ok: false, problem: { kind: 'missing', file: status.file, target } };
  if (status.state === 'stale') return { ok: false, problem: { kind: 'stale', file: status.file, target, reason: status.reason } };
  return { ok: true, nativeBinding: status.file, source: 'electron-dev' };
}

/** Opens an in-memory database with the chosen build: the one way to know it really loads. */
export type DriverProbe = (nativeBinding: string | undefined) => void;

const probeWithSqlite: DriverProbe = (nativeBinding) => {
  useNativeBinding(nativeBinding);
  const db = openDatabase(':memory:');
  try {
    db.prepare('SELECT sqlite_version()').get();
  } finally {
    db.close();
  }
};

/**
 * Chooses the build, loads it and makes it the one every connection of this process uses.
 * Returns null when the driver works, or what is wrong with it; nothing else has been opened
 * by then, so a problem leaves the data folder untouched.
 */
export function startDriver(options: { appRoot: string; runtime: Runtime; betterSqlite3: string; probe?: DriverProbe }): DriverProblem | null {
  const choice = chooseDriver(options);
  if (!choice.ok) return choice.problem;
  try {
    (options.probe ?? probeWithSqlite)(choice.nativeBinding);
    return null;
  } catch (error) {
    useNativeBinding(undefined);
    const { runtime } = options;
    const target = runtime.electron === undefined ? null : { electron: runtime.electron, abi: runtime.abi, platform: runtime.platform, arch: runtime.arch, betterSqlite3: options.betterSqlite3 };
    return { kind: 'load-failed', file: choice.nativeBinding ?? null, target, packaged: choice.source === 'package', detail: loadFailureDetail(error) };
  }
}

/**
 * A loader error in plain words. Node's own text for an ABI mismatch ends by advising
 * `npm rebuild`, which would replace Node's build with Electron's and break the tests: it is
 * reduced to the two versions that disagree.
 */
export function loadFailureDetail(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const abi = /NODE_MODULE_VERSION (\d+)[\s\S]*?requires\s+NODE_MODULE_VERSION (\d+)/.exec(text);
  if (abi) return `it was compiled for NODE_MODULE_VERSION ${abi[1]}, and this program needs NODE_MODULE_VERSION ${abi[2]}`;
  return (text.split('\n')[0] ?? text).trim();
}

export type DriverProblemWords = { title: string; message: string; logLine: string };

/** The command that makes Electron's build again; `npm start` also runs it when the build is missing or stale. */
export const REBUILD_COMMAND = 'npm run electron:driver';

/** What the start-up dialog and the log say: what is wrong, the one command that fixes it, the data untouched. */
export function driverProblemWords(problem: DriverProblem, dataDir: string): DriverProblemWords {
  const untouched = `Your data was not touched: the ledger in ${dataDir} was not opened.`;
  if (problem.kind === 'load-failed' && problem.packaged) {
    const what = `This installation of Aftertab is damaged: the SQLite driver inside it could not be loaded (${problem.detail}).`;
    const fix = 'Reinstall Aftertab from its installer; reinstalling keeps your data.';
    return { title: 'Aftertab cannot open its ledger', message: `${what}\n\n${fix}\n\n${untouched}`, logLine: `${what} ${fix} ${untouched}` };
  }
  const electron = problem.target ? `Electron ${problem.target.electron} (NODE_MODULE_VERSION ${problem.target.abi})` : 'this Electron';
  const what =
    problem.kind === 'missing'
      ? `Aftertab keeps the ledger in SQLite, and there is no SQLite driver built for ${electron} yet (it looks for ${ELECTRON_DRIVER_DIR}/better_sqlite3.node in the Aftertab folder).`
      : problem.kind === 'stale'
        ? `The SQLite driver in ${ELECTRON_DRIVER_DIR} does not fit ${electron}: ${problem.reason}.`
        : `The SQLite driver for ${electron} (${problem.file ?? 'in this copy'}) could not be loaded: ${problem.detail}.`;
  const fix = `To fix it, close this message and run this in the Aftertab folder, then start Aftertab again:`;
  return {
    title: 'Aftertab cannot start: its SQLite driver for Electron is not ready',
    message: `${what}\n\n${fix}\n\n    ${REBUILD_COMMAND}\n\n${untouched}`,
    logLine: `${what} Fix: run \`${REBUILD_COMMAND}\` in the Aftertab folder. ${untouched}`,
  };
}

/** better-sqlite3's installed version, read where this bundle resolves it (its JS must match its build). */
export function installedBetterSqlite3Version(): string {
  const resolve = createRequire(__filename).resolve;
  return (JSON.parse(fs.readFileSync(resolve('better-sqlite3/package.json'), 'utf8')) as { version: string }).version;
}
