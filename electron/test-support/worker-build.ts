import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles the verification worker as scripts/build-node.mjs does, under node_modules so that its
 * require('better-sqlite3') resolves exactly as it does from dist/electron. Returns the file and
 * a clean-up for afterAll.
 */
export async function buildVerifyWorker(name: string): Promise<{ workerFile: string; remove: () => void }> {
  const outDir = path.join(__dirname, '..', '..', 'node_modules', '.cache', `aftertab-${name}-${process.pid}`);
  const workerFile = path.join(outDir, 'verify-worker.cjs');
  await build({
    entryPoints: [path.join(__dirname, '..', 'backup', 'verify-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: workerFile,
    external: ['electron', 'better-sqlite3'],
    logLevel: 'warning',
  });
  return { workerFile, remove: () => fs.rmSync(outDir, { recursive: true, force: true }) };
}
