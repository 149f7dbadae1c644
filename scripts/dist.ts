// `npm run dist`: installers with electron-builder (arguments after `--` go to it). electron-builder
// rebuilds better-sqlite3 for Electron inside node_modules; Node's build is put back afterwards.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { keepNodeDriver } from '../electron/native/keep-node-driver';

const appRoot = path.join(__dirname, '..');
const builder = path.join(appRoot, 'node_modules', 'electron-builder', 'cli.js');

function run(args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: appRoot, stdio: 'inherit' });
    child.on('error', () => resolve(1));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

async function main(): Promise<void> {
  const { value: code, restored } = await keepNodeDriver(appRoot, () => run([builder, '--config', 'electron-builder.yml', ...process.argv.slice(2)]));
  if (restored) console.log("Put Node's build of the SQLite driver back in node_modules (electron-builder had rebuilt it for Electron).");
  process.exit(code);
}

void main();
