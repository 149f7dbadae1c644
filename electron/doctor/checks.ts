import path from 'node:path';
import { SETTINGS_FILE } from '../backup/backup-settings';
import { ledgerPath } from '../ledger/open';
import { loadFailureDetail, REBUILD_COMMAND } from '../native/load-driver';
import type { DriverTarget } from '../native/electron-driver';
import type { DoctorDeps } from './deps';
import { checkFolder } from './folder-check';

export type CheckStatus = 'ok' | 'warn' | 'fail';

/**
 * Who needs what a check looks at. A failure of something the app needs (both the desktop app
 * and the web host) or the desktop app needs makes the doctor exit non-zero; the tests' needs
 * only ever warn.
 */
export type NeededBy = 'app' | 'desktop-app' | 'tests';

export type CheckResult = { name: string; neededBy: NeededBy; status: CheckStatus; detail: string; fix?: string };

const NODE_DRIVER_FIX = "`npm rebuild better-sqlite3` (it rebuilds Node's build only; Electron's lives in native/electron)";
const ELECTRON_DRIVER_FIX = `\`${REBUILD_COMMAND}\` (or \`npm start\`, which makes it when it is missing or stale)`;
const ELECTRON_BINARY_FIX = '`npx install-electron` or `npm start` downloads it; where it cannot be downloaded, `npm run start:web` runs Aftertab in a browser';
const CHROMIUM_FIX = '`apt-get install -y chromium` (Debian), or set CHROMIUM_PATH to a Chromium binary';

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

/** A path inside the checkout as the README writes it (node_modules/…), any other as it is. */
function shown(deps: DoctorDeps, file: string): string {
  const relative = path.relative(deps.appRoot, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

function versionParts(version: string): number[] {
  const parts = version
    .replace(/^v/, '')
    .split('.')
    .map((part) => Number.parseInt(part, 10));
  return [0, 1, 2].map((i) => (Number.isFinite(parts[i]) ? (parts[i] ?? 0) : 0));
}

/** The lowest version a `>=x.y.z` range allows, or null for a range of another shape. */
export function minimumOf(range: string): string | null {
  return /^\s*>=\s*(\d+(?:\.\d+){0,2})\s*$/.exec(range)?.[1] ?? null;
}

export function atLeast(version: string, minimum: string): boolean {
  const have = versionParts(version);
  const need = versionParts(minimum);
  for (let i = 0; i < 3; i += 1) {
    if ((have[i] ?? 0) !== (need[i] ?? 0)) return (have[i] ?? 0) > (need[i] ?? 0);
  }
  return true;
}

export function checkNode(deps: DoctorDeps): CheckResult {
  const base = { name: 'Node', neededBy: 'app' as const };
  const minimum = minimumOf(deps.requiredNode);
  if (minimum === null) {
    return {
      ...base,
      status: 'warn',
      detail: `${deps.nodeVersion}; package.json's engines.node ("${deps.requiredNode}") is not a ">=" range this check can read`,
      fix: 'write engines.node in package.json as ">=<version>"',
    };
  }
  if (atLeast(deps.nodeVersion, minimum)) return { ...base, status: 'ok', detail: `${deps.nodeVersion} (needs >= ${minimum})` };
  return {
    ...base,
    status: 'fail',
    detail: `${deps.nodeVersion}, but Aftertab needs >= ${minimum}`,
    fix: `install Node ${minimum} or later (e.g. \`nvm install 20\`), then \`npm rebuild better-sqlite3\` so the SQLite driver fits it`,
  };
}

/** Node's build of better-sqlite3: the tests, the web host and the bench all load it. */
export function checkNodeDriver(deps: DoctorDeps): CheckResult {
  const base = { name: "Node's SQLite driver", neededBy: 'app' as const };
  const file = shown(deps, deps.nodeDriverFile);
  const fail = (detail: string): CheckResult => ({ ...base, status: 'fail', detail, fix: NODE_DRIVER_FIX });
  try {
    if (deps.kindOf(deps.nodeDriverFile) !== 'file') return fail(`${file} is missing`);
  } catch (error) {
    return fail(`${file} cannot be reached: ${messageOf(error)}`);
  }
  const abi = deps.builtAbiOf(deps.nodeDriverFile);
  if (abi === null) return fail(`${file} is not a Node addon (no NODE_MODULE_VERSION in it)`);
  if (abi !== deps.nodeAbi) return fail(`${file} is compiled for NODE_MODULE_VERSION ${abi}, but Node ${deps.nodeVersion} needs ${deps.nodeAbi}`);
  try {
    const sqlite = deps.loadDriverInNode(deps.nodeDriverFile);
    return { ...base, status: 'ok', detail: `${file}, NODE_MODULE_VERSION ${abi} as Node ${deps.nodeVersion} needs, loads (SQLite ${sqlite})` };
  } catch (error) {
    return fail(`${file} does not load: ${loadFailureDetail(error)}`);
  }
}

function electronTargetOf(deps: DoctorDeps): { target: DriverTarget } | { problem: string } {
  try {
    return { target: deps.electronTarget() };
  } catch (error) {
    return { problem: `the electron package in node_modules cannot be read (${messageOf(error)})` };
  }
}

/** Electron's own build in native/electron: present, made for this Electron, and loading in it. */
export async function checkElectronDriver(deps: DoctorDeps): Promise<CheckResult> {
  const base = { name: "Electron's SQLite driver", neededBy: 'desktop-app' as const };
  const fail = (detail: string, fix = ELECTRON_DRIVER_FIX): CheckResult => ({ ...base, status: 'fail', detail, fix });
  const found = electronTargetOf(deps);
  if ('problem' in found) return fail(`which Electron it is for is unknown: ${found.problem}`, '`npm install`');
  const { target } = found;
  const status = deps.electronDriverStatus(target);
  const file = shown(deps, status.file);
  if (status.state === 'missing') return fail(`not made yet for Electron ${target.electron} (no ${file})`);
  if (status.state === 'stale') return fail(`${file} does not fit: ${status.reason}`);
  // The record could be right about a file someone replaced since: the file has the last word.
  const abi = deps.builtAbiOf(status.file);
  if (abi !== target.abi) {
    return fail(
      `${file} is compiled for ${abi === null ? 'no NODE_MODULE_VERSION (it is not a Node addon)' : `NODE_MODULE_VERSION ${abi}`}, but Electron ${target.electron} needs ${target.abi}`,
    );
  }
  const built = `${file}, NODE_MODULE_VERSION ${abi} as Electron ${target.electron} needs`;
  const binary = deps.findElectronBinary();
  if (binary === null) {
    return {
      ...base,
      status: 'warn',
      detail: `${built}; whether it loads cannot be checked here: only Electron can load it, and the Electron binary is not installed`,
      fix: 'install the Electron binary (see "Electron binary"), then run `npm run doctor` again',
    };
  }
  try {
    const sqlite = await deps.loadDriverInElectron(binary, status.file);
    return { ...base, status: 'ok', detail: `${built}, loads in Electron (SQLite ${sqlite})` };
  } catch (error) {
    return fail(`${file} does not load in Electron ${target.electron}: ${loadFailureDetail(error)}`);
  }
}

export function checkElectronBinary(deps: DoctorDeps): CheckResult {
  const base = { name: 'Electron binary', neededBy: 'desktop-app' as const };
  const found = electronTargetOf(deps);
  const electron = 'target' in found ? `Electron ${found.target.electron}` : 'Electron';
  const binary = deps.findElectronBinary();
  if (binary === null)
    return { ...base, status: 'fail', detail: `not installed (${electron} was never downloaded into node_modules/electron)`, fix: ELECTRON_BINARY_FIX };
  return { ...base, status: 'ok', detail: `${electron} at ${shown(deps, binary)}` };
}

/** Only the end-to-end tests drive Chromium, so whatever is wrong with it is a warning. */
export async function checkChromium(deps: DoctorDeps): Promise<CheckResult> {
  const base = { name: 'Chromium for the tests', neededBy: 'tests' as const };
  const file = deps.chromiumPath;
  const warn = (detail: string): CheckResult => ({ ...base, status: 'warn', detail: `${detail}; only the end-to-end tests need it`, fix: CHROMIUM_FIX });
  let kind;
  try {
    kind = deps.kindOf(file);
  } catch (error) {
    return warn(`${file} cannot be reached (${messageOf(error)})`);
  }
  if (kind === 'missing') return warn(`not found at ${file}`);
  if (kind === 'folder' || !deps.isExecutable(file)) return warn(`${file} is not an executable file`);
  const version = await deps.chromiumVersion(file);
  if (version === null) return warn(`${file} did not answer \`--version\``);
  return { ...base, status: 'ok', detail: `${version} at ${file}` };
}

export function checkDataFolder(deps: DoctorDeps): CheckResult {
  const verdict = checkFolder(deps.dataDir, deps, {
    createdBy: 'a first start creates it',
    unreachableFix: 'give this user write access to it, or choose another folder with `--data-dir=<folder>` or AFTERTAB_DATA_DIR',
  });
  return { name: 'Data folder', neededBy: 'app', ...verdict };
}

export function checkBackupFolder(deps: DoctorDeps): CheckResult {
  const { folder, problem } = deps.backupSettings(deps.dataDir);
  const verdict = checkFolder(folder, deps, {
    createdBy: 'the first backup creates it',
    unreachableFix: 'plug in or mount the drive that holds it, or choose another folder on the Backups screen (as the owner)',
  });
  const base = { name: 'Backup folder', neededBy: 'app' as const };
  if (problem === null) return { ...base, ...verdict };
  // The app falls back to the default settings, so it still backs up, into this folder.
  return {
    ...base,
    status: verdict.status === 'fail' ? 'fail' : 'warn',
    detail: `${problem}; ${verdict.detail}`,
    fix: verdict.fix ?? `choose the backup folder again on the Backups screen (as the owner), which rewrites ${path.join(deps.dataDir, SETTINGS_FILE)}`,
  };
}

/** The very check the app runs at start: read-only, so the doctor never writes to the ledger. */
export function checkLedger(deps: DoctorDeps): CheckResult {
  const base = { name: 'Ledger', neededBy: 'app' as const };
  const file = ledgerPath(deps.dataDir);
  try {
    const check = deps.checkLedger(file);
    if (check.state === 'missing') return { ...base, status: 'ok', detail: `no ledger yet: a first start creates one (${file})` };
    if (check.state === 'ok') return { ...base, status: 'ok', detail: `${file} passes SQLite's quick_check` };
    return {
      ...base,
      status: 'fail',
      detail: `${file} is damaged: ${check.problem}`,
      fix: 'start Aftertab: its recovery screen offers the newest good backup',
    };
  } catch (error) {
    return {
      ...base,
      status: 'fail',
      detail: `${file} could not be checked: ${loadFailureDetail(error)}`,
      fix: "make the file readable by this user (and if Node's SQLite driver failed above, fix that first)",
    };
  }
}

/** Every check, in the order the report prints them. */
export async function runChecks(deps: DoctorDeps): Promise<CheckResult[]> {
  return [
    checkNode(deps),
    checkNodeDriver(deps),
    await checkElectronDriver(deps),
    checkElectronBinary(deps),
    await checkChromium(deps),
    checkDataFolder(deps),
    checkBackupFolder(deps),
    checkLedger(deps),
  ];
}
