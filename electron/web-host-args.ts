import path from 'node:path';
import { readFlag } from './data-dir';
import { readProfileFile, type ProfileFile } from './first-run-profile';

/**
 * The web host's port: `--port=<n>` or `--port <n>`, then AFTERTAB_PORT, else 0 (any free
 * port, so a second copy never fails to start). Throws with a plain message for a bad value.
 */
export function resolvePort(argv: readonly string[], env: Record<string, string | undefined>): number {
  const raw = readFlag(argv, 'port') ?? env.AFTERTAB_PORT ?? '0';
  if (!/^\d{1,5}$/.test(raw.trim()) || Number(raw) > 65_535) {
    throw new Error(`"${raw}" is not a port number; use a whole number from 0 to 65535 (0 picks a free port)`);
  }
  return Number(raw);
}

/**
 * The store profile for a first run: `--profile <file>` or `--profile=<file>`, relative to the
 * folder the host was started from. Null without the flag; otherwise the checked profile, or
 * every problem in the file for the host to print before refusing to start.
 */
export function resolveProfile(argv: readonly string[], cwd: string): ProfileFile | null {
  const raw = readFlag(argv, 'profile');
  if (raw === undefined)
    return argv.includes('--profile')
      ? { ok: false, file: '', problems: [{ path: 'profile', message: 'profile: --profile needs the path of a store profile file' }] }
      : null;
  return readProfileFile(path.resolve(cwd, raw));
}
