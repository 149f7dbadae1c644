import { readFlag } from './data-dir';

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
