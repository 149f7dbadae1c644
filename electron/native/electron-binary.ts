import fs from 'node:fs';
import path from 'node:path';

/**
 * The Electron executable in node_modules, or null when its binary was never downloaded. This
 * reads the same path.txt the electron package's index.js reads, without requiring it: when the
 * binary is missing, require('electron') starts a download that cannot reach its host here.
 */
export function findElectronBinary(appRoot: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const packageDir = path.join(appRoot, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = path.join(override, relative || 'electron');
    return fs.existsSync(binary) ? binary : null;
  }
  if (!relative) return null;
  const binary = path.join(packageDir, 'dist', relative);
  return fs.existsSync(binary) ? binary : null;
}

/** The electron package's own downloader (what require('electron') would run on first use). */
export function electronInstallScript(appRoot: string): string {
  return path.join(appRoot, 'node_modules', 'electron', 'install.js');
}
