import fs from 'node:fs';
import path from 'node:path';
import { tempFolders } from '../test-support/temp-folders';
import { BUILD_RECORD_NAME, DRIVER_FILE_NAME, ELECTRON_DRIVER_DIR, type DriverBuildRecord, type DriverTarget } from './electron-driver';

export const REPO_ROOT = path.join(__dirname, '..', '..');
/** Node's build, as `npm install` left it: the file the tests must never change. */
export const NODE_BUILD = path.join(REPO_ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', DRIVER_FILE_NAME);

/** A target this very process can load: its own version and ABI stand in for Electron's. */
export function thisProcessTarget(): DriverTarget {
  return { electron: process.versions.node, abi: process.versions.modules, platform: process.platform, arch: process.arch, betterSqlite3: '12.11.1' };
}

/**
 * A maker of app folders in tmp whose node_modules is the repo's (read only by the code under
 * test), each removed after every test. Call once at the top of a test file.
 */
export function tempAppRoots(): () => string {
  const tempRoot = tempFolders('aftertab-native-');
  return () => {
    const root = tempRoot();
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
    fs.writeFileSync(path.join(root, 'package.json'), '{"name":"aftertab-native-test","private":true}\n');
    return root;
  };
}

/** Puts a driver file and (unless null) its record into appRoot/native/electron. */
export function placeElectronBuild(appRoot: string, options: { from?: string; content?: string; record: DriverBuildRecord | null }): string {
  const dir = path.join(appRoot, ELECTRON_DRIVER_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, DRIVER_FILE_NAME);
  if (options.from) fs.copyFileSync(options.from, file);
  else fs.writeFileSync(file, options.content ?? 'not a driver');
  if (options.record) fs.writeFileSync(path.join(dir, BUILD_RECORD_NAME), JSON.stringify(options.record));
  return file;
}

export function recordFor(target: DriverTarget, changes: Partial<DriverBuildRecord> = {}): DriverBuildRecord {
  return { ...target, madeFrom: 'prebuild', madeAt: '2026-12-01T09:00:00.000Z', ...changes };
}
