import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { builtAbiOf, DRIVER_FILE_NAME } from './electron-driver';

/** Node's build of the SQLite driver, where `npm install` put it. */
export function nodeDriverFile(appRoot: string): string {
  return path.join(appRoot, 'node_modules', 'better-sqlite3', 'build', 'Release', DRIVER_FILE_NAME);
}

export type KeptResult<T> = { value: T; restored: boolean };

/**
 * Runs `task` (electron-builder, which rebuilds native modules for Electron in place inside
 * node_modules) and puts Node's build of the driver back afterwards if the task replaced it,
 * so `npm test` and the web host keep working after `npm run dist`. The copy is taken before
 * and restored even when the task fails.
 */
export async function keepNodeDriver<T>(appRoot: string, task: () => Promise<T>, nodeAbi: string = process.versions.modules): Promise<KeptResult<T>> {
  const file = nodeDriverFile(appRoot);
  const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-node-driver-')), DRIVER_FILE_NAME);
  fs.copyFileSync(file, saved);
  let restored = false;
  try {
    return { value: await task(), restored: (restored = restoreIfReplaced(file, saved, nodeAbi)) };
  } finally {
    if (!restored) restoreIfReplaced(file, saved, nodeAbi);
    fs.rmSync(path.dirname(saved), { recursive: true, force: true });
  }
}

function restoreIfReplaced(file: string, saved: string, nodeAbi: string): boolean {
  if (fs.existsSync(file) && builtAbiOf(file) === nodeAbi) return false;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.copyFileSync(saved, `${file}.partial`);
  fs.renameSync(`${file}.partial`, file);
  return true;
}
