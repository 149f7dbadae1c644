// `npm run electron:driver [-- --headers=<folder>]`: makes Electron's build of the SQLite
// driver again in native/electron/, whatever state it is in (the fix the start-up dialog names).
// --headers points node-gyp at Electron's headers on disk, for a machine that cannot download.
import path from 'node:path';
import { describeTarget, installedElectronTarget } from '../electron/native/electron-driver';
import { makeElectronDriver } from '../electron/native/make-driver';

const appRoot = path.join(__dirname, '..');
const headers = process.argv
  .slice(2)
  .find((arg) => arg.startsWith('--headers='))
  ?.slice('--headers='.length);
async function main(): Promise<void> {
  const target = installedElectronTarget(appRoot);
  const made = await makeElectronDriver({ appRoot, target, ...(headers ? { headersDir: path.resolve(headers) } : {}), say: (line) => console.log(line) });
  if (made.ok) {
    console.log(`Made ${made.file} for ${describeTarget(target)} (${made.record.madeFrom}). Node's own build in node_modules was not touched.`);
  } else {
    console.error(
      `No SQLite driver for ${describeTarget(target)} could be made. ${made.attempts.map((attempt) => `${attempt.label}: ${attempt.output}`).join('\n')}`,
    );
    process.exit(1);
  }
}

void main();
