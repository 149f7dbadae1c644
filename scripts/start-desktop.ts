// `npm start`: the desktop app from a checkout. The steps and their words are in
// electron/native/desktop-start.ts; this file only binds them to processes and files.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startDesktop } from '../electron/native/desktop-start';
import { electronInstallScript, findElectronBinary } from '../electron/native/electron-binary';
import { electronDriverStatus, installedElectronTarget } from '../electron/native/electron-driver';
import { makeElectronDriver, type StepOutcome } from '../electron/native/make-driver';

const appRoot = path.join(__dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function runQuietly(command: string, args: string[]): Promise<StepOutcome> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: appRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', (error) => resolve({ code: null, output: `${output}${error.message}` }));
    child.on('close', (code) => resolve({ code, output }));
  });
}

function runVisibly(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: appRoot, stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('error', () => resolve(1));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

async function main(): Promise<void> {
  const code = await startDesktop({
    findBinary: () => findElectronBinary(appRoot),
    downloadElectron: () => runQuietly(process.execPath, [electronInstallScript(appRoot)]),
    target: () => installedElectronTarget(appRoot),
    driverStatus: (target) => electronDriverStatus(appRoot, target),
    makeDriver: (target) => makeElectronDriver({ appRoot, target, say: (line) => console.log(line) }),
    build: () => runVisibly(npm, ['run', 'build']),
    // Arguments after `npm start --` (e.g. --data-dir=…) go on to the app.
    launch: (binary) => runVisibly(binary, [appRoot, ...process.argv.slice(2)]),
    say: (line) => console.log(line),
    fail: (line) => console.error(line),
  });
  process.exit(code);
}

void main();
