import path from 'node:path';

/** Electron's app name; it decides the userData folder, so the web host must use the same one. */
export const APP_DIR_NAME = 'Aftertab';

type Env = Record<string, string | undefined>;

/**
 * The data folder's name for a build, from its package name: the generic build and an unbranded
 * store build (package "aftertab") share "Aftertab", so a store build installed over the generic
 * one keeps its ledger; a branded build (package "aftertab-<slug>", electron-builder's
 * extraMetadata) gets "Aftertab-<slug>", so two stores installed side by side never share a ledger.
 */
export function dataDirName(packageName: string | undefined): string {
  const branded = /^aftertab-([a-z0-9][a-z0-9-]*)$/.exec(packageName ?? '');
  return branded ? `${APP_DIR_NAME}-${branded[1]}` : APP_DIR_NAME;
}

/**
 * The value of `--name=value` or `--name value` in argv, or undefined. The last one wins, as
 * with most command-line tools, so a wrapper script can append an override.
 */
export function readFlag(argv: readonly string[], name: string): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg.startsWith(`--${name}=`)) found = arg.slice(name.length + 3);
    else if (arg === `--${name}` && i + 1 < argv.length && !(argv[i + 1] ?? '').startsWith('--')) {
      found = argv[i + 1];
      i += 1;
    }
  }
  return found;
}

/**
 * The folder Electron's app.getPath('userData') returns for this app, computed without
 * Electron so the web host opens the very same ledger the desktop app does.
 */
export function defaultDataDir(platform: NodeJS.Platform, env: Env, home: string): string {
  if (platform === 'win32') {
    const appData = env.APPDATA || path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, APP_DIR_NAME);
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  // Electron follows the XDG spec only when the variable holds an absolute path.
  const xdg = env.XDG_CONFIG_HOME;
  const config = xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(home, '.config');
  return path.posix.join(config, APP_DIR_NAME);
}

/**
 * Where the ledger lives: `--data-dir`, then AFTERTAB_DATA_DIR, then the fallback (Electron's
 * userData in main.ts, defaultDataDir() in the web host). Relative paths are made absolute
 * against the working directory so the printed folder is one a person can find again.
 */
export function resolveDataDir(argv: readonly string[], env: Env, fallback: string, cwd = process.cwd()): string {
  const chosen = readFlag(argv, 'data-dir') || env.AFTERTAB_DATA_DIR || fallback;
  return path.resolve(cwd, chosen);
}
