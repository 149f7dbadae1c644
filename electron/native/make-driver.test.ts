import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { electronDriverStatus } from './electron-driver';
import { lastLines, makeElectronDriver, makeSteps, stepEnv, type RunCommand } from './make-driver';
import { NODE_BUILD, tempAppRoots, thisProcessTarget } from './native-fixture';

const newRoot = tempAppRoots();

const sha256 = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const tools = { prebuildInstall: '/m/prebuild-install/bin.js', nodeGyp: '/m/node-gyp/bin/node-gyp.js' };
const OFFLINE = 'prebuild-install warn install getaddrinfo ENOTFOUND github.com\n';

/** A step that "builds" by putting `driver` where node-gyp and prebuild-install put theirs. */
function producing(driver: string | ((cwd: string) => void)): RunCommand {
  return (_command, _args, cwd) => {
    if (typeof driver === 'function') driver(cwd);
    else {
      fs.mkdirSync(path.join(cwd, 'build', 'Release'), { recursive: true });
      fs.copyFileSync(driver, path.join(cwd, 'build', 'Release', 'better_sqlite3.node'));
    }
    return Promise.resolve({ code: 0, output: 'ok' });
  };
}

describe('the steps that make Electron’s build', () => {
  it('try the prebuilt driver for Electron first, then a compile against Electron’s headers', () => {
    const steps = makeSteps({ electron: '45.4.1', abi: '150', platform: 'linux', arch: 'x64', betterSqlite3: '12.11.1' }, tools);
    expect(steps.map((step) => step.madeFrom)).toEqual(['prebuild', 'source']);
    expect(steps[0]?.args).toEqual([tools.prebuildInstall, '--runtime', 'electron', '--target', '45.4.1', '--arch', 'x64', '--platform', 'linux', '--verbose']);
    expect(steps[1]?.args).toEqual([tools.nodeGyp, 'rebuild', '--release', '--target=45.4.1', '--arch=x64', '--dist-url=https://electronjs.org/headers']);
  });

  it('compile straight away against headers on disk, for a machine that cannot download', () => {
    const steps = makeSteps({ electron: '45.4.1', abi: '150', platform: 'win32', arch: 'ia32', betterSqlite3: '12.11.1' }, tools, 'D:\\electron-headers');
    expect(steps.map((step) => step.args)).toEqual([[tools.nodeGyp, 'rebuild', '--release', '--target=45.4.1', '--arch=ia32', '--nodedir=D:\\electron-headers']]);
  });

  it('run without npm’s nodedir, which would compile against the running Node’s headers', () => {
    const env = stepEnv({ PATH: '/usr/bin', npm_config_nodedir: '/usr', npm_config_target: '20.0.0', npm_config_runtime: 'node', npm_config_cache: '/c' });
    expect(env).toEqual({ PATH: '/usr/bin', npm_config_cache: '/c' });
  });

  it('say why a step failed in one line', () => {
    expect(lastLines(`info looking for cached prebuild\n${OFFLINE}more`)).toBe('prebuild-install warn install getaddrinfo ENOTFOUND github.com');
    expect(lastLines('a\nb\nc\nd')).toBe('b | c | d');
    // node-gyp offline: its rollback warning comes first, the cause two lines later.
    const gyp = 'gyp WARN install got an error, rolling back install\ngyp ERR! configure error\ngyp ERR! stack Error: This is most likely not a problem with node-gyp or the package itself and\ngyp ERR! stack is related to network connectivity. In most cases you are behind a proxy or have bad';
    expect(lastLines(gyp)).toBe('gyp ERR! stack is related to network connectivity. In most cases you are behind a proxy or have bad');
  });
});

describe('making Electron’s build', () => {
  it('puts a finished driver and its record in native/electron, and leaves Node’s build as it was', async () => {
    const root = newRoot();
    const before = sha256(NODE_BUILD);
    const target = thisProcessTarget();
    const seen: string[] = [];
    const made = await makeElectronDriver({
      appRoot: root,
      target,
      run: (command, args, cwd) => {
        seen.push(cwd);
        // The step works on a copy of the package without Node's build in it.
        expect(fs.existsSync(path.join(cwd, 'binding.gyp'))).toBe(true);
        expect(fs.existsSync(path.join(cwd, 'build'))).toBe(false);
        return producing(NODE_BUILD)(command, args, cwd);
      },
      clock: () => new Date('2026-12-05T10:00:00Z'),
    });
    expect(made).toMatchObject({ ok: true, record: { ...target, madeFrom: 'prebuild', madeAt: '2026-12-05T10:00:00.000Z' } });
    expect(electronDriverStatus(root, target).state).toBe('ready');
    // The staging folder is gone, and only the driver and its record are left.
    expect(fs.existsSync(seen[0] ?? '')).toBe(false);
    expect(fs.readdirSync(path.join(root, 'native'))).toEqual(['electron']);
    expect(fs.readdirSync(path.join(root, 'native', 'electron')).sort()).toEqual(['better_sqlite3.node', 'build.json']);
    // npm test after an Electron build was made: Node's build is byte for byte the same and still opens a ledger.
    expect(sha256(NODE_BUILD)).toBe(before);
    const db = new Database(':memory:');
    expect(db.prepare('SELECT sqlite_version() AS v').get()).toEqual({ v: expect.stringMatching(/^3\./) as unknown });
    db.close();
  });

  it('compiles when no prebuilt driver can be downloaded', async () => {
    const root = newRoot();
    const labels: string[] = [];
    let call = 0;
    const made = await makeElectronDriver({
      appRoot: root,
      target: thisProcessTarget(),
      say: (line) => labels.push(line),
      run: (command, args, cwd) => (call++ === 0 ? Promise.resolve({ code: 1, output: OFFLINE }) : producing(NODE_BUILD)(command, args, cwd)),
    });
    expect(made).toMatchObject({ ok: true, record: { madeFrom: 'source' } });
    expect(labels).toHaveLength(2);
    expect(labels[1]).toMatch(/compile it against Electron .* headers/);
  });

  it('refuses a driver compiled for another ABI (the wrong headers), and keeps nothing', async () => {
    const root = newRoot();
    const made = await makeElectronDriver({
      appRoot: root,
      target: { ...thisProcessTarget(), abi: '150' },
      run: producing((cwd) => {
        fs.mkdirSync(path.join(cwd, 'build', 'Release'), { recursive: true });
        fs.copyFileSync(NODE_BUILD, path.join(cwd, 'build', 'Release', 'better_sqlite3.node'));
      }),
    });
    expect(made.ok).toBe(false);
    expect(made.ok ? '' : made.reason).toContain(`it produced a driver for NODE_MODULE_VERSION ${process.versions.modules}, not 150`);
    expect(fs.existsSync(path.join(root, 'native', 'electron', 'better_sqlite3.node'))).toBe(false);
  });

  it('says why when neither a download nor a compile works, and leaves no staging folder', async () => {
    const root = newRoot();
    const made = await makeElectronDriver({
      appRoot: root,
      target: thisProcessTarget(),
      run: (_command, args) => Promise.resolve({ code: 1, output: args.includes('rebuild') ? 'gyp http GET https://electronjs.org/headers\ngyp ERR! stack FetchError: request to https://electronjs.org/headers failed, reason: getaddrinfo ENOTFOUND electronjs.org\ngyp ERR! not ok' : OFFLINE }),
    });
    expect(made.ok).toBe(false);
    expect(made.ok ? [] : made.attempts.map((attempt) => attempt.output)).toEqual([
      'prebuild-install warn install getaddrinfo ENOTFOUND github.com',
      'gyp ERR! stack FetchError: request to https://electronjs.org/headers failed, reason: getaddrinfo ENOTFOUND electronjs.org',
    ]);
    expect(fs.readdirSync(path.join(root, 'native'))).toEqual(['electron']);
    expect(electronDriverStatus(root, thisProcessTarget()).state).toBe('missing');
  });
});
