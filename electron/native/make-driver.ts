import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  BUILD_RECORD_NAME,
  builtAbiOf,
  DRIVER_FILE_NAME,
  describeTarget,
  electronDriverDir,
  electronDriverFile,
  writeBuildRecord,
  type DriverBuildRecord,
  type DriverTarget,
} from './electron-driver';
import { runCaptured } from './run-process';

/** Where Electron's headers come from when no prebuilt driver can be had. */
export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';

export type MakeStep = { madeFrom: DriverBuildRecord['madeFrom']; label: string; command: string; args: string[] };
export type StepOutcome = { code: number | null; output: string };
/** Runs one command in a folder; tests pass a fake. */
export type RunCommand = (command: string, args: string[], cwd: string) => Promise<StepOutcome>;

export type MakeResult = { ok: true; file: string; record: DriverBuildRecord } | { ok: false; reason: string; attempts: { label: string; output: string }[] };

export type MakeOptions = {
  appRoot: string;
  target: DriverTarget;
  /** A folder holding Electron's headers (node-gyp's --nodedir), for a machine that cannot download them. */
  headersDir?: string;
  run?: RunCommand;
  /** Progress for the person waiting: one line a step. */
  say?: (line: string) => void;
  clock?: () => Date;
};

/** The scripts that make a build: better-sqlite3's own prebuild-install, and node-gyp (npm's, when run from npm). */
export function toolPaths(appRoot: string, env: NodeJS.ProcessEnv = process.env): { prebuildInstall: string; nodeGyp: string } {
  const fromPackage = createRequire(path.join(appRoot, 'node_modules', 'better-sqlite3', 'package.json'));
  const fromRoot = createRequire(path.join(appRoot, 'package.json'));
  const nodeGyp = env.npm_config_node_gyp && fs.existsSync(env.npm_config_node_gyp) ? env.npm_config_node_gyp : fromRoot.resolve('node-gyp/bin/node-gyp.js');
  return { prebuildInstall: fromPackage.resolve('prebuild-install/bin.js'), nodeGyp };
}

/**
 * The ways to make a build, in order: better-sqlite3's prebuilt driver for this Electron (a
 * download of a few MB), else a compile against Electron's headers (needs a C++ toolchain).
 */
export function makeSteps(target: DriverTarget, tools: { prebuildInstall: string; nodeGyp: string }, headersDir?: string): MakeStep[] {
  const node = process.execPath;
  const prebuild: MakeStep = {
    madeFrom: 'prebuild',
    label: `download better-sqlite3's prebuilt driver for Electron ${target.electron}`,
    command: node,
    args: [tools.prebuildInstall, '--runtime', 'electron', '--target', target.electron, '--arch', target.arch, '--platform', target.platform, '--verbose'],
  };
  const source: MakeStep = {
    madeFrom: 'source',
    label: `compile it against Electron ${target.electron}'s headers`,
    command: node,
    args: [
      tools.nodeGyp,
      'rebuild',
      '--release',
      `--target=${target.electron}`,
      `--arch=${target.arch}`,
      ...(headersDir ? [`--nodedir=${headersDir}`] : [`--dist-url=${ELECTRON_HEADERS_URL}`]),
    ],
  };
  // With headers at hand there is nothing to download: compile straight away.
  return headersDir ? [source] : [prebuild, source];
}

/**
 * The environment for a step: npm passes its settings on as npm_config_* variables, and a
 * distribution's npmrc may set `nodedir` (Debian sets /usr), which makes node-gyp compile
 * against the running Node's headers whatever --target says. Those are dropped; the steps
 * name their target, headers and runtime themselves.
 */
export function stepEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const dropped = /^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|target_arch|build_from_source)$/i;
  return Object.fromEntries(Object.entries(env).filter(([name]) => !dropped.test(name)));
}

const runWithSpawn: RunCommand = async (command, args, cwd) => {
  const ran = await runCaptured(command, args, { cwd, env: stepEnv(process.env) });
  return { code: ran.error ? null : ran.code, output: `${ran.output}${ran.error ?? ''}` };
};

/**
 * Why a step failed, in a line: the first line that names an error or a failed request (a
 * compiler's or node-gyp's stack comes after it), else the last lines of what it printed.
 */
export function lastLines(output: string, count = 3): string {
  const lines = output.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
  // A network error names the cause best; node-gyp's own "rolling back install" warning does not.
  const network = lines.find((line) => /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|fetch failed|network connectivity/i.test(line));
  const telling = network ?? lines.find((line) => /\berror:|ERR! stack \w*Error/i.test(line)) ?? lines.find((line) => /\bwarn install/i.test(line));
  return telling ?? lines.slice(-count).join(' | ');
}

/**
 * Makes Electron's build of better-sqlite3 in native/electron/ without touching Node's. The
 * package is copied (without its build/ folder) into a staging folder beside the target, the
 * steps run there, and only a finished driver is moved in, with its record written last. The
 * copy in node_modules is only read, so `npm test` works the same before and after.
 */
export async function makeElectronDriver(options: MakeOptions): Promise<MakeResult> {
  const { appRoot, target } = options;
  const run = options.run ?? runWithSpawn;
  const say = options.say ?? (() => {});
  const source = path.join(appRoot, 'node_modules', 'better-sqlite3');
  const dir = electronDriverDir(appRoot);
  fs.mkdirSync(dir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(path.dirname(dir), '.staging-'));
  const packageCopy = path.join(staging, 'better-sqlite3');
  const attempts: { label: string; output: string }[] = [];
  try {
    fs.cpSync(source, packageCopy, { recursive: true, filter: (from) => path.relative(source, from).split(path.sep)[0] !== 'build' });
    const built = path.join(packageCopy, 'build', 'Release', DRIVER_FILE_NAME);
    for (const step of makeSteps(target, toolPaths(appRoot), options.headersDir)) {
      say(`Making the SQLite driver for ${describeTarget(target)}: ${step.label}…`);
      const outcome = await run(step.command, step.args, packageCopy);
      // A build that says it is for another ABI (compiled against the wrong headers) is refused.
      const builtAbi = outcome.code === 0 && fs.existsSync(built) ? builtAbiOf(built) : null;
      if (outcome.code === 0 && builtAbi !== null && builtAbi !== target.abi) {
        attempts.push({ label: step.label, output: `it produced a driver for NODE_MODULE_VERSION ${builtAbi}, not ${target.abi}` });
        continue;
      }
      if (outcome.code === 0 && builtAbi === target.abi) {
        const file = electronDriverFile(appRoot);
        // The old record goes first: until the new one is written, the folder is not ready.
        fs.rmSync(path.join(dir, BUILD_RECORD_NAME), { force: true });
        fs.copyFileSync(built, `${file}.partial`);
        fs.renameSync(`${file}.partial`, file);
        const record: DriverBuildRecord = { ...target, madeFrom: step.madeFrom, madeAt: (options.clock?.() ?? new Date()).toISOString() };
        writeBuildRecord(appRoot, record);
        return { ok: true, file, record };
      }
      attempts.push({ label: step.label, output: lastLines(outcome.output) || `exit code ${String(outcome.code)}` });
    }
    return { ok: false, reason: attempts.map((attempt) => `${attempt.label}: ${attempt.output}`).join('; '), attempts };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
