// Bundles the main-process entry points to CommonJS for Node and Electron. Native and
// Electron modules stay external: better-sqlite3 is loaded from node_modules at run time.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

// Builds before maps were turned off left them here, and esbuild only overwrites what it writes.
const outdir = 'dist/electron';
if (fs.existsSync(outdir)) {
  for (const name of fs.readdirSync(outdir)) if (name.endsWith('.map')) fs.rmSync(path.join(outdir, name));
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // No source maps: nothing in dist/ may ship or serve the readable source.
  sourcemap: false,
  outdir,
  outExtension: { '.js': '.cjs' },
  external: ['electron', 'better-sqlite3'],
  logLevel: 'warning',
};

// verify-worker runs a backup's integrity check in a worker thread; app-core.ts starts it from
// beside main.cjs / web-host.cjs (falling back to the main thread if it is missing).
await build({
  ...common,
  entryPoints: { main: 'electron/main.ts', 'web-host': 'electron/web-host-cli.ts', 'verify-worker': 'electron/backup/verify-worker.ts' },
});
// The preload runs sandboxed: it may only require('electron'), so everything else is bundled in.
await build({ ...common, entryPoints: { preload: 'electron/preload.ts' }, target: 'chrome140' });
