import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * Electron's own build of the SQLite driver, kept apart from Node's. `npm install` compiles
 * better-sqlite3 for the Node that ran it (NODE_MODULE_VERSION 115 on Node 20); Electron 45
 * needs 150. Replacing Node's build would break the tests, the web host and the bench, so
 * Electron's lives in <app root>/native/electron/ with a record of what it was made for, and
 * only Electron's main process loads it (better-sqlite3's `nativeBinding` option). A packaged
 * app does not use it: electron-builder rebuilds the driver inside the package.
 */
export const ELECTRON_DRIVER_DIR = path.join('native', 'electron');
export const DRIVER_FILE_NAME = 'better_sqlite3.node';
export const BUILD_RECORD_NAME = 'build.json';

/** What a build is for: a different value in any field makes it unusable. */
export type DriverTarget = {
  /** Electron's version, e.g. 45.4.1. */
  electron: string;
  /** Its NODE_MODULE_VERSION, e.g. 150. */
  abi: string;
  platform: string;
  arch: string;
  /** better-sqlite3's version: its JavaScript and its native part must match. */
  betterSqlite3: string;
};

const recordSchema = z.object({
  electron: z.string().min(1),
  abi: z.string().regex(/^\d+$/),
  platform: z.string().min(1),
  arch: z.string().min(1),
  betterSqlite3: z.string().min(1),
  madeFrom: z.enum(['prebuild', 'source']),
  madeAt: z.string(),
});

export type DriverBuildRecord = z.infer<typeof recordSchema>;

export type ElectronDriverStatus =
  | { state: 'ready'; file: string; record: DriverBuildRecord }
  | { state: 'missing'; file: string }
  | { state: 'stale'; file: string; reason: string; record: DriverBuildRecord | null };

export function electronDriverDir(appRoot: string): string {
  return path.join(appRoot, ELECTRON_DRIVER_DIR);
}

export function electronDriverFile(appRoot: string): string {
  return path.join(electronDriverDir(appRoot), DRIVER_FILE_NAME);
}

/** `Electron 45.4.1 (NODE_MODULE_VERSION 150) on linux-x64 with better-sqlite3 12.11.1`. */
export function describeTarget(target: DriverTarget): string {
  return `Electron ${target.electron} (NODE_MODULE_VERSION ${target.abi}) on ${target.platform}-${target.arch} with better-sqlite3 ${target.betterSqlite3}`;
}

function readRecord(dir: string): DriverBuildRecord | null {
  try {
    const parsed = recordSchema.safeParse(JSON.parse(fs.readFileSync(path.join(dir, BUILD_RECORD_NAME), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Whether the Electron build in appRoot fits `target`, read from its record alone (loading it
 * is only possible inside Electron). A build without a readable record counts as stale: nobody
 * can say what it was made for.
 */
export function electronDriverStatus(appRoot: string, target: DriverTarget): ElectronDriverStatus {
  const dir = electronDriverDir(appRoot);
  const file = electronDriverFile(appRoot);
  if (!fs.existsSync(file)) return { state: 'missing', file };
  const record = readRecord(dir);
  if (!record) return { state: 'stale', file, record: null, reason: `${BUILD_RECORD_NAME} beside it is missing or unreadable, so what it was built for is unknown` };
  const fields: (keyof DriverTarget)[] = ['electron', 'abi', 'platform', 'arch', 'betterSqlite3'];
  const differs = fields.filter((field) => record[field] !== target[field]);
  if (differs.length > 0) return { state: 'stale', file, record, reason: `it was built for ${describeTarget(record)}, not ${describeTarget(target)}` };
  return { state: 'ready', file, record };
}

/** Records what a build in appRoot was made for (written last, so a half-made build has none). */
export function writeBuildRecord(appRoot: string, record: DriverBuildRecord): void {
  const dir = electronDriverDir(appRoot);
  const temporary = path.join(dir, `${BUILD_RECORD_NAME}.partial`);
  fs.writeFileSync(temporary, `${JSON.stringify(record, null, 2)}\n`);
  fs.renameSync(temporary, path.join(dir, BUILD_RECORD_NAME));
}

/**
 * The target of the Electron installed in node_modules, read from its files without
 * require('electron') (which would start a download when the binary is missing).
 */
export function installedElectronTarget(appRoot: string, runtime: { platform: string; arch: string } = process): DriverTarget {
  const modules = path.join(appRoot, 'node_modules');
  const version = (dir: string): string => (JSON.parse(fs.readFileSync(path.join(modules, dir, 'package.json'), 'utf8')) as { version: string }).version;
  return {
    electron: version('electron'),
    abi: fs.readFileSync(path.join(modules, 'electron', 'abi_version'), 'utf8').trim(),
    platform: runtime.platform,
    arch: runtime.arch,
    betterSqlite3: version('better-sqlite3'),
  };
}

/**
 * The NODE_MODULE_VERSION a compiled driver was built for, read from the file itself: a Node
 * addon exports `node_register_module_v<abi>` (ELF, PE and Mach-O alike keep the name as text).
 * null when the file has no such name (not a Node addon, or unreadable).
 */
export function builtAbiOf(file: string): string | null {
  try {
    const match = /node_register_module_v(\d+)/.exec(fs.readFileSync(file).toString('latin1'));
    return match?.[1] ?? null;
  } catch {
    return null;
  }
}
