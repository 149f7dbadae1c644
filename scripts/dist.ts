// `npm run dist`: installers with electron-builder (arguments after `--` go to it). electron-builder
// rebuilds better-sqlite3 for Electron inside node_modules; Node's build is put back afterwards.
import path from 'node:path';
import { keepNodeDriver } from '../electron/native/keep-node-driver';
import { runInherited } from '../electron/native/run-process';

const appRoot = path.join(__dirname, '..');
const builder = path.join(appRoot, 'node_modules', 'electron-builder', 'cli.js');

async function main(): Promise<void> {
  const { value: code, restored } = await keepNodeDriver(appRoot, () => runInherited(process.execPath, [builder, '--config', 'electron-builder.yml', ...process.argv.slice(2)], { cwd: appRoot }));
  if (restored) console.log("Put Node's build of the SQLite driver back in node_modules (electron-builder had rebuilt it for Electron).");
  process.exit(code);
}

void main();
