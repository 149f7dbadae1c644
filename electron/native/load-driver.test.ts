import { afterEach, describe, expect, it } from 'vitest';
import { nativeBindingInUse, openDatabase, useNativeBinding } from '../ledger/sqlite-driver';
import { chooseDriver, driverProblemWords, loadFailureDetail, REBUILD_COMMAND, startDriver, type DriverProblem, type Runtime } from './load-driver';
import { NODE_BUILD, placeElectronBuild, recordFor, tempAppRoots, thisProcessTarget } from './native-fixture';

const newRoot = tempAppRoots();
afterEach(() => {
  useNativeBinding(undefined);
});

const electron45: Runtime = { electron: '45.4.1', abi: '150', platform: 'linux', arch: 'x64', isPackaged: false };
const node20: Runtime = { electron: undefined, abi: '115', platform: 'linux', arch: 'x64', isPackaged: false };
/** This test process posing as an Electron run from a checkout: same ABI, so a copy of Node's build really loads. */
const posing = (): Runtime => {
  const target = thisProcessTarget();
  return { electron: target.electron, abi: target.abi, platform: target.platform, arch: target.arch, isPackaged: false };
};

// What Node prints when an addon was built for another ABI (better-sqlite3's most reported Electron failure).
const ABI_MISMATCH = `The module '/app/node_modules/better-sqlite3/build/Release/better_sqlite3.node'
was compiled against a different Node.js version using
NODE_MODULE_VERSION 115. This version of Node.js requires
NODE_MODULE_VERSION 150. Please try re-compiling or re-installing
the module (for instance, using \`npm rebuild\` or \`npm install\`).`;

describe('choosing the SQLite build per runtime', () => {
  it('Node (tests, web host, bench) loads the build npm install made', () => {
    expect(chooseDriver({ appRoot: newRoot(), runtime: node20, betterSqlite3: '12.11.1' })).toEqual({ ok: true, nativeBinding: undefined, source: 'node' });
  });

  it('a packaged app loads the build electron-builder made inside the package, never native/', () => {
    const root = newRoot();
    placeElectronBuild(root, { record: recordFor({ electron: '45.4.1', abi: '150', platform: 'linux', arch: 'x64', betterSqlite3: '12.11.1' }) });
    expect(chooseDriver({ appRoot: root, runtime: { ...electron45, isPackaged: true }, betterSqlite3: '12.11.1' })).toEqual({ ok: true, nativeBinding: undefined, source: 'package' });
  });

  it('Electron from a checkout loads native/electron when its record fits', () => {
    const root = newRoot();
    const file = placeElectronBuild(root, { record: recordFor({ electron: '45.4.1', abi: '150', platform: 'linux', arch: 'x64', betterSqlite3: '12.11.1' }) });
    expect(chooseDriver({ appRoot: root, runtime: electron45, betterSqlite3: '12.11.1' })).toEqual({ ok: true, nativeBinding: file, source: 'electron-dev' });
  });

  it('Electron from a checkout with no build, or one for another Electron, gets a problem instead of Node’s build', () => {
    const root = newRoot();
    expect(chooseDriver({ appRoot: root, runtime: electron45, betterSqlite3: '12.11.1' })).toMatchObject({ ok: false, problem: { kind: 'missing' } });
    placeElectronBuild(root, { record: recordFor({ electron: '44.0.0', abi: '140', platform: 'linux', arch: 'x64', betterSqlite3: '12.11.1' }) });
    const stale = chooseDriver({ appRoot: root, runtime: electron45, betterSqlite3: '12.11.1' });
    expect(stale).toMatchObject({ ok: false, problem: { kind: 'stale', reason: expect.stringContaining('Electron 44.0.0') as unknown } });
  });
});

describe('loading the chosen build before anything else', () => {
  it('loads Electron’s build through nativeBinding, and every later connection uses it', () => {
    const root = newRoot();
    const file = placeElectronBuild(root, { from: NODE_BUILD, record: recordFor(thisProcessTarget()) });
    expect(startDriver({ appRoot: root, runtime: posing(), betterSqlite3: thisProcessTarget().betterSqlite3 })).toBeNull();
    expect(nativeBindingInUse()).toBe(file);
    const db = openDatabase(':memory:');
    expect(db.prepare('SELECT 6 * 7 AS answer').get()).toEqual({ answer: 42 });
    db.close();
  });

  it('reports a build that is there and fits its record but does not load, and falls back to no binding', () => {
    const root = newRoot();
    const file = placeElectronBuild(root, { content: 'this is not a shared library', record: recordFor(thisProcessTarget()) });
    const problem = startDriver({ appRoot: root, runtime: posing(), betterSqlite3: thisProcessTarget().betterSqlite3 });
    expect(problem).toMatchObject({ kind: 'load-failed', file, packaged: false });
    expect(problem?.kind === 'load-failed' ? problem.detail : '').not.toMatch(/\n/);
    expect(nativeBindingInUse()).toBeUndefined();
  });

  it('reports a packaged driver that does not load as a damaged installation', () => {
    const problem = startDriver({
      appRoot: newRoot(),
      runtime: { ...electron45, isPackaged: true },
      betterSqlite3: '12.11.1',
      probe: () => {
        throw new Error(ABI_MISMATCH);
      },
    });
    expect(problem).toMatchObject({ kind: 'load-failed', packaged: true, file: null });
  });

  it('words an ABI mismatch by its two versions, without Node’s advice to `npm rebuild`', () => {
    expect(loadFailureDetail(new Error(ABI_MISMATCH))).toBe('it was compiled for NODE_MODULE_VERSION 115, and this program needs NODE_MODULE_VERSION 150');
    expect(loadFailureDetail(new Error('first line\n    at stack'))).toBe('first line');
  });
});

describe('the start-up dialog’s words', () => {
  const target = { electron: '45.4.1', abi: '150', platform: 'linux', arch: 'x64', betterSqlite3: '12.11.1' };
  const problems: DriverProblem[] = [
    { kind: 'missing', file: '/app/native/electron/better_sqlite3.node', target },
    { kind: 'stale', file: '/app/native/electron/better_sqlite3.node', target, reason: 'it was built for Electron 44.0.0 (NODE_MODULE_VERSION 140)' },
    { kind: 'load-failed', file: '/app/native/electron/better_sqlite3.node', target, packaged: false, detail: loadFailureDetail(new Error(ABI_MISMATCH)) },
  ];

  it.each(problems)('say what is wrong ($kind), the one command that fixes it, and that the data was not touched', (problem) => {
    const words = driverProblemWords(problem, '/home/ana/.config/Aftertab');
    expect(words.title).toMatch(/SQLite driver/);
    expect(words.message).toContain('Electron 45.4.1');
    expect(words.message).toContain(`\n    ${REBUILD_COMMAND}\n`);
    expect(words.message).toContain('Your data was not touched: the ledger in /home/ana/.config/Aftertab was not opened.');
    expect(words.message).not.toMatch(/\bat \S+ \(|npm rebuild|Error:/);
    expect(words.logLine).not.toContain('\n');
    expect(words.logLine).toContain(REBUILD_COMMAND);
  });

  it('name the missing file and the stale build’s Electron', () => {
    expect(driverProblemWords(problems[0]!, '/d').message).toContain('there is no SQLite driver built for Electron 45.4.1 (NODE_MODULE_VERSION 150) yet');
    expect(driverProblemWords(problems[1]!, '/d').message).toContain('Electron 44.0.0');
    expect(driverProblemWords(problems[2]!, '/d').message).toContain('compiled for NODE_MODULE_VERSION 115');
  });

  it('tell the owner of a packaged app to reinstall, not to run npm', () => {
    const words = driverProblemWords({ kind: 'load-failed', file: null, target, packaged: true, detail: 'it was compiled for NODE_MODULE_VERSION 115, and this program needs NODE_MODULE_VERSION 150' }, 'C:\\Users\\ana\\AppData\\Roaming\\Aftertab');
    expect(words.message).toContain('Reinstall Aftertab from its installer; reinstalling keeps your data.');
    expect(words.message).not.toContain('npm');
    expect(words.message).toContain('C:\\Users\\ana\\AppData\\Roaming\\Aftertab');
  });
});
