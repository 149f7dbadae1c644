// `npm run dist`: installers with electron-builder (arguments after `--` go to it), the generic
// build from electron-builder.yml, or one store's with `--store <slug>` (scripts/store-build.ts);
// `--print-config` prints the configuration and builds nothing. electron-builder rebuilds
// better-sqlite3 for Electron inside node_modules; Node's build is put back afterwards.
import path from 'node:path';
import { keepNodeDriver } from '../electron/native/keep-node-driver';
import { runInherited } from '../electron/native/run-process';
import { planDist, writeStoreConfig } from './store-build';

const appRoot = path.join(__dirname, '..');
const builder = path.join(appRoot, 'node_modules', 'electron-builder', 'cli.js');

async function main(): Promise<void> {
  const plan = planDist(appRoot, process.argv.slice(2));
  if (!plan.ok) {
    console.error(['Nothing was built:', ...plan.problems.map((problem) => `  - ${problem}`)].join('\n'));
    process.exit(1);
  }
  if (plan.printConfig) {
    console.log(JSON.stringify(plan.config, null, 2));
    process.exit(0);
  }
  writeStoreConfig(appRoot, plan);
  const { value: code, restored } = await keepNodeDriver(appRoot, () => runInherited(process.execPath, [builder, ...plan.builderArgs], { cwd: appRoot }));
  if (restored) console.log("Put Node's build of the SQLite driver back in node_modules (electron-builder had rebuilt it for Electron).");
  process.exit(code);
}

void main();
