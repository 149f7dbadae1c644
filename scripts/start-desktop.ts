// `npm start`: the desktop app from a checkout. The steps and their words are in
// electron/native/desktop-start.ts; this file only binds them to processes and files.
import path from 'node:path';
import { startDesktop } from '../electron/native/desktop-start';
import { electronInstallScript, findElectronBinary } from '../electron/native/electron-binary';
import { electronDriverStatus, installedElectronTarget } from '../electron/native/electron-driver';
import { makeElectronDriver } from '../electron/native/make-driver';
import { runCaptured, runInherited } from '../electron/native/run-process';

const appRoot = path.join(__dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

async function main(): Promise<void> {
  const code = await startDesktop({
    findBinary: () => findElectronBinary(appRoot),
    downloadElectron: () =>
      runCaptured(process.execPath, [electronInstallScript(appRoot)], { cwd: appRoot }).then((ran) => ({
        code: ran.code,
        output: `${ran.output}${ran.error ?? ''}`,
      })),
    target: () => installedElectronTarget(appRoot),
    driverStatus: (target) => electronDriverStatus(appRoot, target),
    makeDriver: (target) => makeElectronDriver({ appRoot, target, say: (line) => console.log(line) }),
    build: () => runInherited(npm, ['run', 'build'], { cwd: appRoot, shell: process.platform === 'win32' }),
    // Arguments after `npm start --` (e.g. --data-dir=…) go on to the app.
    launch: (binary) => runInherited(binary, [appRoot, ...process.argv.slice(2)], { cwd: appRoot }),
    say: (line) => console.log(line),
    fail: (line) => console.error(line),
  });
  process.exit(code);
}

void main();
